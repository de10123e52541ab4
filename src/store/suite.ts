import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeRecords } from '../analyze.js';
import type { InputRecord } from '../ingest/sources.js';
import type { Store } from './types.js';

/** An invented article as an input record. */
export function inventedRecord(n: number, extra = ''): InputRecord {
  const raw =
    `Officials in Lowmarsh said ${n + 3} boats were damaged when a fire spread along pier ${n}.\n` +
    `Harbor master Edda Quillon told reporters the blaze began before dawn. ${extra}\n` +
    `Residents said the smoke could be seen from the ridge road.`;
  return { source: `invented-${n}.txt`, format: 'text', raw, meta: { title: `Pier ${n} fire`, site: n % 2 ? 'lowmarsh-courier.example' : 'ridge-gazette.example', published: `2031-03-${String((n % 27) + 1).padStart(2, '0')}` }, diagnostics: [] };
}

/** The shared behaviour every Store implementation must pass; `open` returns a fresh, empty store. */
export function storeSuite(name: string, open: () => Promise<Store>): void {
  test(`${name}: saves a story with its documents, layers and report`, async () => {
    const store = await open();
    try {
      const { report, documents } = analyzeRecords([inventedRecord(1), inventedRecord(2)]);
      const summary = await store.saveStory({ id: 'pier-fires', name: 'Pier fires', report, documents });
      assert.equal(summary.documents, 2);
      assert.deepEqual(summary.outlets, ['lowmarsh-courier.example', 'ridge-gazette.example']);
      assert.deepEqual(summary.dateRange, { from: '2031-03-02', to: '2031-03-03' });
      assert.ok(summary.sections.includes('reuse'));
      assert.deepEqual(summary.layers, [...new Set(documents.flatMap((d) => Object.keys(d.layers)))].sort());
      const groups = report.corpus.claimGroups as Array<{ status: string }> | undefined;
      assert.equal(summary.disputedFigures, groups ? groups.filter((g) => g.status === 'disputed').length : undefined, 'disputed claim groups are counted');
      assert.deepEqual(JSON.parse(Buffer.from((await store.getStoryReport('pier-fires'))!).toString('utf8')), report);
      const doc = await store.getDocument(documents[0].id);
      assert.ok(doc);
      assert.equal(doc.text, documents[0].text);
      assert.deepEqual(doc.layers.sentences, documents[0].layers.sentences);
      assert.deepEqual(doc.layerStages.sentences, report.stages);
      assert.deepEqual(doc.stories, [{ id: 'pier-fires', name: 'Pier fires' }]);
      const inputs = await store.getStoryInputs('pier-fires');
      assert.deepEqual(inputs.map((i) => i.raw), [inventedRecord(1).raw, inventedRecord(2).raw]);
      assert.equal(await store.getStory('nope'), undefined);
      assert.equal(await store.getDocument('nope'), undefined);
    } finally {
      await store.close();
    }
  });

  test(`${name}: the same content ingested twice is one document`, async () => {
    const store = await open();
    try {
      const a = analyzeRecords([inventedRecord(7)]).documents;
      const b = analyzeRecords([inventedRecord(7)]).documents;
      const first = await store.putDocuments(a, ['clean@1']);
      const second = await store.putDocuments(b, ['clean@1']);
      assert.equal(first[0].id, second[0].id);
      assert.deepEqual([first[0].created, second[0].created], [true, false]);
      assert.equal((await store.search('Quillon')).total, 1);
    } finally {
      await store.close();
    }
  });

  test(`${name}: full-text search finds words, tolerates operators and scopes by story`, async () => {
    const store = await open();
    try {
      const one = analyzeRecords([inventedRecord(1, 'A ferry named Marigold sank.'), inventedRecord(2)]);
      await store.saveStory({ id: 's1', name: 'First', ...one });
      const two = analyzeRecords([inventedRecord(3, 'The Marigold crew was rescued.')]);
      await store.saveStory({ id: 's2', name: 'Second', ...two });
      const hits = await store.search('marigold');
      assert.equal(hits.total, 2);
      assert.match(hits.items[0].snippet, /\u0002Marigold\u0003/);
      assert.equal((await store.search('marigold', { story: 's2' })).total, 1);
      assert.equal((await store.search('Marig')).total, 2, 'the last word matches as a prefix');
      for (const odd of ['"', 'NEAR(', 'a OR', '*', ')) --', "'; DROP TABLE documents; --"]) await store.search(odd);
      assert.equal((await store.search('   ')).total, 0);
      assert.equal((await store.listStories()).total, 2);
      assert.deepEqual((await store.listStories({ q: 'rescued' })).items.map((s) => s.id), ['s2']);
      assert.deepEqual((await store.listStories({ q: 'Firs' })).items.map((s) => s.id), ['s1']);
      assert.equal((await store.listStories({ q: '%' })).total, 0, 'LIKE wildcards are literal');
      assert.equal((await store.listStories({ limit: 1 })).items.length, 1);
      assert.ok(await store.deleteStory('s1'));
      assert.equal((await store.listStories()).total, 1);
    } finally {
      await store.close();
    }
  });

  test(`${name}: saving a story again replaces its report and membership`, async () => {
    const store = await open();
    try {
      const first = analyzeRecords([inventedRecord(1)]);
      const a = await store.saveStory({ id: 's', name: 'S', ...first });
      const second = analyzeRecords([inventedRecord(1), inventedRecord(4)]);
      const b = await store.saveStory({ id: 's', name: 'S renamed', ...second });
      assert.equal(b.documents, 2);
      assert.equal(b.createdAt, a.createdAt);
      assert.equal(b.name, 'S renamed');
      assert.equal((await store.getStoryInputs('s')).length, 2);
    } finally {
      await store.close();
    }
  });
}
