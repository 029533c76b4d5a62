import type { SchemaField } from './schema.js';
import { concepts, conceptSimilarity, rawTokens, type Concepts } from './tokens.js';
import { referencedObject } from './sf-key-prefixes.js';
import type { PreparedField } from './prepared.js';

/** Fields that store the other system's id for a record, and the lookups or selects they feed directly. */
export const NS_WORDS = new Set(['netsuite', 'ns']);
const ID_WORDS = new Set(['id', 'internal', 'int', 'key', 'reference', 'ref']);
/** "NS Customer ID" / "Donor Acct NS ID" on a Salesforce field: it stores that NetSuite record's internal id. */
export function netSuiteIdHolder(field: SchemaField): Concepts | undefined {
  for (const text of [field.label, field.name]) {
    const words = rawTokens(text);
    if (!words.some((w) => NS_WORDS.has(w)) || !ID_WORDS.has(words[words.length - 1]!)) continue;
    const record = words.filter((w) => !NS_WORDS.has(w) && !ID_WORDS.has(w));
    if (record.length) return concepts(record.join(' '), { isReference: true });
  }
  return undefined;
}

const SF_WORDS = new Set(['sf', 'sfdc', 'salesforce']);
/** What a NetSuite field storing Salesforce ids stores: by its words ("SFDC Account ID"), by its samples' key prefix. */
export interface SalesforceIdHolder {
  words: Concepts[];
  prefix?: Concepts;
}

/**
 * "SFDC Account ID", "Cust SFDC ID" on a NetSuite field, or Salesforce ids as its samples: the Salesforce record
 * whose id it stores, by its words and by its samples' key prefix.
 */
export function salesforceIdHolder(field: SchemaField): SalesforceIdHolder | undefined {
  const words: Concepts[] = [];
  const byPrefix = referencedObject(field.samples);
  for (const text of [field.label, field.name]) {
    const tokens = rawTokens(text).flatMap((w) => (w === 'sfid' || w === 'sfdcid' ? ['sf', 'id'] : [w]));
    if (!tokens.some((w) => SF_WORDS.has(w)) || !ID_WORDS.has(tokens[tokens.length - 1]!)) continue;
    const record = tokens.filter((w) => !SF_WORDS.has(w) && !ID_WORDS.has(w));
    if (record.length) words.push(concepts(record.join(' '), { isReference: true }));
  }
  if (!words.length && !byPrefix) return undefined;
  return { words, ...(byPrefix ? { prefix: concepts(byPrefix.object, { isReference: true }) } : {}) };
}

/** A stored-id link: why, and how strong (a lookup named more or less precisely than the holder is a little weaker). */
export interface IdLink {
  reason: string;
  strength: number;
}
const EXACT = 0.95;
const NESTED = 0.9;
/** A Salesforce lookup read loosely from a key prefix ("Retail Account" for an Account id; "Deposit Account" too). */
const PREFIX_NESTED = 0.75;

/**
 * A Salesforce lookup takes a record id: a NetSuite field storing that record's Salesforce id feeds it directly. Its
 * words must name the lookup's record; a looser reading ("Retail Account" for an Account id) needs the samples' key
 * prefix, as words alone are ambiguous ("SF Order Item ID" is no product).
 */
export function salesforceIdLink(holder: PreparedField, lookup: PreparedField): IdLink | undefined {
  const h = holder.storesSalesforceIdOf;
  if (!h || lookup.system !== 'salesforce' || lookup.family !== 'reference') return undefined;
  const all = [...h.words, ...(h.prefix ? [h.prefix] : [])];
  const sim = Math.max(...all.flatMap((c) => [lookup.name, lookup.label].map((l) => conceptSimilarity(c, l).score)));
  const reason = `${holder.field.name} stores the Salesforce id that the lookup ${lookup.field.name} takes`;
  if (sim >= 0.8) return { reason, strength: EXACT };
  return h.prefix && labelReadings(lookup).some((c) => nests(h.prefix!, c)) ? { reason, strength: PREFIX_NESTED } : undefined;
}

/**
 * The record a holder's words name is the thing a lookup or select names: each one's last word (the thing named) is
 * among the other's words ("Payee Vendor" / "Vendor", "Vendor" / "Subcontractor (Vendor)", "Account" / "Retail
 * Account"; not "Vendor" / "Vendor Bill", nor "Quote Line Item" / "Quote").
 */
function nests(holder: Concepts, select: Concepts): boolean {
  const kh = [...holder.items.keys()];
  const ks = [...select.items.keys()];
  return kh.length > 0 && ks.length > 0 && holder.items.has(ks[ks.length - 1]!) && select.items.has(kh[kh.length - 1]!);
}

/**
 * A lookup's label, and for "Sponsor (Customer)" each of its two parts: the role and the record kind. Read once per
 * field: it is asked for every holder the field is scored against.
 */
function labelReadings(f: PreparedField): Concepts[] {
  let readings = readingsOf.get(f);
  if (!readings) {
    const m = /^(.+?)\s*\((.+)\)\s*$/.exec(f.field.label ?? '');
    readings = m ? [f.label, concepts(m[1]!, { isReference: true }), concepts(m[2]!, { isReference: true })] : [f.label];
    readingsOf.set(f, readings);
  }
  return readings;
}
const readingsOf = new WeakMap<PreparedField, Concepts[]>();

/** A NetSuite select takes an internal id: a Salesforce field storing that record's NetSuite id feeds it directly. */
export function netSuiteIdLink(holder: PreparedField, select: PreparedField): IdLink | undefined {
  if (!holder.storesNetSuiteIdOf || select.system !== 'netsuite' || (select.family !== 'reference' && select.family !== 'picklist')) return undefined;
  // NetSuite's account is the GL account: its glossary's "bank account" is no customer's id.
  const alts = select.field.name === 'account' ? [] : select.alts;
  // "NS License ID" on License__c stores the record's own id, not a select's.
  const own = [...holder.storesNetSuiteIdOf.items.keys()].every((k) => holder.objectWords.includes(k));
  if (own) return undefined;
  const sim = Math.max(...[select.name, select.label, ...alts].map((c) => conceptSimilarity(holder.storesNetSuiteIdOf!, c).score));
  const reason = `${holder.field.name} stores the NetSuite internal id that ${select.field.name} takes`;
  if (sim >= 0.8) return { reason, strength: EXACT };
  return [...labelReadings(select), ...alts].some((c) => nests(holder.storesNetSuiteIdOf!, c)) ? { reason, strength: NESTED } : undefined;
}
