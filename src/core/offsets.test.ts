import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextBuilder, identityMap, toRaw } from './offsets.js';

test('verbatim copies map position by position and merge into one segment', () => {
  const raw = 'abc def ghi';
  const b = new TextBuilder();
  b.copy(raw, 0, 3);
  b.copy(raw, 3, 7);
  const { text, offsets } = b.finish();
  assert.equal(text, 'abc def');
  assert.deepEqual(offsets.segments, [0, 7, 0, 7]);
  assert.deepEqual(toRaw(offsets, 4, 7), { start: 4, end: 7 });
});

test('a decoded entity maps as a whole to its raw stretch', () => {
  const raw = 'A &amp; B';
  const b = new TextBuilder();
  b.copy(raw, 0, 2);
  b.mapped('&', 2, 7);
  b.copy(raw, 7, 9);
  const { text, offsets } = b.finish();
  assert.equal(text, 'A & B');
  assert.deepEqual(toRaw(offsets, 2, 3), { start: 2, end: 7 });
  assert.deepEqual(toRaw(offsets, 0, 5), { start: 0, end: 9 });
  assert.equal(raw.slice(toRaw(offsets, 4, 5).start, toRaw(offsets, 4, 5).end), 'B');
});

test('synthetic text anchors at a raw position and spans across it keep both ends', () => {
  const raw = 'one</p><p>two';
  const b = new TextBuilder();
  b.copy(raw, 0, 3);
  b.synthetic('\n', 3);
  b.copy(raw, 10, 13);
  const { text, offsets } = b.finish();
  assert.equal(text, 'one\ntwo');
  assert.deepEqual(toRaw(offsets, 0, 7), { start: 0, end: 13 });
  assert.deepEqual(toRaw(offsets, 4, 7), { start: 10, end: 13 });
});

test('trimEnd drops trailing whitespace from text and map', () => {
  const b = new TextBuilder();
  b.copy('ab  ', 0, 4);
  b.synthetic('\n', 4);
  b.trimEnd();
  const { text, offsets } = b.finish();
  assert.equal(text, 'ab');
  assert.deepEqual(offsets.segments, [0, 2, 0, 2]);
});

test('the identity map and an empty map', () => {
  assert.deepEqual(toRaw(identityMap(10), 3, 6), { start: 3, end: 6 });
  assert.deepEqual(toRaw({ segments: [] }, 3, 6), { start: 3, end: 6 });
});

test('offset maps survive a JSON round trip', () => {
  const b = new TextBuilder();
  b.mapped('é', 0, 8);
  const { offsets } = b.finish();
  assert.deepEqual(JSON.parse(JSON.stringify(offsets)), offsets);
});
