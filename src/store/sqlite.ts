import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Document } from '../core/document.js';
import { contentId } from '../ingest/sources.js';
import { summarize } from './summary.js';
import type { Page, SearchHit, Store, StoredDocument, StoredInput, StoryInput, StorySummary } from './types.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The numbered SQL migrations shipped with the package, in order. */
export function migrations(dir = MIGRATIONS_DIR): { version: number; name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.split('_')[0]), name: f, sql: readFileSync(`${dir}/${f}`, 'utf8') }));
}

/** Applies the migrations newer than the database's `user_version`, each in its own transaction. */
export function migrate(db: Database.Database, dir?: string): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let applied = 0;
  for (const m of migrations(dir)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied++;
  }
  return applied;
}

/**
 * Turns a reader's query into an FTS5 query: each word is quoted (so operators and stray quotes
 * cannot break the syntax) and all must match; the last word also matches as a prefix.
 */
export function ftsQuery(q: string): string | undefined {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return undefined;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

const now = () => new Date().toISOString();
const clamp = (n: number | undefined, dflt: number, max: number) => Math.max(0, Math.min(max, Math.floor(n ?? dflt)));

interface DocRow {
  id: string;
  status: 'ok' | 'failed';
  meta: string;
  text: string;
  offsets: string;
  records: string;
  diagnostics: string;
  created_at: string;
}

/** The SQLite store (better-sqlite3, WAL): one file, safe against a killed process. */
export class SqliteStore implements Store {
  readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses no committed transaction when the process dies, only on power loss.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  private insertDocs(docs: Document[], stages: string[]): { id: string; created: boolean }[] {
    const insert = this.db.prepare(
      `INSERT INTO documents (id, title, site, url, published, status, raw, text, meta, offsets, records, diagnostics, created_at)
       VALUES (@id, @title, @site, @url, @published, @status, @raw, @text, @meta, @offsets, @records, @diagnostics, @created_at)
       ON CONFLICT(id) DO NOTHING`,
    );
    // Re-analysis with newer stages refreshes what was computed, never the input.
    const refresh = this.db.prepare(
      `UPDATE documents SET status = @status, meta = @meta, offsets = @offsets, records = @records, diagnostics = @diagnostics WHERE id = @id`,
    );
    const dropLayers = this.db.prepare('DELETE FROM layers WHERE document_id = ?');
    const putLayer = this.db.prepare('INSERT INTO layers (document_id, name, stages, spans) VALUES (?, ?, ?, ?)');
    const stagesJson = JSON.stringify(stages);
    return docs.map((d) => {
      const id = contentId(d.raw);
      const status = d.diagnostics.some((x) => x.severity === 'fatal') ? 'failed' : 'ok';
      const row = {
        id,
        title: d.meta.title ?? null,
        site: d.meta.site ?? null,
        url: d.meta.url ?? null,
        published: d.meta.published ?? null,
        status,
        raw: d.raw,
        text: d.text,
        meta: JSON.stringify(d.meta),
        offsets: JSON.stringify(d.offsets),
        records: JSON.stringify(d.records),
        diagnostics: JSON.stringify(d.diagnostics),
        created_at: now(),
      };
      const created = insert.run(row).changes === 1;
      if (!created) refresh.run(row);
      dropLayers.run(id);
      for (const [name, spans] of Object.entries(d.layers)) putLayer.run(id, name, stagesJson, JSON.stringify(spans));
      return { id, created };
    });
  }

  async putDocuments(docs: Document[], stages: string[]) {
    return this.db.transaction(() => this.insertDocs(docs, stages))();
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const row = this.db.prepare('SELECT id, status, meta, text, offsets, records, diagnostics, created_at FROM documents WHERE id = ?').get(id) as DocRow | undefined;
    if (!row) return undefined;
    const layers: StoredDocument['layers'] = {};
    const layerStages: StoredDocument['layerStages'] = {};
    for (const l of this.db.prepare('SELECT name, stages, spans FROM layers WHERE document_id = ? ORDER BY name').all(id) as { name: string; stages: string; spans: string }[]) {
      layers[l.name] = JSON.parse(l.spans);
      layerStages[l.name] = JSON.parse(l.stages);
    }
    return {
      id: row.id,
      status: row.status,
      meta: JSON.parse(row.meta),
      text: row.text,
      offsets: JSON.parse(row.offsets),
      layers,
      layerStages,
      records: JSON.parse(row.records),
      diagnostics: JSON.parse(row.diagnostics),
      stories: this.storiesOf(id),
      createdAt: row.created_at,
    };
  }

  private storiesOf(documentId: string): { id: string; name: string }[] {
    return this.db
      .prepare('SELECT s.id, s.name FROM story_documents sd JOIN stories s ON s.id = sd.story_id WHERE sd.document_id = ? ORDER BY s.name')
      .all(documentId) as { id: string; name: string }[];
  }

  async saveStory(input: StoryInput): Promise<StorySummary> {
    return this.db.transaction(() => {
      const ids = this.insertDocs(input.documents, input.report.stages);
      const existing = this.db.prepare('SELECT created_at FROM stories WHERE id = ?').get(input.id) as { created_at: string } | undefined;
      const times = { createdAt: existing?.created_at ?? now(), updatedAt: now() };
      const summary = summarize(input.id, input.name, input.report, times);
      this.db
        .prepare(
          `INSERT INTO stories (id, name, stages, summary, report, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET name = excluded.name, stages = excluded.stages, summary = excluded.summary,
             report = excluded.report, updated_at = excluded.updated_at`,
        )
        .run(input.id, input.name, JSON.stringify(input.report.stages), JSON.stringify(summary), JSON.stringify(input.report), times.createdAt, times.updatedAt);
      this.db.prepare('DELETE FROM story_documents WHERE story_id = ?').run(input.id);
      const link = this.db.prepare('INSERT OR IGNORE INTO story_documents (story_id, document_id, position) VALUES (?, ?, ?)');
      ids.forEach((d, i) => link.run(input.id, d.id, i));
      return summary;
    })();
  }

  async getStory(id: string): Promise<StorySummary | undefined> {
    const row = this.db.prepare('SELECT summary FROM stories WHERE id = ?').get(id) as { summary: string } | undefined;
    return row ? JSON.parse(row.summary) : undefined;
  }

  async getStoryReport(id: string): Promise<Uint8Array | undefined> {
    // As a BLOB the bytes go to the socket without a decode to a JS string and an encode back.
    const row = this.db.prepare('SELECT CAST(report AS BLOB) AS report FROM stories WHERE id = ?').get(id) as { report: Buffer } | undefined;
    return row?.report;
  }

  async getStoryInputs(id: string): Promise<StoredInput[]> {
    const rows = this.db
      .prepare('SELECT d.id, d.raw, d.meta FROM story_documents sd JOIN documents d ON d.id = sd.document_id WHERE sd.story_id = ? ORDER BY sd.position')
      .all(id) as { id: string; raw: string; meta: string }[];
    return rows.map((r) => ({ id: r.id, raw: r.raw, meta: JSON.parse(r.meta) }));
  }

  async listStories(opts: { q?: string; limit?: number; offset?: number } = {}): Promise<Page<StorySummary>> {
    const limit = clamp(opts.limit, 50, 500);
    const offset = clamp(opts.offset, 0, Number.MAX_SAFE_INTEGER);
    const q = opts.q?.trim();
    let where = '';
    const params: unknown[] = [];
    if (q) {
      const fts = ftsQuery(q);
      where = `WHERE s.name LIKE ? ESCAPE '\\'`;
      params.push(`%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
      if (fts) {
        where += ` OR s.id IN (SELECT sd.story_id FROM story_documents sd JOIN documents d ON d.id = sd.document_id
                   WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))`;
        params.push(fts);
      }
    }
    const total = (this.db.prepare(`SELECT count(*) AS n FROM stories s ${where}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT s.summary FROM stories s ${where} ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?`).all(...params, limit, offset) as { summary: string }[];
    return { total, items: rows.map((r) => JSON.parse(r.summary)) };
  }

  async search(q: string, opts: { limit?: number; offset?: number; story?: string } = {}): Promise<Page<SearchHit>> {
    const fts = ftsQuery(q);
    if (!fts) return { total: 0, items: [] };
    const limit = clamp(opts.limit, 20, 200);
    const offset = clamp(opts.offset, 0, Number.MAX_SAFE_INTEGER);
    const scope = opts.story ? 'AND rowid IN (SELECT d.rowid FROM story_documents sd JOIN documents d ON d.id = sd.document_id WHERE sd.story_id = ?)' : '';
    const scopeParams = opts.story ? [opts.story] : [];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ? ${scope}`).get(fts, ...scopeParams) as { n: number }).n;
    // Rank first, then make snippets for the page only: SQLite would otherwise build one per match.
    const rows = this.db
      .prepare(
        `WITH top AS (SELECT rowid AS rid, bm25(documents_fts, 5.0, 1.0) AS score FROM documents_fts
                      WHERE documents_fts MATCH ? ${scope} ORDER BY score, rowid LIMIT ? OFFSET ?)
         SELECT d.id, d.title, d.site, d.published, CASE WHEN d.title IS NULL THEN substr(d.text, 1, 100) END AS excerpt, snippet(documents_fts, 1, char(2), char(3), '…', 24) AS snippet
         FROM top JOIN documents_fts f ON f.rowid = top.rid JOIN documents d ON d.rowid = top.rid
         WHERE documents_fts MATCH ? ORDER BY top.score, top.rid`,
      )
      .all(fts, ...scopeParams, limit, offset, fts) as { id: string; title: string | null; site: string | null; published: string | null; excerpt: string | null; snippet: string }[];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        ...(r.title ? { title: r.title } : {}),
        ...(r.site ? { site: r.site } : {}),
        ...(r.published ? { published: r.published } : {}),
        snippet: r.snippet,
        ...(r.excerpt ? { excerpt: r.excerpt.trimStart().split('\n', 1)[0] } : {}),
        stories: this.storiesOf(r.id),
      })),
    };
  }

  async deleteStory(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM stories WHERE id = ?').run(id).changes === 1;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating and migrating when needed) a SQLite store at `file` (`:memory:` for a throwaway one). */
export function openStore(file: string): Store & { db: Database.Database } {
  return new SqliteStore(file);
}
