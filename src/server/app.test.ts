import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { analyzeRecords } from '../analyze.js';
import { openStore } from '../store/sqlite.js';
import { validateReport } from '../report/validate.js';
import { createApp, CSP } from './app.js';
import { isLoopback, loadDemo, startServer } from './serve.js';

const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-server-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const webRoot = path.join(dir, 'web');
mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/assets/app.js"></script>');
writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'export {};');

function setup(extra: { token?: string; maxBodyBytes?: number } = {}) {
  const store = openStore(path.join(dir, `a${++n}.db`));
  const app = createApp({ store, webRoot, ...extra });
  const call = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(url, {
      method,
      headers: { ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { store, app, call };
}

const ARTICLES = [
  { text: 'Fire crews in Lowmarsh fought a blaze on pier 9 overnight.\nThe harbor master said 12 boats burned.', title: 'Pier 9 blaze', site: 'courier.example', published: '2031-05-02' },
  { html: '<html><body><article><h1>Boats lost</h1><p>The harbor master said 14 boats burned at pier 9 in Lowmarsh.</p></article></body></html>', site: 'gazette.example', published: '2031-05-03' },
];

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(typeof body.error.message, 'string');
  return body.error.code;
}

test('a story is created, listed, reported, searched and its documents shown with layers', async () => {
  const { call, store } = setup();
  const res = await call('POST', '/api/stories', { name: 'Pier Nine', published: '2031-05-04', articles: ARTICLES });
  assert.equal(res.status, 201);
  const { story } = (await res.json()) as { story: { id: string; documents: number; outlets: string[] } };
  assert.equal(story.id, 'pier-nine');
  assert.equal(story.documents, 2);
  assert.deepEqual(story.outlets, ['courier.example', 'gazette.example']);

  const list = (await (await call('GET', '/api/stories')).json()) as { total: number };
  assert.equal(list.total, 1);
  const report = await (await call('GET', '/api/stories/pier-nine/report')).json();
  assert.deepEqual(validateReport(report), [], 'the served report is schema-valid');
  const page = (await (await call('GET', '/api/stories/pier-nine')).json()) as { documents: { id: string; layers: Record<string, number> }[]; corpus: Record<string, unknown> };
  assert.equal(page.documents.length, 2);
  assert.ok(page.documents[0].layers.sentences >= 2);
  assert.ok('reuse' in page.corpus);
  const doc = (await (await call('GET', `/api/documents/${page.documents[1].id}`)).json()) as { text: string; layers: Record<string, { start: number; end: number; text: string }[]> };
  assert.match(doc.text, /14 boats/);
  for (const s of doc.layers.sentences) assert.equal(doc.text.slice(s.start, s.end), s.text);
  const hits = (await (await call('GET', '/api/search?q=harbor%20master')).json()) as { total: number };
  assert.equal(hits.total, 2);
  for (const path of ['/api/stories/pier-nine/claims', '/api/stories/pier-nine/figures', '/api/stories/pier-nine/diagnostics']) assert.equal((await call('GET', path)).status, 200, path);
  // The claims endpoint returns exactly what the report holds.
  const cl = (await (await call('GET', '/api/stories/pier-nine/claims')).json()) as { claims: unknown[]; groups: unknown[] };
  const full = (await (await call('GET', '/api/stories/pier-nine/report')).json()) as { documents: Array<{ layers: Record<string, unknown[]> }>; corpus: { claimGroups?: unknown[] } };
  assert.equal(cl.claims.length, full.documents.reduce((n, d) => n + (d.layers.claims?.length ?? 0), 0));
  assert.deepEqual(cl.groups, full.corpus.claimGroups ?? []);
  assert.equal(((await (await call('GET', '/api/stories/pier-nine')).json()) as { stale: boolean }).stale, false);
  const re = await call('POST', '/api/stories/pier-nine/analyze');
  assert.equal(re.status, 200);
  assert.equal(((await re.json()) as { story: { documents: number } }).story.documents, 2);
  assert.equal((await call('POST', '/api/stories/missing/analyze')).status, 404);

  // Adding the same content again is idempotent; a JSON Lines upload adds the new article.
  const again = await call('POST', '/api/stories/pier-nine/documents', { articles: [ARTICLES[0]] });
  assert.equal(((await again.json()) as { added: number }).added, 0);
  const jsonl = JSON.stringify({ text: 'A third outlet said 13 boats burned at pier 9.', site: 'third.example' }) + '\n';
  const up = await call('POST', '/api/stories/pier-nine/documents', jsonl, { 'content-type': 'application/x-ndjson' });
  assert.equal(up.status, 200);
  assert.equal(((await up.json()) as { story: { documents: number } }).story.documents, 3);
  await store.close();
});

test('a story made with older stages is flagged stale until analyzed again', async () => {
  const { call, store } = setup();
  const old = analyzeRecords([{ source: 'a', format: 'text', raw: ARTICLES[0].text!, meta: {}, diagnostics: [] }], { stages: ['clean'] });
  await store.saveStory({ id: 'old', name: 'Old', ...old });
  const before = (await (await call('GET', '/api/stories/old')).json()) as { stale: boolean; stages: string[]; currentStages: string[] };
  assert.equal(before.stale, true);
  assert.deepEqual(before.stages, ['clean@1']);
  assert.ok(before.currentStages.includes('sentences@1'));
  assert.equal((await call('POST', '/api/stories/old/analyze')).status, 200);
  const after = (await (await call('GET', '/api/stories/old')).json()) as { stale: boolean; documents: { layers: Record<string, number> }[] };
  assert.equal(after.stale, false);
  assert.ok(after.documents[0].layers.sentences > 0, 'the new stages ran');
  await store.close();
});

test('errors have one shape, with the right status and code', async () => {
  const { call, store } = setup({ maxBodyBytes: 2000 });
  assert.equal(await errorOf(await call('POST', '/api/stories', '{not json', { 'content-type': 'application/json' })), 'invalid_json');
  const bad = await call('POST', '/api/stories', { name: '', articles: [{ title: 'no text' }], extra: 1 });
  assert.equal(bad.status, 400);
  assert.equal(await errorOf(bad), 'invalid_request');
  assert.equal(await errorOf(await call('POST', '/api/stories', 'x', { 'content-type': 'text/csv' })), 'unsupported_media_type');
  assert.equal(await errorOf(await call('POST', '/api/stories/x/documents', 'x', { 'content-type': 'text/csv' })), 'unsupported_media_type');
  const big = await call('POST', '/api/stories', { name: 'big', articles: [{ text: 'x'.repeat(5000) }] });
  assert.equal(big.status, 413);
  assert.equal(await errorOf(big), 'payload_too_large');
  // URL ingestion goes through the ingest fetcher, which refuses loopback targets without --allow-private.
  const url = await call('POST', '/api/stories', { name: 'by url', articles: [{ url: 'http://127.0.0.1:9/a' }] });
  assert.equal(url.status, 201);
  const made = (await url.json()) as { story: { id: string; failedInputs: number } };
  assert.equal(made.story.failedInputs, 1);
  const rep = (await (await call('GET', `/api/stories/${made.story.id}/report`)).json()) as { failures: Array<{ message: string }> };
  assert.match(rep.failures[0].message, /private|loopback|refus/i);
  assert.equal(await errorOf(await call('GET', '/api/stories/missing')), 'not_found');
  assert.equal(await errorOf(await call('GET', '/api/documents/missing')), 'not_found');
  assert.equal(await errorOf(await call('GET', '/api/nope')), 'not_found');
  assert.equal(await errorOf(await call('GET', '/api/stories/BAD..id')), 'invalid_request');
  assert.equal(await errorOf(await call('GET', '/api/search?q=')), 'invalid_request');
  const inj = await call('GET', `/api/search?q=${encodeURIComponent(`") OR 1=1; DROP TABLE documents; --`)}`);
  assert.equal(inj.status, 200);
  await call('POST', '/api/stories', { name: 'dup', articles: [ARTICLES[0]] });
  assert.equal(await errorOf(await call('POST', '/api/stories', { name: 'dup', id: 'dup', articles: [ARTICLES[0]] })), 'conflict');
  await store.close();
});

test('writes need the token when the server has one, and come from its own origin', async () => {
  const { call, store } = setup({ token: 's3cret' });
  const body = { name: 'Tok', articles: [ARTICLES[0]] };
  const none = await call('POST', '/api/stories', body);
  assert.equal(none.status, 401);
  assert.equal(none.headers.get('www-authenticate'), 'Bearer');
  assert.equal(await errorOf(none), 'unauthorized');
  assert.equal((await call('POST', '/api/stories', body, { authorization: 'Bearer wrong' })).status, 401);
  assert.equal((await call('POST', '/api/stories', body, { authorization: 'Bearer s3cret', origin: 'http://evil.example', host: 'localhost' })).status, 403);
  assert.equal((await call('POST', '/api/stories', body, { authorization: 'Bearer s3cret' })).status, 201);
  assert.equal((await call('GET', '/api/stories')).status, 200, 'reads need no token');
  assert.equal((await call('DELETE', '/api/stories/tok')).status, 401);
  assert.equal((await call('DELETE', '/api/stories/tok', undefined, { authorization: 'Bearer s3cret' })).status, 200);
  await store.close();
});

test('pages: strict CSP, the UI for view paths, JSON twins, OpenAPI from the routes', async () => {
  const { call, store } = setup();
  const home = await call('GET', '/stories/some-story');
  assert.equal(home.status, 200);
  assert.equal(home.headers.get('content-security-policy'), CSP);
  assert.doesNotMatch(CSP, /unsafe-inline|unsafe-eval/);
  assert.equal(home.headers.get('link'), '</api/stories/some-story>; rel="alternate"; type="application/json"');
  const twin = await call('GET', '/search?q=fire', undefined, { accept: 'application/json' });
  assert.equal(twin.status, 303);
  assert.equal(twin.headers.get('location'), '/api/search?q=fire');
  assert.equal((await call('GET', '/assets/app.js')).headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal((await call('GET', '/assets/../../etc/passwd')).status, 404);
  const api = (await (await call('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  assert.ok(api.paths['/api/stories'].post);
  assert.ok(api.paths['/api/stories/{id}/documents'].post);
  assert.ok(api.paths['/api/search'].get);
  await store.close();
});

test('a loopback server answers only requests addressed to a loopback name', async () => {
  const store = openStore(':memory:');
  const app = createApp({ store, webRoot, loopbackOnly: true });
  assert.equal((await app.request('http://127.0.0.1:8787/api/health')).status, 200);
  assert.equal((await app.request('http://localhost/api/health')).status, 200);
  assert.equal((await app.request('http://[::1]:9/api/health')).status, 200);
  const rebound = await app.request('http://attacker.example:8787/api/stories');
  assert.equal(rebound.status, 403);
  assert.equal(await errorOf(rebound), 'forbidden_host');
  await store.close();
});

test('serve refuses a non-loopback address without a token and listens on loopback', async () => {
  assert.ok(isLoopback('127.0.0.1') && isLoopback('localhost') && isLoopback('::1') && isLoopback('[::1]'));
  assert.ok(!isLoopback('0.0.0.0') && !isLoopback('192.168.1.4'));
  await assert.rejects(startServer({ host: '0.0.0.0', port: 0, db: path.join(dir, 'x.db') }), /without a token/);
  const s = await startServer({ port: 0, db: path.join(dir, 'srv.db'), webRoot });
  try {
    const res = await fetch(`${s.url}/api/health`);
    assert.equal(res.status, 200);
  } finally {
    await s.close();
  }
});

test('the demo loader makes one story per example folder, once', async () => {
  const ex = path.join(dir, 'examples');
  mkdirSync(path.join(ex, 'quarry-collapse'), { recursive: true });
  writeFileSync(path.join(ex, 'quarry-collapse', 'a.txt'), 'A quarry wall collapsed near Brindle on Tuesday, officials said.\nNo one was hurt.');
  writeFileSync(path.join(ex, 'quarry-collapse', 'b.txt'), 'Officials in Brindle said a quarry wall collapsed on Tuesday.');
  writeFileSync(path.join(ex, 'quarry-collapse', 'README.md'), 'Notes about this example, not an article.');
  const store = openStore(path.join(dir, 'demo.db'));
  assert.deepEqual(await loadDemo(store, ex), ['quarry-collapse']);
  assert.equal((await store.getStory('quarry-collapse'))?.documents, 2);
  assert.deepEqual(await loadDemo(store, ex), ['quarry-collapse']);
  assert.equal((await store.listStories()).total, 1);
  await store.close();
});
