import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities, type Quantity } from './normalize.js';

/** The one quantity in `s`, as text plus fields. */
function one(s: string): Quantity & { text: string } {
  const qs = findQuantities(s);
  assert.equal(qs.length, 1, `expected one quantity in ${JSON.stringify(s)}, got ${JSON.stringify(qs.map((q) => s.slice(q.start, q.end)))}`);
  return { ...qs[0], text: s.slice(qs[0].start, qs[0].end) };
}

function pick(q: Quantity & { text: string }) {
  return { text: q.text, low: q.low, high: q.high, value: q.value, qualifier: q.qualifier, unit: q.unit, counted: q.counted };
}

// An invented story: the Varnholm border crisis.
test('ranges: between, en dash with a shared scale, hyphen, from-to', () => {
  assert.deepEqual(pick(one('Varnholm moved between 10,000 and 12,000 troops to the border.')), {
    text: 'between 10,000 and 12,000', low: 10000, high: 12000, value: null, qualifier: 'range', unit: 'count', counted: 'troops',
  });
  assert.deepEqual(pick(one('Some 10–12,000 troops crossed the river.')), {
    text: 'Some 10–12,000', low: 10000, high: 12000, value: null, qualifier: 'range', unit: 'count', counted: 'troops',
  });
  const h = one('Officials counted 10-12,000 Varnholm soldiers.');
  assert.deepEqual([h.low, h.high, h.counted], [10000, 12000, 'Varnholm soldiers']);
  const f = one('Convoys carried from 8 to 10 tanks each night.');
  assert.deepEqual([f.text, f.low, f.high, f.counted], ['from 8 to 10', 8, 10, 'tanks']);
  const m = one('The fund grew to $2-3bn this year.');
  assert.deepEqual([m.low, m.high, m.unit], [2e9, 3e9, 'USD']);
});

test('a change from one figure to another is two figures, not a range', () => {
  const qs = findQuantities('The garrison rose from 800 to 1,200 soldiers.');
  assert.equal(qs.length, 2);
});

test('bounds and hedges', () => {
  assert.deepEqual(pick(one('Up to 15,000 could follow.')), {
    text: 'Up to 15,000', low: null, high: 15000, value: null, qualifier: 'max', unit: 'count', counted: null,
  });
  assert.deepEqual(pick(one('At least three missing, the ministry said.')), {
    text: 'At least three', low: 3, high: null, value: null, qualifier: 'min', unit: 'count', counted: 'missing',
  });
  assert.deepEqual(pick(one('About 30 killed or wounded in the shelling.')), {
    text: 'About 30', low: null, high: null, value: 30, qualifier: 'approx', unit: 'count', counted: 'killed or wounded',
  });
  const over = one('More than 200 villagers fled.');
  assert.deepEqual([over.qualifier, over.low, over.counted], ['higher-than', 200, 'villagers']);
  const nearly = one('Nearly 400 homes were damaged.');
  assert.deepEqual([nearly.qualifier, nearly.value, nearly.high], ['nearly', 400, 400]);
  const fewer = one('Fewer than 50 medics remain.');
  assert.deepEqual([fewer.qualifier, fewer.high, fewer.low], ['lower-than', 50, null]);
  const orMore = one('They need 5,000 or more blankets.');
  assert.deepEqual([orMore.text, orMore.qualifier, orMore.low, orMore.counted], ['5,000 or more', 'min', 5000, 'blankets']);
});

test('several counts in one sentence each take their own noun', () => {
  const s = 'Varnholm sent 12,000 troops including 500 officers and three generals.';
  const qs = findQuantities(s);
  assert.deepEqual(
    qs.map((q) => [s.slice(q.start, q.end), q.value, q.counted]),
    [
      ['12,000', 12000, 'troops'],
      ['500', 500, 'officers'],
      ['three', 3, 'generals'],
    ],
  );
});

test('vague amounts read as intervals with the counted noun', () => {
  const q = one('Thousands of residents queued for water.');
  assert.deepEqual([q.text, q.qualifier, q.low, q.high, q.counted], ['Thousands', 'vague', 2000, 9999, 'residents']);
  const t = one('Tens of thousands of refugees arrived.');
  assert.deepEqual([t.text, t.low, t.counted], ['Tens of thousands', 20000, 'refugees']);
  const plural = one('1,000s of leaflets fell on the town.');
  assert.deepEqual([plural.text, plural.low, plural.high, plural.counted], ['1,000s', 2000, 9999, 'leaflets']);
  assert.deepEqual(findQuantities('Prices last rose like this in the 1990s.'), []);
  const h = one('A handful of observers stayed.');
  assert.equal(h.counted, 'observers');
  assert.equal(findQuantities('Several days later the talks resumed.').length, 0, 'vague durations are not counts');
});

test('of-constructions give the counted phrase', () => {
  assert.equal(one('Some 10,000 of them were conscripts.').counted, 'them');
  assert.equal(one('Half of the convoy turned back.').unit, 'fraction');
  assert.equal(one('A dozen of the new drones were lost.').counted, 'new drones');
});

test('numbers that are not counts are left out', () => {
  for (const s of [
    'It became a 1,000-day war.',
    'The treaty was signed in 1953.',
    'The 810th brigade held the bridge.',
    'A 34-year-old driver was hurt.',
    'The talks lasted four months.',
    'Peace held for 70 years.',
    'The order is No. 5 of the decree.',
    'See page 3 of the report.',
    'Call 555-123-4567 for details.',
    'Covid-19 closed the border.',
    'An F-16 flew over.',
    'The vote is on November 4.',
    'The meeting starts at 10:30.',
    'The 2022-23 budget passed.',
    'Conscription covers men aged 18-60.',
    'Call (555) 123-4567 after dark.',
    'Rain fell on 24 February 2022 in Ostrava.',
    'The minister flew on a Boeing 737 yesterday.',
    'Talks ran from 1 to 3 November.',
  ]) {
    assert.deepEqual(findQuantities(s), [], s);
  }
});

test('money, percentages, magnitudes, measures and rates', () => {
  const bn = one('Donors pledged $2bn in aid.');
  assert.deepEqual([bn.text, bn.value, bn.unit], ['$2bn', 2e9, 'USD']);
  const pct = one('Turnout reached 62.5% of voters.');
  assert.deepEqual([pct.text, pct.value, pct.unit, pct.counted], ['62.5%', 62.5, 'percent', 'voters']);
  const mil = one('The city of 1.3 million braced for winter.');
  assert.deepEqual([mil.value, mil.unit], [1.3e6, 'count']);
  const eur = one('The bridge cost 40 million euros.');
  assert.deepEqual([eur.value, eur.unit], [4e7, 'EUR']);
  const rate = one('Forces advanced 30 square kilometres a day.');
  assert.deepEqual([rate.text, rate.value, rate.unit], ['30 square kilometres a day', 30, 'km2/day']);
  const k = one('Around 12k volunteers signed up.');
  assert.deepEqual([k.value, k.qualifier, k.counted], [12000, 'approx', 'volunteers']);
  const m = one('A £10m fund was set up.');
  assert.deepEqual([m.value, m.unit], [1e7, 'GBP']);
});

test('number words and "a dozen" are counts', () => {
  assert.deepEqual(pick(one('A dozen officers resigned.')), {
    text: 'A dozen', low: 12, high: 12, value: 12, qualifier: 'exact', unit: 'count', counted: 'officers',
  });
  assert.equal(one('One hundred and five people were evacuated.').value, 105);
  assert.equal(one('Twenty-five trucks waited.').value, 25);
});

test('a lower and an upper bound on one figure make one range', () => {
  const q = one('Estimates put the dead at more than 40 but fewer than 60.');
  assert.deepEqual([q.text, q.qualifier, q.low, q.high], ['more than 40 but fewer than 60', 'range', 40, 60]);
  assert.equal(findQuantities('More than 90 and fewer than 10 are two different bounds.').length, 3, 'an empty interval is not merged');
});

test('fractions of scales and shares', () => {
  assert.equal(one('One and a half million people live there.').value, 1.5e6);
  assert.equal(one('Half a million leaflets were dropped.').value, 5e5);
  assert.equal(one('Two thirds of the bridge collapsed.').unit, 'fraction');
  assert.equal(one('The march took 2½ hours of walking and 7½% of the budget.').value, 7.5);
});

test('numbers in links, pronoun "one" and identifiers are not quantities', () => {
  assert.deepEqual(findQuantities('Read it at https://example.org/report?id=3000&page=2 today.'), []);
  assert.deepEqual(findQuantities('That one was the worst.'), []);
});

test('reading only the windows around candidates gives the same quantities as reading everything', async () => {
  const { quantitiesIn } = await import('./normalize.js');
  const { tokenize } = await import('./tokens.js');
  const filler = 'The delegation waited in the hall while the ministers argued over the wording of the communique. ';
  const story = [
    filler.repeat(4) + 'Varnholm sent between 10,000 and 12,000 troops, including 500 officers.',
    filler.repeat(3) + 'About 30 were wounded and thousands of residents fled; up to 15,000 more may follow.',
    'Donors pledged $2bn. ' + filler.repeat(5) + 'Forces advanced 30 square kilometres a day.',
  ].join('\n');
  assert.deepEqual(findQuantities(story), quantitiesIn(tokenize(story)));
  assert.equal(findQuantities(story).length, 7);
});

test('ratios are shares with the counted noun; hedges on percentages', () => {
  assert.deepEqual(pick(one('Four in 10 families lost power.')), {
    text: 'Four in 10', low: 0.4, high: 0.4, value: 0.4, qualifier: 'exact', unit: 'fraction', counted: 'families',
  });
  assert.equal(one('Nine out of ten nurses stayed.').counted, 'nurses');
  const pct = one('Prices rose by as much as 30% in Varnholm.');
  assert.deepEqual([pct.qualifier, pct.high, pct.unit], ['max', 30, 'percent']);
  assert.equal(findQuantities('Casualties rose to 312, up from 250 a week earlier.').every((q) => q.unit === 'count'), true);
});

test('identifiers inside the counted phrase and glued measures', () => {
  assert.equal(one('Varnholm fired more than 700 Kh-101 missiles.').counted, 'Kh-101 missiles');
  const shell = one('A 155mm shell hit the depot.');
  assert.deepEqual([shell.value, shell.unit], [155, 'mm']);
});

test('a count after a capitalised name is still a count', () => {
  assert.equal(one('An officer told Varnholm Radio 500 soldiers had left.').counted, 'soldiers');
});

test('on jumbled text: no throw, spans inside the text, windows agree with a full read', async () => {
  const { quantitiesIn } = await import('./normalize.js');
  const { tokenize } = await import('./tokens.js');
  const vocab = ['1', '12', '1,500', '2.5', '-', '–', '%', '$', 'about', 'at', 'least', 'between', 'and', 'to', 'or', 'more', 'than', 'of',
    'thousands', 'a', 'dozen', 'half', 'one', 'twenty', 'hundred', 'million', 'troops', 'killed', 'in', '1953', 'day', '-day', 'km', 'square',
    'kilometres', 'a day', '.', ',', '\n', 'No.', '3rd', 'F-16', '10:30', 'per', 'cent', 'bn', 'k', 'minus', 'point', 'five', 'thirds', '½'];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  for (let round = 0; round < 200; round++) {
    const words: string[] = [];
    for (let k = 0; k < 40; k++) words.push(vocab[Math.floor(rand() * vocab.length)]);
    const text = words.join(rand() < 0.5 ? ' ' : '');
    const qs = findQuantities(text);
    for (const q of qs) {
      assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end, JSON.stringify({ text, q }));
      assert.ok(q.low === null || q.high === null || q.low <= q.high, JSON.stringify({ text, q }));
    }
    assert.deepEqual(qs, quantitiesIn(tokenize(text)), text);
  }
});
