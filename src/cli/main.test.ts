import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateReport } from '../report/validate.js';
import { sharedDir, tempDir, INVENTED_ARTICLE, INVENTED_PAGE } from '../testing/fixtures.js';

const BIN = path.resolve('bin/triangulate.js');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a batch with every kind of bad input: one line each on stderr, good files analyzed, exit 1', () => {
  const dir = tempDir();
  const f = (name: string, data: string | Buffer) => {
    writeFileSync(path.join(dir, name), data);
    return path.join(dir, name);
  };
  const good = f('good.txt', INVENTED_ARTICLE);
  const page = f('page.html', INVENTED_PAGE);
  const empty = f('empty.txt', '');
  const png = f('picture.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  const latin = f('latin1.txt', Buffer.concat([Buffer.from('Die Beh'), Buffer.from([0xf6]), Buffer.from('rde meldete 40 Verletzte.')]));
  const huge = f('huge.txt', Buffer.alloc(60 * 1024 * 1024, 'word '));
  const jsonl = f('batch.jsonl', [JSON.stringify({ title: 'A', text: 'Officials said 20 people were hurt.' }), '{oops', JSON.stringify({ text: 'Another article.' })].join('\n'));
  const missing = path.join(dir, 'missing.txt');
  const out = path.join(dir, 'report');
  const r = cli(['analyze', good, page, empty, png, latin, huge, jsonl, missing, '--out', out, '--format', 'json', '--quiet', '--published', '2025-03-04']);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stderr.trim().split('\n');
  const lineFor = (p: string) => lines.find((l) => l.includes(p));
  assert.match(lineFor(empty)!, /empty/);
  assert.match(lineFor(png)!, /PNG image/);
  assert.match(lineFor(latin)!, /invalid UTF-8/);
  assert.match(lineFor(huge)!, /60\.0 MB is over/);
  assert.match(lineFor(`${jsonl}:2`)!, /line 2 is not valid JSON/);
  assert.match(lineFor(missing)!, /no such file/);
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  assert.deepEqual(validateReport(report), []);
  assert.deepEqual(JSON.parse(r.stdout), report);
  // good.txt, page.html, latin1.txt (decoded by a guess) and two JSONL records were analyzed.
  assert.equal(report.summary.analyzed, 5);
  assert.equal(report.failures.length, 5);
  assert.ok(readFileSync(path.join(out, 'brief.md'), 'utf8').includes('could not be read'));
});

test('usage errors exit 2 and help documents the exit codes', () => {
  assert.equal(cli(['analyze']).code, 2);
  assert.equal(cli(['analyze', 'x', '--format', 'xml']).code, 2);
  assert.equal(cli(['analyze', 'x', '--published', '6 Nov 2024']).code, 2);
  assert.equal(cli(['frobnicate']).code, 2);
  assert.equal(cli(['analyze', '--bogus', 'x']).code, 2);
  const help = cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /0 +success/);
  assert.match(help.stdout, /1 +some inputs failed/);
  assert.match(help.stdout, /2 +usage error/);
});

test('annotate prints layers in clean or input offsets; input offsets point into the decoded file', () => {
  const dir = tempDir();
  const page = path.join(dir, 'page.html');
  writeFileSync(page, INVENTED_PAGE);
  const clean = JSON.parse(cli(['annotate', page]).stdout);
  const input = JSON.parse(cli(['annotate', page, '--offsets', 'input']).stdout);
  assert.equal(clean.offsets, 'clean');
  assert.equal(input.offsets, 'input');
  const s = input.layers.sentences.find((x: { text: string }) => x.text.includes('3,500'));
  assert.ok(s, 'the sentence is found');
  assert.equal(INVENTED_PAGE.slice(s.start, s.end), s.text);
  assert.match(s.text, /3,500&ndash;4,000/);
  const missing = cli(['annotate', path.join(dir, 'nope.txt')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.txt: no such file/);
});

test('analyze --format json on kursk-2024 gives 5 schema-valid documents', { skip: !sharedDir() && 'no ../shared' }, () => {
  const out = path.join(tempDir(), 'r');
  const r = cli(['analyze', path.join(sharedDir()!, 'corpus', 'kursk-2024'), '--format', 'json', '--out', out, '--published', '2024-11-06']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.documents.length, 5);
  assert.deepEqual(validateReport(report), []);
  assert.ok(report.stages.includes('clean@1') && report.stages.includes('sentences@1'));
});
