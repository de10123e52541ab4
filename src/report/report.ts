import type { Diagnostic } from '../core/diagnostics.js';
import type { Document } from '../core/document.js';
import type { InputFailure } from '../ingest/sources.js';

/** The report format identifier; bump when the JSON contract changes incompatibly. */
export const REPORT_SCHEMA = 'triangulate/report@1';

/** A Document as it appears in the report (the raw input is left out unless asked for). */
export type ReportDocument = Omit<Document, 'raw'> & { raw?: string; source: string; status: 'ok' | 'failed' };

/** The JSON report: the contract every other output is rendered from. */
export interface Report {
  schema: typeof REPORT_SCHEMA;
  generator: { name: 'triangulate'; version: string };
  /** Every stage that ran, as `name@version`, in order. */
  stages: string[];
  options: { published?: string; timeZone: string };
  summary: { inputs: number; documents: number; analyzed: number; failedDocuments: number; failedInputs: number };
  documents: ReportDocument[];
  corpus: Record<string, unknown>;
  /** Inputs that could not be read at all. */
  failures: InputFailure[];
  /** Problems found by corpus stages. */
  diagnostics: Diagnostic[];
}
