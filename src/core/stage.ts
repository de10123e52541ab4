import type { Diagnostic } from './diagnostics.js';
import type { Document, DocumentMeta } from './document.js';
import type { OffsetMap } from './offsets.js';

/** What every stage is given besides its input: options and the reference date, never the clock. */
export interface StageContext {
  /** Reference date (YYYY-MM-DD) for inputs that carry none. */
  published?: string;
  /** IANA time zone used to read dates without one. */
  timeZone: string;
  /** Free-form options by stage name. */
  options: Record<string, unknown>;
}

/** A span as a stage returns it; the runner assigns ids when a stage leaves them out. */
export interface SpanInput {
  id?: string;
  start: number;
  end: number;
  text?: string;
  [field: string]: unknown;
}

/** What a per-document stage returns. Only the runner writes these onto the Document. */
export interface DocumentStageResult {
  /** The clean text and its map: only the stage that produces `text` may return these. */
  text?: { text: string; offsets: OffsetMap };
  meta?: Partial<DocumentMeta>;
  layers?: Record<string, SpanInput[]>;
  records?: Record<string, unknown[]>;
  diagnostics?: Diagnostic[];
}

/** A pure function over one Document. */
export interface DocumentStage {
  kind: 'document';
  name: string;
  version: number;
  /** Products of earlier stages it reads: `text`, `meta`, or `layer:NAME` / `records:NAME`. */
  needs: string[];
  /** What it adds, in the same vocabulary. */
  produces: string[];
  /** One-line description for `--help` and the report. */
  description: string;
  run(doc: Readonly<Document>, ctx: StageContext): DocumentStageResult;
}

/** What a corpus stage returns: named sections of the corpus report. */
export interface CorpusStageResult {
  sections: Record<string, unknown>;
  diagnostics?: Diagnostic[];
}

/** A pure function over the whole set of (non-fatal) documents, run after the barrier. */
export interface CorpusStage {
  kind: 'corpus';
  name: string;
  version: number;
  needs: string[];
  produces: string[];
  description: string;
  run(docs: readonly Readonly<Document>[], ctx: StageContext, corpus: Readonly<Record<string, unknown>>): CorpusStageResult;
}

/** Either kind of stage. */
export type Stage = DocumentStage | CorpusStage;

/** `name@version`, the stage's identity in outputs. */
export function stageId(stage: Pick<Stage, 'name' | 'version'>): string {
  return `${stage.name}@${stage.version}`;
}
