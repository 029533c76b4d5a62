/**
 * SOQL literal values: strings, numbers, booleans, null, dates, datetimes and the relative date
 * literals (TODAY, LAST_N_DAYS:n, ...), which become half-open [start, end) ranges in UTC ms.
 */
import { SfError } from '../errors.js';
import { parseDateTime } from '../store/values.js';

export type Literal =
  | { kind: 'null' }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'range'; start: number; end: number };

const DAY = 86_400_000;

function malformed(message: string): SfError {
  return new SfError('MALFORMED_QUERY', message, 400);
}

function unquote(raw: string): string {
  return raw
    .slice(1, -1)
    .replace(/\\(.)/g, (_m, ch: string) => ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' })[ch] ?? ch);
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function monthStart(ms: number, addMonths: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + addMonths, 1);
}

function yearStart(ms: number, addYears: number): number {
  return Date.UTC(new Date(ms).getUTCFullYear() + addYears, 0, 1);
}

function quarterStart(ms: number, addQuarters: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + addQuarters * 3, 1);
}

/** Weeks start on Sunday (en_US locale). */
function weekStart(ms: number, addWeeks: number): number {
  const today = startOfDay(ms);
  return today - new Date(today).getUTCDay() * DAY + addWeeks * 7 * DAY;
}

function dateLiteral(name: string, now: number): { start: number; end: number } | undefined {
  const today = startOfDay(now);
  const fixed: Record<string, () => [number, number]> = {
    YESTERDAY: () => [today - DAY, today],
    TODAY: () => [today, today + DAY],
    TOMORROW: () => [today + DAY, today + 2 * DAY],
    LAST_WEEK: () => [weekStart(now, -1), weekStart(now, 0)],
    THIS_WEEK: () => [weekStart(now, 0), weekStart(now, 1)],
    NEXT_WEEK: () => [weekStart(now, 1), weekStart(now, 2)],
    LAST_MONTH: () => [monthStart(now, -1), monthStart(now, 0)],
    THIS_MONTH: () => [monthStart(now, 0), monthStart(now, 1)],
    NEXT_MONTH: () => [monthStart(now, 1), monthStart(now, 2)],
    LAST_90_DAYS: () => [today - 90 * DAY, today + DAY],
    NEXT_90_DAYS: () => [today + DAY, today + 91 * DAY],
    LAST_QUARTER: () => [quarterStart(now, -1), quarterStart(now, 0)],
    THIS_QUARTER: () => [quarterStart(now, 0), quarterStart(now, 1)],
    NEXT_QUARTER: () => [quarterStart(now, 1), quarterStart(now, 2)],
    LAST_YEAR: () => [yearStart(now, -1), yearStart(now, 0)],
    THIS_YEAR: () => [yearStart(now, 0), yearStart(now, 1)],
    NEXT_YEAR: () => [yearStart(now, 1), yearStart(now, 2)],
  };
  const f = fixed[name];
  if (f !== undefined) {
    const [start, end] = f();
    return { start, end };
  }
  const m = /^([A-Z_]+):(\d+)$/.exec(name);
  if (m === null) return undefined;
  const n = Number(m[2]);
  const withN: Record<string, () => [number, number]> = {
    LAST_N_DAYS: () => [today - n * DAY, today + DAY],
    NEXT_N_DAYS: () => [today + DAY, today + (n + 1) * DAY],
    N_DAYS_AGO: () => [today - n * DAY, today - (n - 1) * DAY],
    LAST_N_WEEKS: () => [weekStart(now, -n), weekStart(now, 0)],
    NEXT_N_WEEKS: () => [weekStart(now, 1), weekStart(now, n + 1)],
    LAST_N_MONTHS: () => [monthStart(now, -n), monthStart(now, 0)],
    NEXT_N_MONTHS: () => [monthStart(now, 1), monthStart(now, n + 1)],
    LAST_N_QUARTERS: () => [quarterStart(now, -n), quarterStart(now, 0)],
    NEXT_N_QUARTERS: () => [quarterStart(now, 1), quarterStart(now, n + 1)],
    LAST_N_YEARS: () => [yearStart(now, -n), yearStart(now, 0)],
    NEXT_N_YEARS: () => [yearStart(now, 1), yearStart(now, n + 1)],
  };
  const g = withN[m[1] ?? ''];
  if (g === undefined) return undefined;
  const [start, end] = g();
  return { start, end };
}

/** Parses one literal token as the SOQL parser hands it over (quoted strings keep their quotes). */
export function parseLiteral(raw: string, now: number): Literal {
  if (raw.startsWith("'")) return { kind: 'string', value: unquote(raw) };
  const upper = raw.toUpperCase();
  if (upper === 'NULL') return { kind: 'null' };
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const start = Date.parse(`${raw}T00:00:00Z`);
    if (Number.isNaN(start)) throw malformed(`line 1:0 no viable alternative at character '${raw}'`);
    return { kind: 'range', start, end: start + DAY };
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
    const ms = parseDateTime(raw);
    if (ms === undefined) throw malformed(`line 1:0 no viable alternative at character '${raw}'`);
    return { kind: 'range', start: ms, end: ms + 1 };
  }
  const num = Number(raw.replace(/^[A-Z]{3}/, ''));
  if (raw !== '' && !Number.isNaN(num)) return { kind: 'number', value: num };
  const range = dateLiteral(upper, now);
  if (range !== undefined) return { kind: 'range', ...range };
  throw malformed(`unexpected token: '${raw}'`);
}
