import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Document, Span } from '../core/document.js';
import { createDocument } from '../core/document.js';
import { identityMap } from '../core/offsets.js';
import { buildClaims, countedBefore, parseSubject, readModality, type Claim } from './build.js';
import { alignClaims } from './align.js';
import { figureOf } from './figures.js';
import { buildTimeline } from './timeline.js';

/** Builds a document whose layers are written by hand in the shape the language stages produce. */
function doc(id: string, text: string, published: string, build: (at: (s: string, from?: number) => { start: number; end: number; text: string }) => Record<string, Array<Omit<Span, 'id'> & { id?: string }>>): Document {
  const d = createDocument(id, text, { published, publishedSource: 'input', site: `Outlet ${id}` });
  d.text = text;
  d.offsets = identityMap(text.length);
  const at = (s: string, from = 0) => {
    const i = text.indexOf(s, from);
    assert.ok(i >= 0, `fixture text contains ${s}`);
    return { start: i, end: i + s.length, text: s };
  };
  d.layers.sentences = [{ id: 's1', start: 0, end: text.length, text }];
  for (const [name, spans] of Object.entries(build(at))) d.layers[name] = spans.map((s, i) => ({ id: `${name[0]}${i + 1}`, ...s }) as Span);
  return d;
}

const A = doc('A', 'Defence Minister Ivo Pasko said about 3,000 Zarovian troops had been deployed to the Kell region.', '2031-05-02', (at) => ({
  quantities: [{ ...at('about 3,000'), low: 3000, high: 3000, value: 3000, qualifier: 'approx', unit: 'count', counted: 'Zarovian troops' }],
  attributions: [{ ...at('Defence Minister Ivo Pasko said about 3,000 Zarovian troops had been deployed to the Kell region'), source: at('Defence Minister Ivo Pasko'), cue: at('said'), content: [at('about 3,000 Zarovian troops had been deployed to the Kell region')] }],
  times: [],
}));
const B = doc('B', 'The Pentagon said on Monday that 10,000 Zarovian soldiers were stationed in the Kell region.', '2031-05-03', (at) => ({
  quantities: [{ ...at('10,000'), low: 10000, high: 10000, value: 10000, qualifier: 'exact', unit: 'count', counted: 'Zarovian soldiers' }],
  attributions: [{ ...at('The Pentagon said on Monday that 10,000 Zarovian soldiers were stationed in the Kell region'), source: at('The Pentagon'), cue: at('said'), content: [at('10,000 Zarovian soldiers were stationed in the Kell region')] }],
  times: [{ ...at('Monday'), type: 'DATE', value: '2031-04-28', role: 'report' }],
}));
const C = doc('C', 'An initial group of 1,500 Zarovian fighters traveled to Ostland, the intelligence service said.', '2031-05-03', (at) => ({
  quantities: [{ ...at('1,500'), low: 1500, high: 1500, value: 1500, qualifier: 'exact', unit: 'count', counted: 'Zarovian fighters' }],
  attributions: [{ ...at('An initial group of 1,500 Zarovian fighters traveled to Ostland, the intelligence service said'), source: at('the intelligence service'), cue: at('said'), content: [at('An initial group of 1,500 Zarovian fighters traveled to Ostland')] }],
  times: [],
}));
const D = doc('D', 'Up to 15,000 Zarovians could ultimately join the fight in the Kell region, Pasko said. The first clash took place on Tuesday.', '2031-05-04', (at) => ({
  quantities: [{ ...at('Up to 15,000'), low: null, high: 15000, value: 15000, qualifier: 'max', unit: 'count', counted: 'Zarovians' }],
  attributions: [{ ...at('Up to 15,000 Zarovians could ultimately join the fight in the Kell region, Pasko said'), source: at('Pasko'), cue: at('said'), content: [at('Up to 15,000 Zarovians could ultimately join the fight in the Kell region')] }],
  times: [{ ...at('Tuesday'), type: 'DATE', value: '2031-04-29', role: 'event' }],
}));
const E = doc('E', 'Zarovian troops clashed with Ostland units for the first time on Wednesday, officials said. Eight soldiers were killed.', '2031-05-04', (at) => ({
  quantities: [{ ...at('Eight'), low: 8, high: 8, value: 8, qualifier: 'exact', unit: 'count', counted: 'soldiers' }],
  attributions: [],
  times: [{ ...at('Wednesday'), type: 'DATE', value: '2031-04-30', role: 'event' }],
}));

test('counted phrases parse into nationality, head and class; plural demonyms count people', () => {
  assert.deepEqual(parseSubject('North Korean troops'), { phrase: 'North Korean troops', head: 'troops', class: 'military', nationality: 'North Korean' });
  assert.deepEqual(parseSubject('Zarovians'), { phrase: 'Zarovians', nationality: 'Zarovian', head: 'people', class: 'people' });
  assert.equal(parseSubject('of his troops').head, 'troops');
});

test('"the number of X <measure> ... has risen to N" reads X and the measure', () => {
  const text = 'The number of people killed in a fire that destroyed a warehouse has risen to 27, the minister said.';
  assert.equal(countedBefore(text, { start: 0 }, { start: text.indexOf('27') }), 'people');
  const d = doc('F', text, '2031-05-02', (at) => ({
    quantities: [{ ...at('27'), low: 27, high: 27, value: 27, qualifier: 'exact', unit: 'count', counted: null }],
    attributions: [],
    times: [],
  }));
  const [c] = buildClaims(d) as Claim[];
  assert.equal(c.measure, 'killed');
  assert.equal(c.subject.class, 'people');
});

test('modality, polarity and phase are read from the sentence', () => {
  assert.equal(readModality('Up to 15,000 troops could ultimately join.').modality, 'possible');
  assert.equal(readModality('Up to 15,000 troops could ultimately join.').phase, 'projected');
  assert.equal(readModality('An initial group of 1,500 arrived.').phase, 'initial');
  assert.equal(readModality('About 3,000 will join the war.').modality, 'expected');
  assert.equal(readModality('Officials had not detected 500 troops.').polarity, 'negative');
  assert.equal(readModality('It has been reported that 30,000 arrived.').modality, 'reported');
});

test('claims carry measure, subject, place scope, report time and speaker', () => {
  const [a] = buildClaims(A) as Claim[];
  assert.equal(a.measure, 'deployed');
  assert.equal(a.family, 'presence');
  assert.equal(a.subject.nationality, 'Zarovian');
  assert.deepEqual(a.place && [a.place.text, a.place.scope], ['Kell region', 'region']);
  assert.equal(a.speaker.name, 'Defence Minister Ivo Pasko');
  assert.equal(a.reportTime?.value, '2031-05-02');
  const [b] = buildClaims(B) as Claim[];
  assert.equal(b.measure, 'stationed');
  assert.equal(b.reportTime?.value, '2031-04-28');
  const [e] = buildClaims(E) as Claim[];
  assert.equal(e.measure, 'killed');
  assert.ok(e.speaker.unattributed);
});

test('claims about the same thing group across outlets, relate with reasons, and give low/best/high', () => {
  for (const d of [A, B, C, D, E]) d.layers.claims = buildClaims(d) as unknown as Span[];
  const groups = alignClaims([A, B, C, D, E]);
  const presence = groups.find((g) => g.key.family === 'presence')!;
  assert.equal(presence.claims.length, 4, 'troops, soldiers, fighters and the demonym "Zarovians" are one group');
  assert.equal(presence.key.nationality, 'Zarovian');
  assert.equal(presence.status, 'disputed');
  const rel = (x: string, y: string) => presence.relations.find((r) => (r.a.startsWith(x) && r.b.startsWith(y)) || (r.a.startsWith(y) && r.b.startsWith(x)))!;
  assert.equal(rel('A/', 'B/').relation, 'conflicts');
  assert.equal(rel('A/', 'C/').relation, 'differs-in-time');
  assert.match(rel('A/', 'C/').reason, /initial group/);
  assert.equal(rel('A/', 'D/').relation, 'differs-in-time');
  const fig = figureOf(presence);
  assert.equal(fig.best, 6500, 'median of the current figures of independent sources');
  assert.equal(fig.low, 3000);
  assert.equal(fig.high, 15000, 'projections widen the high estimate');
  assert.deepEqual(fig.evolution.map((e) => e.figure), ['10,000', 'about 3,000', '1,500', 'up to 15,000'], 'ordered by report date: the Pentagon spoke on Monday');
  const killed = groups.find((g) => g.key.measure === 'killed')!;
  assert.equal(killed.status, 'single-source');
  const twoOfOneSource = alignClaims([A, B], { A: 'g1', B: 'g1' }).find((g) => g.key.family === 'presence')!;
  assert.equal(twoOfOneSource.independentSources, 1, 'copies count as one source');
});

test('the timeline sets the dates speakers give for a first event side by side', () => {
  const events = buildTimeline([D, E]);
  const first = events.find((e) => e.first && e.event === 'combat')!;
  assert.deepEqual(first.dates, ['2031-04-29', '2031-04-30']);
  assert.ok(first.disputed);
});

/** Runs the whole pipeline on one invented plain-text article. */
async function analyzeOne(source: string, paragraphs: string[]) {
  const { analyzeRecords } = await import('../analyze.js');
  return analyzeRecords([{ source, format: 'text', raw: paragraphs.join('\n\n'), meta: { published: '2031-04-02' }, diagnostics: [] }]);
}

test('claims read the figure in its own clause: parts "of whom", adjectival counts, definite counts with a measure, strict bounds', async () => {
  const { documents } = await analyzeOne('flood.txt', [
    'Flooding in the Varn valley has killed more than 40 people, officials said on Monday.',
    'Six people remain unaccounted for, and rescuers said they did not expect to find them alive.',
    'A total of 90 people have been treated for injuries, the ministry said, 12 of whom remain in hospital.',
    'The regional office put the toll at 44 confirmed dead.',
    'The mayor named the two volunteers who died while evacuating a school.',
    'Pilot Anna Brel, 41, and her co-pilot were rescued on Tuesday.',
  ]);
  const claims = documents[0].layers.claims as unknown as Claim[];
  const find = (needle: string) => claims.filter((c) => (c.text ?? "").includes(needle));
  const more = find('more than 40')[0];
  assert.equal(more.measure, 'killed');
  assert.equal(more.low, 41, '"more than 40" people counts 41 or more');
  const six = find('Six people')[0];
  assert.equal(six.measure, 'missing');
  assert.equal(six.polarity, 'positive', 'the negation belongs to the next clause');
  const part = find('12 of whom').find((c) => c.low === 12)!;
  assert.equal(part.measure, 'hospitalised', 'the part has its own measure');
  assert.equal(part.subject.class, 'people', 'and the whole\'s subject');
  assert.ok(part.partOf, 'and is a part of the 90 treated');
  const dead = find('44 confirmed dead')[0];
  assert.equal(dead?.measure, 'killed', '"44 confirmed dead" counts people killed');
  const two = find('two volunteers who died')[0];
  assert.equal(two?.low, 2, 'a definite count whose relative clause carries the measure is a claim');
  assert.equal(find('Anna Brel, 41').filter((c) => c.low === 41).length, 0, 'an age set off after a name is not a count');
});

test('speakers: a relative pronoun names the phrase it hangs on; an agentless report says so in its own words', async () => {
  const { documents } = await analyzeOne('zarovia.txt', [
    'The estimate was backed on Sunday by the Ostland defence ministry, which said 4,000 Zarovian troops had been deployed to the border.',
    'It has now been reported that 9,000 Zarovian troops are stationed in Kell.',
  ]);
  const claims = documents[0].layers.claims as unknown as Claim[];
  const four = claims.find((c) => c.low === 4000)!;
  assert.match(four.speaker.name, /Ostland defence ministry/);
  const nine = claims.find((c) => c.low === 9000)!;
  assert.equal(nine.speaker.unattributed, true);
  assert.match(nine.speaker.name, /^unattributed \(“It has now been reported”\)$/);
});

test('figures that are not comparable claims stay out of the groups: crowds, members described, a measure across a clause', async () => {
  const { documents, report } = await analyzeOne('corvin.txt', [
    'Two guards were killed during protests by tens of thousands who marched through Corvin.',
    'Three people, one of them a bus driver, were killed when the bridge fell.',
    'Those who mourn the loss of three children will see the culprits held accountable, the mayor said.',
    'Clashes also broke out in the port city of Velm, where another 20,000 people marched through the centre.',
  ]);
  const claims = documents[0].layers.claims as unknown as Claim[];
  const at = (n: number) => claims.filter((c) => c.low === n || c.value === n);
  assert.equal(at(20000).filter((c) => c.measure === 'killed').length, 0, 'the marchers were not killed');
  assert.deepEqual(at(3).map((c) => c.measure), ['killed'], 'three killed; the children are not "held" stock');
  assert.equal(at(1).length, 0, '"one of them a bus driver" describes a member');
  assert.ok(at(20000).every((c) => c.measure !== 'population'), '"city of Velm, where another 20,000" is not a population');
  const grouped = ((report.corpus.claimGroups ?? []) as Array<{ key: { measure: string } }>).map((g) => g.key.measure);
  assert.ok(!grouped.includes('count'), 'figures with no measure are not compared');
});

test('background figures are not compared with the story: earlier events, distances, "the city of X"', async () => {
  const { report } = await analyzeOne('quake.txt', [
    'The earthquake killed 14 people on the island, the governor said.',
    'A quake killed more than 20,000 in the city of Varn in 2019.',
    'The island lies 300 kilometres south of the capital, in the Gulf.',
  ]);
  const groups = (report.corpus.claimGroups ?? []) as Array<{ key: { measure: string; unit: string }; claims: Array<{ low: number | null }> }>;
  const killed = groups.filter((g) => g.key.measure === 'killed').flatMap((g) => g.claims.map((c) => c.low));
  assert.deepEqual(killed, [14], 'the 2019 quake is another event');
  assert.ok(!groups.some((g) => g.key.measure === 'population'), '"killed ... in the city of Varn" is no population figure');
  assert.ok(!groups.some((g) => g.key.unit === 'km'), 'a distance is not a disputed figure');
});

test('populations of different places are different figures', async () => {
  const { report } = await analyzeOne('towns.txt', [
    'Velm, a city of 400,000 people, lies on the coast.',
    'Corvin, a town of 12,000 people, was evacuated after the flood, officials said.',
  ]);
  const pops = ((report.corpus.claimGroups ?? []) as Array<{ key: { measure: string }; label: string; claims: unknown[] }>).filter((g) => g.key.measure === 'population');
  assert.equal(pops.length, 2, pops.map((g) => g.label).join('; '));
  assert.ok(pops.every((g) => g.claims.length === 1));
});

test('a "source" that is the figure itself names nobody: "up to 40 feared dead"', async () => {
  const { documents } = await analyzeOne('varn.txt', ['Up to 40 feared dead in Varn flood', 'Rescuers searched the valley on Monday, the regional governor said.']);
  const c = (documents[0].layers.claims as unknown as Claim[]).find((x) => x.high === 40)!;
  assert.equal(c.speaker.unattributed, true);
  assert.doesNotMatch(c.speaker.name, /40/);
});

test('overlapping measure words: the longer one says more ("are in a critical condition" is hospitalised)', async () => {
  const { documents } = await analyzeOne('ward.txt', ['Seven patients are in a critical condition, the hospital said.']);
  const c = (documents[0].layers.claims as unknown as Claim[]).find((x) => x.low === 7)!;
  assert.equal(c.measure, 'hospitalised');
});
