/**
 * Date functions in WHERE: CALENDAR_YEAR(CreatedDate) = 2026, DAY_ONLY(CreatedDate) = 2026-01-15, ...
 * Evaluated in UTC (the emulated org's time zone is GMT).
 */
import { SfError } from '../errors.js';
import { fieldDef, type FieldDef } from '../schema/types.js';
import { parseDateTime } from '../store/values.js';

const DAY = 86_400_000;

type Extract = (d: Date) => number | string;

const FUNCTIONS: Record<string, { type: 'int' | 'date'; extract: Extract }> = {
  CALENDAR_YEAR: { type: 'int', extract: (d) => d.getUTCFullYear() },
  CALENDAR_QUARTER: { type: 'int', extract: (d) => Math.floor(d.getUTCMonth() / 3) + 1 },
  CALENDAR_MONTH: { type: 'int', extract: (d) => d.getUTCMonth() + 1 },
  DAY_IN_MONTH: { type: 'int', extract: (d) => d.getUTCDate() },
  DAY_IN_WEEK: { type: 'int', extract: (d) => d.getUTCDay() + 1 },
  DAY_IN_YEAR: {
    type: 'int',
    extract: (d) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY) + 1,
  },
  HOUR_IN_DAY: { type: 'int', extract: (d) => d.getUTCHours() },
  DAY_ONLY: { type: 'date', extract: (d) => d.toISOString().slice(0, 10) },
};

export interface DateFunction {
  /** The field the result compares as (an int, or a date for DAY_ONLY). */
  resultField: FieldDef;
  apply(value: unknown): unknown;
}

export function dateFunction(name: string, arg: FieldDef): DateFunction {
  const fn = FUNCTIONS[name.toUpperCase()];
  if (fn === undefined) {
    throw new SfError('MALFORMED_QUERY', `Function ${name} in WHERE is not supported by this emulator`, 400);
  }
  if (arg.type !== 'date' && arg.type !== 'datetime') {
    throw new SfError('INVALID_FIELD', `${name} can only be applied to a date or dateTime field: ${arg.name}`, 400);
  }
  if (name.toUpperCase() === 'DAY_ONLY' && arg.type !== 'datetime') {
    throw new SfError('INVALID_FIELD', `DAY_ONLY can only be applied to a dateTime field: ${arg.name}`, 400);
  }
  return {
    resultField: fieldDef({ name: `${name}(${arg.name})`, type: fn.type }),
    apply(value) {
      if (typeof value !== 'string') return null;
      const ms = arg.type === 'date' ? Date.parse(`${value}T00:00:00Z`) : parseDateTime(value);
      return ms === undefined || Number.isNaN(ms) ? null : fn.extract(new Date(ms));
    },
  };
}
