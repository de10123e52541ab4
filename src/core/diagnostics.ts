/** Severity of a problem found in a document: `fatal` means the document left the pipeline. */
export type Severity = 'fatal' | 'error' | 'warning' | 'info';

/** A problem found in one input, kept as data and shown in the report (after vfile messages). */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine code such as `input/empty` or `stage/threw`. */
  code: string;
  /** The stage (`name@version`) or phase (`ingest`) that found it. */
  stage: string;
  message: string;
  /** What was expected instead, when that helps the reader fix the input. */
  expected?: string;
  /** Clean-text span the problem is about, when there is one. */
  span?: { start: number; end: number };
}

/** Builds a diagnostic; a small helper so stages do not spell the shape out each time. */
export function diagnostic(
  severity: Severity,
  code: string,
  stage: string,
  message: string,
  extra: { expected?: string; span?: { start: number; end: number } } = {},
): Diagnostic {
  return { severity, code, stage, message, ...extra };
}

/** True when any diagnostic is at least as severe as `error`. */
export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'fatal' || d.severity === 'error');
}

/** True when the document was removed from the pipeline by a fatal problem. */
export function isFatal(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'fatal');
}
