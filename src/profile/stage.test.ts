import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRecords } from '../analyze.js';
import { checkDocument } from '../core/invariants.js';
import { quotedRegions, insideAny } from './quotes.js';
import { countWords, type SourceProfile } from './stage.js';

const REPORT = [
  'Flooding in Velmora kills 12',
  'At least 12 people died after the Drava river burst its banks on Monday, the regional governor said.',
  '“I have never seen water rise this fast,” said Marek Holm, the governor. “We need help now.”',
  'Rescue teams evacuated about 300 homes, according to the fire service.',
  'The Red Cross said it had moved 3,500 residents to shelters by Tuesday.',
  'Officials said the river peaked at 7.2 metres, the highest level since 1997.',
  'The weather service warned that more rain was expected on Thursday.',
].join('\n');

const OPINION = [
  'Opinion',
  'Velmora deserved better than this',
  'As I wrote in a previous column, the warnings were obvious. Anyone could see the river would rise.',
  'We now know the truth: the dykes were never repaired. It is a shameful failure of government.',
  'Can anyone seriously claim this was a surprise? Of course not.',
  'The council should resign. You, the taxpayer, paid for repairs that never happened.',
  'I suspect the disgraceful excuses will continue. It will be interesting to see who is blamed.',
].join('\n');

function profileOf(raw: string) {
  const { documents } = analyzeRecords([{ source: 'x.txt', format: 'text', raw, meta: { format: 'text' }, diagnostics: [] }]);
  const doc = documents[0];
  assert.deepEqual(checkDocument(doc), [], 'profile spans keep the invariant');
  return { doc, profile: doc.records.profile[0] as SourceProfile };
}

test('a news report is profiled as reporting; first person inside quotes does not count', () => {
  const { doc, profile } = profileOf(REPORT);
  assert.equal(profile.genre, 'reporting');
  assert.equal(profile.counts['first-person'] ?? 0, 0);
  assert.ok((profile.counts.attribution ?? 0) >= 4);
  assert.ok(doc.layers.profile.every((s) => s.kind !== 'first-person'));
});

test('a commentary piece is profiled as opinion, with the evidence as spans', () => {
  const { doc, profile } = profileOf(OPINION);
  assert.equal(profile.genre, 'opinion');
  assert.ok(profile.score > profile.threshold);
  const kinds = new Set(doc.layers.profile.map((s) => s.kind));
  for (const k of ['first-person', 'self-reference', 'rhetorical-question', 'second-person', 'editorial']) assert.ok(kinds.has(k), `has ${k}`);
  assert.ok((profile.counts['genre-label'] ?? 0) >= 1, 'the "Opinion" label counts even when the cleaner drops its line');
  assert.ok(profile.reasons.length > 0);
});

test('hedges, agentless reports and leftover noise are marked; "US" and "think tank" are not pronoun or hedge', () => {
  const raw = [
    'Troops were reportedly moved to the border. It has been reported that 40 tanks crossed.',
    'The US said a think tank had counted the vehicles.',
    'close',
    'ANA RISTIC/AFP via Getty Images',
    'Leave a Reply',
  ].join('\n');
  const { doc } = profileOf(raw);
  const by = (k: string) => doc.layers.profile.filter((s) => s.kind === k).map((s) => s.text);
  assert.ok(by('hedge').includes('reportedly'));
  assert.ok(by('agentless').some((t) => /It has been reported/.test(t)));
  assert.deepEqual(by('first-person-plural'), []);
  assert.ok(!by('hedge').includes('think'));
  // Page furniture is dropped by the cleaner; whatever survives it is flagged as leftover noise.
  const removed = (doc.records.removed as Array<{ rawStart: number; rawEnd: number }>).map((r) => raw.slice(r.rawStart, r.rawEnd).trim());
  for (const line of ['close', 'ANA RISTIC/AFP via Getty Images', 'Leave a Reply']) assert.ok(removed.includes(line) || by('noise').includes(line), line);
});

test('quoted regions pair marks within a paragraph, and an open quote runs to the paragraph end', () => {
  const text = 'He said “yes” and "no".\n“Open quote runs on\nNext';
  const q = quotedRegions(text);
  assert.deepEqual(q.map((r) => text.slice(r.start, r.end)), ['“yes”', '"no"', '“Open quote runs on']);
  assert.ok(insideAny(q, 9, 12));
  assert.ok(!insideAny(q, 0, 2));
});

test('slanted reporting is "mixed": scare quotes and loaded verbs in the writer\'s own sentences are evidence', () => {
  const SLANTED = [
    'Velmora floods reach the capital',
    'Floodwater reached the outskirts of Corvin on Monday, the regional governor said.',
    'Rescue teams evacuated about 300 homes, according to the fire service.',
    'The council continues to insist that the dykes were sound.',
    'Its “recovery plan” amounts to moving the problem downstream and embroiling the neighbouring provinces in a dispute over water.',
    'The Red Cross said it had moved 3,500 residents to shelters by Tuesday.',
    'Residents were told, once again, to wait for the “experts” to arrive.',
  ].join('\n');
  const { doc, profile } = profileOf(SLANTED);
  assert.notEqual(profile.genre, 'reporting', 'the writer editorializes');
  const kinds = (k: string) => doc.layers.profile.filter((s) => s.kind === k).map((s) => s.text);
  assert.deepEqual(kinds('scare-quote'), ['“recovery plan”', '“experts”']);
  assert.deepEqual(kinds('loaded'), ['insist', 'embroiling']);
  // A headline's quotation marks and a quoted speaker's words are not scare quotes.
  const { doc: quoted } = profileOf('Mayor says “no danger” from river\nThe mayor said there was “no danger” from the river on Monday.');
  assert.equal(quoted.layers.profile.filter((s) => s.kind === 'scare-quote').length, 0);
});

test('countWords counts what the letter-or-digit regex counts, across scripts and surrogate pairs', () => {
  for (const t of ['', 'Drava river, 12 homes.', 'Marek’s café — 3²', 'Ж٣ 中文 𝐀b 😀x', 'a\ud835b', '  --  ']) {
    assert.equal(countWords(t), (t.match(/[\p{L}\p{N}]+/gu) ?? []).length, JSON.stringify(t));
  }
});

test('an embedded social post and promo lines are not the writer\'s voice', () => {
  const { doc, profile } = profileOf([
    'Velmora coach signs three-year deal',
    'The club confirmed the appointment on Tuesday, the board said.',
    'I can’t thank this man enough. Good luck and see you soon my friend. pic.twitter.com/abc123',
    '— Ana Brel (@anabrel) March 3, 2031',
    'Follow us on Twitter and let us know what you think.',
  ].join('\n'));
  assert.equal(profile.counts['first-person'] ?? 0, 0, doc.layers.profile.map((s) => s.text).join(' | '));
  assert.equal(profile.counts['first-person-plural'] ?? 0, 0);
  assert.equal(profile.counts['second-person'] ?? 0, 0);
});
