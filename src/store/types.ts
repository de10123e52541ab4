import type { Diagnostic } from '../core/diagnostics.js';
import type { Document, DocumentMeta, Span } from '../core/document.js';
import type { OffsetMap } from '../core/offsets.js';
import type { Report } from '../report/report.js';

/** A story as listed: what a reader needs to pick one, computed from its report when it is saved. */
export interface StorySummary {
  id: string;
  name: string;
  documents: number;
  analyzed: number;
  failedDocuments: number;
  failedInputs: number;
  /** Distinct outlets (site, else the URL's host), sorted. */
  outlets: string[];
  /** Earliest and latest publication date among the documents, when any is known. */
  dateRange: { from?: string; to?: string };
  /** Number of disputed figures, present only once the report has a figures section. */
  disputedFigures?: number;
  /** Names of the corpus sections the report holds (reuse, figures, claimGroups, ...). */
  sections: string[];
  /** Names of every layer found on its documents. */
  layers: string[];
  /** Stage versions the report was made with. */
  stages: string[];
  createdAt: string;
  updatedAt: string;
}

/** A stored document with its layers and the stories it belongs to. */
export interface StoredDocument {
  id: string;
  status: 'ok' | 'failed';
  meta: DocumentMeta;
  text: string;
  offsets: OffsetMap;
  layers: Record<string, Span[]>;
  /** Stage versions each layer was made with, by layer name. */
  layerStages: Record<string, string[]>;
  records: Record<string, unknown[]>;
  diagnostics: Diagnostic[];
  stories: { id: string; name: string }[];
  createdAt: string;
}

/** One full-text hit: the matched passage is delimited by \u0002 ... \u0003 in `snippet`. */
export interface SearchHit {
  id: string;
  title?: string;
  site?: string;
  published?: string;
  snippet: string;
  /** The opening of the text, to name a document without a title. */
  excerpt?: string;
  stories: { id: string; name: string }[];
}

/** A page of results with the total count. */
export interface Page<T> {
  total: number;
  items: T[];
}

/** What a story is saved from: its analysis, the documents (with raw input) and a name. */
export interface StoryInput {
  id: string;
  name: string;
  report: Report;
  documents: Document[];
}

/** The decoded input of a stored document, enough to analyze it again. */
export interface StoredInput {
  id: string;
  raw: string;
  meta: DocumentMeta;
}

/**
 * Persistence for documents, layers and stories. SQLite implements it now; a server database can
 * implement it later and run the same test suite (src/store/suite.ts).
 */
export interface Store {
  /** Saves documents (content-hash ids: saving the same content again changes nothing but layers). */
  putDocuments(docs: Document[], stages: string[]): Promise<{ id: string; created: boolean }[]>;
  /** A document with its layers, or undefined. */
  getDocument(id: string): Promise<StoredDocument | undefined>;
  /** Saves (or replaces) a story with its documents, layers and report, in one transaction. */
  saveStory(input: StoryInput): Promise<StorySummary>;
  getStory(id: string): Promise<StorySummary | undefined>;
  /** The story's report as stored: UTF-8 JSON bytes, served as they are. */
  getStoryReport(id: string): Promise<Uint8Array | undefined>;
  /** The decoded inputs of a story's documents, in story order, to analyze it again. */
  getStoryInputs(id: string): Promise<StoredInput[]>;
  /** Stories, newest first; `q` matches the name or the text of any of its documents. */
  listStories(opts?: { q?: string; limit?: number; offset?: number }): Promise<Page<StorySummary>>;
  /** Full-text search over documents. */
  search(q: string, opts?: { limit?: number; offset?: number; story?: string }): Promise<Page<SearchHit>>;
  deleteStory(id: string): Promise<boolean>;
  close(): Promise<void>;
}
