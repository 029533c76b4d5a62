import { z } from 'zod';

/**
 * Decimal-safe money. Amounts are decimal strings ("1234.50", "-3"), never JS floats; arithmetic runs on
 * BigInt minor units scaled to a fixed precision, then rounds half-even to the currency's minor unit.
 */
export const DECIMAL_RE = /^-?\d{1,15}(\.\d{1,8})?$/;
export const decimalString = z.string().regex(DECIMAL_RE, 'a decimal string such as "1234.50"');
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD"');

export const moneySchema = z.object({ amount: decimalString, currency: currencyCode });
export type Money = z.infer<typeof moneySchema>;

/** ISO 4217 minor units for currencies whose exponent is not 2. */
const MINOR_UNITS: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0, VND: 0, ISK: 0, HUF: 2, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };
export const minorUnitsOf = (currency: string): number => MINOR_UNITS[currency] ?? 2;

const SCALE = 8; // internal precision
const TEN = 10n;
const POW = (n: number) => TEN ** BigInt(n);

/** Parses a decimal string (or a safe integer number) to a BigInt scaled by 10^8. */
export function toScaled(value: string | number): bigint {
  const s = typeof value === 'number' ? numberToDecimal(value) : value.trim();
  if (!DECIMAL_RE.test(s)) throw new RangeError(`Not a decimal amount: "${s}"`);
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(int) * POW(SCALE) + BigInt((frac + '0'.repeat(SCALE)).slice(0, SCALE));
  return neg ? -v : v;
}

/** Number → decimal string via its shortest round-trip representation (no binary drift is introduced). */
export function numberToDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite amount: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(8).replace(/\.?0+$/, '');
}

/** Rounds a scaled value half-to-even to `digits` decimals and formats it. */
export function fromScaled(v: bigint, digits: number): string {
  const drop = POW(SCALE - digits);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  let q = abs / drop;
  const r = abs % drop;
  const half = drop / 2n;
  if (r > half || (r === half && q % 2n === 1n)) q += 1n;
  const str = q.toString().padStart(digits + 1, '0');
  const out = digits === 0 ? str : `${str.slice(0, -digits)}.${str.slice(-digits)}`;
  return neg && q !== 0n ? `-${out}` : out;
}

export const normalizeAmount = (amount: string | number, currency: string): string =>
  fromScaled(toScaled(amount), minorUnitsOf(currency));

export const money = (amount: string | number, currency: string): Money => ({
  amount: normalizeAmount(amount, currency),
  currency,
});

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: fromScaled(toScaled(a.amount) + toScaled(b.amount), minorUnitsOf(a.currency)), currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: fromScaled(toScaled(a.amount) - toScaled(b.amount), minorUnitsOf(a.currency)), currency: a.currency };
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  let total = 0n;
  for (const m of items) {
    if (m.currency !== currency) throw new RangeError(`Currency mismatch: ${m.currency} vs ${currency}`);
    total += toScaled(m.amount);
  }
  return { amount: fromScaled(total, minorUnitsOf(currency)), currency };
}

/** Multiplies two decimals exactly (e.g. quantity × unit price) and rounds to the currency. */
export function multiplyDecimal(a: string | number, b: string | number, currency: string): string {
  const p = toScaled(a) * toScaled(b); // scaled by 10^16
  return fromScaled(roundDiv(p, POW(SCALE)), minorUnitsOf(currency));
}

/** Applies a percentage (e.g. "10" for 10 %) discount, rounding to the currency. */
export function applyDiscount(m: Money, percent: string | number): Money {
  const factor = toScaled(100) - toScaled(percent); // scaled
  const p = toScaled(m.amount) * factor; // scaled^2
  return { amount: fromScaled(roundDiv(p, toScaled(100)), minorUnitsOf(m.currency)), currency: m.currency };
}

function roundDiv(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  const r = an % ad;
  if (r * 2n > ad || (r * 2n === ad && q % 2n === 1n)) q += 1n;
  return neg ? -q : q;
}

export const compareAmount = (a: string, b: string): -1 | 0 | 1 => {
  const d = toScaled(a) - toScaled(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** Lossy: for statistics only (anomaly scores), never for arithmetic that is written anywhere. */
export const amountToNumber = (a: string): number => Number(a);
