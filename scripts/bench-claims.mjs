#!/usr/bin/env node
// Scores the analysis of the example story against its gold file (claims, groups, figures,
// copy relations, opinion, speakers) and prints the figures; undated files get 2026-03-11, as in
// examples/README.md. Usage: npm run bench:claims [-- <story>]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../dist/index.js';
import { scoreClaims } from '../dist/claims/score.js';

const story = process.argv[2] ?? 'harbor-fire';
const gold = JSON.parse(readFileSync(path.join('examples', `${story}.gold.json`), 'utf8'));
const t0 = performance.now();
const { report } = await analyze([path.join('examples', story)], { published: '2026-03-11' });
const ms = performance.now() - t0;
const s = scoreClaims(report, gold);
const pct = (x) => `${(x * 100).toFixed(1)}%`;
console.log(`Story: examples/${story} (${report.documents.length} articles, analyzed in ${ms.toFixed(0)} ms)`);
console.log(`Claims     recall ${pct(s.claims.recall)} (${s.claims.matched}/${s.claims.gold} gold claims found with the right figure); precision vs all predicted ${pct(s.claims.precision)} (${s.claims.predicted} predicted, many legitimately outside the gold); figures taken from the gold's non-claims: ${s.claims.falseOnNonClaims}`);
console.log(`Groups     pairwise precision ${pct(s.groups.precision)}, recall ${pct(s.groups.recall)}, F1 ${pct(s.groups.f1)} over ${s.groups.pairs} same-group gold pairs`);
console.log(`Figures    ${s.figures.found}/${s.figures.gold} gold figures found; low exact ${s.figures.lowExact}, best exact ${s.figures.bestExact} (within 10%: ${s.figures.bestWithin10pct}), high exact ${s.figures.highExact}`);
console.log(`Copies     recall ${pct(s.copies.recall)} (${s.copies.matched}/${s.copies.gold}), precision ${pct(s.copies.precision)} (${s.copies.predicted} predicted), direction right ${s.copies.directionCorrect}/${s.copies.matched}; shared quotations not called copies ${s.copies.quotationsNotCopies}/${s.copies.quotations}`);
console.log(`Speakers   ${pct(s.speakers.accuracy)} (${s.speakers.correct}/${s.speakers.gold} matched claims credit the gold chain's speaker, or none when the gold has none)`);
console.log(`Opinion    ${s.opinion.matched}/${s.opinion.gold} opinion pieces found, ${s.opinion.predicted} predicted`);
console.log('No published baseline exists for this task: these numbers track our own progress on a story written by the team.');
