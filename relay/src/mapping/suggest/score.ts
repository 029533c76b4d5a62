import type { SchemaField } from './schema.js';
import { concepts, conceptSimilarity, rawTokens, expandTokens, type Concepts } from './tokens.js';
import { DOCUMENT_NOUNS, STOPWORDS } from './lexicon.js';
import { typeCompatibility, typeFamily, type TypeFamily } from './types.js';
import { NETSUITE_GLOSSARY, SALESFORCE_GLOSSARY } from './glossary.js';
import { referencedObject } from './sf-key-prefixes.js';
import { dominantKind, profileAgreement, profileFitsType, profileOf, type Profile } from './profile.js';
import { checkboxNamedByValue, dateRolesOf, listValuesNameTarget, sharedDateRole, type DateRole } from './roles.js';

/** A field prepared once: its concepts from name and label, type family and value profile. */
export interface PreparedField {
  field: SchemaField;
  name: Concepts;
  label: Concepts;
  family: TypeFamily;
  profile?: Profile;
  samples: Set<string>;
  /** Alternative labels from the NetSuite or Salesforce glossary. */
  alts: Concepts[];
  /** First letters of every concept above: two fields with none in common share no word. */
  initials: Set<string>;
  /** The field is the primary Name of an admin-built (custom) object. */
  customName?: boolean;
  /** The Salesforce object this reference's sample ids point to (by key prefix). */
  pointsTo?: string;
  /** The NetSuite record type a select's samples show ("Sales Order #SO-1877" is a sales order). */
  selectsRecord?: string;
  /** The words of the field's own object ("rental agreement"). */
  objectWords: string[];
  /** "NS Customer ID", "NetSuite SO Internal Id": the NetSuite record whose internal id this field stores. */
  storesNetSuiteIdOf?: Concepts;
  /** "SFDC Account ID" on a NetSuite field (or Salesforce ids as its samples): the Salesforce record it stores. */
  storesSalesforceIdOf?: Concepts[];
  /** OwnerId of a service or billing record (Case, ReturnOrder, blng__/pse__ records): a service or billing user. */
  serviceOwner?: boolean;
  /** A lone 3-5 letter token of the name or label ("BOL"), which may be another field's initials. */
  acronyms: readonly string[];
  /** The initials of a label or name of three or more words ("Bill of Lading": "bol", "bl"). */
  initialsOf: readonly { text: string; initials: readonly string[] }[];
  /** "Load No", "RA #": the words before a number word, expanded ("load") and as typed ("ra"). */
  numberOf: readonly { text: string; words: string; letters: string }[];
  system?: 'salesforce' | 'netsuite';
  /** Words of one side of an opposition ("next" / "last", "gross" / "net"), as their pole: next, gross... */
  poles: readonly string[];
  /** The value is only asked for, planned or estimated ("Requested Limit", "Est. Hours", "Proposed Price"). */
  tentative: boolean;
  /** What a date says about its record's life (start, end, created...), unique in its schema (see roles.ts). */
  dateRoles: DateRole[];
}

/** Salesforce records owned by service, support or billing users rather than by sales reps. */
const SERVICE_OBJECT = /^(Case|WorkOrder|WorkOrderLineItem|ReturnOrder|ReturnOrderLineItem|ServiceAppointment|ServiceContract|PartnerFundClaim|PartnerFundRequest|ProductRequest|ProductTransfer|EmailMessage|Knowledge__kav|(blng|pse|c2g)__\w+)$/;
const PERIOD_START = new Set(['from', 'since', 'starting', 'commencing']);
const PERIOD_END = new Set(['thru', 'through', 'until', 'till', 'to']);
const PRIMARY_NAMES = new Set(['Name', 'name', 'companyName', 'displayName', 'entityName']);
/** Opposed words, each mapped to its pole: a field saying one and a field saying the other are different things. */
const POLES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['next', 'upcoming', 'following'], ['last', 'previous', 'prior', 'preceding']],
  [['gross'], ['net']],
  [['min', 'minimum', 'floor'], ['max', 'maximum', 'ceiling', 'cap']],
  [['debit', 'dr'], ['credit', 'cr']],
  [['inbound', 'incoming'], ['outbound', 'outgoing']],
  [['opening', 'beginning'], ['closing', 'ending']],
  [['old', 'former'], ['new']],
];
const POLE: Record<string, string> = Object.fromEntries(POLES.flatMap(([a, b], i) => [...a.map((w) => [w, `${i}a`]), ...b.map((w) => [w, `${i}b`])]));
const opposed = (a: readonly string[], b: readonly string[]) => a.some((p) => !b.includes(p) && b.includes(p.slice(0, -1) + (p.endsWith('a') ? 'b' : 'a')));

/** Words that make a value tentative: asked for, planned or estimated rather than settled. */
const TENTATIVE = new Set(['requested', 'request', 'req', 'proposed', 'estimated', 'est', 'planned', 'projected', 'forecast', 'forecasted', 'draft', 'desired', 'target']);
/** Last words of a lookup's label that name a person's role on the record. */
const ROLE_NOUNS = new Set(['advisor', 'adviser', 'mgr', 'manager', 'coordinator', 'consultant', 'specialist', 'officer', 'planner', 'champion', 'sponsor']);
/** Records that are people: their "Manager" is a supervisor, not a role on the record. */
const HUMAN_OBJECTS = new Set(['contact', 'employee', 'lead', 'user']);
const PERSON_OBJECTS = new Set(['contact', 'employee', 'lead', 'user', 'partner', 'vendor', 'customer']);

export function prepareField(field: SchemaField, object: string, system?: 'salesforce' | 'netsuite', opts: { autoNumberName?: boolean } = {}): PreparedField {
  const objectWords = expandTokens(rawTokens(object.replace(/^customrecord_?/i, '')));
  const objectTokens = new Set(objectWords);
  const objectInitials = objectWords.length > 1 ? objectWords.map((w) => w[0]).join('') : undefined;
  const family = typeFamily(field.type);
  const isReference = family === 'reference';
  const profile = profileOf(field.samples);
  // Only admin-built objects name their number after themselves ("Shipment No" on Shipment__c).
  const custom = /__c$|^customrecord/i.test(object);
  const ctx = { objectTokens, ...(custom ? { objectWords } : {}), ...(objectInitials && custom ? { objectInitials } : {}), isReference };
  const name = concepts(field.name, ctx);
  // The record's primary name (Salesforce Name, NetSuite companyName/displayName/name) share a concept.
  if (PRIMARY_NAMES.has(field.name)) name.items.set('primary_name', 1);
  // On records that are not people, NetSuite's "title" is the record's name (estimate, campaign, task).
  const personRecord = PERSON_OBJECTS.has(object.toLowerCase());
  const label = concepts(field.label || field.name, ctx);
  // "<Object> Name" as a label ("Supplier Name" on Supplier__c) is the record's primary name too.
  for (const c of [name, label])
    if (!personRecord && c.items.has('job_title') && c.items.size === 1) {
      c.items.delete('job_title');
      c.items.set('primary_name', 1);
    }
  // Salesforce objects without a Name field (Case, Contract, WorkOrder, ...) are named by their auto-number
  // <Object>Number (CaseNumber, ContractNumber, WorkOrderNumber): it is the record's primary name.
  if (system === 'salesforce' && opts.autoNumberName && field.name === `${object}Number`) {
    name.items = new Map([['primary_name', 1], ['document_number', 1]]);
    name.via.set('primary_name', `${field.name} (auto-number name)`);
  }
  // "Submitted By", "Approved By" name a person; a date "Reimburse By", "Respond By" is a deadline (a due date).
  const raw = rawTokens(field.label || field.name);
  // A date "Valid From" / "Effective From" starts a period, "Valid Thru" / "Good Until" ends one.
  const last = raw[raw.length - 1];
  if ((family === 'date' || family === 'datetime') && raw.length >= 2 && last) {
    const marker = PERIOD_START.has(last) ? 'start_date' : PERIOD_END.has(last) ? 'end_date' : undefined;
    if (marker) {
      label.items.set(marker, 1);
      label.via.set(marker, field.label || field.name);
    }
  }
  if (raw.length >= 2 && raw[raw.length - 1] === 'by') {
    const deadline = family === 'date' || family === 'datetime';
    label.items.set(deadline ? 'due_date' : 'person', 1);
    label.via.set(deadline ? 'due_date' : 'person', field.label || field.name);
  }
  // On a record that is not a person (a vendor or customer may be), a lookup named by a role ("Advisor", "Implementation Mgr") holds a person.
  if (!HUMAN_OBJECTS.has(object.toLowerCase()) && (family === 'reference' || family === 'picklist') && raw.length && ROLE_NOUNS.has(raw[raw.length - 1]!) && !label.items.has('person')) {
    label.items.set('person', 1);
    label.via.set('person', field.label || field.name);
  }
  // NetSuite's field named account is always the general-ledger (or bank) account: the customer is entity/customer.
  if (system === 'netsuite' && field.name === 'account')
    for (const c of [name, label]) {
      c.items = new Map([['gl_account', 1]]);
      c.via.set('gl_account', 'account (NetSuite: the GL account)');
    }
  const labelWords = expandTokens(rawTokens(field.label || ''));
  if (labelWords.length > 1 && labelWords[labelWords.length - 1] === 'name' && labelWords.slice(0, -1).every((w) => objectTokens.has(w))) label.items.set('primary_name', 1);
  const alts = (system === 'netsuite' ? (NETSUITE_GLOSSARY[field.name] ?? []) : system === 'salesforce' ? (SALESFORCE_GLOSSARY[field.name] ?? []) : []).map((p) => concepts(p, { isReference }));
  // A Salesforce reference whose sample ids name the object it points to (001… is an Account).
  const pointsTo = system === 'salesforce' && isReference ? referencedObject(field.samples) : undefined;
  for (const phrase of pointsTo?.means ?? []) alts.push(concepts(phrase, { isReference }));
  const selectsRecord = system === 'netsuite' && (isReference || family === 'picklist') ? recordTypeOfSamples(field.samples) : undefined;
  if (selectsRecord) alts.push(concepts(selectsRecord, { isReference: true }));
  const initials = new Set([name, label, ...alts].flatMap((c) => [...c.items.keys()].map((k) => k[0]!)));
  const storesNetSuiteIdOf = system === 'salesforce' ? netSuiteIdHolder(field) : undefined;
  const storesSalesforceIdOf = system === 'netsuite' && !isReference ? salesforceIdHolder(field) : undefined;
  return {
    field,
    name,
    label,
    family,
    initials,
    objectWords,
    ...(storesNetSuiteIdOf ? { storesNetSuiteIdOf } : {}),
    ...(storesSalesforceIdOf ? { storesSalesforceIdOf } : {}),
    ...(system === 'salesforce' && field.name === 'OwnerId' && SERVICE_OBJECT.test(object) ? { serviceOwner: true } : {}),
    acronyms: acronymsOf(field),
    initialsOf: initialsOf(field),
    numberOf: numberWordsOf(field),
    dateRoles: dateRolesOf(field, family, objectWords, system),
    tentative: [...rawTokens(field.label || ''), ...rawTokens(field.name)].some((w) => TENTATIVE.has(w)),
    poles: [...new Set([...rawTokens(field.label || ''), ...rawTokens(field.name)].map((w) => POLE[w]).filter((x): x is string => !!x))],
    ...(system === 'salesforce' && custom && field.name === 'Name' ? { customName: true } : {}),
    ...(pointsTo ? { pointsTo: pointsTo.object } : {}),
    ...(selectsRecord ? { selectsRecord } : {}),
    ...(profile ? { profile } : {}),
    samples: new Set((field.samples ?? []).map((s) => s.trim().toLowerCase()).filter(Boolean)),
    alts,
    ...(system ? { system } : {}),
  };
}

export interface PairScore {
  confidence: number;
  reasons: string[];
  /** What the confidence rests on, for the second (elimination) pass in suggest.ts. */
  evidence?: { lexical: number; matched: string[]; typeFit: number; headMismatch: boolean; storedId?: boolean };
}

/** Weights tuned on the dev split of test/mapping-eval (see docs/mapping.md). */
export const SCORE_WEIGHTS = { lexical: 1, typeFloor: 0.55, profileFloor: 0.75, overlapBonus: 0.15, memorySame: 0.35, memoryOther: 0.15, distinctiveValues: 0.6, personRole: 0.45, customName: 0.45, acronym: 0.75, recordNumber: 0.6, netSuiteId: 0.95, dateRole: 0.4, valueNamesBox: 0.5, selectNumber: 0.5, tentative: 0.95, opposed: 0.4, otherDocument: 0.5, valuesNameTarget: 0.5 };
const DISTINCTIVE = new Set(['email', 'phone', 'url']);

const describeOne = (c: string, via: Map<string, string>): string => {
  if (c.includes('≈')) return `"${c.replace('≈', '" abbreviates "')}"`;
  if (c.includes('~')) return `"${c.replace('~', '" shares a stem with "')}"`;
  if (c.includes('=')) return `"${c.replace('=', '" is "').replace('+', ' ')}"`;
  const plain = c.replace(/_/g, ' ');
  return via.get(c) && via.get(c) !== plain ? `"${plain}" (via "${via.get(c)}")` : `"${plain}"`;
};
const describeMatch = (m: string[], via: Map<string, string>) => m.map((c) => describeOne(c, via)).join(', ');

/** "External Id", "Ext Ref", "External Key": a field that stores another system's record id. */
const externalKey = (f: SchemaField) => {
  const words = expandTokens(rawTokens(`${f.name} ${f.label}`));
  return words.includes('external') && words.some((w) => w === 'id' || w === 'reference' || w === 'key');
};

const glossaryReason = (f: PreparedField, what: string, score: number) =>
  f.system === 'salesforce' ? `Salesforce's ${f.field.name} means ${what} in ERP terms (${score.toFixed(2)})` : `NetSuite's ${f.field.name} means ${what} in CRM terms (${score.toFixed(2)})`;

const PERSON_CONCEPTS = ['employee', 'owner', 'manager', 'contact', 'project_manager', 'user'];
const hasAny = (f: PreparedField, keys: readonly string[]) => [f.name, f.label, ...f.alts].some((c) => keys.some((k) => c.items.has(k)));
function personLink(a: PreparedField, b: PreparedField): string | undefined {
  // An email or phone of a person is not the person ("Partner Contact Email").
  if (!a.label.items.has('person') || b.label.items.has('person') || DISTINCTIVE.has(b.family) || !hasAny(b, PERSON_CONCEPTS)) return undefined;
  return `"${a.field.label}" names a person, and ${b.field.label || b.field.name} holds one`;
}

/** Words that say what kind of value a field holds rather than what it is about ("BOL No", "POE Code"). */
const KIND_WORDS = new Set(['number', 'no', 'num', 'nbr', '#', 'date', 'dt', 'amt', 'amount', 'id', 'code', 'ref', 'value', 'val']);

const NS_WORDS = new Set(['netsuite', 'ns']);
const ID_WORDS = new Set(['id', 'internal', 'int', 'key', 'reference', 'ref']);
/** "NS Customer ID" / "Donor Acct NS ID" on a Salesforce field: it stores that NetSuite record's internal id. */
function netSuiteIdHolder(field: SchemaField): Concepts | undefined {
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
function salesforceIdHolder(field: SchemaField): Concepts[] | undefined {
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
function salesforceIdLink(holder: PreparedField, lookup: PreparedField): string | undefined {
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
function netSuiteIdLink(holder: PreparedField, select: PreparedField): string | undefined {
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

const ROLE_TEXT: Record<DateRole, string> = { start: 'start a period', end: 'end a period', created: 'date the record\'s creation', document: 'date the document', decision: 'date a decision (approval, signature, booking)' };

const NUMBER_WORDS = new Set(['number', 'no', 'num', 'nbr', '#']);
/** The field that names its record: Salesforce Name, an auto-number, NetSuite's primary name or document number. */
const namesRecord = (f: PreparedField) => f.field.name === 'Name' || f.customName === true || f.name.items.has('primary_name') || f.name.items.has('document_number');

/** What a field's "<words> No" refers to, computed once per field. */
function numberWordsOf(field: SchemaField): { text: string; words: string; letters: string }[] {
  const out: { text: string; words: string; letters: string }[] = [];
  for (const text of [field.label, field.name]) {
    const raw = rawTokens(text);
    if (!raw.some((w) => NUMBER_WORDS.has(w))) continue;
    const rest = expandTokens(raw.filter((w) => !NUMBER_WORDS.has(w) && !KIND_WORDS.has(w)));
    if (rest.length) out.push({ text, words: rest.join(' '), letters: raw.filter((w) => !NUMBER_WORDS.has(w)).join('') });
  }
  return out;
}

/** Document nouns as the suggester reads them ("sales order" → "sale order"); "document" and "transaction" say no type. */
const DOCUMENT_TYPES = new Set(DOCUMENT_NOUNS.filter((n) => n !== 'document' && n !== 'transaction').map((n) => expandTokens(n.split(' ')).join(' ')));
/** The document a "<document> #" field numbers ("Invoice #", "Order Number"), if its words say. */
function documentNoun(f: PreparedField): string | undefined {
  for (const n of f.numberOf) if (DOCUMENT_TYPES.has(n.words)) return SAME_DOCUMENT[n.words] ?? n.words;
  return undefined;
}
/** Names of one document in the two systems' words: a quote is an estimate, an agreement a contract... */
const SAME_DOCUMENT: Record<string, string> = { quote: 'estimate', agreement: 'contract', 'credit note': 'credit memo', bill: 'invoice', fulfillment: 'shipment', receipt: 'payment' };

/** "Load No" on a NetSuite invoice is the number (Name) of the Salesforce Load__c it came from. */
function otherRecordNumber(num: PreparedField, named: PreparedField): string | undefined {
  if (!num.numberOf.length) return undefined;
  const words = named.objectWords;
  if (!words.length || !namesRecord(named)) return undefined;
  const initials = words.length > 1 ? words.map((w) => w[0]).join('') : undefined;
  const hit = num.numberOf.find((n) => n.words === words.join(' ') || (initials && n.letters === initials));
  return hit && `"${hit.text}" is the number of the ${words.join(' ')} record, which ${named.field.name} names`;
}

/** NetSuite shows a transaction in a select as "<Type> #<number>" ("Sales Order #SO-24-01877"): the type, if most samples agree. */
function recordTypeOfSamples(samples: readonly string[] | undefined): string | undefined {
  const types = (samples ?? []).map((v) => /^([A-Za-z][A-Za-z ]{2,40}?) ?#\s?\S+/.exec(v.trim())?.[1]?.toLowerCase());
  const first = types[0];
  return first && types.filter((t) => t === first).length * 2 > types.length ? first : undefined;
}

/** "Invoice #" (text) and a NetSuite select "Invoice" or "Source Inv": the select's display text is that number. */
function selectNumber(num: PreparedField, select: PreparedField): string | undefined {
  if (!num.numberOf.length || select.system !== 'netsuite' || (select.family !== 'reference' && select.family !== 'picklist')) return undefined;
  if (num.family !== 'text' && num.family !== 'id') return undefined;
  for (const text of [select.field.label, select.field.name, ...(select.selectsRecord ? [select.selectsRecord] : [])]) {
    const words = expandTokens(rawTokens(text)).filter((w) => !NS_WORDS.has(w));
    if (!words.length) continue;
    for (const n of num.numberOf) {
      const mine = n.words.split(' ').filter((w) => !NS_WORDS.has(w));
      const [short, long] = mine.length <= words.length ? [mine, words] : [words, mine];
      const initials = words.length > 1 && n.letters.replace(/^(ns|netsuite)/, '') === words.map((w) => w[0]).join('');
      if (initials || (short.length && short.every((w, i) => long[long.length - short.length + i] === w)))
        return `"${n.text}" holds the number of the ${words.join(' ')} that ${select.field.name} selects (its display text)`;
    }
  }
  return undefined;
}

/** Lone 3-5 letter tokens of a field's name or label ("BOL #" gives "bol"), computed once per field. */
function acronymsOf(field: SchemaField): string[] {
  const out = new Set<string>();
  for (const text of [field.name, field.label]) {
    const words = rawTokens(text).filter((w) => !KIND_WORDS.has(w));
    if (words.length === 1 && /^[a-z]{3,5}$/.test(words[0]!)) out.add(words[0]!);
  }
  return [...out];
}

/** The initials a label or name spells, with and without its small words, computed once per field. */
function initialsOf(field: SchemaField): { text: string; initials: string[] }[] {
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
function acronymMatch(short: PreparedField, long: PreparedField): string | undefined {
  if (!short.acronyms.length) return undefined;
  for (const { text, initials } of long.initialsOf)
    for (const i of initials) if (short.acronyms.includes(i)) return `"${i.toUpperCase()}" is the initials of "${text}"`;
  return undefined;
}

/**
 * Scores a source field for a target field and says why. With `explain` false only the confidence and evidence are
 * computed (no reason strings): the suggester scores every pair that way and explains only the pairs it suggests.
 */
export function scorePair(s: PreparedField, t: PreparedField, explain = true): PairScore {
  const tc = typeCompatibility(s.family, t.family);
  if (tc === 0) return { confidence: 0, reasons: explain ? [`types incompatible: ${s.field.type} → ${t.field.type}`] : [] };
  // The owner of a case, return or billing record is a service or billing user, not the customer's sales rep.
  if ((s.serviceOwner && t.system === 'netsuite' && t.field.name === 'salesRep') || (t.serviceOwner && s.system === 'netsuite' && s.field.name === 'salesRep'))
    return { confidence: 0, reasons: explain ? ['the owner of a service or billing record is not the sales rep'] : [] };
  // NetSuite's account is a GL or bank account: a lookup holding Salesforce Account ids is the customer, never that.
  if ((s.pointsTo === 'Account' && t.system === 'netsuite' && t.field.name === 'account') || (t.pointsTo === 'Account' && s.system === 'netsuite' && s.field.name === 'account'))
    return { confidence: 0, reasons: explain ? ['NetSuite\'s account is the GL account, not the customer that an Account lookup names'] : [] };
  const reasons: string[] = [];
  const combos: [string, Concepts, Concepts][] = [
    ['names', s.name, t.name],
    ['labels', s.label, t.label],
    ['name/label', s.name, t.label],
    ['label/name', s.label, t.name],
  ];
  for (const alt of t.alts) combos.push(['name/glossary', s.name, alt], ['label/glossary', s.label, alt]);
  for (const alt of s.alts) combos.push(['glossary/name', alt, t.name], ['glossary/label', alt, t.label]);
  // Every kind of word match needs a shared first letter: fields without one are not compared word by word.
  const comparable = [...s.initials].some((c) => t.initials.has(c));
  const sims = combos
    .map(([what, a, b]) => {
      const sim = comparable ? conceptSimilarity(a, b) : { score: 0, matched: [] as string[] };
      // A glossary match is a little weaker evidence than the field's own name or label.
      return { what, a, b, matched: sim.matched, headMismatch: 'headMismatch' in sim && sim.headMismatch === true, score: what.includes('glossary') ? 0.9 * sim.score : sim.score };
    })
    .sort((x, y) => y.score - x.score);
  const top = sims[0]!;
  const best = { ...top, via: explain ? new Map([...top.a.via, ...top.b.via]) : new Map<string, string>() };
  const second = sims[1]!;
  let lexical = 0.75 * best.score + 0.25 * second.score;
  if (explain && best.score > 0)
    reasons.push(
      best.what.includes('glossary')
        ? glossaryReason(best.what.startsWith('glossary') ? s : t, describeMatch(best.matched, best.via), best.score)
        : `${best.what} match on ${describeMatch(best.matched, best.via)} (${best.score.toFixed(2)})`,
    );
  if (explain) for (const f of [s, t]) if (f.pointsTo && best.score > 0 && best.what.includes('glossary')) reasons.push(`${f.field.name}'s sample ids are ${f.pointsTo} records`);
  // System-specific id vocabulary: "NetSuite Id" on one side and internalId on the other.
  const sysT = t.name.mentionsSystem ?? t.label.mentionsSystem;
  if (sysT && s.name.items.has('internal_id') && (t.name.items.has('internal_id') || t.label.items.has('internal_id'))) lexical = Math.max(lexical, 0.95);
  // "BOL" / "Bill of Lading", "POE" / "Port of Entry": one side spells the other's initials.
  const acronym = acronymMatch(s, t) ?? acronymMatch(t, s);
  if (acronym && lexical < SCORE_WEIGHTS.acronym) {
    lexical = SCORE_WEIGHTS.acronym;
    if (explain) reasons.push(acronym);
  }
  const idLink = netSuiteIdLink(s, t) ?? netSuiteIdLink(t, s) ?? salesforceIdLink(s, t) ?? salesforceIdLink(t, s);
  if (idLink && lexical < SCORE_WEIGHTS.netSuiteId) {
    lexical = SCORE_WEIGHTS.netSuiteId;
    if (explain) reasons.push(idLink);
  }
  // "Load No" / "RA Number" on one side names the record on the other side (Load__c, Rental_Agreement__c).
  const recordNumber = otherRecordNumber(s, t) ?? otherRecordNumber(t, s);
  if (recordNumber && lexical < SCORE_WEIGHTS.recordNumber) {
    lexical = SCORE_WEIGHTS.recordNumber;
    if (explain) reasons.push(recordNumber);
  }
  const bySelect = selectNumber(s, t) ?? selectNumber(t, s);
  if (bySelect && lexical < SCORE_WEIGHTS.selectNumber) {
    lexical = SCORE_WEIGHTS.selectNumber;
    if (explain) reasons.push(bySelect);
  }
  // Two dates in the same role of their records' lives ("Commencement Date" / "Lease Start").
  const role = lexical < SCORE_WEIGHTS.dateRole ? sharedDateRole(s.dateRoles, t.dateRoles) : undefined;
  if (role) {
    lexical = SCORE_WEIGHTS.dateRole;
    if (explain) reasons.push(`both dates ${ROLE_TEXT[role]} (the only such date on each side)`);
  }
  // A list whose values speak of what the target is about ("Approval Status" / Status = "Pending Approval").
  const spoken = lexical < SCORE_WEIGHTS.valuesNameTarget ? listValuesNameTarget(t, s) : undefined;
  if (spoken) {
    lexical = SCORE_WEIGHTS.valuesNameTarget;
    if (explain) reasons.push(`${s.field.name}'s values ("${spoken}") speak of ${t.field.label || t.field.name}`);
  }
  // A checkbox named by a value of the status list ("Inactive" / Status = "Active").
  const named = checkboxNamedByValue(t, s);
  if (named && lexical < SCORE_WEIGHTS.valueNamesBox) {
    lexical = SCORE_WEIGHTS.valueNamesBox;
    if (explain) reasons.push(`${s.field.name}'s values include "${named}", which ${t.field.label || t.field.name} ${rawTokens(t.field.label || t.field.name).includes(named) ? 'names' : 'negates'}`);
  }
  // A custom object that mirrors a NetSuite transaction or numbered record is named by its document number.
  const mirrors = (a: PreparedField, b: PreparedField) => a.customName && b.system === 'netsuite' && [b.name, ...b.alts].some((c) => c.items.has('document_number'));
  if ((mirrors(s, t) || mirrors(t, s)) && lexical < SCORE_WEIGHTS.customName) {
    lexical = SCORE_WEIGHTS.customName;
    if (explain) reasons.push(`a custom object mirroring a NetSuite record is named by its document number`);
  }
  // On a Salesforce custom field fed from NetSuite, "External Id/Ref/Key" holds the other system's id: internalId.
  if (s.system === 'netsuite' && t.system === 'salesforce' && s.field.name === 'internalId' && /__c$/.test(t.field.name) && externalKey(t.field)) {
    lexical = Math.max(lexical, 0.8);
    if (explain) reasons.push(`an external key on a Salesforce custom field holds the NetSuite record's internal id`);
  }

  // A person named by a role ("Submitted By") and a field holding a person (employee, owner, contact).
  const person = personLink(s, t) ?? personLink(t, s);
  if (person && lexical < SCORE_WEIGHTS.personRole) {
    lexical = SCORE_WEIGHTS.personRole;
    if (explain) reasons.push(person);
  }
  if (explain) reasons.push(tc === 1 ? `same type (${t.field.type})` : `compatible types (${s.field.type} → ${t.field.type}, ${tc.toFixed(2)})`);

  let profileFactor = 1;
  let valueEvidence = 0;
  if (s.profile && t.profile) {
    const agree = profileAgreement(s.profile, t.profile);
    profileFactor = SCORE_WEIGHTS.profileFloor + (1 - SCORE_WEIGHTS.profileFloor) * agree;
    if (explain) reasons.push(`sample values ${agree >= 0.5 ? 'agree' : 'differ'} (${dominantKind(s.profile)} vs ${dominantKind(t.profile)})`);
  } else if (s.profile) {
    const fit = profileFitsType(s.profile, t.family);
    if (fit !== undefined) {
      profileFactor = SCORE_WEIGHTS.profileFloor + (1 - SCORE_WEIGHTS.profileFloor) * fit;
      if (explain) reasons.push(fit >= 0.5 ? `source samples look like ${dominantKind(s.profile)}, as a ${t.field.type} field expects` : `source samples (${dominantKind(s.profile)}) do not look like ${t.field.type}`);
      // Distinctive values (emails, phones, web addresses) speak for themselves when names are vague.
      if (DISTINCTIVE.has(t.family) && fit >= 0.8) valueEvidence = SCORE_WEIGHTS.distinctiveValues * fit;
    }
  }
  // A stored NetSuite internal id fits a select fully, and a status value converts to the checkbox it names.
  const typeFit = idLink || named ? 1 : tc;
  if (named) profileFactor = 1;
  let confidence = Math.max(lexical, valueEvidence) * (SCORE_WEIGHTS.typeFloor + (1 - SCORE_WEIGHTS.typeFloor) * typeFit) * profileFactor;
  if (s.samples.size && t.samples.size) {
    let shared = 0;
    for (const v of s.samples) if (t.samples.has(v)) shared++;
    if (shared) {
      confidence += SCORE_WEIGHTS.overlapBonus * Math.min(1, shared / Math.min(s.samples.size, t.samples.size));
      if (explain) reasons.push(`${shared} sample value(s) appear on both sides`);
    }
  }
  const inverse = (a: Concepts, b: Concepts) => [...a.items.keys()].includes('active') && rawTokens(a === s.name ? s.field.name : t.field.name).includes('inactive') !== rawTokens(b === s.name ? s.field.name : t.field.name).includes('inactive');
  if (explain && s.name.items.has('active') && t.name.items.has('active') && inverse(s.name, t.name)) reasons.push('opposite sense (Active vs Inactive): map with a negating transform ($not)');
  // "Invoice #" is not "Order Number": two numbers of different documents.
  const docS = documentNoun(s);
  const docT = documentNoun(t);
  if (docS && docT && docS !== docT) {
    confidence *= SCORE_WEIGHTS.otherDocument;
    if (explain) reasons.push(`numbers of different documents (${docS} / ${docT})`);
  }
  // "Next PM Due" is not "Last PM Date", "Net Lbs" not "Gross Wt (lbs)".
  if (opposed(s.poles, t.poles) || opposed(t.poles, s.poles)) {
    confidence *= SCORE_WEIGHTS.opposed;
    if (explain) reasons.push('the two fields say opposite things (next/last, gross/net, min/max...)');
  }
  // A settled target takes a settled value first: "Credit Limit" prefers "Approved Limit" to "Requested Limit".
  if (s.tentative && !t.tentative) {
    confidence *= SCORE_WEIGHTS.tentative;
    if (explain) reasons.push(`${s.field.label || s.field.name} is only requested, planned or estimated`);
  }
  return { confidence: Math.min(confidence, 0.99), reasons, evidence: { lexical, matched: best.score > 0 ? best.matched : [], typeFit: tc * profileFactor, headMismatch: best.headMismatch, ...(idLink ? { storedId: true } : {}) } };
}
