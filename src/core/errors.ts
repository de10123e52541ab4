/** Stable error codes for misuse of the API (bad options, unknown stage, broken pipeline). */
export type ErrorCode =
  | 'E_OPTION'
  | 'E_UNKNOWN_STAGE'
  | 'E_PIPELINE'
  | 'E_INPUT'
  | 'E_INTERNAL';

/** An exception for API misuse: carries a stable `code` and a message naming the valid choices. */
export class TriangulateError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'TriangulateError';
    this.code = code;
    this.details = details;
  }
}
