import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/triangulate.js', import.meta.url));

test('serve refuses a non-loopback host without a token (usage error, exit 2)', () => {
  const r = spawnSync(process.execPath, [BIN, 'serve', '--host', '0.0.0.0', '--port', '0', '--db', ':memory:'], { encoding: 'utf8', env: { ...process.env, TRIANGULATE_TOKEN: '' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /without a token/);
  assert.match(r.stderr, /--token/);
});

test('serve rejects a bad port and stray paths', () => {
  assert.equal(spawnSync(process.execPath, [BIN, 'serve', '--port', 'eighty'], { encoding: 'utf8' }).status, 2);
  assert.equal(spawnSync(process.execPath, [BIN, 'serve', 'articles/'], { encoding: 'utf8' }).status, 2);
});

test('serve starts on loopback, answers, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-cli-serve-'));
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', path.join(dir, 't.db')], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`serve exited: ${err}`)));
    });
    assert.equal((await fetch(`${url}/api/health`)).status, 200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
