import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze, analyzeRecords } from '../analyze.js';
import { checkDocument } from './invariants.js';
import { validateReport } from '../report/validate.js';
import { sharedDir, INVENTED_ARTICLE, INVENTED_PAGE } from '../testing/fixtures.js';

test('every span of every layer matches the text and maps back to the same words in raw (invented text and page)', () => {
  const { documents, report } = analyzeRecords([
    { source: 'article.txt', format: 'text', raw: INVENTED_ARTICLE, meta: { format: 'text' }, diagnostics: [] },
    { source: 'page.html', format: 'html', raw: INVENTED_PAGE, meta: { format: 'html' }, diagnostics: [] },
  ]);
  for (const doc of documents) {
    assert.ok(doc.layers.sentences.length > 2, `${doc.id} has sentences`);
    assert.deepEqual(checkDocument(doc), []);
  }
  const page = documents[1];
  assert.ok(!page.text.includes('not text'), 'script content is not article text');
  assert.ok(page.text.includes('“We have never seen water rise this fast,” said Marek Holm'), 'entities decode and spaces collapse');
  assert.deepEqual(validateReport(report), []);
});

test('a broken span is reported by the invariant check', () => {
  const { documents } = analyzeRecords([{ source: 'a.txt', format: 'text', raw: INVENTED_ARTICLE, meta: { format: 'text' }, diagnostics: [] }]);
  const doc = structuredClone(documents[0]);
  doc.layers.sentences[0].text = 'wrong';
  doc.layers.sentences[1].start += 1;
  doc.layers.sentences[1].text = doc.text.slice(doc.layers.sentences[1].start, doc.layers.sentences[1].end);
  doc.offsets.segments[2] += 3;
  assert.ok(checkDocument(doc).length >= 2);
});

test('kursk-2024: 5 documents, schema-valid report, span invariant holds on every layer', { skip: !sharedDir() && 'no ../shared' }, async () => {
  const { report, documents } = await analyze([path.join(sharedDir()!, 'corpus', 'kursk-2024')], { published: '2024-11-06' });
  assert.equal(report.documents.length, 5);
  assert.equal(report.summary.analyzed, 5);
  assert.deepEqual(validateReport(report), []);
  assert.deepEqual(validateReport(JSON.parse(JSON.stringify(report))), []);
  for (const doc of documents) {
    assert.ok(doc.text.length > 1000);
    assert.deepEqual(checkDocument(doc), [], doc.id);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(documents[0])), documents[0], 'a Document is plain JSON');
});
