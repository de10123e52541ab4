import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readInputs } from './sources.js';

// Local files and a server on 127.0.0.1 only.
let server: http.Server;
let base = '';
const dir = mkdtempSync(path.join(tmpdir(), 'tri-sources-'));

before(async () => {
  server = http.createServer((req, res) => {
    const p = req.url ?? '/';
    if (p === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<html><head><title>Bridge</title></head><body><p>The full story of the bridge, told at length.</p></body></html>');
    }
    if (p === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(`<rss><channel><title>Gazette</title>
        <item><title>Bridge</title><link>${base}/article</link><pubDate>Tue, 04 Mar 2031 09:30:00 GMT</pubDate><description>Summary only.</description></item>
        <item><title>Gone</title><link>${base}/missing</link><description>Another summary.</description></item>
      </channel></rss>`);
    }
    if (p === '/data.jsonl') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"text":"First record.","title":"One"}\n{"text":"Second record."}\n');
    }
    if (p === '/page.html.gz') {
      // Served with Content-Encoding: arrives unpacked although the name ends in .gz.
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      return res.end(gzipSync('<html><body><p>Unpacked in transit.</p></body></html>'));
    }
    if (p === '/deep.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      return res.end('<rss><channel><item><title>Deep</title><description>' + '<x>'.repeat(200000) + '</description></item></channel></rss>');
    }
    if (p === '/latin1-meta') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x93open\x94</p></body></html>', 'latin1'));
    }
    if (p === '/header-wins') {
      res.writeHead(200, { 'content-type': 'text/html; charset=koi8-r' });
      return res.end(Buffer.from([0x3c, 0x70, 0x3e, 0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x3c, 0x2f, 0x70, 0x3e]));
    }
    if (p === '/bounce') {
      res.writeHead(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/article` });
      return res.end();
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  writeFileSync(path.join(dir, 'a.txt'), 'A local article.\n');
  writeFileSync(path.join(dir, 'b.html.gz'), gzipSync('<html><body><p>Gzipped page.</p></body></html>'));
  const z = gzipSync('<html><body><p>' + 'x '.repeat(4000) + '</p></body></html>');
  writeFileSync(path.join(dir, 'broken.html.gz'), z.subarray(0, z.length >> 1));
  writeFileSync(path.join(dir, 'local.rss'), '<rss><channel><item><title>Local item</title><description>Local body.</description></item><item></item></channel></rss>');
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test('readInputs: paths, globs, URLs and feeds mix in one call, in input order', async () => {
  const { records, failures } = await readInputs([path.join(dir, 'a.txt'), `${base}/article`, path.join(dir, '*.rss'), `${base}/data.jsonl`, path.join(dir, 'b.html.gz')], { allowPrivate: true });
  assert.deepEqual(
    records.map((r) => r.raw.replace(/<[^>]+>/g, '').trim().slice(0, 20)),
    ['A local article.', 'BridgeThe full story', 'Local body.', 'First record.', 'Second record.', 'Gzipped page.'],
  );
  assert.equal(records[1].meta.url, `${base}/article`);
  assert.equal(records[1].format, 'html');
  assert.equal(records[2].meta.title, 'Local item');
  assert.deepEqual(failures.map((f) => f.code), ['feed/empty-item']);
});

test('readInputs: a URL is refused without allowPrivate; the other inputs still come through', async () => {
  const { records, failures } = await readInputs([`${base}/article`, path.join(dir, 'a.txt')]);
  assert.equal(records.length, 1);
  assert.equal(failures[0].source, `${base}/article`);
  assert.equal(failures[0].code, 'fetch/private-address');
});

test('readInputs: --fetch-items replaces summaries by pages and keeps the summary when the page fails', async () => {
  const { records, failures } = await readInputs([`${base}/feed`], { allowPrivate: true, fetchItems: true });
  assert.equal(failures.length, 0);
  assert.equal(records.length, 2);
  assert.match(records[0].raw, /The full story/);
  assert.equal(records[0].meta.title, 'Bridge');
  assert.equal(records[0].meta.published, '2031-03-04T09:30:00Z');
  assert.equal(records[0].meta.site, 'Gazette');
  assert.equal(records[1].raw, 'Another summary.');
  assert.equal(records[1].diagnostics.at(-1)?.code, 'input/item-fetch');
});

test('readInputs: a truncated gzip file is a failure naming it', async () => {
  const { records, failures } = await readInputs([path.join(dir, 'broken.html.gz')]);
  assert.equal(records.length, 0);
  assert.equal(failures[0].code, 'input/gzip');
  assert.match(failures[0].source, /broken\.html\.gz$/);
});

test('readInputs: a .gz URL unpacked in transit, and a feed nested deep enough to break a recursive walk', async () => {
  const { records, failures } = await readInputs([`${base}/page.html.gz`, `${base}/deep.xml`, path.join(dir, 'a.txt')], { allowPrivate: true });
  assert.match(records[0].raw, /Unpacked in transit/);
  assert.equal(records.at(-1)?.raw, 'A local article.\n');
  // The deep feed fails by name; it never takes the other inputs down.
  assert.deepEqual(failures.map((f) => [f.source, f.code]), [[`${base}/deep.xml`, 'feed/unreadable']]);
});

test('readInputs: charset from the Content-Type header, else from <meta>', async () => {
  const { records } = await readInputs([`${base}/latin1-meta`, `${base}/header-wins`], { allowPrivate: true });
  assert.match(records[0].raw, /Café “open”/);
  assert.equal(records[0].meta.charset, 'windows-1252');
  assert.match(records[1].raw, /<p>Привет<\/p>/);
  assert.equal(records[1].meta.charset, 'koi8-r');
});

test('readInputs: bad fetch options are API misuse', async () => {
  await assert.rejects(readInputs(['x'], { fetchTimeoutMs: -1 }), /fetchTimeoutMs must be a positive number/);
  await assert.rejects(readInputs(['x'], { maxRedirects: 1.5 }), /maxRedirects/);
});
