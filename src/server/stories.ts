import { analyzeDocuments, toDocuments } from '../analyze.js';
import type { Document } from '../core/document.js';
import { contentId, readBytes, recordFromObject, type InputFailure, type InputRecord } from '../ingest/sources.js';
import type { Report } from '../report/report.js';
import type { Store, StorySummary } from '../store/types.js';
import { ApiError } from './errors.js';
import type { z } from 'zod';
import type { Article } from './schemas.js';

/** What the server can fetch; wired to the ingest fetchers once they exist (src/ingest/fetch.ts, feed.ts). */
export interface Fetchers {
  /** Fetches one article page. Must refuse private targets unless `allowPrivate`. */
  fetchUrl?: (url: string, opts: { allowPrivate: boolean }) => Promise<{ records: InputRecord[]; failures: InputFailure[] }>;
  /** Fetches a feed and the articles it lists. Same rule on private targets. */
  fetchFeed?: (url: string, opts: { allowPrivate: boolean }) => Promise<{ records: InputRecord[]; failures: InputFailure[] }>;
}

/** Records plus inputs that could not be read, as every ingest path returns them. */
export interface Inputs {
  records: InputRecord[];
  failures: InputFailure[];
}

const notYet = (what: string) =>
  new ApiError(501, 'not_implemented', `${what} ingestion is not available in this build yet; send the article itself as "text" or "html" (JSON), JSON Lines, HTML or plain text.`);

/** Turns validated JSON articles (and an optional feed URL) into input records. */
export async function articlesToInputs(articles: z.infer<typeof Article>[], feed: string | undefined, fetchers: Fetchers, allowPrivate: boolean): Promise<Inputs> {
  const out: Inputs = { records: [], failures: [] };
  for (const [i, a] of articles.entries()) {
    const source = `request#${i + 1}`;
    if (!a.text && !a.html) {
      if (!fetchers.fetchUrl) throw notYet('URL');
      const got = await fetchers.fetchUrl(a.url!, { allowPrivate });
      out.records.push(...got.records);
      out.failures.push(...got.failures);
      continue;
    }
    const r = recordFromObject(source, a, 'utf-8', []);
    if ('raw' in r) out.records.push(r);
    else out.failures.push(r);
  }
  if (feed) {
    if (!fetchers.fetchFeed) throw notYet('Feed');
    const got = await fetchers.fetchFeed(feed, { allowPrivate });
    out.records.push(...got.records);
    out.failures.push(...got.failures);
  }
  return out;
}

/** Media types accepted for a raw upload, and the file name that tells ingest its format. */
const UPLOADS: Record<string, string> = {
  'application/x-ndjson': 'upload.jsonl',
  'application/jsonl': 'upload.jsonl',
  'application/jsonlines': 'upload.jsonl',
  'application/x-jsonlines': 'upload.jsonl',
  'text/html': 'upload.html',
  'text/plain': 'upload.txt',
};

/** The media types a raw upload may have. */
export const UPLOAD_TYPES = Object.keys(UPLOADS);

/** Reads a raw upload (JSON Lines, one HTML page, one plain-text article) into records. */
export function uploadToInputs(mediaType: string, bytes: Uint8Array, maxBytes: number): Inputs {
  const name = UPLOADS[mediaType];
  if (!name) throw new ApiError(415, 'unsupported_media_type', `Send application/json, or one of ${UPLOAD_TYPES.join(', ')}.`);
  return readBytes(name, bytes, { maxBytes });
}

/** Makes a story id from its name: lower-case words joined by dashes. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || 'story';
}

/**
 * Analyzes stories and saves them. Writes are serialized: adding documents re-analyzes the whole
 * story (corpus stages compare every document), so two writers must not interleave.
 */
export class StoryService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly store: Store) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A free id for a new story named `name`. */
  private async freeId(name: string): Promise<string> {
    const base = slug(name);
    for (let i = 1; ; i++) {
      const id = i === 1 ? base : `${base}-${i}`;
      if (!(await this.store.getStory(id))) return id;
    }
  }

  /** Creates a story, or adds to it when `id` exists; returns its summary and unreadable inputs. */
  save(opts: { id?: string; name?: string; published?: string; createOnly?: boolean }, inputs: Inputs): Promise<{ story: StorySummary; added: number; failures: InputFailure[]; created: boolean }> {
    return this.serial(async () => {
      const existing = opts.id ? await this.store.getStory(opts.id) : undefined;
      if (existing && opts.createOnly) throw new ApiError(409, 'conflict', `A story with id "${opts.id}" exists; add documents with POST /api/stories/${opts.id}/documents.`);
      const id = opts.id ?? (await this.freeId(opts.name ?? 'story'));
      const bytes = existing ? await this.store.getStoryReport(id) : undefined;
      const old = bytes ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as Report) : undefined;
      const published = opts.published ?? old?.options.published;
      const records: InputRecord[] = [];
      const seen = new Set<string>();
      if (existing) {
        for (const s of await this.store.getStoryInputs(id)) {
          const meta = { ...s.meta };
          if (meta.publishedSource === 'option') delete meta.published;
          records.push({ source: meta.sourcePath ?? s.id, format: meta.format ?? 'text', raw: s.raw, meta, diagnostics: [] });
          seen.add(s.id);
        }
      }
      const before = records.length;
      // The same content twice is one document (content-hash identity), in a story as in the store.
      for (const r of inputs.records) {
        const cid = contentId(r.raw);
        if (seen.has(cid)) continue;
        seen.add(cid);
        records.push(r);
      }
      const failures = [...(old?.failures ?? []), ...inputs.failures];
      const result = analyzeDocuments(toDocuments(records, { published }), failures, { published });
      const story = await this.store.saveStory({ id, name: opts.name ?? existing?.name ?? id, report: result.report, documents: result.documents });
      return { story, added: records.length - before, failures: inputs.failures, created: !existing };
    });
  }
}

/** The opening of a text, cut at a word, to name a document that has no title. */
export function excerpt(text: string, max = 80): string {
  const line = text.trimStart().split('\n', 1)[0];
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : max) + '…';
}

/** The documents of a report as a story page lists them (no text or layers). */
export function documentRows(docs: Report['documents']) {
  return docs.map((d) => ({
    id: d.id,
    status: d.status,
    source: d.source,
    ...(d.meta.title ? { title: d.meta.title } : {}),
    ...(d.meta.site ? { site: d.meta.site } : {}),
    ...(d.meta.url ? { url: d.meta.url } : {}),
    ...(d.meta.published ? { published: d.meta.published, publishedSource: d.meta.publishedSource } : {}),
    excerpt: excerpt(d.text),
    characters: d.text.length,
    layers: Object.fromEntries(Object.entries(d.layers).map(([k, v]) => [k, v.length])),
    diagnostics: d.diagnostics.length,
    // The source profile (genre, reasons, counts) so the story page can badge each document.
    ...(Array.isArray(d.records?.profile) && d.records.profile[0] ? { profile: d.records.profile[0] } : {}),
  }));
}

/** Spans of one layer across a story's documents, each with its document id. */
export function spansAcross(docs: Report['documents'], layer: string): Record<string, unknown>[] {
  return docs.flatMap((d: Document | Report['documents'][number]) => (d.layers[layer] ?? []).map((s) => ({ document: d.id, ...s })));
}
