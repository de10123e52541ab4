import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Span, StoredDocument } from './api';
import { navigate } from './router';
import { Generic } from './sections';
import { JsonLink, Loaded, useApi, useTitle, when } from './util';

interface Mark {
  layer: string;
  index: number;
  span: Span;
}

/** Cuts the text at every span boundary of the shown layers; each piece lists the spans over it. */
export function segments(text: string, layers: Record<string, Span[]>, shown: string[]): { start: number; end: number; marks: Mark[] }[] {
  const cuts = new Set([0, text.length]);
  const all: Mark[] = [];
  for (const layer of shown)
    (layers[layer] ?? []).forEach((span, index) => {
      if (span.end <= span.start) return;
      cuts.add(Math.max(0, Math.min(text.length, span.start)));
      cuts.add(Math.max(0, Math.min(text.length, span.end)));
      all.push({ layer, index, span });
    });
  const points = [...cuts].sort((a, b) => a - b);
  all.sort((a, b) => a.span.start - b.span.start);
  // Sweep: spans enter when the cut reaches their start and leave once it passes their end.
  const out: { start: number; end: number; marks: Mark[] }[] = [];
  let open: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    while (next < all.length && all[next].span.start <= start) open.push(all[next++]);
    open = open.filter((m) => m.span.end > start);
    out.push({ start, end, marks: open.filter((m) => m.span.end >= end) });
  }
  return out;
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
            if (!s.marks.length) return piece;
            const cls = s.marks.map((m) => `l-${m.layer.replace(/[^\w-]/g, '_')} ${colour(names, m.layer)} n${m.index % 2}`).join(' ');
            return (
              <mark
                key={s.start}
                class={cls}
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
              <div key={`${m.layer}-${m.span.id}`} class="span-card">
                <h3>
                  {m.layer} <code>{m.span.id}</code> <span class="muted">[{m.span.start}, {m.span.end})</span>
                </h3>
                <blockquote>{m.span.text}</blockquote>
                <Generic value={fields(m.span)} />
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
