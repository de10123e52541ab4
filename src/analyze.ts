import { createRequire } from 'node:module';
import { diagnostic, isFatal } from './core/diagnostics.js';
import { createDocument, type Document } from './core/document.js';
import { TriangulateError } from './core/errors.js';
import { toRaw } from './core/offsets.js';
import { runCorpus, runDocument, type Pipeline } from './core/runner.js';
import type { StageContext } from './core/stage.js';
import { contentId, readInputs, type InputFailure, type InputRecord, type ReadOptions } from './ingest/sources.js';
import { defaultPipeline, getStage } from './pipeline.js';
import { buildPipeline } from './core/runner.js';
import { REPORT_SCHEMA, type Report, type ReportDocument } from './report/report.js';

const require = createRequire(import.meta.url);
/** The package version, recorded in every report. */
export const VERSION: string = (require('../package.json') as { version: string }).version;

/** Options for `analyze` and `annotate`. */
export interface AnalyzeOptions extends ReadOptions {
  /** Reference date (YYYY-MM-DD) for inputs that carry none. */
  published?: string;
  /** IANA time zone for dates without one (default UTC). */
  timeZone?: string;
  /** Stage names (`name` or `name@version`) to run instead of the default pipeline. */
  stages?: string[];
  /** Keep each document's decoded input in the report. */
  includeRaw?: boolean;
  /** Per-stage options. */
  stageOptions?: Record<string, unknown>;
  /** Called after each document is analyzed (for progress bars). */
  onProgress?: (done: number, total: number, doc: Document) => void;
}

/** Everything `analyze` produces: the report, the full Documents (with raw) and unread inputs. */
export interface AnalyzeResult {
  report: Report;
  documents: Document[];
  failures: InputFailure[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks options once, with messages that name the valid choices. */
function checkOptions(o: AnalyzeOptions): void {
  if (o.published !== undefined && (!DATE.test(o.published) || Number.isNaN(Date.parse(o.published)))) {
    throw new TriangulateError('E_OPTION', `published must be a date as YYYY-MM-DD, got "${o.published}".`);
  }
  if (o.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: o.timeZone });
    } catch {
      throw new TriangulateError('E_OPTION', `timeZone must be an IANA zone such as "UTC" or "Europe/Kyiv", got "${o.timeZone}".`);
    }
  }
  if (o.maxBytes !== undefined && !(Number.isFinite(o.maxBytes) && o.maxBytes > 0)) {
    throw new TriangulateError('E_OPTION', `maxBytes must be a positive number of bytes, got ${o.maxBytes}.`);
  }
}

function pipelineFor(o: AnalyzeOptions): Pipeline {
  return o.stages ? buildPipeline(o.stages.map(getStage)) : defaultPipeline();
}

/** Turns input records into Documents with stable content-hash ids (unique within the batch). */
export function toDocuments(records: InputRecord[], o: AnalyzeOptions = {}): Document[] {
  const used = new Map<string, number>();
  return records.map((r) => {
    let id = contentId(r.raw);
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    if (n > 1) id = `${id}-${n}`;
    const meta = { ...r.meta };
    if (!meta.published && o.published) {
      meta.published = o.published;
      meta.publishedSource = 'option';
    }
    const doc = createDocument(id, r.raw, meta);
    doc.diagnostics.push(...r.diagnostics);
    return doc;
  });
}

function contextFor(o: AnalyzeOptions): StageContext {
  return { published: o.published, timeZone: o.timeZone ?? 'UTC', options: o.stageOptions ?? {} };
}

/** Runs the pipeline over Documents already built: per-document stages, the barrier, corpus stages. */
export function analyzeDocuments(docs: Document[], failures: InputFailure[] = [], options: AnalyzeOptions = {}): AnalyzeResult {
  checkOptions(options);
  const pipeline = pipelineFor(options);
  const ctx = contextFor(options);
  docs.forEach((doc, i) => {
    // Per-document stages are isolated: a throw is a fatal diagnostic on that document alone.
    try {
      runDocument(pipeline, doc, ctx);
    } catch (err) {
      if (err instanceof TriangulateError) throw err;
      doc.diagnostics.push(diagnostic('fatal', 'stage/threw', 'runner', `Analysis failed: ${(err as Error).message}`));
    }
    options.onProgress?.(i + 1, docs.length, doc);
  });
  // Barrier: every document is done or failed before cross-document work starts.
  const corpus = runCorpus(pipeline, docs, ctx);
  const reportDocs: ReportDocument[] = docs.map((d) => {
    const { raw, ...rest } = d;
    return { ...rest, ...(options.includeRaw ? { raw } : {}), source: d.meta.sourcePath ?? d.id, status: isFatal(d.diagnostics) ? 'failed' : 'ok' };
  });
  const failedDocuments = reportDocs.filter((d) => d.status === 'failed').length;
  const report: Report = {
    schema: REPORT_SCHEMA,
    generator: { name: 'triangulate', version: VERSION },
    stages: pipeline.versions,
    options: { ...(options.published ? { published: options.published } : {}), timeZone: ctx.timeZone },
    summary: {
      inputs: docs.length + failures.length,
      documents: docs.length,
      analyzed: docs.length - failedDocuments,
      failedDocuments,
      failedInputs: failures.length,
    },
    documents: reportDocs,
    corpus: corpus.sections,
    failures,
    diagnostics: corpus.diagnostics,
  };
  return { report, documents: docs, failures };
}

/** Reads files, directories, globs (and JSON Lines records) and analyzes them as one story set. */
export async function analyze(paths: string[], options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  checkOptions(options);
  if (!Array.isArray(paths)) throw new TriangulateError('E_OPTION', 'analyze expects an array of paths.');
  const { records, failures } = await readInputs(paths, options);
  return analyzeDocuments(toDocuments(records, options), failures, options);
}

/** Analyzes in-memory articles (`{text|html, url?, title?, published?}`) without touching the disk. */
export function analyzeRecords(records: InputRecord[], options: AnalyzeOptions = {}): AnalyzeResult {
  return analyzeDocuments(toDocuments(records, options), [], options);
}

/** One document's layers, with spans in clean-text positions or in positions of the decoded input. */
export interface Annotation {
  id: string;
  source: string;
  offsets: 'clean' | 'input';
  meta: Document['meta'];
  text: string;
  layers: Document['layers'];
  records: Document['records'];
  diagnostics: Document['diagnostics'];
}

/** Re-expresses a span (and nested spans such as an attribution's cue) in raw-input positions. */
function spanToInput(doc: Document, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => spanToInput(doc, v));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k === 'start' || k === 'end' ? v : spanToInput(doc, v);
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      const r = toRaw(doc.offsets, o.start, o.end);
      out.start = r.start;
      out.end = r.end;
      if (typeof o.text === 'string') out.text = doc.raw.slice(r.start, r.end);
    }
    return out;
  }
  return value;
}

/** Analyzes one file and returns its layers; `offsets: 'input'` maps every span into the decoded input. */
export async function annotate(path: string, options: AnalyzeOptions & { offsets?: 'clean' | 'input' } = {}): Promise<Annotation> {
  const { documents, failures } = await analyze([path], options);
  if (!documents.length) {
    const f = failures[0];
    throw new TriangulateError('E_INPUT', `${f?.source ?? path}: ${f?.message ?? 'no article found'}`, failures);
  }
  const doc = documents[0];
  const mode = options.offsets ?? 'clean';
  if (mode !== 'clean' && mode !== 'input') throw new TriangulateError('E_OPTION', `offsets must be "clean" or "input", got "${mode}".`);
  const layers = mode === 'input' ? (spanToInput(doc, doc.layers) as Document['layers']) : doc.layers;
  return { id: doc.id, source: doc.meta.sourcePath ?? path, offsets: mode, meta: doc.meta, text: mode === 'input' ? doc.raw : doc.text, layers, records: doc.records, diagnostics: doc.diagnostics };
}
