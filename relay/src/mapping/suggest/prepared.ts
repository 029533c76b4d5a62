import type { SchemaField } from './schema.js';
import { concepts, rawTokens, expandTokens, type Concepts } from './tokens.js';
import { typeFamily, type TypeFamily } from './types.js';
import { NETSUITE_GLOSSARY, SALESFORCE_GLOSSARY } from './glossary.js';
import { referencedObject } from './sf-key-prefixes.js';
import { profileOf, type Profile } from './profile.js';
import { dateRolesOf, PERIOD_END, PERIOD_START, type DateRole } from './roles.js';
import { netSuiteIdHolder, salesforceIdHolder, type SalesforceIdHolder } from './stored-ids.js';
import { acronymsOf, documentNounOf, initialsOf, numberWordsOf, recordTypeOfSamples } from './numbers.js';

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
  storesSalesforceIdOf?: SalesforceIdHolder;
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
  /** The document a "<document> #" field numbers ("invoice" for "Invoice #"), read once. */
  documentNoun?: string;
  /** The field's own words call it a status ("Status", "Bill Status"). */
  statusWord: boolean;
  /** The value is only asked for, planned or estimated ("Requested Limit", "Est. Hours", "Proposed Price"). */
  tentative: boolean;
  /** What a date says about its record's life (start, end, created...), unique in its schema (see roles.ts). */
  dateRoles: DateRole[];
}

/** Salesforce records owned by service, support or billing users rather than by sales reps. */
const SERVICE_OBJECT = /^(Case|WorkOrder|WorkOrderLineItem|ReturnOrder|ReturnOrderLineItem|ServiceAppointment|ServiceContract|PartnerFundClaim|PartnerFundRequest|ProductRequest|ProductTransfer|EmailMessage|Knowledge__kav|(blng|pse|c2g)__\w+)$/;
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
/** One field says one pole of an opposition and the other field the opposite pole. */
export const opposed = (a: readonly string[], b: readonly string[]) => a.some((p) => !b.includes(p) && b.includes(p.slice(0, -1) + (p.endsWith('a') ? 'b' : 'a')));

/** On vendor bills and credits NetSuite labels tranId "Reference No.": it holds the vendor's own invoice number. */
const vendorReference = (f: SchemaField) => f.name === 'tranId' && /^ref(erence)?\.? ?(no|num|number|#)/i.test(f.label ?? '');
const VENDOR_REFERENCE = ['reference number', 'vendor invoice number', 'supplier invoice number', 'vendor reference', 'vendor bill number'];

/** Words that make a value tentative: asked for, planned or estimated rather than settled, or a former value. */
const TENTATIVE = new Set(['requested', 'request', 'req', 'reqd', 'proposed', 'estimated', 'est', 'planned', 'projected', 'forecast', 'forecasted', 'draft', 'desired', 'target', 'prior', 'previous', 'prev', 'former']);
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
  const glossary = system === 'netsuite' ? (vendorReference(field) ? VENDOR_REFERENCE : NETSUITE_GLOSSARY[field.name]) : system === 'salesforce' ? SALESFORCE_GLOSSARY[field.name] : undefined;
  const alts = (glossary ?? []).map((p) => concepts(p, { isReference }));
  // A Salesforce reference whose sample ids name the object it points to (001… is an Account).
  const pointsTo = system === 'salesforce' && isReference ? referencedObject(field.samples) : undefined;
  for (const phrase of pointsTo?.means ?? []) alts.push(concepts(phrase, { isReference }));
  const selectsRecord = system === 'netsuite' && (isReference || family === 'picklist') ? recordTypeOfSamples(field.samples) : undefined;
  if (selectsRecord) alts.push(concepts(selectsRecord, { isReference: true }));
  const initials = new Set([name, label, ...alts].flatMap((c) => [...c.items.keys()].map((k) => k[0]!)));
  // The field's own words, label and name, as typed: what says it is a status, tentative, or one pole of an opposition.
  const ownWords = [...rawTokens(field.label || ''), ...rawTokens(field.name)];
  const numberOf = numberWordsOf(field);
  const documentNoun = documentNounOf(numberOf);
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
    numberOf,
    ...(documentNoun ? { documentNoun } : {}),
    statusWord: ownWords.includes('status'),
    dateRoles: dateRolesOf(field, family, objectWords, system),
    tentative: ownWords.some((w) => TENTATIVE.has(w)),
    poles: [...new Set(ownWords.map((w) => POLE[w]).filter((x): x is string => !!x))],
    ...(system === 'salesforce' && custom && field.name === 'Name' ? { customName: true } : {}),
    ...(pointsTo ? { pointsTo: pointsTo.object } : {}),
    ...(selectsRecord ? { selectsRecord } : {}),
    ...(profile ? { profile } : {}),
    samples: new Set((field.samples ?? []).map((s) => s.trim().toLowerCase()).filter(Boolean)),
    alts,
    ...(system ? { system } : {}),
  };
}
