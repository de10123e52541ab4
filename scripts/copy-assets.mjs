#!/usr/bin/env node
// Copies the non-TypeScript assets tsc does not emit (SQL migrations) into dist/.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';

const pairs = [['src/store/migrations', 'dist/store/migrations']];
for (const [from, to] of pairs) {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) if (f.endsWith('.sql')) cpSync(`${from}/${f}`, `${to}/${f}`);
}
