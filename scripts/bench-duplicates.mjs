#!/usr/bin/env node
// Checks MinHash+LSH against brute-force Jaccard and measures speed. Corpus: the 181 article
// bodies of the Scrapinghub benchmark (unrelated pages) plus, for each, a copy with one
// paragraph dropped and every 40th word changed (a typical re-run of agency copy).
// Prints recall and precision of the near-duplicate pairs against the exact all-pairs answer.
import { scrapinghub } from './lib/shared.mjs';
import { findDuplicates, jaccard, shingles } from '../dist/corpus/duplicates.js';

const { root, truth } = scrapinghub();
const docs = [];
for (const [id, v] of Object.entries(truth).sort()) {
  const text = v.articleBody ?? '';
  docs.push({ id, text, meta: {} });
  const paras = text.split('\n').filter(Boolean);
  const kept = paras.length > 2 ? paras.filter((_, i) => i !== Math.floor(paras.length / 2)) : paras;
  const edited = kept.join('\n').split(' ').map((w, i) => (i % 40 === 39 ? 'changed' : w)).join(' ');
  docs.push({ id: `${id}-copy`, text: edited, meta: {} });
}
const threshold = 0.5;
const t0 = process.hrtime.bigint();
const found = findDuplicates(docs, { threshold });
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const key = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const got = new Set(found.map((r) => key(r.a, r.b)));
const sets = docs.map((d) => shingles(d.text));
const want = new Set();
const t1 = process.hrtime.bigint();
for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) if (jaccard(sets[i], sets[j]).jaccard >= threshold) want.add(key(docs[i].id, docs[j].id));
const bruteSecs = Number(process.hrtime.bigint() - t1) / 1e9;
const tp = [...want].filter((k) => got.has(k)).length;
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
console.log(`duplicates@1 on ${docs.length} articles (${words} words), threshold ${threshold}:`);
console.log(`  pairs at or above the threshold (brute force): ${want.size}; found by MinHash+LSH: ${tp}; recall ${(tp / Math.max(1, want.size)).toFixed(3)}; precision ${(tp / Math.max(1, got.size)).toFixed(3)}`);
console.log(`  time ${secs.toFixed(2)} s (${(docs.length / secs).toFixed(0)} docs/s) vs all-pairs exact Jaccard ${bruteSecs.toFixed(2)} s; peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
