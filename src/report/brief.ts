import type { ReuseRelation } from '../corpus/reuse.js';
import type { Report, ReportDocument } from './report.js';
import { fmt, ref as claimRef } from '../claims/align.js';
import { chainText, docLabel, profileOf, sections } from './sections.js';

/** Escapes text for Markdown so article text can never inject markup or links. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]#|<>~]/g, (c) => '\\' + c).replace(/\s+/g, ' ');
}

const label = docLabel;

/** A citation to a document span: `[doc:start-end]`, resolvable in report.json. */
export function cite(docId: string, start: number, end: number): string {
  return `[${docId}:${start}-${end}]`;
}

function wordsIn(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function quoteOf(d: ReportDocument, start: number, end: number, max = 160): string {
  const t = d.text.slice(start, end);
  return mdEscape(t.length > max ? t.slice(0, max - 1) + '…' : t);
}

/** Renders the Markdown brief from the report: sources, shared text, problems. */
export function renderBrief(report: Report): string {
  const docs = report.documents;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const ok = docs.filter((d) => d.status === 'ok');
  const lines: string[] = [];
  lines.push('# Triangulate brief', '');
  lines.push(
    `${ok.length} of ${docs.length} article${docs.length === 1 ? '' : 's'} analyzed` +
      (report.failures.length ? `; ${report.failures.length} input${report.failures.length === 1 ? '' : 's'} could not be read` : '') +
      `. Stages: ${report.stages.join(', ')}.`,
    '',
  );
  const { claimGroups, figures, timeline, provenance } = sections(report);
  const established = claimGroups.filter((g) => g.status === 'established');
  const disputed = claimGroups.filter((g) => g.status === 'disputed');
  if (claimGroups.length) {
    lines.push('## Established', '');
    if (!established.length) lines.push('No figure is given alike by two or more independent sources.', '');
    for (const g of established) {
      const c = g.claims[0];
      lines.push(`- **${mdEscape(g.label)}**: ${mdEscape(fmt(c))}, from ${g.independentSources} independent source${g.independentSources === 1 ? '' : 's'} in ${g.documents} article${g.documents === 1 ? '' : 's'}. ${g.claims.map((x) => cite(x.doc, x.start, x.end)).join(' ')}`);
    }
    if (established.length) lines.push('');
    lines.push('## Disputed figures', '');
    if (!disputed.length) lines.push('No figure is in dispute.', '');
    for (const g of disputed) {
      const fig = figures.find((f) => f.group === g.id);
      lines.push(`### ${mdEscape(g.label)}`, '');
      const num = (x: number | null | undefined) => (typeof x === 'number' ? x.toLocaleString('en-US', { maximumFractionDigits: 2 }) : undefined);
      if (fig) lines.push(`Estimate: low ${num(fig.low) ?? 'open'}, best ${num(fig.best) ?? 'n/a'}, high ${num(fig.high) ?? 'open'} (${g.independentSources} independent source${g.independentSources === 1 ? '' : 's'}). Rule: ${mdEscape(fig.rule)}`, '');
      lines.push('| figure | speaker chain | scope | reported | phase / modality | outlet | source |', '| --- | --- | --- | --- | --- | --- | --- |');
      for (const c of [...g.claims].sort((a, b) => (a.reportDate ?? '').localeCompare(b.reportDate ?? ''))) {
        lines.push(
          `| ${mdEscape(fmt(c))} ${mdEscape(c.subject)} | ${mdEscape(chainText(c) || c.speaker)}${c.unattributed && !c.speaker.startsWith('unattributed') ? ' (unattributed)' : ''} | ${mdEscape(c.place ? `${c.place} (${c.scope})` : '—')} | ${c.reportDate ?? '—'} | ${[c.phase, c.modality !== 'asserted' ? c.modality : ''].filter(Boolean).join(', ') || '—'} | ${mdEscape(c.outlet)} | ${cite(c.doc, c.start, c.end)} |`,
        );
      }
      const why = g.relations.filter((r) => r.relation !== 'agrees' && r.relation !== 'restates').slice(0, 6);
      if (why.length) {
        lines.push('');
        // Each side named by its figure and speaker, cited, rather than by claim ids.
        const side = (ref: string) => {
          const c = g.claims.find((x) => claimRef(x.doc, x.claim) === ref);
          return c ? `${mdEscape(fmt(c))} (${mdEscape(c.speaker)}) ${cite(c.doc, c.start, c.end)}` : ref;
        };
        for (const r of why) lines.push(`- ${side(r.a)} / ${side(r.b)}: ${r.relation.replace(/-/g, ' ')}: ${mdEscape(r.reason)}`);
      }
      lines.push('');
    }
    const single = claimGroups.filter((g) => g.status === 'single-source');
    if (single.length) {
      lines.push('## Single-source figures', '');
      for (const g of single.slice(0, 30)) {
        const c = g.claims[0];
        lines.push(`- ${mdEscape(g.label)}: ${mdEscape(fmt(c))} ${mdEscape(c.subject)}, ${mdEscape(chainText(c) || c.speaker)}${c.unattributed && !c.speaker.startsWith('unattributed') ? ' (unattributed)' : ''} ${cite(c.doc, c.start, c.end)}`);
      }
      lines.push('');
    }
  }
  if (timeline.length) {
    lines.push('## Timeline', '');
    for (const e of timeline.slice(0, 20)) {
      lines.push(`- **${mdEscape(e.first ? `first ${e.label}` : e.label)}**${e.disputed ? ' (dates disagree)' : ''}: ` + e.entries.map((x) => `${x.date} ("${mdEscape(x.dateText)}", ${mdEscape(x.speaker)}, ${mdEscape(x.outlet)}) ${cite(x.doc, x.start, x.end)}`).join('; '));
    }
    lines.push('');
  }
  const speakers = new Map<string, Array<{ g: string; fig: string; doc: string; start: number; end: number }>>();
  for (const g of claimGroups) for (const c of g.claims) if (!c.unattributed) (speakers.get(c.speaker) ?? speakers.set(c.speaker, []).get(c.speaker)!).push({ g: g.label, fig: fmt(c), doc: c.doc, start: c.start, end: c.end });
  if (speakers.size) {
    lines.push('## Who said what', '');
    for (const [who, said] of [...speakers].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`- **${mdEscape(who)}**: ` + said.map((x) => `${mdEscape(x.fig)} (${mdEscape(x.g)}) ${cite(x.doc, x.start, x.end)}`).join('; '));
    }
    lines.push('');
  }
  if (docs.some((d) => profileOf(d))) {
    lines.push('## Source profiles', '');
    for (const d of docs) {
      const p = profileOf(d);
      if (!p) continue;
      const ev = (d.layers.profile ?? []).filter((s) => ['first-person', 'self-reference', 'editorial', 'genre-label', 'rhetorical-question'].includes(String(s.kind))).slice(0, 3);
      const genre = p.genre === 'mixed' ? 'mixed: reporting with editorializing in the writer\'s own voice' : p.genre;
      lines.push(
        `- ${mdEscape(docLabel(d))} (${d.id}): **${genre}** (score ${p.score}; ${p.reasons.map(mdEscape).join('; ') || 'no strong signal'}). ` +
          `Hedges ${p.counts.hedge ?? 0}, unattributed figures ${p.counts.unattributed ?? 0}, leftover noise ${p.counts.noise ?? 0}.` +
          (ev.length ? ' Evidence: ' + ev.map((s) => `"${quoteOf(d, s.start, s.end, 90)}" ${cite(d.id, s.start, s.end)}`).join('; ') : ''),
      );
    }
    lines.push('');
  }
  if (provenance) {
    lines.push('## Provenance', '');
    for (const w of provenance.wires) lines.push(`- ${w.doc} credits **${mdEscape(w.wire)}** (${w.form})${w.start !== undefined ? ' ' + cite(w.doc, w.start, w.end!) : ''}`);
    for (const e of provenance.edges.filter((x) => x.kind === 'copy' || x.kind === 'same-origin')) lines.push(`- ${e.from} ${e.directed ? '→' : '↔'} ${e.to}: ${mdEscape(e.reason)}`);
    const multi = provenance.groups.filter((g) => g.documents.length > 1);
    for (const g of multi) lines.push(`- One source, not ${g.documents.length}: ${g.documents.join(', ')} (${mdEscape(g.reasons.join('; '))})`);
    if (!provenance.wires.length && !multi.length) lines.push('- Every article appears to be independent.');
    lines.push(`- Independent sources in this set: ${provenance.groups.length} of ${docs.length} articles.`, '');
  }
  lines.push('## Sources', '');
  lines.push('| id | outlet / title | published | kind | words | sentences | problems |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const d of docs) {
    const probs = d.diagnostics.filter((x) => x.severity !== 'info').length;
    const pub = d.meta.published ? `${d.meta.published}${d.meta.publishedSource === 'option' ? ' (assumed)' : ''}` : 'unknown';
    lines.push(
      `| ${d.id} | ${mdEscape(label(d))}${d.meta.title && d.meta.site ? ': ' + mdEscape(d.meta.title.slice(0, 80)) : ''} | ${pub} | ${profileOf(d)?.genre ?? '—'} | ${wordsIn(d.text)} | ${d.layers.sentences?.length ?? 0} | ${probs || ''} |`,
    );
  }
  lines.push('');
  const reuse = (report.corpus.reuse ?? []) as ReuseRelation[];
  lines.push('## Shared text', '');
  if (!reuse.length) lines.push('No two articles share a passage of eight or more words.', '');
  for (const r of reuse) {
    const a = byId.get(r.a)!;
    const b = byId.get(r.b)!;
    lines.push(
      `- ${mdEscape(label(a))} (${r.a}) and ${mdEscape(label(b))} (${r.b}) share ${r.sharedWords} words in ${r.passages.length} passage${r.passages.length === 1 ? '' : 's'} ` +
        `(${Math.round(r.coverageA * 100)}% of ${r.a}, ${Math.round(r.coverageB * 100)}% of ${r.b}).`,
    );
    const longest = [...r.passages].sort((x, y) => y.words - x.words)[0];
    if (longest) lines.push(`  Longest: "${quoteOf(a, longest.a.start, longest.a.end)}" ${cite(r.a, longest.a.start, longest.a.end)} ${cite(r.b, longest.b.start, longest.b.end)}`);
  }
  if (reuse.length) lines.push('');
  const problems = [
    ...report.failures.map((f) => `- ${mdEscape(f.source)}: ${mdEscape(f.message)} (${f.code})`),
    ...docs.flatMap((d) =>
      d.diagnostics.filter((x) => x.severity === 'fatal' || x.severity === 'error' || x.severity === 'warning').map((x) => `- ${d.id} (${mdEscape(d.source)}): ${x.severity}: ${mdEscape(x.message)} (${x.code})`),
    ),
    ...report.diagnostics.map((x) => `- corpus: ${x.severity}: ${mdEscape(x.message)} (${x.code})`),
  ];
  lines.push('## Problems', '');
  lines.push(...(problems.length ? problems : ['None.']), '');
  lines.push('Citations read `[document:start-end]`: UTF-16 positions in that document\'s clean text in report.json.', '');
  return lines.join('\n');
}
