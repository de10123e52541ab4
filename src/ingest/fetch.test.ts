import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { blockedAddress } from './address.js';
import { fetchUrl, USER_AGENT } from './fetch.js';

// Every test talks to this server on 127.0.0.1 only; no other address is ever contacted.
let server: http.Server;
let base = '';
const seenAgents: string[] = [];
const PAGE = '<!doctype html><html><head><meta charset="windows-1252"><title>Velmora</title></head><body><p>Caf\xe9 reopens.</p></body></html>';

before(async () => {
  server = http.createServer((req, res) => {
    seenAgents.push(String(req.headers['user-agent']));
    const u = new URL(req.url ?? '/', 'http://x');
    switch (u.pathname) {
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(Buffer.from(PAGE, 'latin1'));
      case '/utf8':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('Kyiv — Київ');
      case '/gz':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
        return res.end(gzipSync('<html><body><p>Packed page</p></body></html>'));
      case '/truncated-gz': {
        const z = gzipSync('<html><body><p>' + 'word '.repeat(5000) + '</p></body></html>');
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        return res.end(z.subarray(0, Math.floor(z.length / 2)));
      }
      case '/redirect':
        res.writeHead(302, { location: '/page' });
        return res.end();
      case '/to-loopback':
        res.writeHead(301, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/page` });
        return res.end();
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' });
        return res.end();
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' });
        return res.end();
      case '/chain': {
        const n = Number(u.searchParams.get('n') ?? 0);
        res.writeHead(302, { location: `/chain?n=${n + 1}` });
        return res.end();
      }
      case '/huge': {
        // No Content-Length: the cap must hold while streaming.
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 64 && res.write(chunk)) sent++;
          if (sent < 64) res.once('drain', pump);
          else res.end();
        };
        res.on('close', () => (sent = 64));
        return pump();
      }
      case '/announced-huge':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(1024 * 1024 * 1024) });
        return res.write('a');
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      case '/lying-binary':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.write('first bytes, then nothing');
      case '/missing':
        res.writeHead(404);
        return res.end('gone');
      case '/feed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        return res.end('<?xml version="1.0"?><rss><channel><item><title>T</title></item></channel></rss>');
      default:
        res.writeHead(500);
        res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const ok = { allowPrivate: true, timeoutMs: 5000 };

test('fetch: a page, its declared charset and the polite User-Agent', async () => {
  const r = await fetchUrl(`${base}/page`, ok);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.page.kind, 'html');
  assert.equal(r.page.status, 200);
  assert.equal(Buffer.from(r.page.bytes).toString('latin1'), PAGE);
  assert.ok(seenAgents.includes(USER_AGENT));
  assert.match(USER_AGENT, /^Triangulate\//);
  const t = await fetchUrl(`${base}/utf8`, ok);
  assert.ok(t.ok);
  assert.equal(t.page.kind, 'text');
  assert.equal(t.page.charset, 'utf-8');
});

test('fetch: gzip transfer encoding is unpacked; a truncated gzip body is a failure', async () => {
  const r = await fetchUrl(`${base}/gz`, ok);
  assert.ok(r.ok);
  assert.match(Buffer.from(r.page.bytes).toString(), /Packed page/);
  const t = await fetchUrl(`${base}/truncated-gz`, ok);
  assert.ok(!t.ok);
  assert.match(t.failure.code, /^fetch\/(decompress|network)$/);
  assert.equal(t.failure.source, `${base}/truncated-gz`);
});

test('fetch: redirects are followed and recorded', async () => {
  const r = await fetchUrl(`${base}/redirect`, ok);
  assert.ok(r.ok);
  assert.equal(r.page.url, `${base}/page`);
  assert.deepEqual(r.page.redirects, [`${base}/page`]);
});

test('fetch: loopback and private addresses are refused, also after a redirect', async () => {
  const direct = await fetchUrl(`${base}/page`, { timeoutMs: 2000 });
  assert.ok(!direct.ok);
  assert.equal(direct.failure.code, 'fetch/private-address');
  assert.match(direct.failure.message, /127\.0\.0\.1.*loopback/);
  // A public-looking first hop (resolved by a stub) that redirects to 127.0.0.1 is refused on the hop.
  const port = (server.address() as AddressInfo).port;
  const hops: string[] = [];
  const viaName = await fetchUrl(`http://news.example:${port}/to-loopback`, {
    timeoutMs: 2000,
    resolve: async (host) => {
      hops.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    },
  });
  assert.ok(!viaName.ok);
  assert.equal(viaName.failure.code, 'fetch/private-address');
  // DNS rebinding: a name with one public and one private address is refused before any connection.
  const mixed = await fetchUrl(`http://mixed.example:${port}/page`, {
    timeoutMs: 2000,
    resolve: async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ],
  });
  assert.ok(!mixed.ok);
  assert.match(mixed.failure.message, /10\.0\.0\.7/);
  assert.ok(!(await fetchUrl(`http://[::ffff:127.0.0.1]:${port}/page`, { timeoutMs: 2000 })).ok);
  assert.ok(!(await fetchUrl(`http://localhost:${port}/page`, { timeoutMs: 2000 })).ok);
});

test('fetch: a redirect hop to loopback is refused even when the first host was allowed', async () => {
  // The first host is trusted by name (and stubbed to 127.0.0.1); its redirect to 127.0.0.1 is not.
  const port = (server.address() as AddressInfo).port;
  const first = await fetchUrl(`http://first.example:${port}/page`, {
    timeoutMs: 2000,
    allowHosts: ['first.example'],
    resolve: async () => [{ address: '127.0.0.1', family: 4 }],
  });
  assert.ok(first.ok, 'the trusted host itself is fetched');
  const r = await fetchUrl(`http://first.example:${port}/to-loopback`, {
    timeoutMs: 2000,
    allowHosts: ['first.example'],
    resolve: async () => [{ address: '127.0.0.1', family: 4 }],
  });
  assert.ok(!r.ok);
  assert.equal(r.failure.code, 'fetch/private-address');
  assert.match(r.failure.message, /127\.0\.0\.1/);
});

test('fetch: redirect loops and long chains stop', async () => {
  const loop = await fetchUrl(`${base}/loop-a`, ok);
  assert.ok(!loop.ok);
  assert.equal(loop.failure.code, 'fetch/redirect-loop');
  const chain = await fetchUrl(`${base}/chain?n=0`, { ...ok, maxRedirects: 3 });
  assert.ok(!chain.ok);
  assert.equal(chain.failure.code, 'fetch/too-many-redirects');
});

test('fetch: a body over the cap is cut off while streaming, and an announced one is refused', async () => {
  const r = await fetchUrl(`${base}/huge`, { ...ok, maxBytes: 256 * 1024 });
  assert.ok(!r.ok);
  assert.equal(r.failure.code, 'fetch/too-large');
  const a = await fetchUrl(`${base}/announced-huge`, { ...ok, maxBytes: 1024 * 1024 });
  assert.ok(!a.ok);
  assert.equal(a.failure.code, 'fetch/too-large');
});

test('fetch: binary content types and binary bodies are refused', async () => {
  const r = await fetchUrl(`${base}/image`, ok);
  assert.ok(!r.ok);
  assert.equal(r.failure.code, 'fetch/content-type');
  assert.match(r.failure.message, /image\/png/);
  const l = await fetchUrl(`${base}/lying-binary`, ok);
  assert.ok(!l.ok);
  assert.equal(l.failure.code, 'fetch/binary');
});

test('fetch: a resolver that never answers times out too', async () => {
  const r = await fetchUrl('http://hang.example/x', { timeoutMs: 200, resolve: () => new Promise(() => {}) });
  assert.ok(!r.ok);
  assert.equal(r.failure.code, 'fetch/dns');
  assert.match(r.failure.message, /ETIMEOUT/);
});

test('fetch: a slow server times out', async () => {
  const t0 = Date.now();
  const r = await fetchUrl(`${base}/slow`, { allowPrivate: true, timeoutMs: 300 });
  assert.ok(!r.ok);
  assert.equal(r.failure.code, 'fetch/timeout');
  assert.ok(Date.now() - t0 < 3000);
});

test('fetch: HTTP errors, bad URLs and other schemes are failures, not throws', async () => {
  const m = await fetchUrl(`${base}/missing`, ok);
  assert.ok(!m.ok);
  assert.equal(m.failure.code, 'fetch/http-status');
  assert.match(m.failure.message, /404/);
  const bad = await fetchUrl('http://', ok);
  assert.ok(!bad.ok);
  assert.equal((await fetchUrl('file:///etc/passwd', ok)).ok, false);
  const f = await fetchUrl(`${base}/feed`, ok);
  assert.ok(f.ok);
  assert.equal(f.page.kind, 'feed');
});

test('address check: private, loopback, link-local, unspecified, multicast and mapped addresses', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', '2002:c0a8:101::1', 'fe80::1%eth0']) {
    assert.ok(blockedAddress(a), `${a} should be refused`);
  }
  for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '172.32.0.1']) {
    assert.equal(blockedAddress(a), undefined, `${a} is public`);
  }
});
