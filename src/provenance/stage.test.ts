import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRecords } from '../analyze.js';
import type { InputRecord } from '../ingest/sources.js';
import type { Provenance } from './stage.js';
import { findWireCredits, wiresInByline } from './wire.js';

const WIRE = 'Rescue crews in Velmora pulled 14 survivors from the collapsed grain terminal on Tuesday, two days after a fire tore through the harbour district and left at least 22 people dead, the port authority said in a statement that described the search as the largest in the city\u2019s history.';
const rec = (source: string, raw: string, published?: string): InputRecord => ({
  source, format: 'text', raw, meta: { format: 'text', ...(published ? { published, publishedSource: 'input' as const } : {}) }, diagnostics: [],
});

test('wire credits in their usual forms, mapped to one canonical name', () => {
  const text = 'VELMORA (AP) — Crews worked overnight.\nMore text here.\nThis article contains reporting from The Associated Press and Reuters.\nAFP';
  const found = findWireCredits(text).map((c) => `${c.wire}/${c.form}`);
  assert.deepEqual(found.sort(), ['Agence France-Presse/credit-line', 'Associated Press/dateline', 'Associated Press/reporting-from', 'Reuters/reporting-from'].sort());
  assert.deepEqual(findWireCredits('A photo credit: JANE DOE/AFP via Getty Images and the map of the PAX region'), []);
  assert.deepEqual(wiresInByline('By Ana Ristic, Associated Press'), ['Associated Press']);
});

test('a re-run wire story is one source with a directed copy edge; a shared quotation alone is not a copy', () => {
  const quote = '\u201cWe will not stop searching until every family has an answer, and we will rebuild this harbour stone by stone,\u201d';
  const { report } = analyzeRecords([
    rec('wire.txt', `${WIRE}\nThe cause of the fire is under investigation.`, '2025-03-04'),
    rec('rerun.txt', `${WIRE.replace('pulled', 'rescued')}\nThis article contains reporting from Reuters.`, '2025-03-05'),
    rec('own.txt', `Our correspondent at the port counted dozens of burned containers.\n${quote} the harbour master told reporters.`, '2025-03-05'),
    rec('other.txt', `Families waited at the gates through the night for news.\n${quote} said Ivo Maran, who runs the port.`, '2025-03-06'),
  ]);
  const p = report.corpus.provenance as Provenance;
  const ids = report.documents.map((d) => d.id);
  const copy = p.edges.find((e) => e.kind === 'copy')!;
  assert.equal(copy.from, ids[0]);
  assert.equal(copy.to, ids[1]);
  assert.ok(copy.directed);
  const quoteEdge = p.edges.find((e) => (e.from === ids[2] || e.to === ids[2]) && (e.from === ids[3] || e.to === ids[3]))!;
  assert.equal(quoteEdge.kind, 'shared-quote');
  assert.equal(p.groupOf[ids[0]], p.groupOf[ids[1]], 'the wire copy and its re-run are one source');
  assert.notEqual(p.groupOf[ids[2]], p.groupOf[ids[3]], 'two outlets quoting the same person stay independent');
  assert.equal(p.groups.length, 3);
});

test('two re-runs of one origin are siblings, but a copy of a copy that carries its edits stays a copy', async () => {
  const { siblingsOfOneOrigin } = await import('./stage.js');
  const edge = (from: string, to: string, sharedWords: number, directed = true) => ({ from, to, kind: 'copy' as const, directed, sharedWords, coverage: 0.8, passages: [], reason: 'shared text' });
  // W is the wire; A and B re-run it; A-B share only what both took from W.
  const siblings = siblingsOfOneOrigin([edge('W', 'A', 250), edge('W', 'B', 240), edge('A', 'B', 238, false)]);
  assert.equal(siblings[2].kind, 'same-origin');
  assert.equal(siblings[2].directed, false);
  // C copied A (with A's edits): it shares more with A than with W.
  const chain = siblingsOfOneOrigin([edge('W', 'A', 250), edge('W', 'C', 200), edge('A', 'C', 260)]);
  assert.equal(chain[2].kind, 'copy');
});

test('many re-runs of one wire story make one group whose reasons stay a short list', () => {
  const records = Array.from({ length: 40 }, (_, i) =>
    rec(`rerun-${i}.txt`, `${WIRE}\nOutlet ${i} adds a line of its own about the harbour.\nThis article contains reporting from The Associated Press`, '2025-03-04'),
  );
  const { report } = analyzeRecords(records);
  const prov = report.corpus.provenance as Provenance;
  assert.equal(prov.groups.length, 1, 'one source, however many re-runs');
  assert.ok(prov.groups[0].reasons.length <= 2 * records.length * records.length, `reasons: ${prov.groups[0].reasons.length}`);
});
