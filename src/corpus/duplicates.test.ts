import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeRecords } from '../analyze.js';
import { validateReport } from '../report/validate.js';
import { contentHash, duplicatesStage, findDuplicates, jaccard, minhash, shingles } from './duplicates.js';

// Invented articles: a base story, a lightly edited copy, a re-formatted exact copy, and an unrelated story.
const BASE =
  'The bridge over the Sarn river in Velmora reopened on Tuesday after 40 days of repairs, the mayor said. ' +
  'Engineers replaced 12 of the 30 supports that the March floods had cracked, according to the town council. ' +
  'Tolls will stay suspended until May while traffic returns to normal, and buses will run every ten minutes. ' +
  'The council said the repairs cost 2.4 million euros, most of it paid by the regional flood fund. ' +
  'Shop owners on Quay Street said trade had fallen by half while the bridge was closed.';
const EDITED = BASE.replace('the mayor said', 'mayor Ilse Marten said').replace('every ten minutes', 'every 15 minutes').replace('fallen by half', 'dropped sharply');
const REFORMATTED = BASE.toUpperCase().replace(/\. /g, '.\n\n');
const OTHER =
  'A storm closed the port of Easthaven on Sunday, and ferries to the islands were cancelled for two days. ' +
  'The harbour master said waves of six metres had damaged the northern pier and two fishing boats.';

const doc = (id: string, text: string, published?: string) => ({ id, text, meta: published ? { published, publishedSource: 'input' as const } : {} });

test('duplicates: exact copies (case and layout aside) and near copies are related, unrelated stories are not', () => {
  const rels = findDuplicates([doc('base', BASE), doc('edited', EDITED), doc('upper', REFORMATTED), doc('other', OTHER)]);
  const pairs = rels.map((r) => `${r.a}-${r.b}:${r.kind}`).sort();
  assert.deepEqual(pairs, ['base-edited:near', 'base-upper:exact', 'edited-upper:near']);
  const exact = rels.find((r) => r.kind === 'exact')!;
  assert.equal(exact.similarity, 1);
  const near = rels.find((r) => r.a === 'base' && r.b === 'edited')!;
  assert.ok(near.similarity >= 0.5 && near.similarity < 1, String(near.similarity));
  assert.equal(near.similarity, Math.round(jaccard(shingles(BASE), shingles(EDITED)).jaccard * 1000) / 1000);
});

test('duplicates: the copy direction follows the publication dates, and only when they differ', () => {
  const rels = findDuplicates([doc('late', EDITED, '2031-03-05'), doc('early', BASE, '2031-03-04T10:00:00Z')]);
  assert.deepEqual(rels[0].direction, { from: 'early', to: 'late', basis: 'published' });
  const same = findDuplicates([doc('x', EDITED, '2031-03-04'), doc('y', BASE, '2031-03-04T10:00:00Z')]);
  assert.equal(same[0].direction, undefined);
  const fallback = findDuplicates([
    { id: 'p', text: BASE, meta: { published: '2031-03-01', publishedSource: 'option' as const } },
    doc('q', EDITED, '2031-03-09'),
  ]);
  assert.equal(fallback[0].direction, undefined, 'a --published fallback says nothing about who copied');
});

test('duplicates: MinHash estimates Jaccard, and LSH finds every clear pair brute force finds', () => {
  const a = shingles(BASE);
  const b = shingles(EDITED);
  const sa = minhash(a);
  const sb = minhash(b);
  const est = sa.filter((v, i) => v === sb[i]).length / sa.length;
  assert.ok(Math.abs(est - jaccard(a, b).jaccard) < 0.15, `estimate ${est}`);
  // A family of variants: each drops a different sentence or edits words.
  const sentences = BASE.split('. ');
  const variants = sentences.map((_, k) => doc(`v${k}`, sentences.filter((__, j) => j !== k).join('. ')));
  const all = [...variants, doc('base', BASE), doc('other', OTHER)];
  const found = new Set(findDuplicates(all, { threshold: 0.6 }).map((r) => `${r.a}|${r.b}`));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const sim = jaccard(shingles(all[i].text), shingles(all[j].text)).jaccard;
      if (sim >= 0.7) assert.ok(found.has(`${all[i].id}|${all[j].id}`) || found.has(`${all[j].id}|${all[i].id}`), `${all[i].id}/${all[j].id} at ${sim}`);
      if (sim < 0.6) assert.ok(!found.has(`${all[i].id}|${all[j].id}`));
    }
  }
});

test('duplicates: short and empty texts', () => {
  assert.deepEqual(findDuplicates([doc('a', ''), doc('b', '')]), []);
  const r = findDuplicates([doc('a', 'Bridge reopens.'), doc('b', 'bridge REOPENS')]);
  assert.deepEqual(r.map((x) => x.kind), ['exact']);
  assert.equal(contentHash('A  b.'), contentHash('a b'));
  assert.throws(() => findDuplicates([doc('a', BASE)], { hashes: 100, bands: 32 }), /multiple of bands/);
});

test('duplicates stage: in the report, valid against the schema, nothing dropped', () => {
  const { report } = analyzeRecords([
    { source: 'one', format: 'text', raw: BASE, meta: { published: '2031-03-04', publishedSource: 'input' }, diagnostics: [] },
    { source: 'two', format: 'text', raw: EDITED, meta: { published: '2031-03-06', publishedSource: 'input' }, diagnostics: [] },
  ]);
  assert.ok(report.stages.includes('duplicates@1'));
  assert.equal(report.documents.length, 2);
  const d = report.corpus.duplicates as Array<{ kind: string; direction?: { from: string } }>;
  assert.equal(d.length, 1);
  assert.equal(d[0].kind, 'near');
  assert.equal(d[0].direction?.from, report.documents[0].id);
  assert.deepEqual(validateReport(JSON.parse(JSON.stringify(report))), []);
  assert.equal(duplicatesStage.name, 'duplicates');
});
