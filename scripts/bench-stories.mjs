#!/usr/bin/env node
// Runs the whole pipeline on real multi-outlet stories nobody here wrote: the ECB+ corpus
// (../shared/eval/ecb-plus), each subtopic (one real event reported by several outlets) as one
// story. ECB+ has no figure annotations, so this prints robustness and shape, not accuracy:
// failures, documents, claim groups (established / disputed / single-source), copy edges,
// throughput and peak memory. Usage: npm run bench:stories [-- <max subtopics>]
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { sharedDir } from './lib/shared.mjs';
import { analyzeRecords } from '../dist/index.js';

const root = path.join(sharedDir('eval/ecb-plus'), 'ECB+');
const limit = Number(process.argv[2] ?? Infinity);

/** The article text of one ECB+ file: its tokens, re-spaced by ordinary punctuation rules. */
function textOf(xml, plus) {
  const sents = new Map();
  for (const m of xml.matchAll(/<token[^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const n = Number(m[1]);
    if (plus && n === 0) continue; // ECB+ files open with the source URL as sentence 0
    const word = m[2].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    (sents.get(n) ?? sents.set(n, []).get(n)).push(word);
  }
  return [...sents.keys()].sort((a, b) => a - b).map((k) =>
    sents.get(k).join(' ')
      .replace(/ ([,.;:!?%)\]])/g, '$1').replace(/([(\[$]) /g, '$1')
      .replace(/(\d), (\d{3})\b/g, '$1,$2').replace(/ (n't|'s|'re|'ve|'ll|'d)\b/g, '$1')
      .replace(/`` ?/g, '“').replace(/ ?''/g, '”'),
  ).join('\n\n');
}

const stories = [];
for (const topic of readdirSync(root).sort((a, b) => Number(a) - Number(b))) {
  for (const kind of ['ecb', 'ecbplus']) {
    const files = readdirSync(path.join(root, topic)).filter((f) => f.endsWith(`${kind}.xml.gz`)).sort();
    if (files.length) stories.push({ id: `${topic}/${kind}`, files: files.map((f) => path.join(root, topic, f)), plus: kind === 'ecbplus' });
  }
}
let docs = 0, bytes = 0, failed = 0, groups = 0, established = 0, disputed = 0, single = 0, copies = 0, cpu = 0;
const crashed = [];
for (const s of stories.slice(0, limit)) {
  const records = s.files.map((f) => {
    const raw = textOf(gunzipSync(readFileSync(f)).toString('utf8'), s.plus);
    bytes += Buffer.byteLength(raw);
    return { source: f, format: 'text', raw, meta: {}, diagnostics: [] };
  });
  const t0 = process.cpuUsage();
  try {
    const { report } = analyzeRecords(records, { published: '2010-01-01' });
    const u = process.cpuUsage(t0);
    cpu += (u.user + u.system) / 1e6;
    docs += report.documents.length;
    failed += report.documents.filter((d) => d.status !== 'ok').length + report.failures.length;
    const gs = report.corpus.claimGroups ?? [];
    groups += gs.length;
    established += gs.filter((g) => g.status === 'established').length;
    disputed += gs.filter((g) => g.status === 'disputed').length;
    single += gs.filter((g) => g.status === 'single-source').length;
    copies += (report.corpus.provenance?.edges ?? []).filter((e) => e.kind === 'copy').length;
  } catch (e) {
    crashed.push(`${s.id}: ${e.message}`);
  }
}
const n = Math.min(stories.length, limit);
console.log(`ECB+ stories (real events, several outlets each): ${n} stories, ${docs} articles, ${(bytes / 1e6).toFixed(2)} MB of text`);
console.log(`failures   ${crashed.length} stories crashed, ${failed} articles failed`);
for (const c of crashed) console.log(`  ${c}`);
console.log(`claims     ${groups} claim groups: ${established} established, ${disputed} disputed, ${single} single-source; ${copies} copy edges`);
console.log(`speed      ${(bytes / 1e6 / cpu).toFixed(2)} MB per CPU-second for the whole pipeline, ${(docs / cpu).toFixed(1)} articles per CPU-second`);
console.log(`memory     peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
console.log('No published baseline: ECB+ annotates events, not figures; this run checks that real multi-outlet coverage goes through whole.');
