import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from './index.js';

// The public API is a contract: adding an export is a deliberate change to this list,
// removing or renaming one breaks users and must be a major version.
const EXPECTED = {
  extractArticle: 'function', htmlMeta: 'function',
  attributionsStage: 'object', findAttributions: 'function', linkAttributionEntities: 'function',
  SqliteStore: 'function', createApp: 'function', isLoopback: 'function', loadDemo: 'function', migrate: 'function', migrations: 'function', openStore: 'function', startServer: 'function',
  findNumbers: 'function', findQuantities: 'function', findTimes: 'function',
  USER_AGENT: 'string', blockedAddress: 'function', duplicatesStage: 'object', extract: 'function', feedDate: 'function', fetchUrl: 'function', findDuplicates: 'function', isUrl: 'function', parseFeed: 'function', readUrl: 'function', scanScrapedText: 'function',
  analyze: 'function', analyzeDocuments: 'function', analyzeRecords: 'function', annotate: 'function',
  buildPipeline: 'function', checkDocument: 'function', createDocument: 'function', defaultPipeline: 'function',
  diagnostic: 'function', expandPaths: 'function', getStage: 'function', hasErrors: 'function', identityMap: 'function',
  isFatal: 'function', rawEndOf: 'function', rawStartOf: 'function', readBytes: 'function', readFile: 'function',
  readInputs: 'function', renderBrief: 'function', runCorpus: 'function', runDocument: 'function', stageId: 'function',
  toDocuments: 'function', toRaw: 'function', validateReport: 'function',
  linkEntities: 'function', mergeMentions: 'function', entitiesStage: 'object', entityLinksStage: 'object',
  TextBuilder: 'function', TriangulateError: 'function',
  DEFAULT_MAX_BYTES: 'number', REPORT_SCHEMA: 'string', STAGES: 'object', VERSION: 'string', reportSchema: 'object',
};

test('the public API exports exactly the pinned names with the pinned kinds', () => {
  const actual = Object.fromEntries(Object.keys(api).sort().map((k) => [k, typeof (api as Record<string, unknown>)[k]]));
  assert.deepEqual(actual, Object.fromEntries(Object.entries(EXPECTED).sort(([a], [b]) => (a < b ? -1 : 1))));
});

test('analyze and annotate keep their call shapes', async () => {
  assert.equal(api.analyze.length, 1);
  assert.equal(api.annotate.length, 1);
  await assert.rejects(api.analyze(['x'], { published: 'yesterday' }), (e: unknown) => e instanceof api.TriangulateError && e.code === 'E_OPTION');
  assert.throws(() => api.getStage('nope@9'), /Valid stages: clean@1/);
  assert.equal(api.REPORT_SCHEMA, 'triangulate/report@1');
});
