import { fmt } from '../claims/align.js';
import type { Report, ReportDocument } from './report.js';
import { chainText, docLabel, profileOf, sections } from './sections.js';

/** Escapes text for HTML: article text is untrusted and is only ever rendered as text. */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function anchor(doc: string, start: number): string {
  return `d-${doc}-${start}`;
}

function citeLink(report: Report, doc: string, start: number, end: number): string {
  // Link to the sentence that contains the cited span.
  const d = report.documents.find((x) => x.id === doc);
  const s = d?.layers.sentences?.find((x) => x.start <= start && x.end >= Math.min(end, x.end) && start < x.end);
  return `<a class="cite" href="#${anchor(doc, s ? s.start : start)}" title="${esc(d ? d.text.slice(start, end).slice(0, 200) : '')}">[${esc(doc)}:${start}-${end}]</a>`;
}

function chart(report: Report, groupId: string): string {
  const g = sections(report).claimGroups.find((x) => x.id === groupId);
  if (!g) return '';
  const pts = g.claims.filter((c) => c.low !== null || c.high !== null || c.value !== undefined);
  if (!pts.length) return '';
  const vals = pts.flatMap((c) => [c.low, c.high, c.value].filter((x): x is number => typeof x === 'number'));
  const max = Math.max(...vals) * 1.1 || 1;
  const W = 640;
  const rowH = 22;
  const H = pts.length * rowH + 30;
  const x = (v: number) => 170 + (v / max) * (W - 190);
  const colors: Record<string, string> = { region: '#1f77b4', country: '#d62728', border: '#9467bd', front: '#8c564b', place: '#2ca02c' };
  const rows = pts
    .sort((a, b) => (a.reportDate ?? '').localeCompare(b.reportDate ?? ''))
    .map((c, i) => {
      const y = 20 + i * rowH;
      const color = colors[c.scope ?? ''] ?? '#555';
      const lo = c.low ?? 0;
      const hi = c.high ?? c.value ?? lo;
      const bar = c.low !== null && c.high !== null && c.low !== c.high ? `<line x1="${x(lo)}" x2="${x(hi)}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="6" stroke-linecap="round"/>` : c.high === null && c.value === undefined ? `<line x1="${x(lo)}" x2="${W - 15}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="2" stroke-dasharray="4 3"/>` : '';
      const pt = c.value ?? (c.low !== null && c.high !== null ? (c.low + c.high) / 2 : (c.low ?? c.high)!);
      return `<g><title>${esc(`${fmt(c)} — ${chainText(c)} (${c.reportDate ?? 'undated'}, ${c.scope ?? 'no place'})`)}</title><text x="4" y="${y + 4}" font-size="11">${esc(`${c.reportDate ?? '—'} ${c.speaker}`.slice(0, 28))}</text>${bar}<circle cx="${x(pt)}" cy="${y}" r="5" fill="${c.phase === 'projected' ? 'white' : color}" stroke="${color}" stroke-width="2"/><text x="${x(pt) + 8}" y="${y + 4}" font-size="11">${esc(fmt(c))}</text></g>`;
    })
    .join('');
  const legend = Object.entries(colors).map(([k, v], i) => `<rect x="${170 + i * 80}" y="${H - 12}" width="10" height="10" fill="${v}"/><text x="${184 + i * 80}" y="${H - 3}" font-size="11">${k}</text>`).join('');
  return `<svg role="img" aria-label="${esc(g.label)}: each figure by speaker and report date, coloured by scope" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${rows}${legend}</svg>`;
}

function docText(d: ReportDocument): string {
  const sents = d.layers.sentences ?? [];
  let at = 0;
  const parts: string[] = [];
  for (const s of sents) {
    if (s.start > at) parts.push(esc(d.text.slice(at, s.start)));
    parts.push(`<span id="${anchor(d.id, s.start)}" class="s">${esc(d.text.slice(s.start, s.end))}</span>`);
    at = s.end;
  }
  parts.push(esc(d.text.slice(at)));
  return parts.join('').replace(/\n/g, '<br>\n');
}

/** Renders the self-contained HTML report (no scripts; every article string escaped). */
export function renderHtml(report: Report): string {
  const { claimGroups, figures, timeline, provenance } = sections(report);
  const docs = report.documents;
  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Triangulate report</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;font-size:13px}th{background:#f3f3f3;text-align:left}
.cite{font-size:11px;color:#06c;text-decoration:none;white-space:nowrap}.s:target{background:#ffe58a;outline:2px solid #f0b400}
.tag{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;background:#eee}.disputed{background:#fde2e1}.established{background:#dff3e0}.opinion{background:#fde2e1}.mixed{background:#fff1c2}
.doc{border-top:2px solid #ddd;margin-top:1.5em;padding-top:.5em}.doctext{font-family:Georgia,serif;background:#fafafa;padding:1em}
</style></head><body><h1>Triangulate report</h1>`);
  out.push(`<p>${report.summary.analyzed} of ${report.summary.documents} articles analyzed; ${report.failures.length} inputs could not be read. Stages: ${esc(report.stages.join(', '))}.</p>`);
  const est = claimGroups.filter((g) => g.status === 'established');
  if (claimGroups.length) {
    out.push('<h2>Established</h2>');
    out.push(est.length ? `<ul>${est.map((g) => `<li><b>${esc(g.label)}</b>: ${esc(fmt(g.claims[0]))} — ${g.independentSources} independent sources ${g.claims.map((c) => citeLink(report, c.doc, c.start, c.end)).join(' ')}</li>`).join('')}</ul>` : '<p>No figure is given alike by two or more independent sources.</p>');
    out.push('<h2>Disputed figures</h2>');
    for (const g of claimGroups.filter((x) => x.status === 'disputed')) {
      const f = figures.find((x) => x.group === g.id);
      out.push(`<h3>${esc(g.label)} <span class="tag disputed">disputed</span></h3>`);
      if (f) out.push(`<p>low <b>${f.low ?? 'open'}</b> · best <b>${f.best ?? 'n/a'}</b> · high <b>${f.high ?? 'open'}</b> from ${g.independentSources} independent sources. <small>${esc(f.rule)}</small></p>`);
      out.push(chart(report, g.id));
      out.push('<table><tr><th>figure</th><th>speaker chain</th><th>scope</th><th>reported</th><th>phase / modality</th><th>outlet</th><th>source</th></tr>');
      for (const c of [...g.claims].sort((a, b) => (a.reportDate ?? '').localeCompare(b.reportDate ?? ''))) {
        out.push(`<tr><td>${esc(fmt(c))} ${esc(c.subject)}</td><td>${esc(chainText(c))}${c.unattributed ? ' <i>(unattributed)</i>' : ''}</td><td>${esc(c.place ? `${c.place} (${c.scope})` : '—')}</td><td>${esc(c.reportDate ?? '—')}</td><td>${esc([c.phase, c.modality].filter(Boolean).join(', '))}</td><td>${esc(c.outlet)}</td><td>${citeLink(report, c.doc, c.start, c.end)}</td></tr>`);
      }
      out.push('</table>');
    }
  }
  if (timeline.length) {
    out.push('<h2>Timeline</h2><ul>');
    for (const e of timeline) out.push(`<li><b>${esc(e.first ? 'first ' + e.label : e.label)}</b>${e.disputed ? ' <span class="tag disputed">dates disagree</span>' : ''}: ${e.entries.map((x) => `${esc(x.date)} (“${esc(x.dateText)}”, ${esc(x.speaker)}, ${esc(x.outlet)}) ${citeLink(report, x.doc, x.start, x.end)}`).join('; ')}</li>`);
    out.push('</ul>');
  }
  if (docs.some((d) => profileOf(d))) {
    out.push('<h2>Source profiles</h2><table><tr><th>article</th><th>kind</th><th>why</th><th>hedges</th><th>unattributed figures</th><th>noise</th></tr>');
    for (const d of docs) {
      const p = profileOf(d);
      if (p) out.push(`<tr><td><a href="#doc-${esc(d.id)}">${esc(docLabel(d))}</a></td><td><span class="tag ${p.genre}">${p.genre}</span></td><td>${esc(p.reasons.join('; '))}</td><td>${p.counts.hedge ?? 0}</td><td>${p.counts.unattributed ?? 0}</td><td>${p.counts.noise ?? 0}</td></tr>`);
    }
    out.push('</table>');
  }
  if (provenance) {
    out.push('<h2>Provenance</h2><ul>');
    for (const w of provenance.wires) out.push(`<li>${esc(w.doc)} credits <b>${esc(w.wire)}</b> (${esc(w.form)})${w.start !== undefined ? ' ' + citeLink(report, w.doc, w.start, w.end!) : ''}</li>`);
    for (const e of provenance.edges.filter((x) => x.kind === 'copy' || x.kind === 'same-origin')) out.push(`<li>${esc(e.from)} ${e.directed ? '→' : '↔'} ${esc(e.to)}: ${esc(e.reason)}</li>`);
    for (const g of provenance.groups.filter((x) => x.documents.length > 1)) out.push(`<li>One source, not ${g.documents.length}: ${esc(g.documents.join(', '))} (${esc(g.reasons.join('; '))})</li>`);
    out.push('</ul>');
  }
  out.push('<h2>Articles</h2>');
  for (const d of docs) {
    out.push(`<section class="doc" id="doc-${esc(d.id)}"><h3>${esc(docLabel(d))} <small>${esc(d.id)} · ${esc(d.meta.published ?? 'undated')} · ${esc(d.source)}</small></h3>`);
    if (d.meta.title) out.push(`<p><b>${esc(d.meta.title)}</b></p>`);
    for (const x of d.diagnostics) out.push(`<p class="tag">${esc(x.severity)}: ${esc(x.message)}</p>`);
    out.push(`<div class="doctext">${docText(d)}</div></section>`);
  }
  if (report.failures.length) out.push(`<h2>Inputs not read</h2><ul>${report.failures.map((f) => `<li>${esc(f.source)}: ${esc(f.message)}</li>`).join('')}</ul>`);
  out.push('</body></html>\n');
  return out.join('\n');
}
