import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRecords } from '../analyze.js';
import { validateReport } from '../report/validate.js';
import { STAGES } from '../pipeline.js';

const STORY = [
  'Varnholm Border Crisis',
  'Between 10,000 and 12,000 troops massed near Ostrava Ridge in 1953 style formations, officials said.',
  'About 30 were killed or wounded; at least three are missing after the 1,000-day siege.',
  'Donors pledged $2bn, and thousands of residents fled.',
].join('\n');

test('the quantities stage runs after sentences and writes a schema-valid layer', () => {
  const names = STAGES.map((s) => s.name);
  assert.ok(names.indexOf('quantities') > names.indexOf('sentences'));
  const { report, documents } = analyzeRecords([{ source: 'story.txt', format: 'text', raw: STORY, meta: {}, diagnostics: [] }]);
  assert.deepEqual(validateReport(report), []);
  const doc = documents[0];
  const qs = doc.layers.quantities;
  assert.ok(qs, 'a quantities layer');
  for (const q of qs) assert.equal(doc.text.slice(q.start, q.end), q.text);
  assert.deepEqual(
    qs.map((q) => [q.text, q.qualifier, q.unit, q.counted]),
    [
      ['Between 10,000 and 12,000', 'range', 'count', 'troops'],
      ['About 30', 'approx', 'count', null],
      ['at least three', 'min', 'count', null],
      ['$2bn', 'exact', 'USD', null],
      ['thousands', 'vague', 'count', 'residents'],
    ],
  );
  assert.ok(qs.every((q) => /^q\d+$/.test(q.id)));
});
