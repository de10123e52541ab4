import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRecords } from '../analyze.js';
import { sentencesStage } from '../language/sentences.js';
import { validateReport } from '../report/validate.js';
import { findAttributions, linkEntities, type Attribution } from './stage.js';
import { inflect, lexicon } from './lexicon.js';

// Every sentence here is invented for these tests (a storm in the fictional port of Harbourne).

function run(text: string): Attribution[] {
  const doc = { text, layers: {} as Record<string, never[]> };
  const sentences = sentencesStage.run(doc as never, { timeZone: 'UTC', options: {} }).layers!.sentences;
  return findAttributions({ text, layers: { sentences: sentences as never } });
}

function one(text: string): Attribution {
  const list = run(text);
  assert.equal(list.length, 1, `expected one attribution in ${JSON.stringify(text)}, got ${JSON.stringify(list, null, 1)}`);
  return list[0];
}

const contents = (a: Attribution) => a.content.map((c) => c.text);

test('direct quote with the cue after it: "...," said X', () => {
  const a = one('“The bridge is not safe for traffic,” said Mara Velden, the chief engineer.');
  assert.equal(a.kind, 'direct');
  assert.equal(a.cue.text, 'said');
  assert.equal(a.source?.text, 'Mara Velden, the chief engineer');
  assert.deepEqual(contents(a), ['“The bridge is not safe for traffic,”']);
});

test('inverted quote "...," X said, followed by a quoted sentence of the same speaker', () => {
  const a = one('“We will reopen it when the checks are done,” Velden said. “Nobody wants that more than I do.”');
  assert.equal(a.source?.text, 'Velden');
  assert.deepEqual(contents(a), ['“We will reopen it when the checks are done,”', '“Nobody wants that more than I do.”']);
});

test('a quote split by its cue keeps both parts', () => {
  const a = one('“The deck held,” Velden said, “but the railings did not.”');
  assert.deepEqual(contents(a), ['“The deck held,”', '“but the railings did not.”']);
});

test('a quotation left open at a paragraph end continues in the next paragraph that opens with a quote mark', () => {
  const text = 'Velden said: “The first phase is clearing the approaches.\n“The second phase is the deck itself.”\nThe council meets on Monday.';
  const a = one(text);
  assert.equal(a.kind, 'direct');
  assert.deepEqual(contents(a), ['“The first phase is clearing the approaches.', '“The second phase is the deck itself.”']);
  // And backwards: the open paragraph comes before the one with the cue.
  const b = one('“The first phase is clearing the approaches.\n“The second phase is the deck itself,” Velden added.');
  assert.deepEqual(contents(b), ['“The first phase is clearing the approaches.', '“The second phase is the deck itself,”']);
  assert.equal(b.cue.text, 'added');
});

test('indirect speech with and without "that"', () => {
  const a = one('Harbourne mayor Tomas Brink said that repairs would cost at least 4 million euros.');
  assert.equal(a.kind, 'indirect');
  assert.equal(a.source?.text, 'Harbourne mayor Tomas Brink');
  assert.deepEqual(contents(a), ['that repairs would cost at least 4 million euros']);
  const b = one('Brink warned the repairs could take a year.');
  assert.equal(b.cue.text, 'warned');
  assert.deepEqual(contents(b), ['the repairs could take a year']);
  const c = one('The port authority denied that any ship had been damaged.');
  assert.equal(c.source?.text, 'The port authority');
  assert.equal(c.cue.text, 'denied');
  const d = one('The damage will exceed last year’s, engineers estimated on Tuesday.');
  assert.equal(d.source?.text, 'engineers');
  assert.deepEqual(contents(d), ['The damage will exceed last year’s']);
});

test('according to X, content (before and after)', () => {
  const a = one('According to the Lindmark Courier, two cranes were also damaged.');
  assert.equal(a.kind, 'according-to');
  assert.equal(a.cue.text, 'According to');
  assert.equal(a.source?.text, 'the Lindmark Courier');
  assert.deepEqual(contents(a), ['two cranes were also damaged']);
  const b = one('Two cranes were damaged, according to port officials.');
  assert.equal(b.source?.text, 'port officials');
  assert.deepEqual(contents(b), ['Two cranes were damaged']);
});

test('nested chain: according to X, citing Y gives via = [Y]', () => {
  const a = one('According to the Lindmark Courier, citing harbour police, a third crane collapsed.');
  assert.equal(a.source?.text, 'the Lindmark Courier');
  assert.deepEqual(a.via?.map((v) => v.text), ['harbour police']);
  assert.deepEqual(contents(a), ['a third crane collapsed']);
});

test('X told <broadcaster> ... has channel broadcaster and skips the listener', () => {
  const a = one('Brink told KBS the damage was worse than in 2019.');
  assert.equal(a.cue.text, 'told');
  assert.equal(a.channel, 'broadcaster');
  assert.deepEqual(contents(a), ['the damage was worse than in 2019']);
  const b = one('Brink told state television that the port would reopen.');
  assert.equal(b.channel, 'broadcaster');
  assert.deepEqual(contents(b), ['that the port would reopen']);
});

test('in a Telegram post, X said ... has channel telegram', () => {
  const a = one('In a Telegram post, Deputy Minister Ilse Marrow said the navy would help clear debris.');
  assert.equal(a.source?.text, 'Deputy Minister Ilse Marrow');
  assert.equal(a.channel, 'telegram');
  assert.deepEqual(contents(a), ['the navy would help clear debris']);
});

test("X's ministry said in a statement ... has channel statement", () => {
  const a = one("Marrow's ministry said in a statement that no one was injured.");
  assert.equal(a.source?.text, "Marrow's ministry");
  assert.equal(a.channel, 'statement');
  assert.deepEqual(contents(a), ['that no one was injured']);
});

test('reported belief: officials believe ...', () => {
  const a = one('Officials believe the storm surge reached three metres.');
  assert.equal(a.kind, 'belief');
  assert.equal(a.source?.text, 'Officials');
  assert.equal(a.cue.text, 'believe');
  const b = one('Velden thinks the old pylons saved the bridge.');
  assert.equal(b.kind, 'belief');
});

test('agentless reports have a null source and unattributed: true', () => {
  const a = one('It has been reported that the ferry service will resume on Friday.');
  assert.equal(a.source, null);
  assert.equal(a.unattributed, true);
  assert.equal(a.cue.text, 'has been reported');
  assert.deepEqual(contents(a), ['that the ferry service will resume on Friday']);
  const b = one('The ferry captain is reported to have stayed aboard all night.');
  assert.equal(b.source, null);
  assert.equal(b.unattributed, true);
  assert.deepEqual(contents(b), ['The ferry captain', 'to have stayed aboard all night']);
  const c = one('The storm reportedly destroyed forty boats.');
  assert.equal(c.cue.text, 'reportedly');
  assert.equal(c.unattributed, true);
  // Before a reporting verb, the adverb only hedges it: the speaker is still named.
  const d = one('Pasko reportedly said about 3,000 troops would join the war.');
  assert.equal(d.source?.text, 'Pasko');
  assert.equal(d.cue.text, 'reportedly said');
  assert.deepEqual(contents(d), ['about 3,000 troops would join the war']);
});

test('pronoun sources resolve to the last named person-like source', () => {
  const list = run('Mara Velden said the bridge held. The ministry said in a statement that help was coming. She said the railings must be replaced.');
  assert.equal(list.length, 3);
  const she = list[2];
  assert.equal(she.source?.text, 'She');
  assert.equal(she.resolved?.text, 'Mara Velden');
  assert.equal(she.resolved?.attribution, list[0].id);
});

test('sources link to an overlapping entity span when an entities layer exists', () => {
  const text = 'Mara Velden said the bridge held.';
  const list = run(text);
  linkEntities(list, [{ id: 'e1', start: 0, end: 11, text: 'Mara Velden' }]);
  assert.equal(list[0].source?.entity, 'e1');
});

test('no attribution in plain narrative, scare quotes or cue words used as nouns', () => {
  assert.deepEqual(run('The storm closed the harbour for three days and flooded the lower town.'), []);
  assert.deepEqual(run('The report on the storm was published by the United States weather office.'), []);
  assert.deepEqual(run('Engineers renamed the rebuilt span the “Harbour Arch” after the storm.'), []);
});

test('the stage runs in the pipeline and its spans pass the report schema', () => {
  const { report } = analyzeRecords([{ source: 'storm.txt', format: 'text', raw: 'Storm Closes Harbourne Bridge\n\n“It is not safe,” said Mara Velden.\n\nAccording to the Lindmark Courier, citing harbour police, two cranes fell.\n', meta: {}, diagnostics: [] }]);
  assert.ok(report.stages.includes('attributions@1'));
  const layer = report.documents[0].layers.attributions;
  assert.equal(layer.length, 2);
  assert.deepEqual(validateReport(report), []);
  const doc = report.documents[0];
  for (const a of layer as unknown as Attribution[]) {
    for (const p of [a.cue, ...a.content, ...(a.source ? [a.source] : [])]) assert.equal(doc.text.slice(p.start, p.end), p.text);
  }
});

test('the lexicon loads, derives regular forms and knows irregular ones', () => {
  assert.deepEqual(inflect('note'), ['notes', 'noted', 'noting']);
  assert.deepEqual(inflect('deny'), ['denies', 'denied', 'denying']);
  const lex = lexicon();
  assert.equal(lex.verbs.get('told')?.lemma, 'tell');
  assert.equal(lex.verbs.get('believes')?.class, 'belief');
});

test('conflict-report phrasings: trailing according-to with a citing chain, a listener after a quotation', () => {
  const a = one('At least 40 people were killed, according to local officials, citing hospital records.');
  assert.equal(a.source?.text, 'local officials');
  assert.deepEqual(a.via?.map((v) => v.text), ['hospital records']);
  assert.deepEqual(contents(a), ['At least 40 people were killed']);
  const b = one('"We are holding the line," a brigade commander told the Northline broadcaster.');
  assert.equal(b.source?.text, 'a brigade commander');
  assert.equal(b.channel, 'broadcaster');
  assert.equal(b.kind, 'direct');
  const c = one('The governor of Varnok region, Piet Olsen, said on Telegram that 12 people were wounded.');
  assert.equal(c.source?.text, 'The governor of Varnok region, Piet Olsen');
  assert.equal(c.channel, 'telegram');
  assert.deepEqual(contents(c), ['that 12 people were wounded']);
});

test('X said Y, according to Z: the according-to attribution covers the inner one, which is kept too', () => {
  const list = run('The mayor said the bridge would reopen, according to the Lindmark Courier.');
  assert.equal(list.length, 2);
  const outer = list.find((a) => a.kind === 'according-to')!;
  const inner = list.find((a) => a.cue.text === 'said')!;
  assert.equal(outer.source?.text, 'the Lindmark Courier');
  assert.deepEqual(contents(outer), ['The mayor said the bridge would reopen']);
  assert.equal(inner.source?.text, 'The mayor');
  assert.deepEqual(contents(inner), ['the bridge would reopen']);
});

test('an inverted source keeps its description to the sentence end', () => {
  const a = one('“The pumps failed twice,” said Ilse Marant, 54, a harbour pilot from Easton who has worked the port for years.');
  assert.equal(a.source?.text, 'Ilse Marant, 54, a harbour pilot from Easton who has worked the port for years');
  // A description cut off by a clause that reports again: the source stops at its comma.
  const b = run('“It held,” said Tom Reve, the port director, who also said that the tugs were late.');
  assert.equal(b[0].source?.text, 'Tom Reve, the port director');
});

test('a preposition whose object follows joins the cue, but not after say', () => {
  assert.equal(one('The mayor warned against reopening the bridge before Friday.').cue.text, 'warned against');
  assert.deepEqual(contents(one('The mayor warned against reopening the bridge before Friday.')), ['reopening the bridge before Friday']);
  assert.equal(one('Velden said of the railings that they were rusted through.').cue.text, 'said');
  assert.equal(one('Velden said on Monday that the railings were rusted.').cue.text, 'said');
});

test('seem and appear report an impression with no named holder', () => {
  const a = one('The harbour board seemed to be losing patience with the contractor.');
  assert.equal(a.cue.text, 'seemed');
  assert.equal(a.source, null);
  assert.equal(a.unattributed, true);
  assert.deepEqual(contents(a), ['The harbour board', 'to be losing patience with the contractor']);
  assert.deepEqual(run('The ferry appeared on the horizon at noon.'), []);
});

test('a paragraph of quotation alone continues the quote before it', () => {
  const a = one('“The tide came in fast,” Velden said. “We had minutes.”\n“Then the lights went out.”');
  assert.deepEqual(contents(a), ['“The tide came in fast,”', '“We had minutes.”', '“Then the lights went out.”']);
});

test('verbs of construal report only with as after their object', () => {
  const a = one('Dock workers see the new contract as a betrayal.');
  assert.equal(a.cue.text, 'see');
  assert.equal(a.source?.text, 'Dock workers');
  assert.deepEqual(run('Dock workers see the new cranes from the quay.'), []);
});

test('a source before its cue keeps its descriptions but not a relative clause or an aside', () => {
  assert.equal(one('Ilse Marant, a harbour pilot, who has worked the port for years, said the pumps failed.').source?.text, 'Ilse Marant, a harbour pilot');
  assert.equal(one('Marant, however, said the pumps failed.').source?.text, 'Marant');
  assert.equal(one('Rep. Ola Finch (D-N.C.), who chairs the panel, said the pumps failed.').source?.text, 'Rep. Ola Finch (D-N.C.)');
});

test('a coordinated subject stays whole, a coordinated clause does not', () => {
  assert.equal(one('Her directors and advisers said the count was fair.').source?.text, 'Her directors and advisers');
  assert.equal(one('Velden won the vote and aides said the count was fair.').source?.text, 'aides');
});

test("a doubled apostrophe quotes like a double mark: the quotation is direct and carries on", () => {
  const a = one("''The tide came in fast,'' Velden said. ''We had minutes.''");
  assert.equal(a.kind, 'direct');
  assert.deepEqual(contents(a), ["''The tide came in fast,''", "''We had minutes.''"]);
});

test('a question introduced after a short adverbial, with its asker after by', () => {
  const list = run('Asked by a reporter whether the bridge was safe, Velden said it was.');
  assert.equal(list[0].cue.text, 'Asked');
  assert.equal(list[0].source?.text, 'a reporter');
  assert.deepEqual(contents(list[0]), ['whether the bridge was safe']);
  assert.deepEqual(contents(run('Asked during a briefing why the ferry was late, Velden said the tide was low.')[0]), ['why the ferry was late']);
});

test('a governing verb and its to join the reporting verb in the cue', () => {
  const a = one('Velden went on to say that the pumps had failed twice.');
  assert.equal(a.cue.text, 'went on to say');
  assert.equal(a.source?.text, 'Velden');
});

test('according to X, a description, at the sentence end: the description belongs to the source', () => {
  const a = one('The pumps failed twice, according to Ilse Marant, a harbour pilot.');
  assert.equal(a.source?.text, 'Ilse Marant, a harbour pilot');
  assert.deepEqual(contents(a), ['The pumps failed twice']);
});

test('a participle right after a figure is an adjective, not a cue: "31 confirmed dead"', () => {
  assert.deepEqual(run('The ministry tally stood at 31 confirmed dead on Thursday.'), []);
  assert.equal(run('Officials in 2016 claimed the bridge was safe.').length, 1, 'a year before the verb is no figure');
});
