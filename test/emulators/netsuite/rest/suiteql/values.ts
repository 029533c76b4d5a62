import { SuiteQlError } from './ast.js';

/** A SuiteQL value inside the engine: booleans are 'T'/'F' as in NetSuite, dates are Dates (UTC). */
export type SqlValue = string | number | Date | null;

const TOKENS = ['YYYY', 'HH24', 'MM', 'DD', 'MI', 'SS'] as const;

function splitFormat(format: string): (string | { token: (typeof TOKENS)[number] })[] {
  const parts: (string | { token: (typeof TOKENS)[number] })[] = [];
  let i = 0;
  while (i < format.length) {
    if (format[i] === '"') {
      const end = format.indexOf('"', i + 1);
      if (end < 0) throw new SuiteQlError(`Unterminated quoted text in date format ${format}.`);
      parts.push(format.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    const token = TOKENS.find((t) => format.toUpperCase().startsWith(t, i));
    if (token) {
      parts.push({ token });
      i += token.length;
    } else if (/[-/:. T]/.test(format[i]!)) {
      parts.push(format[i]!);
      i++;
    } else throw new SuiteQlError(`Unsupported date format element in ${format} at ${i}.`);
  }
  return parts;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** TO_CHAR(date, 'YYYY-MM-DD"T"HH24:MI:SS'). */
export function formatDate(date: Date, format: string): string {
  return splitFormat(format)
    .map((p) => {
      if (typeof p === 'string') return p;
      switch (p.token) {
        case 'YYYY': return pad(date.getUTCFullYear(), 4);
        case 'MM': return pad(date.getUTCMonth() + 1);
        case 'DD': return pad(date.getUTCDate());
        case 'HH24': return pad(date.getUTCHours());
        case 'MI': return pad(date.getUTCMinutes());
        case 'SS': return pad(date.getUTCSeconds());
      }
    })
    .join('');
}

/** TO_DATE / TO_TIMESTAMP(text, format). */
export function parseDate(text: string, format: string): Date {
  const parts = splitFormat(format);
  const values: Record<string, number> = { YYYY: 1970, MM: 1, DD: 1, HH24: 0, MI: 0, SS: 0 };
  let i = 0;
  for (const p of parts) {
    if (typeof p === 'string') {
      if (!text.startsWith(p, i)) throw new SuiteQlError(`The date ${JSON.stringify(text)} does not match the format ${format}.`);
      i += p.length;
      continue;
    }
    const width = p.token === 'YYYY' ? 4 : 2;
    const digits = text.slice(i, i + width);
    if (!/^\d+$/.test(digits) || digits.length !== width) {
      throw new SuiteQlError(`The date ${JSON.stringify(text)} does not match the format ${format}.`);
    }
    values[p.token] = Number(digits);
    i += width;
  }
  if (i !== text.length) throw new SuiteQlError(`The date ${JSON.stringify(text)} does not match the format ${format}.`);
  return new Date(Date.UTC(values.YYYY!, values.MM! - 1, values.DD!, values.HH24!, values.MI!, values.SS!));
}

/** How NetSuite prints a date column without TO_CHAR: the account's date format (M/D/YYYY here). */
export function defaultDateText(date: Date): string {
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

/** Three-valued comparison: undefined when either side is NULL. */
export function compare(a: SqlValue, b: SqlValue): number | undefined {
  if (a === null || b === null) return undefined;
  if (a instanceof Date || b instanceof Date) {
    if (!(a instanceof Date && b instanceof Date)) {
      throw new SuiteQlError('A date can only be compared with a date (use TO_DATE or TO_TIMESTAMP).');
    }
    return a.getTime() - b.getTime();
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
    return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SQL LIKE with % and _. */
export function like(value: string, pattern: string): boolean {
  const re = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${re}$`, 's').test(value);
}
