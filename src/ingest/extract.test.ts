import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { extract } from './extract.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tri-extract-'));
const page = '<html lang="en"><head><meta property="og:title" content="Bridge reopens"><meta property="article:published_time" content="2031-03-04"></head><body><p>The Velmora bridge reopened on Tuesday.</p></body></html>';
writeFileSync(path.join(dir, 'a.html.gz'), gzipSync(page));
writeFileSync(path.join(dir, 'b.txt'), 'close\nFerry service resumes\nBy Ilse Marten\nFerries to the islands run again, the port said.\nLeave a Reply\n— Reuters\n');
const z = gzipSync(page.repeat(50));
writeFileSync(path.join(dir, 'c.html.gz'), z.subarray(0, 40));
writeFileSync(path.join(dir, 'd.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));

const cli = path.resolve(process.cwd(), 'bin/triangulate.js');

test('extract: clean text and meta per article, failures separate', async () => {
  const seen: string[] = [];
  const r = await extract([path.join(dir, 'a.html.gz'), path.join(dir, 'b.txt'), path.join(dir, 'c.html.gz')], { onArticle: (a) => seen.push(a.id) });
  assert.equal(r.articles.length, 2);
  assert.deepEqual(seen, r.articles.map((a) => a.id));
  const [a, b] = r.articles;
  assert.equal(a.text, 'The Velmora bridge reopened on Tuesday.');
  assert.equal(a.title, 'Bridge reopens');
  assert.equal(a.published, '2031-03-04');
  assert.equal(b.text, 'Ferry service resumes\nFerries to the islands run again, the port said.');
  assert.equal(b.title, 'Ferry service resumes');
  assert.equal(b.byline, 'Ilse Marten');
  assert.deepEqual(b.wire, ['Reuters']);
  assert.equal(b.url, null);
  assert.deepEqual(Object.keys(b), ['id', 'source', 'url', 'title', 'site', 'byline', 'published', 'language', 'wire', 'text', 'diagnostics']);
  assert.deepEqual(r.failures.map((f) => f.code), ['input/gzip']);
});

test('extract CLI: JSON Lines on stdout, one stderr line per failed input, exit 1', () => {
  const run = spawnSync(process.execPath, [cli, 'extract', dir, '--format', 'jsonl'], { encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string });
  assert.deepEqual(lines.map((l) => path.basename(l.source)), ['a.html.gz', 'b.txt']);
  const errs = run.stderr.trim().split('\n');
  assert.equal(errs.length, 2);
  assert.match(errs[0], /c\.html\.gz: not valid gzip data/);
  assert.match(errs[1], /d\.txt: PNG image/);
  const ok = spawnSync(process.execPath, [cli, 'extract', path.join(dir, 'b.txt')], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(spawnSync(process.execPath, [cli, 'extract', dir, '--format', 'csv'], { encoding: 'utf8' }).status, 2);
});

test('analyze CLI: a URL to a loopback address is refused by default and named on stderr', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'tri-out-'));
  const run = spawnSync(process.execPath, [cli, 'analyze', 'http://127.0.0.1:9/story', path.join(dir, 'b.txt'), '--quiet', '--out', out, '--timeout', '2'], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /http:\/\/127\.0\.0\.1:9\/story: 127\.0\.0\.1 is a loopback address/);
});
