/**
 * Field value coercion and validation: turns a JSON value into the stored value for one field, or
 * throws the SfError a real org answers (JSON_PARSER_ERROR, STRING_TOO_LONG, restricted picklists...).
 */
import { SfError } from '../errors.js';
import { normalizeId } from '../ids.js';
import type { FieldDef } from '../schema/types.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function deserializeError(kind: string, value: unknown): SfError {
  const token = typeof value === 'object' ? (Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT') : 'VALUE_STRING';
  const shown = typeof value === 'object' ? (Array.isArray(value) ? '[' : '{') : String(value);
  return new SfError(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${kind} from ${token} value ${shown} or request may be missing a required field`,
    400,
  );
}

/** `2024-04-26T18:38:05.000+0000`, the REST API's datetime form. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function parseDateTime(text: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (m === null) return undefined;
  const zone = m[3] === undefined || m[3] === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (m === null) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

function toNumber(field: FieldDef, value: unknown): number {
  const kind = field.type === 'int' ? 'int' : 'double';
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) n = Number(value);
  else throw deserializeError(kind, value);
  if (!Number.isFinite(n)) throw deserializeError(kind, value);
  const intDigits = Math.max(field.precision - field.scale, 1);
  if (field.precision > 0 && Math.abs(Math.trunc(n)).toString().length > intDigits) {
    throw new SfError(
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${field.label}: value outside of valid range on numeric field: ${n}`,
      400,
      [field.name],
    );
  }
  if (field.type === 'int') return Math.trunc(n);
  const factor = 10 ** field.scale;
  return field.scale > 0 || field.precision > 0 ? Math.round(n * factor) / factor : n;
}

function toText(field: FieldDef, value: unknown): string {
  if (typeof value === 'object' && value !== null) throw deserializeError('string', value);
  const text = String(value);
  if (field.length > 0 && text.length > field.length) {
    throw new SfError(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${text.length > 80 ? `${text.slice(0, 80)}...` : text} (max length=${field.length})`,
      400,
      [field.name],
    );
  }
  return text;
}

function checkPicklist(field: FieldDef, value: string): void {
  if (!field.restrictedPicklist) return;
  const parts = field.type === 'multipicklist' ? value.split(';') : [value];
  for (const part of parts) {
    if (!field.picklistValues.includes(part)) {
      throw new SfError(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${part}`,
        400,
        [field.name],
      );
    }
  }
}

/** Coerces `value` for `field`; `null` passes through (requiredness is checked by the caller). */
export function coerceValue(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'string':
    case 'textarea':
    case 'phone':
    case 'url':
      return toText(field, value);
    case 'email': {
      const text = toText(field, value);
      if (!EMAIL.test(text)) {
        throw new SfError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, 400, [field.name]);
      }
      return text;
    }
    case 'picklist':
    case 'multipicklist': {
      const text = toText(field, value);
      checkPicklist(field, text);
      return text;
    }
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return toNumber(field, value);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw deserializeError('boolean', value);
    case 'date':
      if (typeof value !== 'string' || !isValidDate(value)) throw deserializeError('date', value);
      return value;
    case 'datetime': {
      const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
      if (ms === undefined) throw deserializeError('datetime', value);
      return formatDateTime(ms);
    }
    case 'id':
    case 'reference': {
      if (typeof value !== 'string') throw deserializeError('id', value);
      if (value === '') return null;
      const id = normalizeId(value);
      if (id === undefined) {
        throw new SfError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, 400, [field.name]);
      }
      return id;
    }
    case 'address':
      throw deserializeError('address', value);
  }
}
