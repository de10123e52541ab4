// Views of the cross-document analysis (claimGroups, figures, timeline, provenance, source profiles).
// Every citation links to `/documents/:id#start-end`, which scrolls to and highlights that span.
import type { DocumentRow } from './api';

import type { ClaimGroup, GroupedClaim } from '../../claims/align.js';
import type { Figure } from '../../claims/figures.js';
import type { TimelineEvent } from '../../claims/timeline.js';
import type { Provenance as ProvenanceSection } from '../../provenance/stage.js';
import type { SourceProfile } from '../../profile/stage.js';

// The section shapes come from the stages that write them (type-only imports: nothing is bundled).
export type { ClaimGroup, Figure, ProvenanceSection, SourceProfile, TimelineEvent };
type GroupClaim = GroupedClaim;

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** True when a value has the shape of the claimGroups section. */
export const isClaimGroups = (x: unknown): x is ClaimGroup[] => Array.isArray(x) && x.every((g) => isObj(g) && Array.isArray(g.claims) && Array.isArray(g.relations) && typeof g.status === 'string');
/** True when a value has the shape of the figures section. */
export const isFigures = (x: unknown): x is Figure[] => Array.isArray(x) && x.every((f) => isObj(f) && typeof f.group === 'string' && typeof f.rule === 'string');
/** True when a value has the shape of the timeline section. */
export const isTimeline = (x: unknown): x is TimelineEvent[] => Array.isArray(x) && x.every((e) => isObj(e) && Array.isArray(e.entries));
/** True when a value has the shape of the provenance section. */
export const isProvenance = (x: unknown): x is ProvenanceSection => isObj(x) && Array.isArray(x.edges) && Array.isArray(x.groups) && isObj(x.groupOf);

const fmt = (n: number) => n.toLocaleString('en');

/** A claim's figure as text: 3,000 · 10,000–12,000 · up to 15,000 · at least 500. */
export function figureText(c: { low?: number | null; high?: number | null; value?: number | null }): string {
  if (typeof c.value === 'number') return fmt(c.value);
  const lo = c.low ?? null;
  const hi = c.high ?? null;
  if (lo !== null && hi !== null) return lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`;
  if (hi !== null) return `up to ${fmt(hi)}`;
  if (lo !== null) return `at least ${fmt(lo)}`;
  return '—';
}

/** The link to a cited span on its document page. */
export const citeHref = (doc: string, start: number, end: number) => `/documents/${doc}#${start}-${end}`;

/** The anchor id of a claim group on the story page. */
export const groupAnchor = (id: string) => `group-${id.replace(/[^\w-]/g, '_')}`;

const docName = (d: DocumentRow | undefined, id: string) => d?.site ?? d?.title ?? d?.excerpt ?? id;
const short = (s: string, n = 24) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export const SCOPES = ['region', 'country', 'border', 'front', 'place'] as const;
const scopeClass = (s: string | undefined) => `scope-${s && (SCOPES as readonly string[]).includes(s) ? s : 'none'}`;
const STATUS_ORDER: Record<string, number> = { disputed: 0, established: 1, 'single-source': 2 };

/** Claim groups in reading order: disputed, established, then single-source folded away. */
export function ClaimGroupsView(props: { groups: ClaimGroup[]; figures: Figure[]; docs: DocumentRow[] }) {
  const sorted = [...props.groups].sort((a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3));
  const figureOf = new Map(props.figures.map((f) => [f.group, f]));
  const open = sorted.filter((g) => g.status !== 'single-source');
  const single = sorted.filter((g) => g.status === 'single-source');
  const one = (g: ClaimGroup) => <GroupCard key={g.id} group={g} figure={figureOf.get(g.id)} docs={props.docs} />;
  return (
    <div class="claim-groups">
      <ScopeLegend />
      {open.map(one)}
      {single.length ? (
        <details class="single-source">
          <summary>
            {single.length} single-source group{single.length === 1 ? '' : 's'}
          </summary>
          {single.map(one)}
        </details>
      ) : null}
    </div>
  );
}

function ScopeLegend() {
  return (
    <p class="legend" aria-label="Legend">
      {[...SCOPES, 'none'].map((s) => (
        <span key={s} class="legend-item">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" class={`pt scope-${s}`} />
          </svg>{' '}
          {s === 'none' ? 'no place' : s}
        </span>
      ))}
      <span class="legend-item">
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4.5" class="pt hollow" />
        </svg>{' '}
        projection
      </span>
    </p>
  );
}

/** One claim group: status, the chart of its figures, and its low/best/high. */
function GroupCard(props: { group: ClaimGroup; figure?: Figure; docs: DocumentRow[] }) {
  const { group: g, figure: f } = props;
  return (
    <section class={`group-card status-${g.status}`} id={groupAnchor(g.id)} aria-labelledby={`${groupAnchor(g.id)}-h`} tabIndex={-1}>
      <h3 id={`${groupAnchor(g.id)}-h`}>
        <a href={`#${groupAnchor(g.id)}`} class="anchor">
          {g.label}
        </a>{' '}
        <span class={`badge ${g.status}`}>{g.status}</span>{' '}
        <span class="muted small">
          {g.claims.length} claim{g.claims.length === 1 ? '' : 's'} · {g.independentSources} independent source{g.independentSources === 1 ? '' : 's'}
        </span>
      </h3>
      <ClaimChart group={g} docs={props.docs} />
      {f ? (
        <p class="estimate">
          <span title={f.rule} class="rule">
            low <strong>{f.low === null ? '—' : fmt(f.low)}</strong> · best <strong>{f.best === null ? '—' : fmt(f.best)}</strong> · high{' '}
            <strong>{f.high === null ? '—' : fmt(f.high)}</strong>
          </span>{' '}
          <span class="muted small">{f.unit ?? ''}</span>
        </p>
      ) : null}
      {f ? (
        <details class="rule-text small">
          <summary>How low / best / high were chosen</summary>
          {f.rule}
        </details>
      ) : null}
    </section>
  );
}

/** Dates like 2024-10, 2024-W44, 2024-11-06 in one sortable form (week → its Monday-ish day). */
function sortableDate(d: string | undefined): string {
  if (!d) return '9999';
  const w = /^(\d{4})-W(\d{2})$/.exec(d);
  if (w) {
    const day = new Date(Date.UTC(Number(w[1]), 0, 1 + (Number(w[2]) - 1) * 7));
    return day.toISOString().slice(0, 10);
  }
  return d;
}

/** Points and range bars, one row per claim ordered by report date, coloured by the scope of place. */
export function ClaimChart(props: { group: ClaimGroup; docs: DocumentRow[] }) {
  const byId = new Map(props.docs.map((d) => [d.id, d]));
  const rows = props.group.claims
    .filter((c) => typeof c.value === 'number' || c.low !== null || c.high !== null)
    .sort((a, b) => (sortableDate(a.reportDate) < sortableDate(b.reportDate) ? -1 : sortableDate(a.reportDate) > sortableDate(b.reportDate) ? 1 : 0));
  if (!rows.length) return <p class="muted">No figures in these claims.</p>;
  const max = Math.max(1, ...rows.flatMap((c) => [c.value ?? 0, c.low ?? 0, c.high ?? 0])) * 1.08;
  const left = 300;
  const width = 880;
  const plot = width - left - 20;
  const rowH = 22;
  const top = 8;
  const height = top + rows.length * rowH + 28;
  const x = (v: number) => left + (plot * v) / max;
  const ticks = niceTicks(max);
  return (
    <svg class="claim-chart" viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px` }} role="group" aria-label={`Figures claimed for ${props.group.label}`}>
      <defs>
        <marker id={`open-end-${groupAnchor(props.group.id)}`} viewBox="0 0 10 10" refX="5" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" class="open-arrow" />
        </marker>
      </defs>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 4} y2={height - 24} class="grid" />
          <text x={x(t)} y={height - 10} text-anchor="middle" class="axis">
            {fmt(t)}
          </text>
        </g>
      ))}
      {rows.map((c, i) => {
        const y = top + i * rowH + rowH / 2;
        const projected = c.phase === 'projected';
        const cls = `${scopeClass(c.scope)}${projected ? ' hollow' : ''}`;
        const who = c.speaker ?? (c.unattributed ? 'unattributed' : 'the outlet');
        const label = `${short(who, 30)} · ${c.reportDate ?? 'undated'}`;
        const figure = figureText(c);
        const tip = `${figure} ${c.subject ?? ''} — ${who}, reported ${c.reportDate ?? 'undated'}${c.place ? `, ${c.place} (${c.scope ?? 'place'})` : ''}${c.phase ? `, ${c.phase}` : ''} · ${docName(byId.get(c.doc), c.doc)}`;
        const point = typeof c.value === 'number' || (c.low !== null && c.low === c.high);
        let mark;
        if (point) {
          const v = typeof c.value === 'number' ? c.value : c.low!;
          mark = <circle cx={x(v)} cy={y} r={6} class={`pt ${cls}`} data-value={v} />;
        } else if (c.low !== null && c.high !== null) {
          mark = <rect x={x(c.low)} y={y - 5} width={Math.max(3, x(c.high) - x(c.low))} height={10} rx={3} class={`range ${cls}`} data-low={c.low} data-high={c.high} />;
        } else if (c.high !== null) {
          // "up to N": the bar runs from N down toward zero, ending in an arrow.
          mark = <line x1={x(c.high)} x2={x(0) + 6} y1={y} y2={y} class={`open ${cls}`} marker-end={`url(#open-end-${groupAnchor(props.group.id)})`} data-high={c.high} />;
        } else {
          mark = <line x1={x(c.low!)} x2={left + plot + 10} y1={y} y2={y} class={`open ${cls}`} marker-end={`url(#open-end-${groupAnchor(props.group.id)})`} data-low={c.low} />;
        }
        return (
          <a key={`${c.doc}/${c.claim}`} href={citeHref(c.doc, c.start, c.end)} class="claim-row" aria-label={tip}>
            <title>{tip}</title>
            <rect x={0} y={y - rowH / 2} width={width} height={rowH} class="row-bg" />
            <text x={left - 8} y={y + 4} text-anchor="end" class="row-label">
              {label}
            </text>
            {mark}
            <text x={Math.min(left + plot - 4, x(Math.max(c.value ?? 0, c.high ?? 0, c.low ?? 0)) + 10)} y={y + 4} class="row-figure">
              {figure}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

function niceTicks(max: number): number[] {
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= max; t += step) out.push(t);
  return out;
}

/** Per claim group and document: agrees, conflicts or silent, with the document's figure. */
export function matrixCell(g: ClaimGroup, doc: string): { state: 'agrees' | 'conflicts' | 'silent'; claims: GroupClaim[] } {
  const claims = g.claims.filter((c) => c.doc === doc);
  if (!claims.length) return { state: 'silent', claims };
  const docOf = (ref: string) => ref.split('/')[0];
  const conflicts = g.relations.some((r) => r.relation === 'conflicts' && docOf(r.a) !== docOf(r.b) && (docOf(r.a) === doc || docOf(r.b) === doc));
  return { state: conflicts ? 'conflicts' : 'agrees', claims };
}

/** The claims matrix: claim groups × source documents. */
export function ClaimsMatrixView(props: { groups: ClaimGroup[]; docs: DocumentRow[] }) {
  const groups = [...props.groups].sort((a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3));
  const docs = props.docs.filter((d) => d.status === 'ok');
  return (
    <div class="matrix-wrap">
      <table class="matrix claims-matrix">
        <thead>
          <tr>
            <th scope="col">Claim group</th>
            {docs.map((d) => (
              <th scope="col" key={d.id} title={d.title ?? d.excerpt}>
                <a href={`/documents/${d.id}`}>{short(docName(d, d.id), 18)}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <th scope="row">
                <a href={`#${groupAnchor(g.id)}`}>{g.label}</a> <span class={`badge ${g.status}`}>{g.status}</span>
              </th>
              {docs.map((d) => {
                const cell = matrixCell(g, d.id);
                return (
                  <td key={d.id} class={`cell-${cell.state}`} data-state={cell.state}>
                    <span class="state">{cell.state}</span>
                    {cell.claims.map((c) => (
                      <a key={c.claim} class="cell-figure" href={citeHref(c.doc, c.start, c.end)} title={`${c.speaker ?? 'unattributed'}: ${figureText(c)}`}>
                        {figureText(c)}
                      </a>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Events with their dates as each document gives them; disputed first events stand out. */
export function EventTimeline(props: { events: TimelineEvent[]; docs: DocumentRow[] }) {
  const byId = new Map(props.docs.map((d) => [d.id, d]));
  if (!props.events.length) return <p class="muted">No dated events found.</p>;
  return (
    <ol class="events">
      {props.events.map((e, i) => (
        <li key={`${e.event}-${i}`} class={e.disputed && e.first ? 'disputed-first' : e.disputed ? 'disputed' : ''}>
          <strong>{e.label}</strong>
          {e.first ? <span class="muted"> (first)</span> : null}
          {e.disputed ? <span class="badge disputed">dates disagree</span> : null}
          <ul>
            {[...e.entries]
              .sort((a, b) => (sortableDate(a.date) < sortableDate(b.date) ? -1 : 1))
              .map((x, j) => (
                <li key={j}>
                  <time>{x.date}</time> {x.dateText ? <span class="muted">“{x.dateText}”</span> : null} — {x.speaker ?? 'unattributed'} ·{' '}
                  <a href={citeHref(x.doc, x.start, x.end)}>{docName(byId.get(x.doc), x.doc)}</a>
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Documents as nodes boxed by source group; copy edges arrowed when directed; wire credits labelled. */
export function ProvenanceGraph(props: { provenance: ProvenanceSection; docs: DocumentRow[] }) {
  const { provenance: p } = props;
  const byId = new Map(props.docs.map((d) => [d.id, d]));
  const groups = [...p.groups];
  for (const d of props.docs) if (!p.groupOf[d.id] && d.status === 'ok') groups.push({ id: `solo-${d.id}`, documents: [d.id], wires: [], reasons: [] });
  const boxW = 170;
  const gap = 30;
  const nodeH = 34;
  const perRow = Math.max(1, Math.min(groups.length, 5));
  const pos = new Map<string, { x: number; y: number }>();
  const boxes: { id: string; x: number; y: number; h: number; wires: string[]; reasons: string[]; n: number }[] = [];
  let rowTop = 10;
  for (let r = 0; r * perRow < groups.length; r++) {
    const row = groups.slice(r * perRow, (r + 1) * perRow);
    const h = Math.max(...row.map((g) => g.documents.length)) * nodeH + 30;
    row.forEach((g, i) => {
      const x = 10 + i * (boxW + gap);
      boxes.push({ id: g.id, x, y: rowTop, h: g.documents.length * nodeH + 30, wires: g.wires, reasons: g.reasons, n: g.documents.length });
      g.documents.forEach((d, j) => pos.set(d, { x: x + 14, y: rowTop + 20 + j * nodeH }));
    });
    rowTop += h + gap;
  }
  const width = 10 + perRow * (boxW + gap);
  const wiresOf = new Map<string, string[]>();
  for (const w of p.wires) wiresOf.set(w.doc, [...(wiresOf.get(w.doc) ?? []), w.wire]);
  return (
    <svg class="provenance-graph" viewBox={`0 0 ${width} ${rowTop}`} width="100%" style={{ maxWidth: `${width}px` }} role="group" aria-label="Provenance: documents grouped by source">
      <defs>
        <marker id="copy-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" class="arrow" />
        </marker>
      </defs>
      {boxes.map((b, i) => (
        <g key={b.id} class={`source-group g${i % 6}${b.n > 1 ? ' shared' : ''}`}>
          <rect x={b.x} y={b.y} width={boxW} height={b.h} rx={8} class="group-box">
            <title>{b.reasons.join('; ') || 'an independent source'}</title>
          </rect>
          {b.wires.length ? (
            <text x={b.x + 8} y={b.y + b.h - 8} class="wire-label">
              wire: {b.wires.join(', ')}
            </text>
          ) : null}
        </g>
      ))}
      {p.edges.map((e, i) => {
        const a = pos.get(e.from);
        const b = pos.get(e.to);
        if (!a || !b) return null;
        return (
          <line key={i} x1={a.x} y1={a.y} x2={b.x} y2={b.y} class={`pedge ${e.kind}${e.directed ? ' directed' : ''}`} marker-end={e.directed ? 'url(#copy-arrow)' : undefined}>
            <title>{`${e.kind}${e.directed ? ' (directed)' : ''}: ${e.reason}`}</title>
          </line>
        );
      })}
      {[...pos].map(([id, q]) => (
        <a key={id} href={`/documents/${id}`} aria-label={docName(byId.get(id), id)}>
          <circle cx={q.x} cy={q.y} r={6} class="node" />
          <text x={q.x + 12} y={q.y + 4} class="node-label">
            {short(docName(byId.get(id), id), 21)}
          </text>
          <title>{`${byId.get(id)?.title ?? docName(byId.get(id), id)}${wiresOf.has(id) ? ` (credits ${wiresOf.get(id)!.join(', ')})` : ''}`}</title>
        </a>
      ))}
    </svg>
  );
}

/** Per document: genre badge, score, reasons, counts, and a link to its evidence spans. */
export function GenreProfiles(props: { docs: DocumentRow[] }) {
  const docs = props.docs.filter((d) => d.profile);
  if (!docs.length) return null;
  return (
    <table class="genre-profiles">
      <caption>Source profiles</caption>
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">Genre</th>
          <th scope="col" class="num">Score</th>
          <th scope="col">Reasons</th>
          <th scope="col">Counts</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((d) => (
          <tr key={d.id}>
            <td>
              <a href={`/documents/${d.id}`}>{short(docName(d, d.id), 40)}</a>
            </td>
            <td>
              <span class={`badge genre-${d.profile!.genre}`}>{d.profile!.genre}</span>
            </td>
            <td class="num">{d.profile!.score.toFixed(1)}</td>
            <td>{d.profile!.reasons.join('; ') || '—'}</td>
            <td class="small">
              {Object.entries(d.profile!.counts)
                .filter(([, n]) => n > 0)
                .map(([k, n]) => `${k} ${n}`)
                .join(' · ') || '—'}{' '}
              <a href={`/documents/${d.id}?layers=profile`}>evidence</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
