import { test } from 'node:test';
import assert from 'node:assert/strict';
import fixture from './fixtures/timex3.json' with { type: 'json' };
import { findTimes } from './find.js';
import { alignSpans, locateGold, scoreTimex, type TimexDoc, type TimexSpan } from './timex-eval.js';

const DOCS = fixture.documents as Array<TimexDoc & { split: string }>;
// TIMEX3 value grammar (TimeML 1.2.1): dates, weeks, parts of year, times, durations, sets, vague refs.
const VALUE = /^(?:\d{2,4}|FY\d{4}|\d{4}-(?:\d{2}(?:-\d{2}(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI)|P(?:T?[\dX.]+[A-Z]{1,2})+|XXXX-(?:WXX-[1-7]|XX-XX|SP|SU|FA|WI)(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?|(?:PAST|PRESENT|FUTURE)_REF)$/;

test('the TIMEX3 fixture is well formed: every gold extent is in its text, with a valid type, value and mod', () => {
  assert.ok(typeof fixture.source === 'string' && fixture.source.length > 40);
  assert.ok(DOCS.length >= 20);
  assert.ok(DOCS.some((d) => d.split === 'heldout') && DOCS.every((d) => d.split === 'dev' || d.split === 'heldout'));
  let n = 0;
  for (const d of DOCS) {
    assert.match(d.dct, /^\d{4}-\d{2}-\d{2}$/);
    for (const g of locateGold(d)) {
      n++;
      assert.equal(d.text.slice(g.start, g.end), g.text);
      assert.ok(['DATE', 'TIME', 'DURATION', 'SET'].includes(g.type), `${d.id}: type ${g.type}`);
      assert.match(g.value, VALUE, `${d.id}: value ${g.value}`);
      // TimeML leaves prepositions out of the extent.
      assert.doesNotMatch(g.text, /^(?:on|in|at|since|by|until|during|within|for)\s/i, `${d.id}: "${g.text}" starts with a signal`);
      if (g.mod) assert.ok(['START', 'MID', 'END', 'APPROX', 'MORE_THAN', 'LESS_THAN'].includes(g.mod));
    }
  }
  assert.ok(n >= 80, `only ${n} gold expressions`);
});

test('scoring: strict needs equal offsets, relaxed any overlap one-to-one, value F1 counts relaxed matches with equal values', () => {
  const s = (start: number, end: number, value: string, type = 'DATE'): TimexSpan => ({ start, end, text: '', type, value });
  const gold = [s(0, 10, '2024'), s(20, 30, 'P3Y', 'DURATION'), s(40, 45, '2024-11')];
  const system = [s(0, 10, '2024'), s(22, 30, 'P2Y', 'DURATION'), s(50, 55, 'PRESENT_REF')];
  assert.deepEqual(alignSpans(gold, system), [[0, 0], [1, 1]]);
  const r = scoreTimex([{ gold, system }]);
  assert.deepEqual([r.gold, r.system], [3, 3]);
  assert.equal(r.strict.f.toFixed(3), (1 / 3).toFixed(3));
  assert.equal(r.relaxed.p.toFixed(3), (2 / 3).toFixed(3));
  assert.equal(r.value.r.toFixed(3), (1 / 3).toFixed(3));
  assert.equal(r.type.f.toFixed(3), (2 / 3).toFixed(3));
  assert.deepEqual(scoreTimex([{ gold: [], system: [] }]).value, { p: 0, r: 0, f: 0 });
  assert.throws(() => locateGold({ id: 'x', dct: '2024-01-01', text: 'on Monday', timex: [{ text: 'Tuesday', type: 'DATE', value: 'x' }] }), /not found/);
});

test('times@1 on the TIMEX3 fixture stays at or above the measured level (npm run bench:timex prints the errors)', () => {
  const run = (split: string) =>
    scoreTimex(DOCS.filter((d) => d.split === split).map((d) => ({ gold: locateGold(d), system: findTimes(d.text, d.dct).times })));
  const dev = run('dev');
  const held = run('heldout');
  assert.ok(dev.value.f >= 0.95, `dev value F1 ${dev.value.f}`);
  assert.ok(dev.strict.f >= 0.95, `dev strict F1 ${dev.strict.f}`);
  assert.ok(held.value.f >= 0.9, `held-out value F1 ${held.value.f}`);
  assert.ok(held.relaxed.f >= 0.95, `held-out relaxed F1 ${held.relaxed.f}`);
});
