import type { Diagnostic } from './diagnostics.js';
import type { OffsetMap } from './offsets.js';

/** Where an article came from and what is known about it before and after cleaning. */
export interface DocumentMeta {
  title?: string;
  site?: string;
  byline?: string;
  url?: string;
  /** Publication time, ISO 8601 (date or date-time). */
  published?: string;
  /** Where `published` came from: the input itself, or the `--published` fallback. */
  publishedSource?: 'input' | 'option';
  modified?: string;
  /** BCP 47 / ISO 639 language code when known. */
  language?: string;
  /** Wire services the article credits (AP, Reuters, ...). */
  wire?: string[];
  /** Path of the input file (and `#N` for the Nth record of a JSONL file). */
  sourcePath?: string;
  /** Input format as detected at ingest. */
  format?: InputFormat;
  /** Charset the bytes were decoded with. */
  charset?: string;
}

/** The input formats ingest recognises. */
export type InputFormat = 'text' | 'html' | 'json';

/** A span into `Document.text`: half-open `[start, end)`, UTF-16 positions, with its text. */
export interface Span {
  id: string;
  start: number;
  end: number;
  text: string;
  [field: string]: unknown;
}

/** The well-known layer names; stages may add others. */
export type LayerName =
  | 'paragraphs'
  | 'sentences'
  | 'tokens'
  | 'entities'
  | 'quantities'
  | 'times'
  | 'attributions'
  | 'claims'
  | (string & {});

/** One article: decoded input, clean text, offset map, metadata, span layers and diagnostics. */
export interface Document {
  id: string;
  /** The decoded input (a file's text, or a JSON record's `text`/`html`). */
  raw: string;
  /** The clean text; fixed once the clean stage has produced it. */
  text: string;
  /** Clean-to-raw position map. */
  offsets: OffsetMap;
  meta: DocumentMeta;
  layers: Record<string, Span[]>;
  diagnostics: Diagnostic[];
  /** Document-level records that are not spans (e.g. merged entities), keyed by name. */
  records: Record<string, unknown[]>;
}

/** Creates an empty Document for a decoded input; the clean stage fills `text` and `offsets`. */
export function createDocument(id: string, raw: string, meta: DocumentMeta = {}): Document {
  return { id, raw, text: '', offsets: { segments: [] }, meta, layers: {}, diagnostics: [], records: {} };
}
