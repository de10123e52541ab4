import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument } from './document.js';
import { TriangulateError } from './errors.js';
import { buildPipeline, runCorpus, runDocument } from './runner.js';
import type { CorpusStage, DocumentStage } from './stage.js';
import { identityMap } from './offsets.js';

const ctx = { timeZone: 'UTC', options: {} };

const textStage: DocumentStage = {
  kind: 'document', name: 'copy', version: 1, needs: ['raw'], produces: ['text'], description: 'raw as text',
  run: (doc) => ({ text: { text: doc.raw, offsets: identityMap(doc.raw.length) } }),
};
const wordsStage: DocumentStage = {
  kind: 'document', name: 'words', version: 2, needs: ['text'], produces: ['layer:words'], description: 'words',
  run: (doc) => ({ layers: { words: [...doc.text.matchAll(/\w+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })) } }),
};
const boomStage: DocumentStage = {
  kind: 'document', name: 'boom', version: 1, needs: ['text'], produces: ['layer:boom'], description: 'throws on "bad"',
  run: (doc) => {
    if (doc.text.includes('bad')) throw new Error('cannot handle bad input');
    return { layers: { boom: [] } };
  },
};
const countStage: CorpusStage = {
  kind: 'corpus', name: 'count', version: 1, needs: ['layer:words'], produces: ['corpus:count'], description: 'count docs',
  run: (docs) => ({ sections: { count: docs.map((d) => d.id) } }),
};

test('a need nothing produces is a startup error that says how to fix it', () => {
  assert.throws(
    () => buildPipeline([wordsStage, textStage]),
    (e: unknown) => e instanceof TriangulateError && e.code === 'E_PIPELINE' && /words@2 needs "text".*add copy@1 before it/.test(e.message),
  );
  assert.throws(() => buildPipeline([wordsStage]), /add a stage that produces "text"/);
});

test('a document stage after a corpus stage, or a stage twice, is refused', () => {
  assert.throws(() => buildPipeline([textStage, wordsStage, countStage, boomStage]), /put every document stage before/);
  assert.throws(() => buildPipeline([textStage, textStage]), /appears twice/);
});

test('the runner records versions, assigns ids and span text, and sorts layers', () => {
  const p = buildPipeline([textStage, wordsStage, countStage]);
  assert.deepEqual(p.versions, ['copy@1', 'words@2', 'count@1']);
  const doc = runDocument(p, createDocument('d1', 'hello big world'), ctx);
  assert.deepEqual(doc.layers.words.map((s) => [s.id, s.text]), [['w1', 'hello'], ['w2', 'big'], ['w3', 'world']]);
});

test('a stage that throws on one document leaves a fatal diagnostic there; others go on, corpus skips it', () => {
  const p = buildPipeline([textStage, boomStage, wordsStage, countStage]);
  const good = runDocument(p, createDocument('good', 'fine text'), ctx);
  const bad = runDocument(p, createDocument('bad', 'some bad text'), ctx);
  assert.equal(bad.diagnostics[0].severity, 'fatal');
  assert.equal(bad.diagnostics[0].stage, 'boom@1');
  assert.match(bad.diagnostics[0].message, /cannot handle bad input/);
  assert.equal(bad.layers.words, undefined, 'later stages do not run on a fatally failed document');
  assert.equal(good.layers.words.length, 2);
  const corpus = runCorpus(p, [good, bad], ctx);
  assert.deepEqual(corpus.sections.count, ['good']);
});

test('the clean text cannot be replaced once made', () => {
  const again: DocumentStage = { ...textStage, name: 'again' };
  const p = buildPipeline([textStage, again]);
  assert.throws(() => runDocument(p, createDocument('d', 'abc'), ctx), /fixed once made/);
});

test('a span with bad bounds is dropped with a warning, not written', () => {
  const badSpan: DocumentStage = {
    kind: 'document', name: 'badspan', version: 1, needs: ['text'], produces: ['layer:x'], description: 'bad',
    run: () => ({ layers: { x: [{ start: 2, end: 99 }] } }),
  };
  const doc = runDocument(buildPipeline([textStage, badSpan]), createDocument('d', 'abc'), ctx);
  assert.equal(doc.layers.x.length, 0);
  assert.equal(doc.diagnostics[0].code, 'stage/bad-span');
});
