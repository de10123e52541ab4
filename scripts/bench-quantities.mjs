#!/usr/bin/env node
// Scores the quantities stage on the English Number, NumberRange and Percent specs of
// Microsoft Recognizers-Text (../shared/eval/recognizers-text-specs-en), with the upstream
// per-case convention: same number of results, same text (compared lower-cased, as the specs
// lower-case some texts), same start/end, same resolved value. Subtypes are not compared.
//
// How our output maps to each spec:
// - NumberModel: findNumbers(), minus numbers glued to a unit or ordinal suffix (`29km`, `4th`),
//   which that model leaves to its dimension and ordinal models. Values compared numerically.
// - NumberRangeModel: findQuantities() spans whose qualifier is a bound or a range, as the spec's
//   interval notation: range [low,high), min [low,), higher-than (low,), max (,high],
//   lower-than (,high), and an explicit `equal to` as [v,v]. The spec leaves approximators out
//   of range spans, so a leading approx hedge (data/hedges.json) is dropped from our span.
// - PercentModel: findQuantities() spans with unit `percent`, value as `N%`.
// Every NumberRange case is flagged NotSupported on javascript upstream, so the figures are given
// both over the cases upstream runs on JavaScript and over all cases.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { findNumbers } from '../dist/quantities/find.js';
import { findQuantities } from '../dist/quantities/normalize.js';
import { BOUND_PHRASES } from '../dist/quantities/data.js';

const root = path.resolve(process.cwd(), '../shared/eval/recognizers-text-specs-en/Number/English');
if (!existsSync(root)) {
  console.log(`skipped: ${root} not found`);
  process.exit(0);
}

function load(file) {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8').replace(/^\uFEFF/, ''));
}

function jsUnsupported(c) {
  return /javascript/i.test(`${c.NotSupported ?? ''},${c.NotSupportedByDesign ?? ''}`);
}

function sameNumber(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function fmt(n) {
  return n === null ? '' : String(n);
}

// Brackets of a range: `between`/`X-Y` ranges are [low,high) in the spec; a range merged from two
// bounds (`more than 10 and at most 20`) takes each end's bracket from its bound phrase.
const boundPhrases = BOUND_PHRASES.filter(([, q]) => q !== 'approx' && q !== 'exact').map(([p, q]) => [p.replace(/ ([.])/g, '$1'), q]).sort((a, b) => b[0].length - a[0].length);
function brackets(text) {
  const low = text.toLowerCase();
  const found = [];
  const starts = [0];
  for (const m of low.matchAll(/(?:,\s*|\band\s+|\bbut\s+)/g)) starts.push(m.index + m[0].length);
  for (const at of starts) {
    const hit = boundPhrases.find(([p]) => low.startsWith(p + ' ', at) || low.startsWith(p, at) && /[<>=]$/.test(p));
    if (hit) found.push(hit[1]);
  }
  const lo = found.includes('higher-than') ? '(' : '[';
  const hi = found.includes('max') ? ']' : ')';
  return [lo, hi];
}

function interval(q, text) {
  switch (q.qualifier) {
    case 'range': {
      const [a, b] = brackets(text);
      return `${a}${fmt(q.low)},${fmt(q.high)}${b}`;
    }
    case 'min':
      return `[${fmt(q.low)},)`;
    case 'higher-than':
      return `(${fmt(q.low)},)`;
    case 'max':
      return `(,${fmt(q.high)}]`;
    case 'lower-than':
      return `(,${fmt(q.high)})`;
    case 'exact':
      return `[${fmt(q.value)},${fmt(q.value)}]`;
    default:
      return undefined;
  }
}

const phrase = (p) => p.replace(/ ([.])/g, '$1');
const approxPrefixes = BOUND_PHRASES.filter(([, q]) => q === 'approx').map(([p]) => phrase(p)).sort((a, b) => b.length - a.length);
const exactPrefixes = BOUND_PHRASES.filter(([, q]) => q === 'exact').map(([p]) => phrase(p));
function stripApprox(text, start) {
  const low = text.toLowerCase();
  for (const p of approxPrefixes) {
    if (low.startsWith(p + ' ')) return { text: text.slice(p.length + 1), start: start + p.length + 1 };
  }
  return { text, start };
}

const models = {
  number(input) {
    return findNumbers(input)
      .filter((m) => m.glued === undefined)
      .map((m) => ({ text: input.slice(m.start, m.end), start: m.start, end: m.end - 1, value: m.value }));
  },
  range(input) {
    const out = [];
    for (const q of findQuantities(input)) {
      const raw = input.slice(q.start, q.end);
      const iv = interval(q, raw);
      if (!iv) continue;
      // A plain figure is not a range; `equal to 20` is.
      if (q.qualifier === 'exact' && !exactPrefixes.some((p) => raw.toLowerCase().startsWith(p + ' '))) continue;
      const s = stripApprox(raw, q.start);
      out.push({ text: s.text, start: s.start, end: q.end - 1, value: iv });
    }
    return out;
  },
  percent(input) {
    return findQuantities(input)
      .filter((q) => q.unit === 'percent')
      .map((q) => ({ text: input.slice(q.start, q.end), start: q.start, end: q.end - 1, value: `${q.value ?? q.low ?? q.high}%` }));
  },
};

function expectedValue(kind, r) {
  const v = r.Resolution?.value;
  if (kind === 'number') return v === undefined ? undefined : Number(v);
  return v;
}

function check(kind, c) {
  const got = models[kind](c.Input);
  const exp = c.Results;
  if (got.length !== exp.length) {
    return got.length < exp.length ? 'missed a span' : 'extra span';
  }
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i];
    const g = got[i];
    if (g.text.toLowerCase() !== String(e.Text).toLowerCase()) return 'span text differs';
    if (e.Start !== undefined && (g.start !== e.Start || g.end !== e.End)) return 'span position differs';
    const ev = expectedValue(kind, e);
    if (kind === 'number' ? !sameNumber(g.value, ev) : g.value !== ev) return 'value differs';
  }
  return undefined;
}

const files = [
  ['NumberModel.json', 'number'],
  ['NumberRangeModel.json', 'range'],
  ['PercentModel.json', 'percent'],
];

const started = process.hrtime.bigint();
let jsPass = 0;
let jsTotal = 0;
let allPass = 0;
let allTotal = 0;
const failures = new Map();
console.log('Recognizers-Text English specs (published baseline: none; the upstream JS package is expected to pass every JS-supported case)');
console.log('file                      | JS-supported pass    | all cases pass       | JS-unsupported');
for (const [file, kind] of files) {
  const cases = load(file);
  let p = 0;
  let n = 0;
  let pa = 0;
  let skipped = 0;
  for (const c of cases) {
    const why = check(kind, c);
    const unsupported = jsUnsupported(c);
    if (unsupported) skipped++;
    else {
      n++;
      if (!why) p++;
    }
    if (!why) pa++;
    else {
      const key = `${kind}: ${why}`;
      const list = failures.get(key) ?? [];
      list.push({ input: c.Input, expected: c.Results.map((r) => `${r.Text}=${JSON.stringify(r.Resolution?.value)}`).join(' | '), got: models[kind](c.Input).map((r) => `${r.text}=${JSON.stringify(r.value)}`).join(' | '), unsupported });
      failures.set(key, list);
    }
  }
  jsPass += p;
  jsTotal += n;
  allPass += pa;
  allTotal += cases.length;
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  console.log(
    `${file.padEnd(25)} | ${`${p}/${n} ${pct(p, n)}`.padEnd(20)} | ${`${pa}/${cases.length} ${pct(pa, cases.length)}`.padEnd(20)} | ${skipped}`,
  );
}
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
console.log(`${'overall'.padEnd(25)} | ${`${jsPass}/${jsTotal} ${pct(jsPass, jsTotal)}`.padEnd(20)} | ${`${allPass}/${allTotal} ${pct(allPass, allTotal)}`.padEnd(20)} |`);
const verbose = process.argv.includes('--all');
console.log('\nFailing cases by kind (count, then examples; --all lists every case):');
for (const [key, list] of [...failures].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  ${key}: ${list.length} (${list.filter((x) => !x.unsupported).length} JS-supported)`);
  for (const x of verbose ? list : list.slice(0, 2)) {
    console.log(`    ${x.unsupported ? '[js-unsupported] ' : ''}${JSON.stringify(x.input)}\n      expected ${x.expected}\n      got      ${x.got}`);
  }
}

// Throughput: on the shared news corpus (read at run time, repeated to 2 MB) and on a synthetic
// text made of our own invented sentences, about ten times denser in figures than news.
function throughput(label, unit) {
  let big = '';
  while (big.length < 2_000_000) big += unit + '\n';
  findQuantities(big.slice(0, 100_000)); // warm up the JIT
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const qs = findQuantities(big);
  const c = process.cpuUsage(c0);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = (c.user + c.system) / 1e6;
  // CPU time is the steadier figure on a shared machine; wall time is what a user waits.
  console.log(
    `throughput ${label}: ${(big.length / 1e6 / cpu).toFixed(2)} MB/s of CPU time, ${(big.length / 1e6 / secs).toFixed(2)} MB/s wall (${(big.length / 1e6).toFixed(1)} MB, ${qs.length} quantities)`,
  );
}
console.log('');
const corpusDir = path.resolve(process.cwd(), '../shared/corpus/kursk-2024');
if (existsSync(corpusDir)) {
  const texts = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(corpusDir, f), 'utf8'));
  throughput('news corpus', texts.join('\n'));
} else console.log(`throughput news corpus: skipped, ${corpusDir} not found`);
const sample = [
  'Between 10,000 and 12,000 troops were deployed, including 500 officers and three generals.',
  'Officials said about 30 were killed or wounded on 4 November 2024 and at least three are missing.',
  'Up to 15,000 more could follow, a 1,000-day war that has cost $2bn and 1.3 million people their homes.',
  'Thousands of civilians fled at 10:30 as forces advanced 30 square kilometres a day, roughly 12% of the region.',
  'The 810th brigade, founded in 1953, lost some 1,500 of its 3,000 men, a spokesman told No. 5 radio.',
];
throughput('dense synthetic', sample.join(' '));
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`bench time: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
