import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs, readBytes } from './sources.js';
import { decodeBytes } from './decode.js';
import { tempDir, INVENTED_ARTICLE } from '../testing/fixtures.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

test('bad inputs in a batch each fail with a reason that names them; good ones are read', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'good.txt'), INVENTED_ARTICLE);
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'blank.txt'), '  \n\n ');
  writeFileSync(path.join(dir, 'image.txt'), PNG);
  writeFileSync(path.join(dir, 'feed.jsonl'), [JSON.stringify({ title: 'One', text: 'First article text.' }), '{"title": broken', JSON.stringify({ text: 'Second article.' })].join('\n'));
  const { records, failures } = await readInputs([dir, path.join(dir, 'missing.txt')], { maxBytes: 1024 * 1024 });
  const why = Object.fromEntries(failures.map((f) => [path.basename(f.source), f]));
  assert.match(why['empty.txt'].message, /empty/);
  assert.match(why['blank.txt'].message, /whitespace/);
  assert.match(why['image.txt'].message, /PNG image/);
  assert.match(why['missing.txt'].message, /no such file/);
  assert.match(why['feed.jsonl:2'].message, /line 2 is not valid JSON/);
  assert.deepEqual(records.map((r) => path.basename(r.source)).sort(), ['feed.jsonl#1', 'feed.jsonl#3', 'good.txt']);
  assert.equal(records.find((r) => r.source.endsWith('#1'))!.meta.title, 'One');
});

test('an input over the size limit is refused before it is read', async () => {
  const dir = tempDir();
  const big = path.join(dir, 'big.txt');
  writeFileSync(big, Buffer.alloc(3 * 1024 * 1024, 'a'));
  const { records, failures } = await readInputs([big], { maxBytes: 1024 * 1024 });
  assert.equal(records.length, 0);
  assert.match(failures[0].message, /3\.0 MB is over the 1\.0 MB limit/);
});

test('gzip inputs are read, and a gzip bomb stops at the limit', () => {
  const ok = readBytes('a.txt.gz', gzipSync(Buffer.from('Hello from a gzipped article.')));
  assert.equal(ok.records[0].raw, 'Hello from a gzipped article.');
  const bomb = readBytes('b.html.gz', gzipSync(Buffer.alloc(4 * 1024 * 1024, 'x')), { maxBytes: 1024 * 1024 });
  assert.match(bomb.failures[0].message, /more than the 1\.0 MB limit/);
  const broken = readBytes('c.txt.gz', gzipSync(Buffer.from('abc')).subarray(0, 8));
  assert.equal(broken.failures[0].code, 'input/gzip');
});

test('invalid UTF-8 is decoded by a guess and flagged as an error diagnostic', () => {
  const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' in Z\u00fcrich')]);
  const { records } = readBytes('latin.txt', bytes);
  assert.match(records[0].raw, /^Caf/);
  assert.equal(records[0].diagnostics[0].code, 'input/charset');
  assert.match(records[0].diagnostics[0].message, /invalid UTF-8 at byte 3/);
});

test('charset: BOM, declaration, and a wrong declaration overruled by valid UTF-8', () => {
  assert.equal(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61])).text, 'a');
  assert.equal(decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'iso-8859-1').text, 'café');
  const d = decodeBytes(Buffer.from('caf\u00e9', 'utf8'), 'windows-1252');
  assert.equal(d.text, 'café');
  assert.match(d.problem!, /valid UTF-8/);
  assert.equal(decodeBytes(Buffer.from('abc'), 'no-such-charset').text, 'abc');
});

test('JSON arrays, JSON objects and html fields', () => {
  const arr = readBytes('a.json', Buffer.from(JSON.stringify([{ html: '<p>Hi there</p>', url: 'https://example.org/a' }, { nope: 1 }])));
  assert.equal(arr.records[0].format, 'html');
  assert.equal(arr.records[0].meta.url, 'https://example.org/a');
  assert.match(arr.failures[0].message, /no non-empty "text" or "html"/);
  const bad = readBytes('b.json', Buffer.from('{"text": "x",'));
  assert.match(bad.failures[0].message, /not valid JSON/);
});

test('directories are walked recursively and globs expand', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
  writeFileSync(path.join(dir, 'sub', 'deeper', 'a.txt'), 'Deep article.');
  writeFileSync(path.join(dir, 'sub', 'b.html'), '<p>Page article.</p>');
  writeFileSync(path.join(dir, 'sub', 'notes.csv'), 'skipped');
  const walked = await readInputs([dir]);
  assert.equal(walked.records.length, 2);
  const globbed = await readInputs([path.join(dir, 'sub', '*.html')]);
  assert.equal(globbed.records.length, 1);
  const none = await readInputs([path.join(dir, '*.nothing')]);
  assert.match(none.failures[0].message, /matches no file/);
});
