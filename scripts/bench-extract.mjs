#!/usr/bin/env node
// Article-extraction benchmark (Zyte/Scrapinghub, 181 news pages): our extractor against plain
// Readability.js on linkedom, scored exactly as the benchmark's README describes.
// Usage: npm run bench:extract [-- --errors N] [-- --only ours|baseline]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../dist/clean/extract.js';
import { toRaw } from '../dist/core/offsets.js';
import { parseHtml, textOf } from '../dist/clean/html.js';

const dir = path.resolve(process.cwd(), '../shared/eval/scrapinghub-article-extraction-benchmark');
if (!existsSync(dir)) {
  console.log(`skipped: benchmark data not found at ${dir}`);
  process.exit(0);
}
const args = process.argv.slice(2);
const errorsN = args.includes('--errors') ? Number(args[args.indexOf('--errors') + 1]) : 0;

// ---- scorer (README "Scoring", steps 1-6) ----
const WORD = /[\p{L}\p{N}_]+/gu; // Python's Unicode \w+
const tokenize = (s) => (s ?? '').match(WORD) ?? [];
function shingles(tokens, n = 4) {
  const c = new Map();
  if (!tokens.length) return c;
  const k = Math.min(n, tokens.length);
  for (let i = 0; i + k <= tokens.length; i++) {
    const key = tokens.slice(i, i + k).join('\u0001');
    c.set(key, (c.get(key) ?? 0) + 1);
  }
  return c;
}
function counts(truth, pred) {
  const t = shingles(tokenize(truth));
  const p = shingles(tokenize(pred));
  let tp = 0, fp = 0, fn = 0;
  for (const [k, v] of t) {
    const w = p.get(k) ?? 0;
    tp += Math.min(v, w);
    fn += Math.max(0, v - w);
  }
  for (const [k, w] of p) fp += Math.max(0, w - (t.get(k) ?? 0));
  const all = tp + fp + fn;
  return all ? { tp: tp / all, fp: fp / all, fn: fn / all } : { tp: 0, fp: 0, fn: 0 };
}
function prf({ tp, fp, fn }) {
  let p, r;
  if (fp === 0 && fn === 0) return { p: 1, r: 1 };
  if (tp + fp > 0) p = tp / (tp + fp);
  else if (tp === 0 && fp === 0) p = 0;
  if (tp + fn > 0) r = tp / (tp + fn);
  else r = 0;
  return { p, r, hasP: tp + fp > 0, hasR: tp + fn > 0 };
}
function score(truthMap, predMap, ids) {
  const ps = [], rs = [];
  let exact = 0;
  const per = {};
  for (const id of ids) {
    const truth = truthMap[id].articleBody;
    const pred = predMap[id] ?? '';
    const c = counts(truth, pred);
    const { p, r } = prf(c);
    // README step 4: precision over docs with TP+FP > 0, recall over docs with TP+FN > 0.
    if ((c.fp === 0 && c.fn === 0) || c.tp + c.fp > 0) ps.push(p);
    if ((c.fp === 0 && c.fn === 0) || c.tp + c.fn > 0) rs.push(r);
    const ta = tokenize(truth), pa = tokenize(pred);
    if (ta.length === pa.length && ta.every((x, i) => x === pa[i])) exact++;
    per[id] = { p, r, ...c };
  }
  const P = ps.reduce((a, b) => a + b, 0) / ps.length;
  const R = rs.reduce((a, b) => a + b, 0) / rs.length;
  return { P, R, F1: (2 * P * R) / (P + R), acc: exact / ids.length, per };
}
function bootstrapF1(truthMap, predMap, ids, rounds = 1000) {
  // Deterministic resampling (LCG) so the figure is reproducible run to run.
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const base = score(truthMap, predMap, ids).per;
  const f = [];
  for (let k = 0; k < rounds; k++) {
    let sp = 0, sr = 0;
    for (let j = 0; j < ids.length; j++) {
      const d = base[ids[Math.floor(rnd() * ids.length)]];
      sp += d.p ?? 0;
      sr += d.r ?? 0;
    }
    const P = sp / ids.length, R = sr / ids.length;
    f.push((2 * P * R) / (P + R));
  }
  const m = f.reduce((a, b) => a + b, 0) / f.length;
  return Math.sqrt(f.reduce((a, b) => a + (b - m) ** 2, 0) / f.length);
}
const fmt = (x) => x.toFixed(3);

const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
const ids = Object.keys(truth).sort();

// ---- scorer check on the published outputs ----
console.log('Scorer check on reference-outputs/ (README table: trafilatura 0.958/0.938/0.978/0.293, readability_js 0.947/0.914/0.982/0.166, newspaper 0.949/0.964/0.934/0.326, readability 0.922/0.913/0.931/0.315, html-text 0.665/0.500/0.994/0.000)');
console.log('system           F1     P      R      acc');
for (const f of readdirSync(path.join(dir, 'reference-outputs')).sort()) {
  const j = JSON.parse(readFileSync(path.join(dir, 'reference-outputs', f), 'utf8'));
  const out = j.output ?? j;
  const pred = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v?.articleBody ?? '']));
  const s = score(truth, pred, ids);
  console.log(`${f.replace('.json', '').padEnd(16)} ${fmt(s.F1)}  ${fmt(s.P)}  ${fmt(s.R)}  ${fmt(s.acc)}`);
}

// ---- run both extractors ----
const pages = ids.map((id) => ({ id, html: gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8') }));
const ours = {}, base = {}, methods = {};
let tOurs = 0, tBase = 0, peak = 0;
const runOurs = (p) => {
  const t0 = performance.now();
  const r = extractArticle(p.html);
  tOurs += performance.now() - t0;
  ours[p.id] = r.text;
  methods[r.method] = (methods[r.method] ?? 0) + 1;
  results[p.id] = r;
};
const results = {};
const runBase = (p) => {
  const t0 = performance.now();
  const { document } = parseHTML(p.html);
  let text = '';
  try {
    text = new Readability(document).parse()?.textContent ?? '';
  } catch {
    text = '';
  }
  tBase += performance.now() - t0;
  base[p.id] = text;
};
// Warm both up (JIT) on a few pages, then alternate the order page by page.
for (const p of pages.slice(0, 5)) {
  runOurs(p);
  runBase(p);
}
tOurs = tBase = 0;
for (const k of Object.keys(methods)) delete methods[k];
pages.forEach((p, i) => {
  if (i % 2) {
    runOurs(p);
    runBase(p);
  } else {
    runBase(p);
    runOurs(p);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
});

const so = score(truth, ours, ids);
const sb = score(truth, base, ids);
console.log('\nOn the 181 pages (this run):');
console.log('system                         F1             P      R      acc    pages/s');
console.log(`triangulate extractArticle     ${fmt(so.F1)} ± ${fmt(bootstrapF1(truth, ours, ids))}  ${fmt(so.P)}  ${fmt(so.R)}  ${fmt(so.acc)}  ${(pages.length / (tOurs / 1000)).toFixed(1)}`);
console.log(`Readability.js 0.6 + linkedom  ${fmt(sb.F1)} ± ${fmt(bootstrapF1(truth, base, ids))}  ${fmt(sb.P)}  ${fmt(sb.R)}  ${fmt(sb.acc)}  ${(pages.length / (tBase / 1000)).toFixed(1)}`);
console.log('published: rs_trafilatura 0.970 (best), trafilatura 0.958, readability_js 0.947');
console.log(`time ours/readability: ${(tOurs / tBase).toFixed(2)}x   peak RSS: ${(peak / 1048576).toFixed(0)} MB   methods: ${JSON.stringify(methods)}`);
const has = (k) => pages.filter((p) => results[p.id].meta[k]).length;
console.log(`metadata found (not scored, no ground truth): title ${has('title')}, byline ${has('byline')}, published ${has('published')}, language ${has('language')}, site ${has('site')}, wire ${has('wire')} of ${pages.length}`);
// The same scores on the pages not in English (the unseen corpus is mostly non-English).
const nonEn = ids.filter((id) => results[id].meta.language && results[id].meta.language !== 'en');
if (nonEn.length) {
  const a = score(truth, ours, nonEn), b = score(truth, base, nonEn);
  console.log(`non-English pages (${nonEn.length}): ours F1 ${fmt(a.F1)} (P ${fmt(a.P)} R ${fmt(a.R)}), Readability.js F1 ${fmt(b.F1)} (P ${fmt(b.P)} R ${fmt(b.R)})`);
}
console.log('title extraction: not scored (ground-truth.json holds only articleBody and url, no titles)');

// The offset invariant on our output, word by word: each word of the clean text maps to a raw
// stretch that is that word (or decodes to it, when written with entities).
let nWords = 0, exactWords = 0;
for (const p of pages) {
  const r = results[p.id];
  for (const m of r.text.matchAll(WORD)) {
    nWords++;
    const { start, end } = toRaw(r.offsets, m.index, m.index + m[0].length);
    const back = p.html.slice(start, end);
    if (back === m[0] || tokenize(textOf(parseHtml(`<p>${back}</p>`))).join(' ') === m[0]) exactWords++;
  }
}
console.log(`offset map check: ${exactWords}/${nWords} words of our text map to the same word in the raw HTML`);

if (errorsN) {
  const worst = ids.map((id) => ({ id, ...so.per[id], bf: sb.per[id] })).sort((a, b) => 2 * a.p * a.r / (a.p + a.r || 1) - 2 * b.p * b.r / (b.p + b.r || 1)).slice(0, errorsN);
  for (const w of worst) console.log(`${w.id.slice(0, 12)} P=${fmt(w.p ?? 0)} R=${fmt(w.r ?? 0)} base P=${fmt(w.bf.p ?? 0)} R=${fmt(w.bf.r ?? 0)} ${truth[w.id].url}`);
}
