import { existsSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { expandPaths, readInputs } from '../ingest/sources.js';
import { openStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { createApp, isLoopbackName, type AppOptions } from './app.js';
import { slug, StoryService } from './stories.js';

/** Options for `triangulate serve`. */
export interface ServeOptions extends Omit<AppOptions, 'store'> {
  /** SQLite file (default ./triangulate.db). */
  db?: string;
  /** Or a store already open. */
  store?: Store;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Preload every folder under this directory as a story (the `--demo` examples). */
  demoDir?: string;
  log?: (line: string) => void;
}

/** A running server. */
export interface RunningServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return isLoopbackName(host) && (isIP(host.replace(/^\[|\]$/g, '')) !== 0 || host.toLowerCase() === 'localhost');
}

/** Loads each folder under `dir` as a story named after it (skipped when it is already stored). */
export async function loadDemo(store: Store, dir: string, log: (l: string) => void = () => {}): Promise<string[]> {
  if (!existsSync(dir)) {
    log(`no ${dir} folder: nothing to preload`);
    return [];
  }
  const service = new StoryService(store);
  const loaded: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).filter((x) => x.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const id = slug(e.name);
    if (await store.getStory(id)) {
      loaded.push(id);
      continue;
    }
    // A folder's README (or other notes) describes the example; it is not an article.
    const { files } = await expandPaths([path.join(dir, e.name)]);
    const inputs = await readInputs(files.filter((f) => !/^readme\b/i.test(path.basename(f))));
    if (!inputs.records.length) {
      log(`${e.name}: no articles, skipped`);
      continue;
    }
    const r = await service.save({ id, name: e.name }, inputs);
    log(`loaded ${e.name}: ${r.story.documents} documents`);
    loaded.push(id);
  }
  return loaded;
}

/** Starts the HTTP server; refuses a non-loopback address without a token. */
export async function startServer(o: ServeOptions = {}): Promise<RunningServer> {
  const host = o.host ?? '127.0.0.1';
  const log = o.log ?? (() => {});
  if (!isLoopback(host) && !o.token) {
    throw new Error(`refusing to listen on ${host} without a token: writes would be open to the network. Pass --token or set TRIANGULATE_TOKEN.`);
  }
  const store = o.store ?? openStore(o.db ?? 'triangulate.db');
  if (o.demoDir) await loadDemo(store, o.demoDir, log);
  const app = createApp({ ...o, store, loopbackOnly: o.loopbackOnly ?? isLoopback(host) });
  const server = serve({ fetch: app.fetch, hostname: host, port: o.port ?? 8787 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const addr = server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shown}:${addr.port}`,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }).then(() => (o.store ? undefined : store.close())),
  };
}
