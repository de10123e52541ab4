// Typed fetch helpers for the JSON API; the UI reads only what the API returns.
import type { SourceProfile } from './analysis';

// The shapes the API sends are the server's own types, imported for their types only.
import type { Span } from '../../core/document.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { Page, SearchHit, StorySummary } from '../../store/types.js';
export type { Span, Diagnostic, Page, SearchHit, StorySummary };

export interface DocumentRow {
  id: string;
  status: 'ok' | 'failed';
  source: string;
  title?: string;
  site?: string;
  url?: string;
  published?: string;
  publishedSource?: string;
  /** The text's opening, to name an untitled document. */
  excerpt: string;
  characters: number;
  layers: Record<string, number>;
  diagnostics: number;
  /** The document's source profile (genre, score, reasons, counts), when the profile stage ran. */
  profile?: SourceProfile;
}

export interface Failure {
  source: string;
  code: string;
  message: string;
}

export interface StoryPage {
  story: StorySummary;
  stages: string[];
  /** True when the report was made with other stages than the server runs now. */
  stale: boolean;
  currentStages?: string[];
  documents: DocumentRow[];
  corpus: Record<string, unknown>;
  diagnostics: Diagnostic[];
  failures: Failure[];
}

export interface StoredDocument {
  id: string;
  status: 'ok' | 'failed';
  meta: { title?: string; site?: string; url?: string; published?: string; byline?: string; [k: string]: unknown };
  text: string;
  layers: Record<string, Span[]>;
  layerStages: Record<string, string[]>;
  records: Record<string, unknown[]>;
  diagnostics: Diagnostic[];
  stories: { id: string; name: string }[];
}


export interface DiagnosticsPage {
  failures: Failure[];
  corpus: Diagnostic[];
  documents: { id: string; title?: string; source: string; status: string; diagnostics: Diagnostic[] }[];
}

/** An API error in the server's one shape. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GETs an API path and returns its JSON, or throws the server's error. */
export async function get<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined;
  if (!res.ok) throw new ApiFailure(res.status, body?.error?.code ?? 'http', body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}
