#!/usr/bin/env node
// API load bench on loopback: ingest throughput, then requests/s and p50/p99 latency for a story
// report and for search, on a store of 1,000 invented articles (20 stories of 50).
// Usage: npm run bench:api   (BENCH_SECONDS=N sets each load run, default 10; at most 60)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { analyzeRecords } from '../dist/analyze.js';
import { startServer } from '../dist/server/serve.js';
import { openStore } from '../dist/store/sqlite.js';

const SECONDS = Math.min(60, Math.max(1, Number(process.env.BENCH_SECONDS ?? 10)));
const STORIES = 20;
const PER_STORY = 50;

// Invented articles: a seeded generator, so every run measures the same text.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const TOWNS = ['Lowmarsh', 'Tarrow', 'Brindle', 'Eastwick Fen', 'Corran Bay', 'Hollin', 'Saltreach', 'Morrow Cross'];
const EVENTS = ['a warehouse fire', 'a bridge collapse', 'flooding', 'a chemical leak', 'a landslide', 'a ferry grounding', 'a power outage', 'a rail derailment'];
const OFFICIALS = ['Mayor Idris Vell', 'fire chief Anna Korsgaard', 'police spokesman Tomas Reyne', 'the regional governor', 'harbor master Edda Quillon', 'a hospital spokeswoman'];
const VERBS = ['said', 'told reporters', 'confirmed', 'estimated', 'warned'];
const OUTLETS = ['courier.example', 'gazette.example', 'ledger.example', 'herald.example', 'wire.example', 'observer.example'];

function article(story, i) {
  const town = TOWNS[story % TOWNS.length];
  const event = EVENTS[story % EVENTS.length];
  const paras = [];
  const n = 4 + Math.floor(rand() * 6);
  for (let p = 0; p < n; p++) {
    const sentences = [];
    for (let s = 0; s < 2 + Math.floor(rand() * 3); s++) {
      sentences.push(`${pick(OFFICIALS)[0].toUpperCase()}${pick(OFFICIALS).slice(1)} ${pick(VERBS)} that ${Math.floor(rand() * 400) + 2} people were affected by ${event} in ${town} on day ${(i % 5) + 1}.`);
    }
    paras.push(sentences.join(' '));
  }
  // Every fifth article reuses a wire paragraph, so the reuse stage has work to do.
  if (i % 5 === 0) paras.push(`Emergency crews worked through the night in ${town} as residents gathered outside the shelter, officials said, adding that the cause of ${event} was under investigation.`);
  return { text: paras.join('\n'), title: `${town}: ${event}, report ${i + 1}`, site: pick(OUTLETS), published: `2031-04-${String((i % 28) + 1).padStart(2, '0')}` };
}

const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-bench-api-'));
const stories = Array.from({ length: STORIES }, (_, s) => Array.from({ length: PER_STORY }, (_, i) => article(s, i)));
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

// Store alone: analyzed documents written in one transaction per story.
const analyzed = stories.map((arts) => analyzeRecords(arts.map((a, i) => ({ source: `bench#${i}`, format: 'text', raw: a.text, meta: { title: a.title, site: a.site, published: a.published }, diagnostics: [] }))));
const plain = openStore(path.join(dir, 'store-only.db'));
let t0 = performance.now();
for (const [s, r] of analyzed.entries()) await plain.saveStory({ id: `s${s}`, name: `s${s}`, report: r.report, documents: r.documents });
const storeRate = (STORIES * PER_STORY) / ((performance.now() - t0) / 1000);
await plain.close();

const server = await startServer({ port: 0, db: path.join(dir, 'bench.db') });
try {
  t0 = performance.now();
  for (const [s, articles] of stories.entries()) {
    const res = await fetch(`${server.url}/api/stories`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `Bench story ${s + 1}`, articles }) });
    if (res.status !== 201) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
  }
  const ingestSeconds = (performance.now() - t0) / 1000;
  const reportBytes = (await (await fetch(`${server.url}/api/stories/bench-story-1/report`)).arrayBuffer()).byteLength;

  const load = (url) =>
    new Promise((resolve, reject) => autocannon({ url, connections: 10, duration: SECONDS }, (err, res) => (err ? reject(err) : resolve(res))));
  const report = await load(`${server.url}/api/stories/bench-story-1/report`);
  const search = await load(`${server.url}/api/search?q=${encodeURIComponent('residents shelter')}&limit=20`);
  clearInterval(sample);

  const line = (name, r) =>
    `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
  console.log(`triangulate bench:api — ${STORIES * PER_STORY} invented articles in ${STORIES} stories, loopback, 10 connections, ${SECONDS}s per run`);
  console.log(`ingest via POST /api/stories (analyze + store): ${((STORIES * PER_STORY) / ingestSeconds).toFixed(1)} articles/s (${ingestSeconds.toFixed(1)} s)`);
  console.log(`store alone (saveStory of analyzed documents):  ${storeRate.toFixed(0)} articles/s`);
  console.log(line(`GET story report (${(reportBytes / 1024).toFixed(0)} KiB)`, report));
  console.log(line('GET search', search));
  console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB (bench process: server and load generator together)`);
  console.log('No published number to compare with: these are this build\'s own figures on this machine.');
} finally {
  clearInterval(sample);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
