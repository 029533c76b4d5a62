import { qkey, XSD_NS, type QKey, type SchemaSet } from './model.js';

/**
 * Lexical checks for the XSD built-in types the NetSuite schemas use, and for their simple types
 * (string restrictions with enumerations). Messages follow libxml2's wording.
 */

const collapse = (v: string) => v.replace(/[\t\n\r ]+/g, ' ').trim();

const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN)$/;
const DATE_TIME = /^-?(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-](\d{2}):(\d{2}))?$/;
const DATE = /^-?(\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;

function inRange(v: string, min: bigint, max: bigint): boolean {
  const n = BigInt(v);
  return n >= min && n <= max;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDateTime(v: string): boolean {
  const m = DATE_TIME.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (minute > 59 || second > 59) return false;
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0))) return false;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  return true;
}

/** Checks one built-in; returns true when the lexical value is valid. */
function validBuiltin(local: string, raw: string): boolean {
  switch (local) {
    case 'string':
    case 'anyType':
    case 'anySimpleType':
      return true;
    case 'boolean':
      return /^(true|false|1|0)$/.test(collapse(raw));
    case 'long':
      return INTEGER.test(collapse(raw)) && inRange(collapse(raw), LONG_MIN, LONG_MAX);
    case 'int':
      return INTEGER.test(collapse(raw)) && inRange(collapse(raw), INT_MIN, INT_MAX);
    case 'integer':
      return INTEGER.test(collapse(raw));
    case 'double':
    case 'float':
    case 'decimal':
      return local === 'decimal' ? /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(collapse(raw)) : DOUBLE.test(collapse(raw));
    case 'dateTime':
      return validDateTime(collapse(raw));
    case 'date':
      return DATE.test(collapse(raw));
    case 'anyURI':
    case 'QName':
    case 'token':
    case 'normalizedString':
      return true;
    default:
      return true;
  }
}

/** Whether a type key names a simple type (built-in or declared). */
export function isSimpleType(schemas: SchemaSet, type: QKey): boolean {
  if (type.startsWith(`{${XSD_NS}}`)) return type !== qkey(XSD_NS, 'anyType');
  return schemas.types.get(type)?.kind === 'simple';
}

function displayType(type: QKey): string {
  return type.startsWith(`{${XSD_NS}}`) ? `xs:${type.slice(XSD_NS.length + 2)}` : type;
}

/** Validates a text value against a simple type; returns an error message or undefined. */
export function checkSimpleValue(schemas: SchemaSet, type: QKey, raw: string): string | undefined {
  if (type.startsWith(`{${XSD_NS}}`)) {
    const local = type.slice(XSD_NS.length + 2);
    return validBuiltin(local, raw)
      ? undefined
      : `'${raw}' is not a valid value of the atomic type '${displayType(type)}'.`;
  }
  const def = schemas.types.get(type);
  if (!def || def.kind !== 'simple') return `Unknown simple type ${type}.`;
  const baseError = checkSimpleValue(schemas, def.base, raw);
  if (baseError) return baseError;
  if (def.enumeration && !def.enumeration.has(raw)) {
    return `[facet 'enumeration'] The value '${raw}' is not an element of the set of ${def.enumeration.size} values of '${type}'.`;
  }
  return undefined;
}
