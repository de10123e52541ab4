import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NUM, SYM, WORD, PhraseTable, tokenize } from './tokens.js';

test('tokenize splits digit runs, words and symbols with exact positions', () => {
  const text = 'Some 1,500 troops — o\'clock\nnext';
  const t = tokenize(text);
  const toks = t.low.slice(0, t.n);
  assert.deepEqual(toks, ['some', '1', ',', '500', 'troops', '—', "o'clock", 'next']);
  assert.equal(t.type[1], NUM);
  assert.equal(t.type[2], SYM);
  assert.equal(t.type[4], WORD);
  for (let i = 0; i < t.n; i++) assert.equal(text.slice(t.start[i], t.end[i]).toLowerCase(), toks[i]);
  assert.equal(t.brk[7], 1, 'a line break is marked on the token after it');
  assert.equal(t.brk[6], 0);
});

test('PhraseTable finds the longest phrase forwards and backwards, never across a line', () => {
  const table = new PhraseTable<string>([
    ['more than', 'higher-than'],
    ['no more than', 'max'],
    ['than', 'x'],
  ]);
  const t = tokenize('no more than 5\nmore\nthan 6');
  assert.deepEqual(table.matchAt(t, 0), { value: 'max', end: 3 });
  assert.deepEqual(table.matchEndingAt(t, 2), { value: 'max', start: 0 });
  assert.deepEqual(table.matchEndingAt(t, 5), { value: 'x', start: 5 }, '"more\\nthan" is not one phrase');
});
