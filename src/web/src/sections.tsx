// Renderers for corpus sections. Known ones get a view of their own; any other section (a stage
// added later) is shown by the generic renderer, so new sections appear without UI changes.
import type { DocumentRow } from './api';
import { when } from './util';

interface Reuse {
  a: string;
  b: string;
  passages: unknown[];
  coverageA: number;
  coverageB: number;
  sharedWords: number;
}

/** A copy or near-duplicate pair (corpus.duplicates), with its direction when dates tell it. */
export interface Duplicate {
  a: string;
  b: string;
  kind: string;
  similarity: number;
  containment: number;
  direction?: { from: string; to: string };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const short = (s: string) => (s.length > 22 ? s.slice(0, 21) + '…' : s);
const label = (d: DocumentRow | undefined, id: string) => d?.site ?? d?.title ?? d?.excerpt ?? id;

/** Which documents share text with which: a graph and tables from corpus.reuse and corpus.duplicates. */
export function Provenance(props: { reuse: Reuse[]; duplicates: Duplicate[]; docs: DocumentRow[] }) {
  const byId = new Map(props.docs.map((d) => [d.id, d]));
  if (!props.reuse.length && !props.duplicates.length) return <p class="muted">No shared passages between these documents.</p>;
  const ids = [...new Set([...props.reuse, ...props.duplicates].flatMap((r) => [r.a, r.b]))];
  const size = 380;
  const c = size / 2;
  const rad = size / 2 - 60;
  const pos = new Map(ids.map((id, i) => [id, { x: c + rad * Math.cos((2 * Math.PI * i) / ids.length - Math.PI / 2), y: c + rad * Math.sin((2 * Math.PI * i) / ids.length - Math.PI / 2) }]));
  const maxWords = Math.max(1, ...props.reuse.map((r) => r.sharedWords));
  return (
    <div class="provenance">
      <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} role="img" aria-label="Shared-text graph">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" class="arrow" />
          </marker>
        </defs>
        {props.reuse.map((r) => {
          const a = pos.get(r.a)!;
          const b = pos.get(r.b)!;
          return (
            <line key={`${r.a}-${r.b}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} class="edge" stroke-width={1 + (5 * r.sharedWords) / maxWords}>
              <title>{`${label(byId.get(r.a), r.a)} ↔ ${label(byId.get(r.b), r.b)}: ${r.sharedWords} shared words`}</title>
            </line>
          );
        })}
        {props.duplicates.map((r) => {
          const [from, to] = r.direction ? [r.direction.from, r.direction.to] : [r.a, r.b];
          const a = pos.get(from)!;
          const b = pos.get(to)!;
          return (
            <line key={`d-${r.a}-${r.b}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} class={`dup${r.direction ? ' directed' : ''}`} marker-end={r.direction ? 'url(#arrow)' : undefined}>
              <title>{`${r.kind} duplicate: ${label(byId.get(from), from)} ${r.direction ? '→' : '↔'} ${label(byId.get(to), to)} (similarity ${pct(r.similarity)})`}</title>
            </line>
          );
        })}
        {ids.map((id) => {
          const p = pos.get(id)!;
          return (
            <a key={id} href={`/documents/${id}`}>
              <circle cx={p.x} cy={p.y} r={7} class="node" />
              <text x={p.x} y={p.y + (p.y > c ? 20 : -12)} text-anchor="middle" class="node-label">
                {short(label(byId.get(id), id))}
              </text>
            </a>
          );
        })}
      </svg>
      <div class="provenance-tables">
      {props.duplicates.length ? (
        <table class="duplicates">
          <caption>Copies and near-duplicates</caption>
          <thead>
            <tr>
              <th scope="col">Earlier (or first)</th>
              <th scope="col">Copy</th>
              <th scope="col">Kind</th>
              <th scope="col" class="num">Similarity</th>
              <th scope="col" class="num">Containment</th>
            </tr>
          </thead>
          <tbody>
            {props.duplicates.map((r) => {
              const [from, to] = r.direction ? [r.direction.from, r.direction.to] : [r.a, r.b];
              return (
                <tr key={`${r.a}-${r.b}`}>
                  <td>
                    <a href={`/documents/${from}`}>{label(byId.get(from), from)}</a>
                  </td>
                  <td>
                    <a href={`/documents/${to}`}>{label(byId.get(to), to)}</a>
                  </td>
                  <td>{r.kind}</td>
                  <td class="num">{pct(r.similarity)}</td>
                  <td class="num">{pct(r.containment)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {props.reuse.length ? (
      <table class="reuse">
        <caption>Shared passages</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Shares text with</th>
            <th scope="col" class="num">Shared words</th>
            <th scope="col" class="num">Passages</th>
            <th scope="col">Coverage</th>
          </tr>
        </thead>
        <tbody>
          {props.reuse.map((r) => (
            <tr key={`${r.a}-${r.b}`}>
              <td>
                <a href={`/documents/${r.a}`}>{label(byId.get(r.a), r.a)}</a>
              </td>
              <td>
                <a href={`/documents/${r.b}`}>{label(byId.get(r.b), r.b)}</a>
              </td>
              <td class="num">{r.sharedWords}</td>
              <td class="num">{r.passages.length}</td>
              <td>
                {pct(r.coverageA)} / {pct(r.coverageB)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      ) : null}
      </div>
    </div>
  );
}

/** Documents in publication order; those without a date are listed after. */
export function Timeline(props: { docs: DocumentRow[] }) {
  const dated = props.docs.filter((d) => d.published).sort((a, b) => (a.published! < b.published! ? -1 : 1));
  const undated = props.docs.filter((d) => !d.published);
  return (
    <ol class="timeline">
      {dated.map((d) => (
        <li key={d.id}>
          <time dateTime={d.published}>{when(d.published)}</time>
          {d.publishedSource === 'option' ? <span class="muted"> (assumed)</span> : null} <a href={`/documents/${d.id}`}>{d.title ?? d.excerpt}</a>
          {d.site ? <span class="muted"> · {d.site}</span> : null}
        </li>
      ))}
      {undated.length ? <li class="muted">{undated.length} without a publication date</li> : null}
    </ol>
  );
}

/** Per outlet: documents, size, and how many documents it shares text with. */
export function SourceProfiles(props: { docs: DocumentRow[]; reuse: { a: string; b: string }[] }) {
  const outletOf = (d: DocumentRow) => d.site ?? (d.url ? safeHost(d.url) : undefined) ?? 'unknown outlet';
  const byId = new Map(props.docs.map((d) => [d.id, d]));
  const rows = new Map<string, { docs: number; chars: number; diags: number; partners: Set<string> }>();
  for (const d of props.docs) {
    const r = rows.get(outletOf(d)) ?? { docs: 0, chars: 0, diags: 0, partners: new Set<string>() };
    r.docs++;
    r.chars += d.characters;
    r.diags += d.diagnostics;
    rows.set(outletOf(d), r);
  }
  for (const x of props.reuse) {
    const a = byId.get(x.a);
    const b = byId.get(x.b);
    if (!a || !b) continue;
    rows.get(outletOf(a))?.partners.add(outletOf(b));
    rows.get(outletOf(b))?.partners.add(outletOf(a));
  }
  return (
    <table class="profiles">
      <thead>
        <tr>
          <th scope="col">Outlet</th>
          <th scope="col" class="num">Documents</th>
          <th scope="col" class="num">Characters</th>
          <th scope="col">Shares text with</th>
          <th scope="col" class="num">Diagnostics</th>
        </tr>
      </thead>
      <tbody>
        {[...rows].map(([name, r]) => (
          <tr key={name}>
            <td>{name}</td>
            <td class="num">{r.docs}</td>
            <td class="num">{r.chars.toLocaleString('en')}</td>
            <td>{r.partners.size ? [...r.partners].join(', ') : '—'}</td>
            <td class="num">{r.diags}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);
const numeric = (o: Obj) => (['best', 'value', 'high', 'low'] as const).find((k) => typeof o[k] === 'number');

/** Figures: a bar per item with a number (best/value), low–high whiskers when given; else a table. */
export function Figures(props: { items: unknown[] }) {
  const items = props.items.filter(isObj);
  const key = items.length ? numeric(items[0]) : undefined;
  if (!key) return <Generic value={props.items} />;
  const max = Math.max(...items.map((o) => Number(o.high ?? o[key] ?? 0)), 1);
  return (
    <div class="figures" role="img" aria-label="Disputed figures chart">
      {items.map((o, i) => {
        const v = Number(o[key] ?? 0);
        return (
          <div key={i} class={`figure-row${o.disputed || o.status === 'disputed' ? ' disputed' : ''}`}>
            <span class="figure-label">{String(o.label ?? o.name ?? o.unit ?? o.id ?? i + 1)}</span>
            <span class="bar-track">
              {typeof o.low === 'number' && typeof o.high === 'number' ? (
                <>
                  <span class="bar range" style={{ left: `${(100 * o.low) / max}%`, width: `${Math.max(0.5, (100 * (o.high - o.low)) / max)}%` }} />
                  <span class="tick" style={{ left: `${(100 * v) / max}%` }} />
                </>
              ) : (
                <span class="bar" style={{ width: `${(100 * v) / max}%` }} />
              )}
            </span>
            <span class="num">
              {typeof o.low === 'number' && typeof o.high === 'number' ? `${o.low.toLocaleString('en')}–${o.high.toLocaleString('en')}` : v.toLocaleString('en')}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** Claim groups as a matrix: one row per group, one column per document that states a member. */
export function ClaimsMatrix(props: { groups: unknown[]; docs: DocumentRow[] }) {
  const groups = props.groups.filter(isObj);
  const docOf = (m: unknown) => (isObj(m) ? String(m.document ?? m.doc ?? '') : '');
  const membersOf = (g: Obj) => (Array.isArray(g.members) ? g.members : Array.isArray(g.claims) ? g.claims : []);
  if (!groups.length || !groups.some((g) => membersOf(g).some(docOf))) return <Generic value={props.groups} />;
  return (
    <table class="matrix">
      <thead>
        <tr>
          <th scope="col">Claim</th>
          {props.docs.map((d) => (
            <th scope="col" key={d.id} title={d.title ?? d.id}>
              {short(d.site ?? d.title ?? d.excerpt)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((g, i) => {
          const members = membersOf(g);
          return (
            <tr key={i}>
              <th scope="row">{String(g.text ?? g.label ?? g.id ?? i + 1)}</th>
              {props.docs.map((d) => {
                const m = members.find((x) => docOf(x) === d.id);
                return <td key={d.id}>{m ? (isObj(m) && m.stance ? String(m.stance) : '●') : ''}</td>;
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Any JSON value, readably: tables for arrays of records, definition lists for objects. */
export function Generic(props: { value: unknown; depth?: number }) {
  const { value } = props;
  const depth = props.depth ?? 0;
  if (value === null || value === undefined) return <span class="muted">—</span>;
  if (typeof value !== 'object') return <>{String(value)}</>;
  if (Array.isArray(value)) {
    if (!value.length) return <span class="muted">none</span>;
    // Lists of words or numbers read best as a list; nested records fold away inside a table cell.
    if (value.every((v) => v === null || typeof v !== 'object')) return <>{value.map(String).join(', ')}</>;
    if (depth >= 1)
      return (
        <details>
          <summary>{value.length} items</summary>
          <code class="json">{JSON.stringify(value).slice(0, 2000)}</code>
        </details>
      );
    if (value.every(isObj)) {
      const cols = [...new Set(value.flatMap((o) => Object.keys(o as Obj)))].slice(0, 10);
      return (
        <table class="generic">
          <thead>
            <tr>
              {cols.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {value.slice(0, 200).map((o, i) => (
              <tr key={i}>
                {cols.map((c) => (
                  <td key={c}>
                    <Generic value={(o as Obj)[c]} depth={depth + 1} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    return <code class="json">{JSON.stringify(value).slice(0, 400)}</code>;
  }
  if (depth >= 2) return <code class="json">{JSON.stringify(value).slice(0, 400)}</code>;
  return (
    <dl class="generic">
      {Object.entries(value as Obj).map(([k, v]) => (
        <>
          <dt key={`k-${k}`}>{k}</dt>
          <dd key={`v-${k}`}>
            <Generic value={v} depth={depth + 1} />
          </dd>
        </>
      ))}
    </dl>
  );
}
