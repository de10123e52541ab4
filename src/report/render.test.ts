import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRecords } from '../analyze.js';
import { renderBrief } from './brief.js';
import { renderHtml, esc } from './html.js';
import { claimsCsv, csvCell, figuresCsv } from './csv.js';

const HOSTILE = 'Officials said <script>alert(1)</script> and <img src=x onerror=alert(2)> were found in 3 homes.\nA second line with [a link](javascript:alert(3)).';

test('article text is rendered inert in the HTML report and the brief', () => {
  const { report } = analyzeRecords([{ source: 'x.txt', format: 'text', raw: HOSTILE, meta: { format: 'text', site: '<b>Evil</b> Daily' }, diagnostics: [] }]);
  const html = renderHtml(report);
  assert.ok(!html.includes('<script>alert(1)'), 'no live script');
  assert.ok(!html.includes('<img src=x'), 'no live img');
  assert.ok(!html.includes('<b>Evil</b>'), 'metadata escaped too');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.ok(!/<script/i.test(html), 'the report carries no script at all');
  const brief = renderBrief(report);
  assert.ok(!brief.includes('<b>Evil</b>'));
  assert.ok(!brief.includes('[a link](javascript'), 'markdown links from article text are defused');
});

test('CSV cells are quoted and defused against formula injection', () => {
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell(null), '');
  assert.equal(esc(`"'<>&`), '&quot;&#39;&lt;&gt;&amp;');
  const { report } = analyzeRecords([{ source: 'x.txt', format: 'text', raw: 'Nothing to count here.', meta: { format: 'text' }, diagnostics: [] }]);
  assert.match(claimsCsv(report), /^group,label,status,doc,claim/);
  assert.match(figuresCsv(report), /^group,label,unit,low,best,high/);
});

test('every passage the brief quotes is verbatim in a source document', async () => {
  const { analyze } = await import('../analyze.js');
  const { report } = await analyze(['examples/harbor-fire']);
  const brief = renderBrief(report);
  const quotes = [...brief.matchAll(/"([^"]{12,})" \[/g)].map((m) => m[1].replace(/\\(.)/g, '$1').replace(/…$/, ''));
  assert.ok(quotes.length > 0, 'the brief quotes some passages');
  for (const q of quotes) assert.ok(report.documents.some((d) => d.text.replace(/\s+/g, ' ').includes(q)), `verbatim: ${q}`);
});
