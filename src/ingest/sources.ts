import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { glob } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import { TriangulateError } from '../core/errors.js';
import type { DocumentMeta, InputFormat } from '../core/document.js';
import { decodeBytes, sniffHtmlCharset } from './decode.js';
import { looksLikeFeed, parseFeed } from './feed.js';
import { fetchUrl, isUrl, type FetchOptions } from './fetch.js';
import { binaryKind, looksLikeHtml } from './sniff.js';

/** One article read from an input, decoded, not yet cleaned. */
export interface InputRecord {
  /** Where it came from: a path, or `path#N` for the Nth record of a JSON Lines file. */
  source: string;
  format: InputFormat;
  raw: string;
  meta: DocumentMeta;
  diagnostics: Diagnostic[];
}

/** An input that could not be read at all: it names the input and the reason. */
export interface InputFailure {
  source: string;
  code: string;
  message: string;
}

/** Options for reading inputs. */
export interface ReadOptions {
  /** Largest input accepted, in bytes (after gunzip); also caps a fetched body. */
  maxBytes?: number;
  /** Fetch from private, loopback and link-local addresses (`--allow-private`); off by default. */
  allowPrivate?: boolean;
  /** Host names exempt from the private-address check. */
  allowHosts?: string[];
  /** Time allowed for fetching one URL, redirects included (default 20 000 ms). */
  fetchTimeoutMs?: number;
  /** Redirects followed per URL (default 5). */
  maxRedirects?: number;
  /** For feed items that carry only a summary, fetch the item's link (`--fetch-items`). */
  fetchItems?: boolean;
  /** User-Agent for fetches (default names Triangulate). */
  userAgent?: string;
}

/** What reading produced: articles, unreadable inputs, and feed items that carry only a summary. */
export interface ReadResult {
  records: InputRecord[];
  failures: InputFailure[];
  /** Feed items with a summary and a link (a subset of `records`), for `fetchItems`. */
  summaryOnly?: InputRecord[];
}

/** Default cap on one input: far above any real article, far below what exhausts memory. */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

const TEXT_EXT = ['.txt', '.text', '.md'];
const HTML_EXT = ['.html', '.htm', '.xhtml'];
const JSON_EXT = ['.json', '.jsonl', '.ndjson'];
const FEED_EXT = ['.rss', '.atom', '.xml'];
const KNOWN = [...TEXT_EXT, ...HTML_EXT, ...JSON_EXT, ...FEED_EXT];

/** The extension that decides the format, looking through a trailing `.gz`. */
function innerExt(file: string): { ext: string; gz: boolean } {
  const lower = file.toLowerCase();
  const gz = lower.endsWith('.gz');
  const base = gz ? lower.slice(0, -3) : lower;
  return { ext: path.extname(base), gz };
}

/** True for file names ingest reads when walking a directory. */
export function isKnownInput(file: string): boolean {
  return KNOWN.includes(innerExt(file).ext);
}

/** Expands files, directories (recursively) and glob patterns into a sorted list of files. */
export async function expandPaths(inputs: string[]): Promise<{ files: string[]; failures: InputFailure[] }> {
  const files: string[] = [];
  const failures: InputFailure[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (err) {
      if (/[*?[\]{}]/.test(input)) {
        const matched = (await glob(input, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
        if (matched.length) files.push(...matched);
        else failures.push({ source: input, code: 'input/no-match', message: 'the pattern matches no file' });
        continue;
      }
      const code = (err as NodeJS.ErrnoException).code;
      failures.push({
        source: input,
        code: 'input/missing',
        message: code === 'ENOENT' ? 'no such file or directory' : `cannot read it (${code ?? (err as Error).message})`,
      });
      continue;
    }
    if (stat.isDirectory()) {
      const found = await walk(input);
      if (!found.length) failures.push({ source: input, code: 'input/empty-dir', message: `the directory holds no ${KNOWN.join(' ')} file (or .gz of one)` });
      files.push(...found);
    } else files.push(input);
  }
  return { files: [...new Set(files)], failures };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && isKnownInput(e.name)) out.push(p);
  }
  return out;
}

/** Reads one file into article records, or a failure that names it and the reason. Never throws. */
export async function readFile(file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const fail = (code: string, message: string) => ({ records: [], failures: [{ source: file, code, message }] });
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return fail('input/not-file', 'not a regular file');
    if (stat.size > maxBytes) return fail('input/too-large', `${mb(stat.size)} is over the ${mb(maxBytes)} limit for one input (raise it with --max-bytes)`);
    bytes = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail('input/unreadable', code === 'ENOENT' ? 'no such file or directory' : `cannot read it (${code ?? (err as Error).message})`);
  }
  return readBytes(file, bytes, opts);
}

/** Reads article records from bytes already in memory (a file, an upload, a fetched page). */
export function readBytes(
  source: string,
  bytes: Uint8Array,
  opts: ReadOptions & { format?: InputFormat | 'feed'; charset?: string; meta?: DocumentMeta } = {},
): ReadResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const fail = (code: string, message: string) => ({ records: [], failures: [{ source, code, message }] });
  const { ext, gz } = innerExt(source);
  // The gzip magic decides, not the name: a fetched `.gz` URL may arrive already unpacked.
  if ((bytes[0] === 0x1f && bytes[1] === 0x8b) || (gz && bytes.length < 2)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (err) {
      const msg = (err as Error).message;
      return fail(
        'input/gzip',
        /Cannot create a Buffer larger|maxOutputLength|buffer length/i.test(msg)
          ? `decompresses to more than the ${mb(maxBytes)} limit for one input`
          : `not valid gzip data (${msg})`,
      );
    }
  }
  if (bytes.length === 0) return fail('input/empty', 'the file is empty');
  if (bytes.length > maxBytes) return fail('input/too-large', `${mb(bytes.length)} is over the ${mb(maxBytes)} limit for one input`);
  const kind = binaryKind(bytes);
  if (kind) return fail('input/binary', `${kind}, not a text, HTML or JSON article`);

  let format: InputFormat | 'jsonl' | 'feed' =
    opts.format ??
    (HTML_EXT.includes(ext) ? 'html' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : ext === '.json' ? 'json' : FEED_EXT.includes(ext) ? 'feed' : 'text');
  const decoded = decodeBytes(bytes, opts.charset ?? (format === 'html' || !TEXT_EXT.includes(ext) ? sniffHtmlCharset(bytes) : undefined));
  const diags: Diagnostic[] = [];
  if (decoded.problem) diags.push(diagnostic('error', 'input/charset', 'ingest', `${decoded.problem}.`, { expected: 'UTF-8 text, or a declared charset' }));
  const text = decoded.text;
  if (!text.trim()) return fail('input/empty', 'the file holds only whitespace');
  if (format === 'text' && !TEXT_EXT.includes(ext) && looksLikeFeed(text)) format = 'feed';
  if (format === 'text' && !TEXT_EXT.includes(ext) && looksLikeHtml(text)) format = 'html';
  if (format === 'json' || format === 'jsonl') return readJson(source, text, format, decoded.charset, diags);
  if (format === 'feed') {
    let feed;
    try {
      feed = parseFeed(source, text, decoded.charset);
    } catch (err) {
      // Pathological XML (nesting deep enough to exhaust the stack) fails this input only.
      return fail('feed/unreadable', `the feed could not be read (${(err as Error).message})`);
    }
    for (const it of feed.items) it.record.diagnostics.unshift(...diags);
    return { records: feed.items.map((x) => x.record), failures: feed.failures, summaryOnly: feed.items.filter((x) => x.summaryOnly).map((x) => x.record) };
  }
  return {
    records: [{ source, format, raw: text, meta: { ...opts.meta, sourcePath: source, format, charset: decoded.charset }, diagnostics: diags }],
    failures: [],
  };
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Turns one JSON object into a record; fields: url, title, published, text or html (and aliases). */
export function recordFromObject(source: string, obj: unknown, charset: string, diags: Diagnostic[]): InputRecord | InputFailure {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { source, code: 'input/json-shape', message: 'expected a JSON object with a "text" or "html" field' };
  const o = obj as Record<string, unknown>;
  const html = str(o.html) ?? str(o.content_html);
  const text = str(o.text) ?? str(o.body) ?? str(o.content) ?? str(o.articleBody);
  if (!html && !text) return { source, code: 'input/json-no-text', message: 'the object has no non-empty "text" or "html" field' };
  const author = Array.isArray(o.authors) ? o.authors.filter((a) => typeof a === 'string').join(', ') : undefined;
  const meta: DocumentMeta = {
    sourcePath: source,
    format: html ? 'html' : 'text',
    charset,
    url: str(o.url) ?? str(o.link),
    title: str(o.title) ?? str(o.headline),
    published: str(o.published) ?? str(o.date) ?? str(o.datePublished) ?? str(o.publish_date),
    byline: str(o.byline) ?? str(o.author) ?? str(author),
    site: str(o.site) ?? str(o.source) ?? str(o.outlet),
    language: str(o.language) ?? str(o.lang),
  };
  for (const k of Object.keys(meta) as (keyof DocumentMeta)[]) if (meta[k] === undefined) delete meta[k];
  if (meta.published) meta.publishedSource = 'input';
  return { source, format: html ? 'html' : 'text', raw: (html ?? text)!, meta, diagnostics: diags.slice() };
}

function readJson(source: string, text: string, format: 'json' | 'jsonl', charset: string, diags: Diagnostic[]) {
  const records: InputRecord[] = [];
  const failures: InputFailure[] = [];
  const push = (src: string, obj: unknown) => {
    const r = recordFromObject(src, obj, charset, diags);
    if ('raw' in r) records.push(r);
    else failures.push(r);
  };
  const trimmed = text.trimStart();
  if (format === 'json' && (trimmed.startsWith('[') || trimmed.startsWith('{'))) {
    try {
      const data = JSON.parse(text) as unknown;
      if (Array.isArray(data)) data.forEach((o, i) => push(`${source}#${i + 1}`, o));
      else push(source, data);
      return { records, failures };
    } catch (err) {
      // A .json file may really be JSON Lines; fall through and read it line by line.
      if (!trimmed.startsWith('{') || !/\}\s*\n\s*\{/.test(text)) {
        return { records, failures: [{ source, code: 'input/json', message: `not valid JSON (${(err as Error).message})` }] };
      }
    }
  }
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const src = `${source}#${i + 1}`;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (err) {
      failures.push({ source: `${source}:${i + 1}`, code: 'input/jsonl-line', message: `line ${i + 1} is not valid JSON (${(err as Error).message})` });
      return;
    }
    push(src, obj);
  });
  if (!records.length && !failures.length) failures.push({ source, code: 'input/empty', message: 'no JSON records in the file' });
  return { records, failures };
}

/** A short content hash: the identity of an article's decoded input. */
export function contentId(raw: string): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 12);
}

function fetchOptions(opts: ReadOptions): FetchOptions {
  return {
    allowPrivate: opts.allowPrivate,
    allowHosts: opts.allowHosts,
    timeoutMs: opts.fetchTimeoutMs,
    maxBytes: opts.maxBytes,
    maxRedirects: opts.maxRedirects,
    userAgent: opts.userAgent,
  };
}

/** Fetches a URL (a page, a text, a JSON file or a feed) into article records; never throws. */
export async function readUrl(url: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const got = await fetchUrl(url, fetchOptions(opts));
  if (!got.ok) return { records: [], failures: [got.failure] };
  const { page } = got;
  const r = readBytes(url, page.bytes, { ...opts, format: page.kind === 'json' ? 'json' : page.kind, charset: page.charset });
  for (const rec of r.records) if (!rec.meta.url) rec.meta.url = page.url;
  return r;
}

/** Replaces summary-only feed items by their fetched pages, keeping the feed's title, date and author. */
async function fetchFeedItems(r: ReadResult, opts: ReadOptions): Promise<void> {
  for (const item of r.summaryOnly ?? []) {
    const url = item.meta.url;
    if (!url) continue;
    const got = await readUrl(url, opts);
    const page = got.records.length === 1 ? got.records[0] : undefined;
    if (!page) {
      const why = got.failures[0]?.message ?? `the page holds ${got.records.length} articles`;
      item.diagnostics.push(diagnostic('warning', 'input/item-fetch', 'ingest', `Kept the feed summary: fetching ${url} failed (${why}).`));
      continue;
    }
    // The feed's title, date and author stay; its format and charset were the summary's.
    const { sourcePath, format: _f, charset: _c, ...fromFeed } = item.meta;
    item.format = page.format;
    item.raw = page.raw;
    item.meta = { ...page.meta, ...fromFeed, sourcePath: sourcePath ?? item.source, url: page.meta.url ?? url };
    item.diagnostics.push(...page.diagnostics);
  }
}

/** Checks reading options once; a bad value is API misuse, thrown with the valid range. */
export function checkReadOptions(opts: ReadOptions): void {
  const positive = (name: keyof ReadOptions, v: unknown) => {
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw new TriangulateError('E_OPTION', `${name} must be a positive number, got ${JSON.stringify(v)}.`);
    }
  };
  positive('maxBytes', opts.maxBytes);
  positive('fetchTimeoutMs', opts.fetchTimeoutMs);
  if (opts.maxRedirects !== undefined && !(Number.isInteger(opts.maxRedirects) && opts.maxRedirects >= 0)) {
    throw new TriangulateError('E_OPTION', `maxRedirects must be a whole number from 0 up, got ${JSON.stringify(opts.maxRedirects)}.`);
  }
  if (opts.allowHosts !== undefined && !(Array.isArray(opts.allowHosts) && opts.allowHosts.every((h) => typeof h === 'string'))) {
    throw new TriangulateError('E_OPTION', 'allowHosts must be an array of host names.');
  }
}

/** Reads every input (files, directories, globs, http(s) URLs, feeds) into records and failures, in input order. */
export async function readInputs(inputs: string[], opts: ReadOptions = {}): Promise<{ records: InputRecord[]; failures: InputFailure[] }> {
  checkReadOptions(opts);
  const records: InputRecord[] = [];
  const failures: InputFailure[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const parts: ReadResult[] = [];
    if (isUrl(input)) parts.push(await readUrl(input, opts));
    else {
      const expanded = await expandPaths([input]);
      failures.push(...expanded.failures);
      for (const f of expanded.files) {
        // A file named twice (directly and through its folder) is read once.
        if (seen.has(path.resolve(f))) continue;
        seen.add(path.resolve(f));
        parts.push(await readFile(f, opts));
      }
    }
    for (const r of parts) {
      if (opts.fetchItems) await fetchFeedItems(r, opts);
      records.push(...r.records);
      failures.push(...r.failures);
    }
  }
  return { records, failures };
}
