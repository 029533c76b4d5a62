import * as c from './cleansing.js';
import { applyDiscount, compareAmount, multiplyDecimal, normalizeAmount, numberToDecimal, toScaled, fromScaled } from '../model/money.js';
import { localDateToZoned, zonedToLocalDate } from '../model/datetime.js';

const dec = (v: unknown): string => (typeof v === 'number' ? numberToDecimal(v) : String(v));

/**
 * Functions available to every mapping expression (as `$name(...)`). Money helpers take and return decimal
 * strings so amounts never pass through float arithmetic.
 */
export const expressionFunctions: Record<string, (...args: never[]) => unknown> = {
  clean: (s: unknown) => c.clean(s) ?? undefined,
  titleCase: (s: unknown) => c.titleCase(s) ?? undefined,
  upper: (s: unknown) => c.clean(s)?.toUpperCase() ?? undefined,
  lower: (s: unknown) => c.clean(s)?.toLowerCase() ?? undefined,
  /** E.164 when the number parses; otherwise the cleaned original, which validation then flags (nothing is dropped). */
  e164: (s: unknown, country?: string) => c.toE164(s, country ?? 'US') ?? c.clean(s) ?? undefined,
  splitName: (s: unknown) => c.splitName(s),
  joinName: (...p: unknown[]) => c.joinName(...p) ?? undefined,
  street: (s: unknown, line: number) => c.splitStreet(s)[line - 1] ?? undefined,
  joinStreet: (...p: unknown[]) => c.joinStreet(...p) ?? undefined,
  country: (s: unknown) => c.countryCode(s) ?? undefined,
  state: (s: unknown, country?: unknown) => c.stateCode(s, country ?? 'US') ?? undefined,
  postal: (s: unknown) => c.postalCode(s) ?? undefined,
  truncate: (s: unknown, n: number) => (s === undefined || s === null ? undefined : c.truncateAtWord(String(s), n)),
  /** Decimal string at the currency's minor unit. */
  amount: (v: unknown, currency?: string) => (v === undefined || v === null || v === '' ? undefined : normalizeAmount(dec(v), currency ?? 'USD')),
  mul: (a: unknown, b: unknown, currency?: string) => multiplyDecimal(dec(a), dec(b), currency ?? 'USD'),
  add: (a: unknown, b: unknown, currency?: string) => fromScaled(toScaled(dec(a)) + toScaled(dec(b)), currency === 'JPY' ? 0 : 2),
  discount: (a: unknown, pct: unknown, currency?: string) => applyDiscount({ amount: dec(a), currency: currency ?? 'USD' }, dec(pct)).amount,
  /** -1, 0, 1: compares decimal strings exactly (for conditions such as "Amount > 10,000"). */
  cmp: (a: unknown, b: unknown) => compareAmount(dec(a), dec(b)),
  toNumber: (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v)),
  toDecimal: (v: unknown) => (v === undefined || v === null || v === '' ? undefined : dec(v)),
  toBool: (v: unknown) => (v === undefined || v === null ? undefined : v === true || /^(true|yes|1|y)$/i.test(String(v))),
  dateToZoned: (d: unknown, tz?: string) => (d ? localDateToZoned(String(d), tz ?? 'UTC') : undefined),
  zonedToDate: (d: unknown, tz?: string) => (d ? zonedToLocalDate(String(d), tz ?? 'UTC') : undefined),
  ref: (id: unknown) => (id === undefined || id === null || id === '' ? undefined : { internalId: String(id) }),
  extRef: (id: unknown) => (id === undefined || id === null || id === '' ? undefined : { externalId: String(id) }),
  /** Exact decimal sum of a list of amounts (JSONata's $sum works on floats). */
  sumDec: (list: unknown, currency?: string) =>
    fromScaled(
      (Array.isArray(list) ? list : list === undefined || list === null ? [] : [list]).reduce<bigint>((t, v) => (v === undefined || v === null || v === '' ? t : t + toScaled(dec(v))), 0n),
      currency === 'JPY' ? 0 : 2,
    ),
  not: (v: unknown) => (v === undefined || v === null ? undefined : !(v === true || v === 'true')),
  coalesce: (...v: unknown[]) => v.find((x) => x !== undefined && x !== null && x !== ''),
};
