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
/**
 * "SFDC Account ID", "Cust SFDC ID" on a NetSuite field, or Salesforce ids as its samples: the Salesforce record
 * whose id it stores, by its words and by its samples' key prefix.
 */
export function salesforceIdHolder(field: SchemaField): Concepts[] | undefined {
  const out: Concepts[] = [];
  const byPrefix = referencedObject(field.samples);
  if (byPrefix) out.push(concepts(byPrefix.object, { isReference: true }));
  for (const text of [field.label, field.name]) {
    const words = rawTokens(text).flatMap((w) => (w === 'sfid' || w === 'sfdcid' ? ['sf', 'id'] : [w]));
    if (!words.some((w) => SF_WORDS.has(w)) || !ID_WORDS.has(words[words.length - 1]!)) continue;
    const record = words.filter((w) => !SF_WORDS.has(w) && !ID_WORDS.has(w));
    if (record.length) out.push(concepts(record.join(' '), { isReference: true }));
  }
  return out.length ? out : undefined;
}

/** A Salesforce lookup takes a record id: a NetSuite field storing that record's Salesforce id feeds it directly. */
export function salesforceIdLink(holder: PreparedField, lookup: PreparedField): string | undefined {
  if (!holder.storesSalesforceIdOf || lookup.system !== 'salesforce' || lookup.family !== 'reference') return undefined;
  const sim = Math.max(...holder.storesSalesforceIdOf.flatMap((h) => [lookup.name, lookup.label].map((c) => conceptSimilarity(h, c).score)));
  return sim >= 0.8 ? `${holder.field.name} stores the Salesforce id that the lookup ${lookup.field.name} takes` : undefined;
}

/**
 * The record a holder's words name is the thing a select names: one's concepts contain the other's and the holder
 * has the select's last concept ("Patient Cust" / "Patient", "Vendor" / "Subcontractor (Vendor)"; not "Vendor" /
 * "Vendor Bill").
 */
function nests(holder: Concepts, select: Concepts): boolean {
  const kh = [...holder.items.keys()];
  const ks = [...select.items.keys()];
  if (!kh.length || !ks.length || !holder.items.has(ks[ks.length - 1]!)) return false;
  return kh.every((k) => select.items.has(k)) || ks.every((k) => holder.items.has(k));
}

/** A NetSuite select takes an internal id: a Salesforce field storing that record's NetSuite id feeds it directly. */
export function netSuiteIdLink(holder: PreparedField, select: PreparedField): string | undefined {
  if (!holder.storesNetSuiteIdOf || select.system !== 'netsuite' || (select.family !== 'reference' && select.family !== 'picklist')) return undefined;
  // NetSuite's account is the GL account: its glossary's "bank account" is no customer's id.
  const alts = select.field.name === 'account' ? [] : select.alts;
  const sim = Math.max(...[select.name, select.label, ...alts].map((c) => conceptSimilarity(holder.storesNetSuiteIdOf!, c).score));
  // "NS License ID" on License__c stores the record's own id, not a select's.
  const own = [...holder.storesNetSuiteIdOf.items.keys()].every((k) => holder.objectWords.includes(k));
  return !own && (sim >= 0.8 || [select.label, ...alts].some((c) => nests(holder.storesNetSuiteIdOf!, c)))
    ? `${holder.field.name} stores the NetSuite internal id that ${select.field.name} takes`
    : undefined;
}
