/**
 * SOQL literals. Strings are quoted and escaped per Salesforce's "Quoted String Escape Sequences"
 * (\n \r \t \b \f \" \' \\, and in LIKE patterns \_ \%); dates, datetimes, numbers, booleans and null
 * are written in the unquoted forms SOQL expects. Anything else is refused, never stringified.
 */
import { SalesforceError } from '../errors.js';

/** A date without time (`2024-01-31`), written unquoted. */
export interface SoqlDate {
  readonly kind: 'date';
  readonly value: string;
}

const DATE_LITERALS = [
  'YESTERDAY',
  'TODAY',
  'TOMORROW',
  'LAST_WEEK',
  'THIS_WEEK',
  'NEXT_WEEK',
  'LAST_MONTH',
  'THIS_MONTH',
  'NEXT_MONTH',
  'LAST_90_DAYS',
  'NEXT_90_DAYS',
  'THIS_QUARTER',
  'LAST_QUARTER',
  'NEXT_QUARTER',
  'THIS_YEAR',
  'LAST_YEAR',
  'NEXT_YEAR',
  'THIS_FISCAL_QUARTER',
  'LAST_FISCAL_QUARTER',
  'NEXT_FISCAL_QUARTER',
  'THIS_FISCAL_YEAR',
  'LAST_FISCAL_YEAR',
  'NEXT_FISCAL_YEAR',
] as const;
const DATE_N_LITERALS = [
  'LAST_N_DAYS',
  'NEXT_N_DAYS',
  'N_DAYS_AGO',
  'LAST_N_WEEKS',
  'NEXT_N_WEEKS',
  'N_WEEKS_AGO',
  'LAST_N_MONTHS',
  'NEXT_N_MONTHS',
  'N_MONTHS_AGO',
  'LAST_N_QUARTERS',
  'NEXT_N_QUARTERS',
  'N_QUARTERS_AGO',
  'LAST_N_YEARS',
  'NEXT_N_YEARS',
  'N_YEARS_AGO',
  'LAST_N_FISCAL_QUARTERS',
  'NEXT_N_FISCAL_QUARTERS',
  'N_FISCAL_QUARTERS_AGO',
  'LAST_N_FISCAL_YEARS',
  'NEXT_N_FISCAL_YEARS',
  'N_FISCAL_YEARS_AGO',
] as const;
export type DateLiteralName = (typeof DATE_LITERALS)[number];
export type DateNLiteralName = (typeof DATE_N_LITERALS)[number];

/** A relative date literal (`TODAY`, `LAST_N_DAYS:7`). */
export interface SoqlDateLiteral {
  readonly kind: 'dateLiteral';
  readonly value: string;
}

export type SoqlValue = string | number | bigint | boolean | null | Date | SoqlDate | SoqlDateLiteral;

const invalid = (message: string) => new SalesforceError({ code: 'SF_INVALID_INPUT', message });

export function soqlDate(value: string | Date): SoqlDate {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
    Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ||
    new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text
  ) {
    throw invalid(`${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`);
  }
  return { kind: 'date', value: text };
}

export function dateLiteral(name: DateLiteralName): SoqlDateLiteral;
export function dateLiteral(name: DateNLiteralName, n: number): SoqlDateLiteral;
export function dateLiteral(name: string, n?: number): SoqlDateLiteral {
  if ((DATE_LITERALS as readonly string[]).includes(name) && n === undefined)
    return { kind: 'dateLiteral', value: name };
  if ((DATE_N_LITERALS as readonly string[]).includes(name) && Number.isSafeInteger(n) && (n as number) >= 0) {
    return { kind: 'dateLiteral', value: `${name}:${n as number}` };
  }
  throw invalid(`${JSON.stringify(name)}${n === undefined ? '' : `:${n}`} is not a SOQL date literal`);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The inside of a quoted SOQL string (without the quotes). Other control characters and the Unicode line
 * separators (U+2028/U+2029, line breaks to many lexers) are written as `\uXXXX`, which SOQL also defines.
 * `like` also escapes the wildcards.
 */
export function escapeSoqlString(value: string, opts: { like?: boolean } = {}): string {
  if (LONE_SURROGATE.test(value)) throw invalid('A SOQL string value contains an unpaired UTF-16 surrogate');
  // Matching control characters is the point here: they are what must be escaped.
  // eslint-disable-next-line no-control-regex
  const plain = /[\\'"\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
  // eslint-disable-next-line no-control-regex
  const like = /[\\'"%_\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
  return value.replace(
    opts.like ? like : plain,
    (c) => ESCAPES[c] ?? (c === '%' || c === '_' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** Inverse of `escapeSoqlString` (for tests and emulators): the value a quoted literal denotes. */
export function unescapeSoqlString(inner: string): string {
  return inner.replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (_, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    switch (c.toLowerCase()) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      default:
        return c;
    }
  });
}

export const quote = (value: string, opts?: { like?: boolean }) => `'${escapeSoqlString(value, opts)}'`;

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw invalid(`${n} cannot be written in SOQL`);
  if (Object.is(n, -0)) return '0';
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** ISO-8601 UTC at second precision (`2024-01-31T12:00:00Z`), the form SOQL documents. */
export function formatDateTime(d: Date): string {
  if (Number.isNaN(d.getTime())) throw invalid('An invalid Date cannot be written in SOQL');
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function formatValue(value: SoqlValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value instanceof Date) return formatDateTime(value);
      if (value.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value.value)) return value.value;
      if (value.kind === 'dateLiteral' && /^[A-Z_]+(?::\d+)?$/.test(value.value)) return value.value;
      break;
    default:
      break;
  }
  throw invalid(`A ${typeof value} value cannot be written in SOQL`);
}
