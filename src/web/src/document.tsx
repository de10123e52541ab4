import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Span, StoredDocument, StoryPage } from './api';
import { citeHref, figureText, groupAnchor, isClaimGroups, type ClaimGroup } from './analysis';
import { navigate } from './router';
import { Generic } from './sections';
import { JsonLink, Loaded, useApi, useTitle, when } from './util';

interface Mark {
  layer: string;
  index: number;
  span: Span;
  /** The highlighted range: the span itself, or one of its parts (an attribution's source, cue, content). */
  start: number;
  end: number;
  part?: 'source' | 'cue' | 'content';
}

type Range = { start: number; end: number; text?: string };
const isRange = (x: unknown): x is Range => !!x && typeof x === 'object' && typeof (x as Range).start === 'number' && typeof (x as Range).end === 'number';

/** The ranges a span highlights: an attribution shows its source, cue and content, anything else itself. */
function partsOf(layer: string, span: Span): { start: number; end: number; part?: Mark['part'] }[] {
  if (layer !== 'attributions') return [{ start: span.start, end: span.end }];
  const out: { start: number; end: number; part?: Mark['part'] }[] = [];
  if (isRange(span.source)) out.push({ start: span.source.start, end: span.source.end, part: 'source' });
  if (isRange(span.cue)) out.push({ start: span.cue.start, end: span.cue.end, part: 'cue' });
  for (const c of Array.isArray(span.content) ? span.content : []) if (isRange(c)) out.push({ start: c.start, end: c.end, part: 'content' });
  return out.length ? out : [{ start: span.start, end: span.end }];
}

/** Cuts the text at every span boundary of the shown layers; each piece lists the spans over it. */
export function segments(text: string, layers: Record<string, Span[]>, shown: string[]): { start: number; end: number; marks: Mark[] }[] {
  const cuts = new Set([0, text.length]);
  const all: Mark[] = [];
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  for (const layer of shown)
    (layers[layer] ?? []).forEach((span, index) => {
      for (const r of partsOf(layer, span)) {
        if (r.end <= r.start) continue;
        cuts.add(clamp(r.start));
        cuts.add(clamp(r.end));
        all.push({ layer, index, span, ...r });
      }
    });
  const points = [...cuts].sort((a, b) => a - b);
  all.sort((a, b) => a.start - b.start);
  // Sweep: spans enter when the cut reaches their start and leave once it passes their end.
  const out: { start: number; end: number; marks: Mark[] }[] = [];
  let open: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    while (next < all.length && all[next].start <= start) open.push(all[next++]);
    open = open.filter((m) => m.end > start);
    out.push({ start, end, marks: open.filter((m) => m.end >= end) });
  }
  return out;
}

/** The `#start-end` of a citation link, when the URL has one. */
function targetOf(hash: string): { start: number; end: number } | undefined {
  const m = /^#(\d+)-(\d+)$/.exec(hash);
  return m && Number(m[2]) > Number(m[1]) ? { start: Number(m[1]), end: Number(m[2]) } : undefined;
}

/** The URL's hash, kept current on internal navigation and hash changes. */
function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('popstate', on);
    addEventListener('hashchange', on);
    return () => {
      removeEventListener('popstate', on);
      removeEventListener('hashchange', on);
    };
  }, []);
  return hash;
}

/** A name for a document without a title: the opening words of its text. */
const untitled = (text: string) => {
  const line = text.trimStart().split('\n', 1)[0];
  return line.length > 90 ? line.slice(0, 90) + '…' : line || 'Untitled document';
};

/** The fields of a span other than its position and text. */
const fields = (s: Span) => Object.fromEntries(Object.entries(s).filter(([k]) => !['start', 'end', 'text'].includes(k)));

/** Stable colour class per layer, so each layer keeps its colour whatever else is shown. */
const colour = (layers: string[], layer: string) => `c${layers.indexOf(layer) % 6}`;

/** A document: clean text with any of its layers highlighted, span fields on hover/focus, diagnostics. */
export function DocumentView(props: { id: string; query: URLSearchParams }) {
  const state = useApi<StoredDocument>(`/api/documents/${props.id}`);
  useTitle(state.data ? (state.data.meta.title ?? untitled(state.data.text)) : props.id);
  return <Loaded state={state}>{(doc) => <DocumentBody doc={doc} query={props.query} />}</Loaded>;
}

function DocumentBody(props: { doc: StoredDocument; query: URLSearchParams }) {
  const { doc } = props;
  const names = Object.keys(doc.layers);
  const fromUrl = props.query.get('layers');
  const shown = fromUrl !== null ? fromUrl.split(',').filter((l) => names.includes(l)) : names.filter((l) => l !== 'paragraphs' && l !== 'tokens');
  const [active, setActive] = useState<Mark[]>([]);
  const segs = useMemo(() => segments(doc.text, doc.layers, shown), [doc, shown.join(',')]);
  const target = targetOf(useHash());
  // The story's claim groups, so a claim's card can name its group, figure and link back to it.
  const story = doc.stories[0]?.id;
  const storyState = useApi<StoryPage>(story && doc.layers.claims?.length ? `/api/stories/${story}` : undefined);
  const groupOf = useMemo(() => {
    const m = new Map<string, ClaimGroup>();
    const groups = storyState.data?.corpus.claimGroups;
    if (isClaimGroups(groups)) for (const g of groups) for (const c of g.claims) if (c.doc === doc.id) m.set(c.claim, g);
    return m;
  }, [storyState.data, doc.id]);
  // A citation link (#start-end) scrolls its span into view and focuses it.
  useEffect(() => {
    if (!target) return;
    const el = document.querySelector<HTMLElement>('.text mark.target');
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [target?.start, target?.end]);
  // j / k step through the highlighted spans, like a reader's next/previous.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if ((e.key !== 'j' && e.key !== 'k') || e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      const marks = [...document.querySelectorAll<HTMLElement>('.text mark')];
      if (!marks.length) return;
      const at = marks.indexOf(document.activeElement as HTMLElement);
      const next = e.key === 'j' ? Math.min(marks.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
      marks[next].focus();
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const toggle = (layer: string) => {
    const next = shown.includes(layer) ? shown.filter((l) => l !== layer) : [...shown, layer];
    navigate(`/documents/${doc.id}?layers=${next.join(',')}`, true);
  };
  return (
    <article class="document">
      <h1>
        {doc.meta.title ?? untitled(doc.text)} <JsonLink href={`/api/documents/${doc.id}`} />
      </h1>
      <p class="facts">
        {[doc.meta.site, doc.meta.byline, doc.meta.published ? when(doc.meta.published) : undefined].filter(Boolean).join(' · ')}
        {doc.meta.url ? (
          <>
            {' · '}
            <a href={doc.meta.url} rel="noopener noreferrer nofollow" target="_blank">
              original
            </a>
          </>
        ) : null}
        {doc.stories.map((s) => (
          <>
            {' · '}
            <a href={`/stories/${s.id}`}>{s.name}</a>
          </>
        ))}
      </p>
      <fieldset class="layer-picker">
        <legend>Highlight layers</legend>
        {names.map((l) => (
          <label key={l} class={`chip ${colour(names, l)}`}>
            <input type="checkbox" checked={shown.includes(l)} onChange={() => toggle(l)} /> {l} ({doc.layers[l].length})
          </label>
        ))}
      </fieldset>
      <div class="reader">
        <div class="text" lang={typeof doc.meta.language === 'string' ? doc.meta.language : undefined}>
          {segs.map((s) => {
            const piece = doc.text.slice(s.start, s.end);
            const hit = target && s.start < target.end && s.end > target.start;
            if (!s.marks.length && !hit) return piece;
            const cls = s.marks.map((m) => `l-${m.layer.replace(/[^\w-]/g, '_')} ${colour(names, m.layer)} n${m.index % 2}${m.part ? ` part-${m.part}` : ''}`).join(' ');
            return (
              <mark
                key={s.start}
                class={`${cls}${hit ? ' target' : ''}`}
                tabIndex={0}
                data-spans={s.marks.map((m) => `${m.layer}:${m.span.id}`).join(' ')}
                onMouseEnter={() => setActive(s.marks)}
                onFocus={() => setActive(s.marks)}
              >
                {piece}
              </mark>
            );
          })}
        </div>
        <aside class="span-panel" aria-live="polite">
          <h2>Span</h2>
          {active.length ? (
            active.map((m) => (
              <div key={`${m.layer}-${m.span.id}`} class={`span-card card-${m.layer.replace(/[^\w-]/g, '_')}`}>
                <h3>
                  {m.layer} <code>{m.span.id}</code>{' '}
                  <a class="muted" href={citeHref(doc.id, m.span.start, m.span.end)}>
                    [{m.span.start}, {m.span.end})
                  </a>
                </h3>
                {m.layer === 'attributions' ? <AttributionCard span={m.span} /> : m.layer === 'claims' ? <ClaimCard span={m.span} group={groupOf.get(m.span.id)} story={story} doc={doc.id} /> : null}
                <blockquote>{m.span.text}</blockquote>
                {m.layer === 'attributions' || m.layer === 'claims' ? (
                  <details>
                    <summary>All fields</summary>
                    <Generic value={fields(m.span)} />
                  </details>
                ) : (
                  <Generic value={fields(m.span)} />
                )}
              </div>
            ))
          ) : (
            <p class="muted">Hover or focus highlighted text to see its fields (j / k step through them).</p>
          )}
        </aside>
      </div>
      {Object.keys(doc.records).length ? (
        <section>
          <h2>Records</h2>
          <Generic value={doc.records} />
        </section>
      ) : null}
      <section>
        <h2>Diagnostics</h2>
        {doc.diagnostics.length ? (
          <ul class="diagnostics">
            {doc.diagnostics.map((d, i) => (
              <li key={i} class={`sev-${d.severity}`}>
                <strong>{d.severity}</strong> <code>{d.code}</code> ({d.stage}): {d.message}
                {d.expected ? <span class="muted"> Expected: {d.expected}</span> : null}
                {d.span ? <q>{doc.text.slice(d.span.start, d.span.end)}</q> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">none</p>
        )}
      </section>
    </article>
  );
}

const rangeText = (r: unknown) => (isRange(r) ? (r.text ?? '') : '');

/** Who said it, how, and what: the three parts of an attribution. */
function AttributionCard(props: { span: Span }) {
  const s = props.span;
  const content = Array.isArray(s.content) ? s.content.map(rangeText).filter(Boolean) : [];
  return (
    <dl class="attribution-card">
      <dt>Source</dt>
      <dd class="attr-source">{rangeText(s.source) || 'none (agentless)'}</dd>
      <dt>Cue</dt>
      <dd class="attr-cue">{rangeText(s.cue) || '—'}</dd>
      <dt>Content</dt>
      <dd class="attr-content">{content.join(' … ') || '—'}</dd>
      {typeof s.kind === 'string' ? (
        <>
          <dt>Kind</dt>
          <dd>{s.kind}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** A claim's figure, speaker chain and the claim group it belongs to on the story page. */
function ClaimCard(props: { span: Span; group?: ClaimGroup; story?: string; doc: string }) {
  const s = props.span;
  const inGroup = props.group?.claims.find((c) => c.doc === props.doc && c.claim === s.id);
  const speaker = s.speaker as { name?: string; via?: string[]; unattributed?: boolean } | undefined;
  const chain = inGroup?.chain?.length ? inGroup.chain : [...(speaker?.via ?? []), ...(speaker?.name ? [speaker.name] : [])];
  return (
    <dl class="claim-card">
      <dt>Figure</dt>
      <dd class="claim-figure">
        {figureText({ low: s.low as number | null, high: s.high as number | null, value: s.value as number | null })} {typeof s.unit === 'string' ? s.unit : ''}
      </dd>
      <dt>Speaker chain</dt>
      <dd>{chain.length ? chain.join(' → ') : speaker?.unattributed ? 'unattributed' : '—'}</dd>
      <dt>Group</dt>
      <dd>
        {props.group && props.story ? (
          <>
            <a href={`/stories/${props.story}#${groupAnchor(props.group.id)}`}>{props.group.label}</a> <span class={`badge ${props.group.status}`}>{props.group.status}</span>
          </>
        ) : (
          <span class="muted">not in a claim group</span>
        )}
      </dd>
    </dl>
  );
}
