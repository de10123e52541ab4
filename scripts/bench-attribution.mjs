#!/usr/bin/env node
// Scores the attributions@1 stage on PolNeAR (brat standoff: Source / Cue / Content spans).
// Usage: node scripts/bench-attribution.mjs [dev|train | --split dev|train] [--errors ROLE]
// Matching, per role, each gold span matched at most once:
//   exact   = the same fragments after normalising both sides the same way: fragments separated only
//             by whitespace are merged (brat splits a content at sentence and paragraph breaks), and
//             each fragment is trimmed of surrounding whitespace and , ; : (the README leaves
//             trimming to the scorer; PolNeAR annotators vary on a trailing comma);
//             A split content (`"A," she said, "B."`) matches only if every fragment does.
//   overlap = the spans share at least one word (a run of letters or digits).
// Gold: the first annotator's .ann per article; E-lines give the roles (Content2 joins its Content).
// Predictions: annotate(file, {offsets: 'input'}), so spans are positions in the .txt itself (checked:
// the decoded input must equal the file text, else a warning is printed).
// --errors ROLE lists unmatched (exact) predictions (FP) and gold spans (FN) with context; use it on train.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { annotate } from '../dist/analyze.js';
import { findAttributions } from '../dist/attributions/stage.js';

const root = path.resolve(process.cwd(), '../shared/eval/polnear');
const splitIdx = process.argv.indexOf('--split');
const split = splitIdx > 0 ? process.argv[splitIdx + 1] : process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dev';
const errIdx = process.argv.indexOf('--errors');
const showErrors = errIdx > 0 ? process.argv[errIdx + 1] : undefined;
if (!existsSync(path.join(root, split))) {
  console.log(`PolNeAR ${split} split not found under ${root}; skipping.`);
  process.exit(0);
}
const ROLES = ['Cue', 'Source', 'Content'];
const CITRON = { exact: { Cue: 82.3, Source: 82.0, Content: 59.3 }, overlap: { Cue: 76.8, Source: 85.3, Content: 83.3 } };

/** Merges fragments separated by whitespace only and trims whitespace and , ; : at the edges. */
function normalise(text, frags) {
  const sorted = frags.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && (s <= last[1] || /^\s*$/.test(text.slice(last[1], s)))) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const out = [];
  for (let [s, e] of merged) {
    while (s < e && /[\s,;:]/.test(text[s])) s++;
    while (e > s && /[\s,;:]/.test(text[e - 1])) e--;
    if (e > s) out.push([s, e]);
  }
  return out;
}

function parseAnn(ann) {
  const T = new Map();
  const roles = { Cue: new Map(), Source: new Map(), Content: new Map() };
  for (const line of ann.split('\n')) {
    const parts = line.split('\t');
    if (parts.length < 2) continue;
    if (parts[0].startsWith('T')) {
      const sp = parts[1].indexOf(' ');
      const frags = parts[1].slice(sp + 1).split(';').map((r) => r.trim().split(/\s+/).map(Number));
      T.set(parts[0], frags);
    } else if (parts[0].startsWith('E')) {
      const args = Object.fromEntries(parts[1].trim().split(/\s+/).map((a) => a.split(':')));
      for (const r of ROLES) {
        const id = args[r];
        if (!id || !T.has(id)) continue;
        // Content2 is a second part of the same content.
        const frags = r === 'Content' && T.has(args.Content2) ? [...T.get(id), ...T.get(args.Content2)] : T.get(id);
        roles[r].set(id, frags);
      }
    }
  }
  return roles;
}

function wordIndex(text) {
  const idx = new Int32Array(text.length).fill(-1);
  const re = /[\p{L}\p{N}]+/gu;
  let m;
  let n = 0;
  while ((m = re.exec(text))) {
    for (let i = m.index; i < m.index + m[0].length; i++) idx[i] = n;
    n++;
  }
  return idx;
}

function wordsOf(idx, frags) {
  const set = new Set();
  for (const [s, e] of frags) for (let i = s; i < e; i++) if (idx[i] >= 0) set.add(idx[i]);
  return set;
}

const tally = {};
for (const m of ['exact', 'overlap']) for (const r of ROLES) tally[`${m}:${r}`] = { tp: 0, pred: 0, gold: 0 };
const errors = [];

const textDir = path.join(root, split, 'text');
const annDir = path.join(root, split, 'attributions');
const annFiles = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
const byArticle = new Map();
for (const f of annFiles) {
  const article = f.replace(/_[^_]+\.ann$/, '');
  if (!byArticle.has(article)) byArticle.set(article, f); // first annotator's file
}
let docs = 0;
let bytes = 0;
let mismatched = 0;
let stageMs = 0;
const t0 = performance.now();
for (const [article, annFile] of byArticle) {
  const txtPath = path.join(textDir, `${article}.txt`);
  if (!existsSync(txtPath)) continue;
  const fileText = readFileSync(txtPath, 'utf8');
  const a = await annotate(txtPath, { offsets: 'input' });
  if (a.text !== fileText) mismatched++;
  docs++;
  bytes += Buffer.byteLength(fileText);
  // Time the stage alone on the clean document, for throughput.
  const clean = await annotate(txtPath, { offsets: 'clean', stages: ['clean', 'sentences'] });
  // CPU time, not wall time: the benchmark machine may be shared.
  const s0 = process.cpuUsage();
  findAttributions(clean);
  const used = process.cpuUsage(s0);
  stageMs += (used.user + used.system) / 1000;
  const gold = parseAnn(readFileSync(path.join(annDir, annFile), 'utf8'));
  const pred = { Cue: [], Source: [], Content: [] };
  for (const at of a.layers.attributions ?? []) {
    pred.Cue.push([[at.cue.start, at.cue.end]]);
    if (at.source) pred.Source.push([[at.source.start, at.source.end]]);
    pred.Content.push(at.content.map((c) => [c.start, c.end]));
  }
  const idx = wordIndex(fileText);
  for (const r of ROLES) {
    const g = [...gold[r].values()].map((f) => normalise(fileText, f)).filter((f) => f.length);
    const p = pred[r].map((f) => normalise(fileText, f)).filter((f) => f.length);
    // exact
    const ex = tally[`exact:${r}`];
    ex.pred += p.length;
    ex.gold += g.length;
    const gk = new Map();
    for (const f of g) gk.set(JSON.stringify(f), (gk.get(JSON.stringify(f)) ?? 0) + 1);
    const unmatchedPred = [];
    for (const f of p) {
      const k = JSON.stringify(f);
      if (gk.get(k) > 0) {
        gk.set(k, gk.get(k) - 1);
        ex.tp++;
      } else unmatchedPred.push(f);
    }
    // overlap
    const ov = tally[`overlap:${r}`];
    ov.pred += p.length;
    ov.gold += g.length;
    const gw = g.map((f) => wordsOf(idx, f));
    const used = new Set();
    for (const f of p) {
      const pw = wordsOf(idx, f);
      let best = -1;
      let most = 0;
      gw.forEach((w, i) => {
        if (used.has(i)) return;
        let n = 0;
        for (const x of pw) if (w.has(x)) n++;
        if (n > most) {
          most = n;
          best = i;
        }
      });
      if (best >= 0) {
        used.add(best);
        ov.tp++;
      }
    }
    if (showErrors === r) {
      const show = (f) => {
        const s = f[0][0];
        const e = f[f.length - 1][1];
        const ctx = (x) => x.replace(/\s+/g, ' ');
        return `${ctx(fileText.slice(Math.max(0, s - 100), s))}[[${ctx(f.map(([a, b]) => fileText.slice(a, b)).join(' | ')).slice(0, 300)}]]${ctx(fileText.slice(e, e + 60))}`;
      };
      for (const f of unmatchedPred) errors.push(`FP ${article}: ${show(f)}`);
      for (const [k, n] of gk) if (n > 0) errors.push(`FN ${article}: ${show(JSON.parse(k))}`);
    }
  }
}
const secs = (performance.now() - t0) / 1000;
const pct = (x) => (100 * x).toFixed(1).padStart(5);
console.log(`PolNeAR ${split}: ${docs} articles (first annotator's file each), ${(bytes / 1024).toFixed(0)} KiB`);
if (mismatched) console.log(`WARNING: ${mismatched} documents whose decoded input differs from the .txt file; their offsets may not line up.`);
console.log('');
console.log('role     match     P      R      F1    | BBC Citron F1 (PARC 3.0 test, not comparable)');
for (const m of ['exact', 'overlap']) {
  for (const r of ROLES) {
    const t = tally[`${m}:${r}`];
    const p = t.pred ? t.tp / t.pred : 0;
    const rc = t.gold ? t.tp / t.gold : 0;
    const f = p + rc ? (2 * p * rc) / (p + rc) : 0;
    console.log(`${r.padEnd(8)} ${m.padEnd(8)} ${pct(p)}  ${pct(rc)}  ${pct(f)}   | ${CITRON[m][r].toFixed(1)}   (gold ${t.gold}, predicted ${t.pred})`);
  }
}
console.log('');
console.log(`throughput: ${(docs / secs).toFixed(1)} docs/s end to end (ingest, clean, sentences, attributions, wall clock); attributions stage alone (CPU time) ${((bytes / 1e6) / (stageMs / 1000)).toFixed(2)} MB/s`);
console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
if (showErrors) console.log('\n' + errors.join('\n'));
