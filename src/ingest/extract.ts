import { cleanStage } from '../clean/stage.js';
import { isFatal, type Diagnostic } from '../core/diagnostics.js';
import { createDocument, type Document } from '../core/document.js';
import { runDocumentStage } from '../core/runner.js';
import { isUrl } from './fetch.js';
import { contentId, expandPaths, readInputs, type InputFailure, type ReadOptions } from './sources.js';

/** One extracted article: its clean text and what is known about it; missing fields are null. */
export interface ExtractedArticle {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  site: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
  wire: string[] | null;
  text: string;
  diagnostics: Diagnostic[];
}

/** Options for `extract`: reading options, a fallback date, and a callback per article (for streaming). */
export interface ExtractOptions extends ReadOptions {
  /** Reference date (YYYY-MM-DD) recorded for inputs that carry none. */
  published?: string;
  /** Called with each article as soon as it is cleaned, in input order. */
  onArticle?: (article: ExtractedArticle) => void;
  /** Keep every article in the result (default true); turn off when streaming through `onArticle`. */
  keepArticles?: boolean;
  /** Called with each input that could not be read. */
  onFailure?: (failure: InputFailure) => void;
}

/** What `extract` returns: the articles (clean text + meta) and the inputs that failed. */
export interface ExtractResult {
  articles: ExtractedArticle[];
  failures: InputFailure[];
}

function toArticle(doc: Document, source: string): ExtractedArticle {
  const m = doc.meta;
  return {
    id: doc.id,
    source,
    url: m.url ?? null,
    title: m.title ?? null,
    site: m.site ?? null,
    byline: m.byline ?? null,
    published: m.published ?? null,
    language: m.language ?? null,
    wire: m.wire?.length ? m.wire : null,
    text: doc.text,
    diagnostics: doc.diagnostics,
  };
}

/**
 * Reads inputs (paths, dirs, globs, URLs, feeds, `.gz`) and runs only ingest and the clean stage:
 * the article text and metadata, without analysis. Inputs are handled one at a time, so memory
 * stays bounded by the largest input, and each article is handed to `onArticle` when ready.
 */
export async function extract(paths: string[], opts: ExtractOptions = {}): Promise<ExtractResult> {
  const articles: ExtractedArticle[] = [];
  const failures: InputFailure[] = [];
  const used = new Map<string, number>();
  const ctx = { published: opts.published, timeZone: 'UTC', options: {} };
  // Expand folders and globs first, then read one file at a time so memory holds one input.
  const units: string[] = [];
  for (const input of paths) {
    if (isUrl(input)) {
      units.push(input);
      continue;
    }
    const { files, failures: missing } = await expandPaths([input]);
    for (const f of missing) {
      failures.push(f);
      opts.onFailure?.(f);
    }
    units.push(...files);
  }
  for (const input of new Set(units)) {
    const read = await readInputs([input], opts);
    for (const f of read.failures) {
      failures.push(f);
      opts.onFailure?.(f);
    }
    for (const r of read.records) {
      let id = contentId(r.raw);
      const n = (used.get(id) ?? 0) + 1;
      used.set(id, n);
      if (n > 1) id = `${id}-${n}`;
      const meta = { ...r.meta };
      if (!meta.published && opts.published) Object.assign(meta, { published: opts.published, publishedSource: 'option' });
      const doc = createDocument(id, r.raw, meta);
      doc.diagnostics.push(...r.diagnostics);
      if (!isFatal(doc.diagnostics)) runDocumentStage(cleanStage, doc, ctx);
      const article = toArticle(doc, r.source);
      if (opts.keepArticles !== false) articles.push(article);
      opts.onArticle?.(article);
    }
  }
  return { articles, failures };
}
