import type { ReuseRelation } from '../corpus/reuse.js';
import type { Report, ReportDocument } from './report.js';

/** Escapes text for Markdown so article text can never inject markup or links. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]#|<>~]/g, (c) => '\\' + c).replace(/\s+/g, ' ');
}

function label(d: ReportDocument): string {
  return d.meta.site ?? d.meta.title?.slice(0, 60) ?? d.source.split('/').pop() ?? d.id;
}

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
  lines.push('## Sources', '');
  lines.push('| id | outlet / title | published | words | sentences | problems |', '| --- | --- | --- | --- | --- | --- |');
  for (const d of docs) {
    const probs = d.diagnostics.filter((x) => x.severity !== 'info').length;
    const pub = d.meta.published ? `${d.meta.published}${d.meta.publishedSource === 'option' ? ' (assumed)' : ''}` : 'unknown';
    lines.push(
      `| ${d.id} | ${mdEscape(label(d))}${d.meta.title && d.meta.site ? ': ' + mdEscape(d.meta.title.slice(0, 80)) : ''} | ${pub} | ${wordsIn(d.text)} | ${d.layers.sentences?.length ?? 0} | ${probs || ''} |`,
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
