#!/usr/bin/env node
// TIMEX3 benchmark on our own fixture (src/times/fixtures/timex3.json: invented news sentences,
// hand-annotated after the TimeML 1.2.1 guidelines), scored the TempEval-3 way: strict and relaxed
// extent P/R/F1, value and type F1 over relaxed matches. A stand-in for TempEval-3 (not on this
// machine), so the published figures below are context, not a like-for-like comparison.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTimes } from '../dist/times/find.js';
import { alignSpans, locateGold, scoreTimex } from '../dist/times/timex-eval.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const fixture = JSON.parse(readFileSync(path.join(root, 'src/times/fixtures/timex3.json'), 'utf8'));
const docs = fixture.documents.map((d) => {
  const system = findTimes(d.text, d.dct).times.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, mod: t.mod }));
  return { id: d.id, split: d.split, gold: locateGold(d), system };
});
const pct = (x) => (100 * x).toFixed(1).padStart(5);
const row = (name, v, ref = '') => console.log(`${name.padEnd(16)} P ${pct(v.p)}  R ${pct(v.r)}  F1 ${pct(v.f)}   ${ref}`);
// "dev" documents were used to tune rules; "heldout" ones were annotated before the stage saw them.
for (const split of ['heldout', 'dev', 'all']) {
  const part = docs.filter((d) => split === 'all' || d.split === split);
  const s = scoreTimex(part);
  console.log(`\ntimes@1 on the TIMEX3 fixture, ${split}: ${part.length} documents, ${s.gold} gold TIMEX3, ${s.system} found`);
  row('strict extent', s.strict);
  row('relaxed extent', s.relaxed, 'TempEval-3 relaxed extent F1: about 90 for the leading systems');
  row('value', s.value, 'TempEval-3 value F1: HeidelTime 77.6, SUTime 67.4');
  row('type', s.type);
}
console.log('\nerrors (doc: gold -> system):');
for (const d of docs) {
  const pairs = alignSpans(d.gold, d.system);
  const gi = new Set(pairs.map(([i]) => i));
  const sj = new Set(pairs.map(([, j]) => j));
  const show = (t) => `"${t.text}" ${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ''}`;
  for (const [i, j] of pairs) {
    const g = d.gold[i];
    const y = d.system[j];
    if (g.start !== y.start || g.end !== y.end || g.value !== y.value || g.type !== y.type) console.log(`  ${d.split} ${d.id}: ${show(g)} -> ${show(y)}`);
  }
  d.gold.forEach((g, i) => gi.has(i) || console.log(`  ${d.split} ${d.id}: ${show(g)} -> missed`));
  d.system.forEach((y, j) => sj.has(j) || console.log(`  ${d.split} ${d.id}: (none) -> spurious ${show(y)}`));
}
