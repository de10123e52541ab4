#!/usr/bin/env node
// Speed of the language layer (issue 4): the clean stage and the language stages after it
// (sentences, entities, quantities, times, attributions), on the kursk-2024 corpus repeated to
// ~5 MB of text, on one core. The remaining document stages (claims, profile) are timed too and
// shown apart, with the figure for all document stages. Each measurement is repeated (BENCH_RUNS,
// default 3) and the median printed, since the cores are shared. Then the corpus's linked entities
// with mention counts, for eyeballing.
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
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const ctx = { timeZone: 'UTC', options: {}, published: '2024-11-12' };
const pipeline = defaultPipeline();
const stages = pipeline.documentStages;
const LANGUAGE = new Set(['clean', 'sentences', 'entities', 'quantities', 'times', 'attributions']);
if (stages[0].name !== 'clean') throw new Error(`expected the clean stage first, found ${stageId(stages[0])}`);
for (const name of LANGUAGE) if (!stages.some((s) => s.name === name)) throw new Error(`the pipeline has no ${name} stage`);
const ids = stages.map(stageId);
const languageIds = stages.filter((s) => LANGUAGE.has(s.name)).map(stageId);
const restIds = ids.filter((id) => !languageIds.includes(id));

const raws = files.map((f) => ({ id: f, raw: readFileSync(path.join(dir, f), 'utf8') }));
/**
 * The raw input of round `r`: the article with a last line naming the round in letters, so no text
 * repeats and no cache makes repeats free, while every line of the article reads as it was written.
 */
const variant = (raw, r) => `${raw.trimEnd()}\nCopy ${r < 0 ? 'warm' : r.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)))}.\n`;
// Warm up (model loading and JIT are one-time costs, not throughput); the clean text sets the rounds.
const perRound = raws.reduce((n, { id, raw }) => n + runDocument(pipeline, createDocument(id, variant(raw, -1)), ctx).text.length, 0);
const rounds = Math.ceil(TARGET / perRound);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = (u) => (u.user + u.system) / 1000;
const runs = [];
let peak = process.memoryUsage().rss;
for (let run = 0; run < RUNS; run++) {
  const stageMs = new Map(ids.map((id) => [id, 0]));
  let chars = 0;
  for (let r = 0; r < rounds; r++) {
    for (const { id, raw } of raws) {
      const d = createDocument(`${id}#${r}`, variant(raw, r));
      for (let i = 0; i < stages.length; i++) {
        const t = process.cpuUsage();
        runDocumentStage(stages[i], d, ctx);
        stageMs.set(ids[i], stageMs.get(ids[i]) + cpuMs(process.cpuUsage(t)));
      }
      chars += d.text.length;
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  runs.push({ stageMs, chars });
}

const mb = runs[0].chars / 1e6;
const sum = (stageMs, which) => which.reduce((n, id) => n + stageMs.get(id), 0) / 1000;
const rate = (secs) => `${(mb / secs).toFixed(2)} MB/s`;
console.log(`text: ${mb.toFixed(2)} MB of clean text (${rounds} rounds of ${files.length} documents), one core, median of ${RUNS} runs, CPU time`);
const lang = median(runs.map((x) => sum(x.stageMs, languageIds)));
const all = median(runs.map((x) => sum(x.stageMs, ids)));
console.log(`language layer (${languageIds.join(', ')}): ${rate(lang)} (${lang.toFixed(2)} s; target >= 1 MB/s)`);
console.log(`all document stages (+ ${restIds.join(', ')}): ${rate(all)} (${all.toFixed(2)} s)`);
console.log(`peak RSS: ${(peak / 2 ** 20).toFixed(0)} MB`);
console.log('per stage (median CPU time, MB per CPU second of that stage, share of all document stages):');
for (const id of ids) {
  const s = median(runs.map((x) => x.stageMs.get(id))) / 1000;
  console.log(`  ${id.padEnd(16)} ${s.toFixed(2).padStart(6)} s ${rate(s).padStart(12)} ${`${((100 * s) / all).toFixed(0)}%`.padStart(5)}${languageIds.includes(id) ? '' : '  (not in the language layer)'}`);
}

// Quality check for a human: the linked entities of the real corpus (original texts, one round).
const docs = raws.map(({ id, raw }) => runDocument(pipeline, createDocument(id, raw), ctx));
const corpus = runCorpus(pipeline, docs, ctx);
const ents = corpus.sections.entities ?? [];
console.log(`\nlinked entities on ${dir} (${ents.length}): mentions, documents, type, name [aliases]`);
for (const e of ents) {
  console.log(`  ${String(e.mentions.length).padStart(3)} ${e.documents.length} ${e.type.padEnd(6)} ${e.name}${e.aliases.length ? `  [${e.aliases.join('; ')}]` : ''}`);
}
