import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from './schema.json' with { type: 'json' };

const require = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

/** The JSON Schema of the report, as shipped. */
export const reportSchema = schema;

/** Validates a report object against the schema; returns readable error lines (empty when valid). */
export function validateReport(report: unknown): string[] {
  if (!validator) {
    const Ajv = require('ajv') as new (o: object) => { compile(s: object): ValidateFunction };
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  if (validator(report)) return [];
  return (validator.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
