import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNumbers } from './find.js';

const spans = (s: string) => findNumbers(s).map((m) => [s.slice(m.start, m.end), m.value]);

test('finds numbers in digits and words with their values', () => {
  assert.deepEqual(spans('Colonel Varga said 1.3 million people and twenty-five villages were hit.'), [
    ['1.3 million', 1300000],
    ['twenty-five', 25],
  ]);
  assert.deepEqual(spans('The convoy carried 12k litres, $2bn and 10M in cash.'), [
    ['12k', 12000],
    ['2bn', 2e9],
    ['10M', 1e7],
  ]);
});

test('signs, powers and digit fractions', () => {
  assert.deepEqual(spans('It fell to -4/5 then -12e-1 and 1.1^2.'), [
    ['-4/5', -0.8],
    ['-12e-1', -1.2],
    ['1.1^2', 1.1 ** 2],
  ]);
  assert.deepEqual(spans('The score was 10-12,000'), [
    ['10', 10],
    ['12,000', 12000],
  ], 'a hyphen between figures is a range, not a minus');
});

test('marks glued units, ordinal suffixes, identifier prefixes and hyphen words', () => {
  const [brigade] = findNumbers('the 810th brigade');
  assert.equal(brigade.glued, 'th');
  const [jet] = findNumbers('an F-16 jet');
  assert.equal(jet.idPrefix, 'f');
  const [war] = findNumbers('a 1,000-day war');
  assert.equal(war.hyphenWord, 'day');
  const [road] = findNumbers('a 29km road');
  assert.equal(road.glued, 'km');
});

test('pronoun "a" and plain words are not numbers', () => {
  assert.deepEqual(spans('A patrol left at dawn and a scout stayed behind.'), []);
});
