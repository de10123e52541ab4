import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ftsQuery, migrations, openStore } from './sqlite.js';
import { storeSuite } from './suite.js';

const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeSuite('sqlite', async () => openStore(path.join(dir, `s${++n}.db`)));

test('migrations are numbered and shipped beside the compiled store', () => {
  const ms = migrations();
  assert.ok(ms.length >= 1);
  assert.equal(ms[0].version, 1);
  const store = openStore(path.join(dir, 'm.db'));
  assert.equal(store.db.pragma('user_version', { simple: true }), ms[ms.length - 1].version);
  assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
  store.db.close();
  // Reopening applies nothing twice.
  openStore(path.join(dir, 'm.db')).db.close();
});

test('ftsQuery quotes every word so no input is FTS syntax', () => {
  assert.equal(ftsQuery('fire "boats" OR NEAR('), '"fire" "boats" "OR" "NEAR"*');
  assert.equal(ftsQuery(' -- '), undefined);
});

test('a store killed mid-ingest opens intact with every committed article', async () => {
  const file = path.join(dir, 'crash.db');
  const child = spawn(process.execPath, [fileURLToPath(new URL('./crash-child.js', import.meta.url)), file, '100000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const committed: string[] = [];
  let buf = '';
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve());
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      committed.push(...lines.filter(Boolean));
      if (committed.length >= 150 && !child.killed) child.kill('SIGKILL');
    });
  });
  assert.equal(child.signalCode, 'SIGKILL', 'the child was killed, not finished');
  const db = new Database(file);
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const have = new Set((db.prepare('SELECT id FROM documents').all() as { id: string }[]).map((r) => r.id));
    const missing = committed.filter((id) => !have.has(id));
    assert.deepEqual(missing, [], 'every article whose commit was reported is present');
    assert.ok(have.size >= committed.length);
    const fts = db.prepare(`SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH '"Quillon"'`).get() as { n: number };
    assert.equal(fts.n, have.size, 'the search index holds exactly the stored documents');
  } finally {
    db.close();
  }
});
