#!/usr/bin/env node
// Source profiles on real pages: runs the profile stage (after cleaning and the language stages) on
// the English pages of the Scrapinghub benchmark and prints how it labels them. The data has no genre
// labels, so the only gold here is weak: pages in an opinion section by their URL (/opinion/,
// /commentisfree/, /columnists/, /editorials/) should come out opinion or mixed; the rest of the set
// is mostly news but also reviews, blogs and guides, so its opinion share is an upper bound on
// false opinion labels, printed for tracking. Usage: npm run bench:profile
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { scrapinghub } from './lib/shared.mjs';
import { analyzeRecords } from '../dist/index.js';

const { root, truth } = scrapinghub();
const OPINION_URL = /\/(?:opinion|commentisfree|columnists?|editorials?)\//i;
const SUBJECTIVE_URL = /review|\/blog|advice|gift-guide|recipe/i;
const stages = ['clean', 'sentences', 'entities', 'quantities', 'times', 'attributions', 'profile'];
const rows = [];
let cpu = 0;
for (const [id, v] of Object.entries(truth)) {
  const url = v.url ?? '';
  const raw = gunzipSync(readFileSync(`${root}/html/${id}.html.gz`)).toString('utf8');
  const t0 = process.cpuUsage();
  const { documents } = analyzeRecords([{ source: `${id}.html`, format: 'html', raw, meta: { url, format: 'html' }, diagnostics: [] }], { stages });
  const u = process.cpuUsage(t0);
  cpu += (u.user + u.system) / 1e6;
  const d = documents[0];
  if (!String(d.meta.language ?? '').startsWith('en')) continue;
  const p = d.records.profile?.[0];
  if (!p) continue;
  rows.push({ url, genre: p.genre, kind: OPINION_URL.test(url) ? 'opinion section' : SUBJECTIVE_URL.test(url) ? 'review/blog/advice' : 'other (mostly news)' });
}
console.log(`Source profiles on ${rows.length} English pages of the Scrapinghub benchmark (weak labels from the URL)`);
console.log('pages by URL kind        |   n | opinion | mixed | reporting');
for (const kind of ['opinion section', 'review/blog/advice', 'other (mostly news)']) {
  const r = rows.filter((x) => x.kind === kind);
  const c = (g) => r.filter((x) => x.genre === g).length;
  console.log(`${kind.padEnd(24)} | ${String(r.length).padStart(3)} | ${String(c('opinion')).padStart(7)} | ${String(c('mixed')).padStart(5)} | ${String(c('reporting')).padStart(9)}`);
}
console.log(`time: ${cpu.toFixed(1)} CPU-s for all 181 pages; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
console.log('No published baseline; opinion-section pages should be opinion or mixed, and the news share labelled opinion should fall.');
