import type { SchemaField } from './schema.js';
import { rawTokens, expandTokens } from './tokens.js';
import { DOCUMENT_NOUNS, STOPWORDS, SYSTEM_TOKENS } from './lexicon.js';
import { NS_WORDS } from './stored-ids.js';
import type { PreparedField } from './prepared.js';

/** Numbers, documents and initials: "Load No", "Invoice #" held by a select, "BOL" for Bill of Lading. */
/** Words that say what kind of value a field holds rather than what it is about ("BOL No", "POE Code"). */
const KIND_WORDS = new Set(['number', 'no', 'num', 'nbr', '#', 'date', 'dt', 'amt', 'amount', 'id', 'code', 'ref', 'value', 'val']);

const NUMBER_WORDS = new Set(['number', 'no', 'num', 'nbr', '#']);
/** The field that names its record: Salesforce Name, an auto-number, NetSuite's primary name or document number. */
const namesRecord = (f: PreparedField) => f.field.name === 'Name' || f.customName === true || f.name.items.has('primary_name') || f.name.items.has('document_number');

/** What a field's "<words> No" refers to, computed once per field. */
export function numberWordsOf(field: SchemaField): { text: string; words: string; letters: string }[] {
  const out: { text: string; words: string; letters: string }[] = [];
  for (const text of [field.label, field.name]) {
    const raw = rawTokens(text);
    if (!raw.some((w) => NUMBER_WORDS.has(w))) continue;
    // "SF Case #" numbers a case: the system's name says where, not what.
    const rest = expandTokens(raw.filter((w) => !NUMBER_WORDS.has(w) && !KIND_WORDS.has(w) && !SYSTEM_TOKENS.has(w)));
    if (rest.length) out.push({ text, words: rest.join(' '), letters: raw.filter((w) => !NUMBER_WORDS.has(w)).join('') });
  }
  return out;
}

/** Document nouns as the suggester reads them ("sales order" → "sale order"); "document" and "transaction" say no type. */
const DOCUMENT_TYPES = new Set(DOCUMENT_NOUNS.filter((n) => n !== 'document' && n !== 'transaction').map((n) => expandTokens(n.split(' ')).join(' ')));
/** The document a "<document> #" field numbers ("Invoice #", "Order Number"), if its words say. */
export function documentNounOf(numberOf: readonly { words: string }[]): string | undefined {
  for (const n of numberOf) {
    // The whole phrase ("sale order"), else its last words ("Replacement Order" numbers an order).
    const words = n.words.split(' ');
    for (let k = 0; k < words.length; k++) {
      const tail = words.slice(k).join(' ');
      if (DOCUMENT_TYPES.has(tail)) return SAME_DOCUMENT[tail] ?? tail;
    }
  }
  return undefined;
}
/** Names of one document in the two systems' words: a quote is an estimate, an agreement a contract... */
const SAME_DOCUMENT: Record<string, string> = { 'sale order': 'order', quote: 'estimate', agreement: 'contract', 'credit note': 'credit memo', bill: 'invoice', fulfillment: 'shipment', receipt: 'payment' };

/** "Load No" on a NetSuite invoice is the number (Name) of the Salesforce Load__c it came from. */
export function otherRecordNumber(num: PreparedField, named: PreparedField): string | undefined {
  if (!num.numberOf.length) return undefined;
  const words = named.objectWords;
  if (!words.length || !namesRecord(named)) return undefined;
  const initials = words.length > 1 ? words.map((w) => w[0]).join('') : undefined;
  const hit = num.numberOf.find((n) => n.words === words.join(' ') || (initials && n.letters === initials));
  return hit && `"${hit.text}" is the number of the ${words.join(' ')} record, which ${named.field.name} names`;
}

/** NetSuite shows a transaction in a select as "<Type> #<number>" ("Sales Order #SO-24-01877"): the type, if most samples agree. */
export function recordTypeOfSamples(samples: readonly string[] | undefined): string | undefined {
  const types = (samples ?? []).map((v) => /^([A-Za-z][A-Za-z ]{2,40}?) ?#\s?\S+/.exec(v.trim())?.[1]?.toLowerCase());
  const first = types[0];
  return first && types.filter((t) => t === first).length * 2 > types.length ? first : undefined;
}

/** "Invoice #" (text) and a NetSuite select "Invoice" or "Source Inv": the select's display text is that number. */
export function selectNumber(num: PreparedField, select: PreparedField): string | undefined {
  if (!num.numberOf.length || select.system !== 'netsuite' || (select.family !== 'reference' && select.family !== 'picklist')) return undefined;
  if (num.family !== 'text' && num.family !== 'id') return undefined;
  for (const text of [select.field.label, select.field.name, ...(select.selectsRecord ? [select.selectsRecord] : [])]) {
    const words = expandTokens(rawTokens(text)).filter((w) => !NS_WORDS.has(w));
    if (!words.length) continue;
    for (const n of num.numberOf) {
      const mine = n.words.split(' '); // system words are already out (numberWordsOf)
      const [short, long] = mine.length <= words.length ? [mine, words] : [words, mine];
      const initials = words.length > 1 && n.letters.replace(/^(ns|netsuite)/, '') === words.map((w) => w[0]).join('');
      if (initials || (short.length && short.every((w, i) => long[long.length - short.length + i] === w)))
        return `"${n.text}" holds the number of the ${words.join(' ')} that ${select.field.name} selects (its display text)`;
    }
  }
  return undefined;
}

/** Lone 3-5 letter tokens of a field's name or label ("BOL #" gives "bol"), computed once per field. */
export function acronymsOf(field: SchemaField): string[] {
  const out = new Set<string>();
  for (const text of [field.name, field.label]) {
    const words = rawTokens(text).filter((w) => !KIND_WORDS.has(w));
    if (words.length === 1 && /^[a-z]{3,5}$/.test(words[0]!)) out.add(words[0]!);
  }
  return [...out];
}

/** The initials a label or name spells, with and without its small words, computed once per field. */
export function initialsOf(field: SchemaField): { text: string; initials: string[] }[] {
  const out: { text: string; initials: string[] }[] = [];
  for (const text of [field.label, field.name]) {
    const words = rawTokens(text).filter((w) => !KIND_WORDS.has(w));
    const content = words.filter((w) => !STOPWORDS.has(w));
    if (words.length < 3 && content.length < 2) continue;
    out.push({ text, initials: [words.map((w) => w[0]).join(''), content.map((w) => w[0]).join('')] });
  }
  return out;
}

/** "BOL" on one field and "Bill of Lading" on the other: the short one spells the long one's initials. */
export function acronymMatch(short: PreparedField, long: PreparedField): string | undefined {
  if (!short.acronyms.length) return undefined;
  for (const { text, initials } of long.initialsOf)
    for (const i of initials) if (short.acronyms.includes(i)) return `"${i.toUpperCase()}" is the initials of "${text}"`;
  return undefined;
}
