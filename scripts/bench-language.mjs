#!/usr/bin/env node
// Speed of the whole language layer: every document stage of the default pipeline except clean,
// on the kursk-2024 corpus repeated to ~5 MB of text, on one core. Prints MB/s, peak RSS and a
// per-stage time breakdown, then the corpus's linked entities with mention counts for eyeballing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createDocument, defaultPipeline, runDocument, runCorpus } from '../dist/index.js';
import { runDocumentStage } from '../dist/core/runner.js';
import { stageId } from '../dist/core/stage.js';

const dir = path.resolve(process.cwd(), '../shared/corpus/kursk-2024');
let files;
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
} catch {
  console.log(`skipped: ${dir} not found (the shared corpora sit beside the repository)`);
  process.exit(0);
}
const TARGET = Number(process.env.BENCH_MB ?? 5) * 1e6;
const ctx = { timeZone: 'UTC', options: {}, published: '2024-11-12' };
const pipeline = defaultPipeline();
const [clean, ...language] = pipeline.documentStages;
if (clean.name !== 'clean') throw new Error(`expected the clean stage first, found ${stageId(clean)}`);

// Clean once (not measured); each repetition gets a fresh copy of the cleaned document, with a
// marker line so repeated texts are not identical lines (no cache can make the repeats free).
const base = files.map((f) => {
  const d = createDocument(f, readFileSync(path.join(dir, f), 'utf8'));
  runDocumentStage(clean, d, ctx);
  return d;
});
const perRound = base.reduce((n, d) => n + d.text.length, 0);
const rounds = Math.ceil(TARGET / perRound);
const stageMs = new Map(language.map((s) => [stageId(s), 0]));
let chars = 0;
let peak = process.memoryUsage().rss;
// Warm up (model loading is a one-time cost, not throughput).
for (const s of language) runDocumentStage(s, createDocument('warm', '', {}), ctx);
{
  const w = createDocument('warm', '');
  w.text = base[0].text;
  for (const s of language) runDocumentStage(s, w, ctx);
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const firstRound = [];
for (let r = 0; r < rounds; r++) {
  for (const b of base) {
    const d = createDocument(`${b.id}#${r}`, b.raw, b.meta);
    const lines = b.text.split('\n');
    // Vary every line a little per round so each is analysed afresh.
    d.text = lines.map((l) => (l ? `${l} (${r})` : l)).join('\n');
    d.offsets = { segments: [] };
    for (const s of language) {
      const t = process.cpuUsage();
      runDocumentStage(s, d, ctx);
      const u = process.cpuUsage(t);
      stageMs.set(stageId(s), stageMs.get(stageId(s)) + (u.user + u.system) / 1000);
    }
    chars += d.text.length;
    if (r === 0) firstRound.push(d);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
}
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
const mb = chars / 1e6;
console.log(`language layer (${language.map(stageId).join(', ')})`);
console.log(`text: ${mb.toFixed(2)} MB (${rounds} rounds of ${files.length} documents), one core`);
console.log(`throughput: ${(mb / cpuSecs).toFixed(2)} MB/s per CPU second (target >= 1 MB/s); ${(mb / secs).toFixed(2)} MB/s wall clock`);
console.log(`time: ${cpuSecs.toFixed(1)} s CPU, ${secs.toFixed(1)} s wall (the wall figure suffers when other jobs share the cores)`);
console.log(`peak RSS: ${(peak / 2 ** 20).toFixed(0)} MB`);
const total = [...stageMs.values()].reduce((a, b) => a + b, 0);
console.log('per stage (CPU time, MB per CPU second of that stage, share):');
for (const [id, ms] of stageMs) console.log(`  ${id.padEnd(20)} ${(ms / 1000).toFixed(2)} s  ${(mb / (ms / 1000)).toFixed(2)} MB/s  ${((100 * ms) / total).toFixed(0)}%`);

// Quality check for a human: the linked entities of the real corpus (original texts, one round).
const docs = base.map((b) => runDocument(pipeline, createDocument(b.id, readFileSync(path.join(dir, b.id), 'utf8')), ctx));
const corpus = runCorpus(pipeline, docs, ctx);
const ents = corpus.sections.entities ?? [];
console.log(`\nlinked entities on ${dir} (${ents.length}): mentions, documents, type, name [aliases]`);
for (const e of ents) {
  console.log(`  ${String(e.mentions.length).padStart(3)} ${e.documents.length} ${e.type.padEnd(6)} ${e.name}${e.aliases.length ? `  [${e.aliases.join('; ')}]` : ''}`);
}
