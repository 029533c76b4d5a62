/**
 * Converting between record field values and JSON.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */

import type { FieldValue } from 'N/record';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A record field value as JSON: Dates become ISO strings, empty strings null. */
export function toJson(value: FieldValue | undefined): JsonValue {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => String(v));
  return value as JsonValue;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A JSON value for setValue: ISO dates become Date objects (SuiteScript wants Date for date fields). */
export function fromJson(value: unknown): FieldValue {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  }
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) return new Date(value);
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => String(v));
  return value as FieldValue;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
