import type { SchemaField } from './schema.js';
import { conceptSimilarity, rawTokens, expandTokens, type Concepts } from './tokens.js';
import { typeCompatibility } from './types.js';
import { dominantKind, profileAgreement, profileFitsType } from './profile.js';
import { checkboxNamedByValue, listValuesNameTarget, sharedDateRole, type DateRole } from './roles.js';
import { opposed, type PreparedField } from './prepared.js';
import { netSuiteIdLink, salesforceIdLink } from './stored-ids.js';
import { acronymMatch, otherRecordNumber, selectNumber } from './numbers.js';

export { prepareField, type PreparedField } from './prepared.js';

export interface PairScore {
  confidence: number;
  reasons: string[];
  /** What the confidence rests on, for the second (elimination) pass in suggest.ts. */
  evidence?: { lexical: number; matched: string[]; typeFit: number; headMismatch: boolean; storedId?: boolean };
}

/** One comparison of a source's and a target's words (names, labels or glossary labels). */
interface Comparison {
  what: string;
  a: Concepts;
  b: Concepts;
  matched: string[];
  headMismatch: boolean;
  score: number;
}
const NOTHING: Concepts = { items: new Map(), via: new Map() };
const NO_MATCH: Comparison = { what: 'names', a: NOTHING, b: NOTHING, matched: [], headMismatch: false, score: 0 };

/** Weights tuned on the dev split of test/mapping-eval (see docs/mapping.md). */
export const SCORE_WEIGHTS = { lexical: 1, typeFloor: 0.55, profileFloor: 0.75, overlapBonus: 0.15, memorySame: 0.35, memoryOther: 0.15, distinctiveValues: 0.6, personRole: 0.45, customName: 0.45, acronym: 0.75, recordNumber: 0.6, dateRole: 0.4, valueNamesBox: 0.5, selectNumber: 0.6, tentative: 0.95, opposed: 0.4, otherDocument: 0.5, valuesNameTarget: 0.5 };
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

/** A field labelled as a person ("Approved By") against a date or a status. */
const notAPerson = (a: PreparedField, b: PreparedField) =>
  a.label.items.has('person') && !b.label.items.has('person') && (b.family === 'date' || b.family === 'datetime' || b.statusWord || b.label.items.has('approval_status') || b.name.items.has('approval_status'));

const ROLE_TEXT: Record<DateRole, string> = { start: 'start a period', end: 'end a period', created: 'date the record\'s creation', document: 'date the document', decision: 'date a decision (approval, signature, booking)' };

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
  // Every kind of word match needs a shared first letter: fields without one are not compared word by word.
  let comparable = false;
  for (const c of s.initials)
    if (t.initials.has(c)) {
      comparable = true;
      break;
    }
  // The best and second-best of the name, label and glossary comparisons (first one wins a tie), without building
  // them all: this runs for every field pair of wide schemas.
  let top: Comparison = NO_MATCH;
  let second: Comparison = NO_MATCH;
  const consider = (what: string, a: Concepts, b: Concepts) => {
    if (!comparable) return;
    const sim = conceptSimilarity(a, b);
    // A glossary match is a little weaker evidence than the field's own name or label.
    const score = what.includes('glossary') ? 0.9 * sim.score : sim.score;
    if (score > top.score) {
      second = top;
      top = { what, a, b, matched: sim.matched, headMismatch: sim.headMismatch === true, score };
    } else if (score > second.score) second = { what, a, b, matched: sim.matched, headMismatch: sim.headMismatch === true, score };
  };
  consider('names', s.name, t.name);
  consider('labels', s.label, t.label);
  consider('name/label', s.name, t.label);
  consider('label/name', s.label, t.name);
  for (const alt of t.alts) {
    consider('name/glossary', s.name, alt);
    consider('label/glossary', s.label, alt);
  }
  for (const alt of s.alts) {
    consider('glossary/name', alt, t.name);
    consider('glossary/label', alt, t.label);
  }
  const best = { ...top, via: explain ? new Map([...top.a.via, ...top.b.via]) : new Map<string, string>() };
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
  if (idLink && lexical < idLink.strength) {
    lexical = idLink.strength;
    if (explain) reasons.push(idLink.reason);
  }
  // "Load No" / "RA Number" on one side names the record on the other side (Load__c, Rental_Agreement__c).
  const recordNumber = otherRecordNumber(s, t) ?? otherRecordNumber(t, s);
  if (recordNumber && lexical < SCORE_WEIGHTS.recordNumber) {
    lexical = SCORE_WEIGHTS.recordNumber;
    if (explain) reasons.push(recordNumber);
  }
  const bySelect = s.numberOf.length || t.numberOf.length ? (selectNumber(s, t) ?? selectNumber(t, s)) : undefined;
  if (bySelect && lexical < SCORE_WEIGHTS.selectNumber) {
    lexical = SCORE_WEIGHTS.selectNumber;
    if (explain) reasons.push(bySelect);
  }
  // Two dates in the same role of their records' lives ("Commencement Date" / "Lease Start").
  const role = lexical < SCORE_WEIGHTS.dateRole && s.dateRoles.length && t.dateRoles.length ? sharedDateRole(s.dateRoles, t.dateRoles) : undefined;
  if (role) {
    lexical = SCORE_WEIGHTS.dateRole;
    if (explain) reasons.push(`both dates ${ROLE_TEXT[role]} (the only such date on each side)`);
  }
  // A list whose values speak of what the target is about ("Approval Status" / Status = "Pending Approval").
  const spoken = lexical < SCORE_WEIGHTS.valuesNameTarget && s.samples.size && s.family === 'picklist' ? listValuesNameTarget(t, s) : undefined;
  if (spoken) {
    lexical = SCORE_WEIGHTS.valuesNameTarget;
    if (explain) reasons.push(`${s.field.name}'s values ("${spoken}") speak of ${t.field.label || t.field.name}`);
  }
  // A checkbox named by a value of the status list ("Inactive" / Status = "Active").
  const named = t.family === 'boolean' && s.samples.size ? checkboxNamedByValue(t, { family: s.family, samples: s.samples, status: s.statusWord }) : undefined;
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
  const docS = s.documentNoun;
  const docT = t.documentNoun;
  if (docS && docT && docS !== docT) {
    confidence *= SCORE_WEIGHTS.otherDocument;
    if (explain) reasons.push(`numbers of different documents (${docS} / ${docT})`);
  }
  // "Approved By" names a person: never a status or a date ("Approval Status", "Approved On").
  if (notAPerson(s, t) || notAPerson(t, s)) {
    confidence *= SCORE_WEIGHTS.opposed;
    if (explain) reasons.push('one field names a person, the other a status or a date');
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
