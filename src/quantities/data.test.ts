import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { CANDIDATE, HEDGES_BEFORE, ORDINALS, VAGUE } from './data.js';
import { tokenize } from './tokens.js';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

test('every data list says where it comes from', () => {
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const d = JSON.parse(readFileSync(path.join(dataDir, f), 'utf8')) as { source?: unknown };
    assert.equal(typeof d.source, 'string', `${f} has a source`);
    assert.ok((d.source as string).length > 20, `${f} source says something`);
  }
});

test('lists load into lookups: plural ordinals, multi-word hedges, vague phrases', () => {
  assert.equal(ORDINALS.get('fifths'), 5);
  assert.equal(HEDGES_BEFORE.matchAt(tokenize('no fewer than 3'), 0)?.value, 'min');
  assert.deepEqual(VAGUE.matchAt(tokenize('tens of thousands of'), 0)?.value.low, 20000);
});

test('the candidate pattern finds digits and number words, not ordinary words', () => {
  const hits = (s: string) => [...s.matchAll(new RegExp(CANDIDATE.source, CANDIDATE.flags))].map((m) => m[0]);
  assert.deepEqual(hits('Twenty-five trucks, 3 tanks and thousands of someone'), ['Twenty', 'five', '3', 'thousands']);
  assert.deepEqual(hits('The envoy spoke at length.'), []);
});
