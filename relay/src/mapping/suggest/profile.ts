import { isValidPhoneNumber } from 'libphonenumber-js';
import type { TypeFamily } from './types.js';

/** What sample values look like. */
export type ValueKind = 'email' | 'phone' | 'url' | 'date' | 'datetime' | 'amount' | 'integer' | 'boolean' | 'currencyCode' | 'countryCode' | 'sfId' | 'code' | 'text' | 'empty';

const CURRENCIES = new Set('USD EUR GBP JPY CAD AUD CHF CNY SEK NOK DKK NZD SGD HKD INR BRL MXN ZAR PLN CZK HUF ILS KRW TRY AED SAR'.split(' '));
const COUNTRIES = new Set('US GB DE FR CA AU JP NL ES IT IN BR MX IE CH SE NO DK FI BE AT PL PT SG NZ CN ZA IL KR HK AE SA TR'.split(' '));

/**
 * Dates as NetSuite and Salesforce show them in a user's locale (saved searches, CSV exports, RESTlets): 3/13/2026,
 * 13.03.2026, 13-Mar-2026, Mar 13, 2026, 13 March 2026.
 */
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const LOCAL_DATE = new RegExp(`^(\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{1,2}[- ]${MONTH}[- ,]+\\d{4}|${MONTH} \\d{1,2},? \\d{4})$`, 'i');
const LOCAL_DATETIME = new RegExp(`^(${LOCAL_DATE.source.slice(1, -1)})[ T]\\d{1,2}:\\d{2}`, 'i');
/** Amounts as people write them: $12,500.00, 1,250, €99.90, 12.5%. */
const FORMATTED_AMOUNT = /^[-+]?[$€£¥]?\s?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s?%?$|^[-+]?[$€£¥]\s?\d+(\.\d+)?$/;

export function valueKind(v: string): ValueKind {
  const s = v.trim();
  if (s === '') return 'empty';
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(s)) return 'email';
  if (/^(https?:\/\/|www\.)/i.test(s) || /^[a-z0-9-]+\.(com|io|org|net|de|co|uk|fr)(\/.*)?$/i.test(s)) return 'url';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) || LOCAL_DATE.test(s)) return 'date';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) || LOCAL_DATETIME.test(s)) return 'datetime';
  if (/^(true|false)$/i.test(s)) return 'boolean';
  if (/^[a-zA-Z0-9]{5}0[a-zA-Z0-9]{9}([a-zA-Z0-9]{3})?$/.test(s) && /\d/.test(s) && /[a-zA-Z]/.test(s)) return 'sfId';
  if (/^[+(]?[\d\s().-]{7,}$/.test(s) && /\d{3}/.test(s) && (s.includes('-') || s.includes(' ') || s.startsWith('+') || s.startsWith('(')) && isValidPhoneNumber(s, 'US')) return 'phone';
  if (/^-?\d+$/.test(s)) return 'integer';
  if (/^-?\d+\.\d+$/.test(s) || FORMATTED_AMOUNT.test(s)) return 'amount';
  if (CURRENCIES.has(s)) return 'currencyCode';
  if (COUNTRIES.has(s)) return 'countryCode';
  if (/^[A-Z0-9][A-Z0-9-_/.]{2,}$/.test(s) && /\d/.test(s)) return 'code';
  return 'text';
}

export type Profile = Map<ValueKind, number>;

export function profileOf(samples: readonly string[] | undefined): Profile | undefined {
  const vals = (samples ?? []).filter((s) => s.trim() !== '');
  if (vals.length === 0) return undefined;
  const p: Profile = new Map();
  for (const v of vals) p.set(valueKind(v), (p.get(valueKind(v)) ?? 0) + 1 / vals.length);
  return p;
}

/** Histogram intersection of two profiles; integers and amounts count as half-agreeing. */
export function profileAgreement(a: Profile, b: Profile): number {
  let s = 0;
  for (const [k, v] of a) s += Math.min(v, b.get(k) ?? 0);
  const numeric = (p: Profile) => (p.get('amount') ?? 0) + (p.get('integer') ?? 0);
  if (s < 0.5) s = Math.max(s, 0.5 * Math.min(numeric(a), numeric(b)));
  return s;
}

const EXPECTS: Partial<Record<TypeFamily, ValueKind[]>> = {
  email: ['email'],
  phone: ['phone'],
  url: ['url'],
  date: ['date', 'datetime'],
  datetime: ['datetime', 'date'],
  money: ['amount', 'integer'],
  number: ['amount', 'integer'],
  percent: ['amount', 'integer'],
  boolean: ['boolean'],
};

/** How well source samples fit the target's declared type: 1 fits, 0 contradicts, undefined = no opinion. */
export function profileFitsType(p: Profile, target: TypeFamily): number | undefined {
  const want = EXPECTS[target];
  if (!want) return undefined;
  let s = 0;
  for (const k of want) s += p.get(k) ?? 0;
  return s;
}

export const dominantKind = (p: Profile): ValueKind => [...p.entries()].sort((a, b) => b[1] - a[1])[0]![0];
