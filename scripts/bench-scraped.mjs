#!/usr/bin/env node
// Measures the scraped-text line filter on unseen pages: the full-page text dumps of the
// html-text system in the Scrapinghub article-extraction benchmark go through
// scanScrapedText + cleanPlainText, and are scored with the benchmark's own metric
// (4-token shingles of \w+ tokens, P/R normalised per document, F1 of the averages).
// Ids are split in two halves by sorted id: "dev" (looked at while writing the data file)
// and "held-out" (not looked at), so over-fitting shows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scrapinghub } from './lib/shared.mjs';
import { scanScrapedText, scanFilter } from '../dist/clean/scraped.js';
import { cleanPlainText } from '../dist/clean/text.js';

const { root, truth } = scrapinghub();
const dumpFile = JSON.parse(readFileSync(path.join(root, 'reference-outputs/html-text.json'), 'utf8'));
const dumps = dumpFile.output ?? dumpFile;

function shingles(text) {
  const toks = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map();
  const add = (k) => out.set(k, (out.get(k) ?? 0) + 1);
  if (toks.length < 4) { if (toks.length) add(toks.join(' ')); return out; }
  for (let i = 0; i + 4 <= toks.length; i++) add(toks.slice(i, i + 4).join(' '));
  return out;
}

function score(ids, predict) {
  let p = 0, np = 0, r = 0, nr = 0;
  for (const id of ids) {
    const t = shingles(truth[id].articleBody ?? '');
    const q = shingles(predict(id));
    let tp = 0, fp = 0, fn = 0;
    for (const [k, c] of q) { const tc = t.get(k) ?? 0; tp += Math.min(c, tc); fp += Math.max(0, c - tc); }
    for (const [k, c] of t) fn += Math.max(0, c - (q.get(k) ?? 0));
    const s = tp + fp + fn || 1;
    tp /= s; fp /= s; fn /= s;
    if (fp === 0 && fn === 0) { p += 1; np++; r += 1; nr++; continue; }
    if (tp + fp > 0) { p += tp / (tp + fp); np++; }
    if (tp + fn > 0) { r += tp / (tp + fn); nr++; }
  }
  const P = p / Math.max(1, np), R = r / Math.max(1, nr);
  return { P, R, F1: (2 * P * R) / (P + R || 1) };
}

const ids = Object.keys(truth).filter((id) => dumps[id]).sort();
const half = Math.ceil(ids.length / 2);
const splits = { dev: ids.slice(0, half), 'held-out': ids.slice(half), all: ids };
const cleaned = new Map();
let lines = 0, removed = 0, bytes = 0;
const t0 = process.hrtime.bigint();
for (const id of ids) {
  const raw = dumps[id].articleBody ?? '';
  bytes += Buffer.byteLength(raw);
  const scan = scanScrapedText(raw);
  const r = cleanPlainText(raw, scanFilter(scan));
  lines += r.paragraphs.length + r.removed.length;
  removed += r.removed.length;
  cleaned.set(id, r.text);
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const f = (x) => x.toFixed(3);
console.log('Scraped-text line filter on html-text full-page dumps (Scrapinghub benchmark, 4-shingle metric)');
console.log('split      docs  input F1/P/R (published html-text)   after filter F1/P/R');
for (const [name, list] of Object.entries(splits)) {
  const before = score(list, (id) => dumps[id].articleBody ?? '');
  const after = score(list, (id) => cleaned.get(id));
  console.log(`${name.padEnd(9)} ${String(list.length).padStart(5)}  ${f(before.F1)} / ${f(before.P)} / ${f(before.R)}            ${f(after.F1)} / ${f(after.P)} / ${f(after.R)}`);
}
console.log('published html-text (repository README): F1 0.665, P 0.500, R 0.994; trafilatura 0.958 (a full HTML extractor, for scale)');
console.log(`lines removed: ${removed} of ${lines}; throughput ${(bytes / 1e6 / secs).toFixed(1)} MB/s, ${(ids.length / secs).toFixed(0)} docs/s; peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
