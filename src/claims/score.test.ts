import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze.js';
import { scoreClaims, type Gold } from './score.js';

// Scores the example story against its gold file. The floors sit below today's figures
// (printed by `npm run bench:claims`) so a regression fails here; raise them as the stages improve.
test('the example story scores against its gold: claims, groups, figures, copies, opinion', async () => {
  const gold = JSON.parse(readFileSync('examples/harbor-fire.gold.json', 'utf8')) as Gold;
  const { report } = await analyze(['examples/harbor-fire']);
  const s = scoreClaims(report, gold);
  assert.ok(s.claims.recall >= 0.9, `claim recall ${s.claims.recall}`);
  assert.ok(s.groups.precision >= 0.9, `group precision ${s.groups.precision}`);
  assert.ok(s.groups.f1 >= 0.8, `group F1 ${s.groups.f1}`);
  assert.ok(s.figures.found >= 9, `figures found ${s.figures.found}`);
  assert.ok(s.speakers.accuracy >= 0.85, `speaker accuracy ${s.speakers.accuracy}`);
  assert.equal(s.copies.recall, 1, 'both re-runs of the wire story are found');
  assert.equal(s.copies.quotationsNotCopies, s.copies.quotations, 'a shared quotation is not a copy');
  assert.equal(s.opinion.matched, s.opinion.gold, 'the opinion column is found');
});

test('the scorer penalises a wrong report', async () => {
  const gold = JSON.parse(readFileSync('examples/harbor-fire.gold.json', 'utf8')) as Gold;
  const { report } = await analyze(['examples/harbor-fire']);
  const broken = structuredClone(report);
  broken.corpus.claimGroups = [];
  broken.corpus.provenance = { wires: [], edges: [], groups: [], groupOf: {} };
  const s = scoreClaims(broken, gold);
  assert.equal(s.claims.recall, 0);
  assert.equal(s.copies.recall, 0);
});
