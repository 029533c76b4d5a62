import type { SchemaField } from './schema.js';
import { expandTokens, rawTokens, sharesStem } from './tokens.js';
import type { TypeFamily } from './types.js';

/**
 * What a date says about its record's life, when its words say nothing else a counterpart shares: "Commencement
 * Date" and "Lease Start" both start a period, "Maint Exp" and "Contract End" both end one, "Date/Time Opened" and
 * NetSuite's transaction date both date the document. Two dates in the same role are weak counterparts; the suggester
 * uses the role only when it is the field's only one of that role in its schema (see prepareSchema).
 */
export type DateRole = 'start' | 'end' | 'created' | 'document' | 'decision';

const ROLE_WORDS: Record<Exclude<DateRole, 'document'>, readonly string[]> = {
  start: ['start', 'begin', 'beginning', 'effective', 'inception', 'commencement', 'commence', 'commenced', 'activation', 'activated', 'golive', 'live', 'onboarded', 'installed', 'install', 'installation', 'first', 'from', 'since', 'opened'],
  end: ['end', 'ending', 'ended', 'expiration', 'expire', 'expired', 'termination', 'terminated', 'terminate', 'term', 'close', 'closed', 'closing', 'finish', 'finished', 'completion', 'complete', 'completed', 'disconnect', 'disconnected', 'disconnection', 'cancel', 'cancelled', 'canceled', 'cancellation', 'resolved', 'resolution', 'thru', 'through', 'until', 'till', 'to'],
  created: ['created', 'creation', 'entered', 'logged', 'reported', 'received', 'submitted', 'opened', 'raised'],
  decision: ['approval', 'approved', 'decision', 'decided', 'signed', 'signature', 'executed', 'booked', 'booking', 'won', 'awarded', 'accepted', 'released', 'release'],
};
/** Last words of a date's label that open or close a period ("Valid From", "Good Thru"). */
export const PERIOD_START: ReadonlySet<string> = new Set(['from', 'since', 'starting', 'commencing']);
export const PERIOD_END: ReadonlySet<string> = new Set(['thru', 'through', 'until', 'till', 'to']);

/** Roles that date the same moment: a record's creation is its document's date. */
const COMPATIBLE: Record<DateRole, readonly DateRole[]> = {
  start: ['start'],
  end: ['end'],
  created: ['created', 'document'],
  document: ['created', 'document'],
  decision: ['decision'],
};

/** The roles a date field plays, from its own words (never from its type alone). */
export function dateRolesOf(field: SchemaField, family: TypeFamily, objectWords: readonly string[], system?: 'salesforce' | 'netsuite'): DateRole[] {
  if (family !== 'date' && family !== 'datetime') return [];
  const words = new Set([...rawTokens(field.label || ''), ...rawTokens(field.name), ...expandTokens(rawTokens(`${field.label} ${field.name}`))]);
  const roles = new Set<DateRole>();
  for (const [role, list] of Object.entries(ROLE_WORDS) as [Exclude<DateRole, 'document'>, readonly string[]][]) if (list.some((w) => words.has(w))) roles.add(role);
  // "Effective To", "Valid From": a closing From/To word decides between start and end.
  const raw = rawTokens(field.label || field.name);
  const last = raw[raw.length - 1];
  if (roles.has('start') && roles.has('end') && last) {
    if (PERIOD_END.has(last)) roles.delete('start');
    else if (PERIOD_START.has(last)) roles.delete('end');
  }
  // An opportunity closes when it is won: its close date is the booking decision, not the end of a period.
  if (objectWords.includes('opportunity') && (words.has('close') || words.has('closed'))) {
    roles.delete('end');
    roles.add('decision');
  }
  // NetSuite's transaction date ("Date") dates the document.
  if (system === 'netsuite' && /^trandate$/i.test(field.name)) roles.add('document');
  return [...roles];
}

/** The roles two date fields share (each role kept only where it is unique in its schema). */
export function sharedDateRole(a: readonly DateRole[], b: readonly DateRole[]): DateRole | undefined {
  for (const r of a) if (COMPATIBLE[r].some((x) => b.includes(x))) return r;
  return undefined;
}

const OPPOSITE: Record<string, string> = { active: 'inactive', inactive: 'active', open: 'closed', closed: 'open', approved: 'rejected', enabled: 'disabled', disabled: 'enabled' };

/**
 * "Inactive" (a checkbox) and a Status picklist whose values read "Active": the picklist's values name the checkbox,
 * or its opposite (mapped with a negating transform). Returns the value that names it.
 */
export function checkboxNamedByValue(box: { field: SchemaField; family: TypeFamily }, list: { family: TypeFamily; samples: Set<string>; status?: boolean }): string | undefined {
  if (box.family !== 'boolean' || !list.samples.size) return undefined;
  // A list, or a read-only status held as text (NetSuite's status: "Paid In Full").
  if (list.family !== 'picklist' && list.family !== 'reference' && !(list.family === 'text' && list.status)) return undefined;
  const words = [...rawTokens(box.field.label || ''), ...rawTokens(box.field.name)].filter((w) => w !== 'is');
  const oneWord = new Set(words).size === 1;
  // A value spelling the whole label ("Customer-Owned" for "Customer Owned?").
  const phrase = rawTokens(box.field.label || box.field.name).join(' ');
  for (const v of list.samples) if (rawTokens(v).join(' ') === phrase) return v;
  for (const w of words) {
    if (list.samples.has(w)) return w;
    const o = OPPOSITE[w];
    if (o && list.samples.has(o)) return o;
    // "Paid In Full" for "Paid?": a value that begins with the checkbox's one word.
    if (oneWord) for (const v of list.samples) if (rawTokens(v)[0] === w && rawTokens(v).length <= 3) return v;
    // "Non-union" among the values: the list says whether the record is union or not.
    for (const v of list.samples) if (/^(non|not|no)$/.test(rawTokens(v)[0] ?? '') && rawTokens(v).slice(1).join(' ') === w) return v;
  }
  return undefined;
}

/** Words that say a field is a status or a kind, not what it is about. */
const KIND_OF_LIST = new Set(['status', 'state', 'stage', 'type', 'code', 'category', 'kind', 'flag', 'is', 'ns', 'netsuite', 'sf', 'salesforce']);

/**
 * "Approval Status" and a Status list whose values read "Approved", "Pending Approval": the values speak of what the
 * target is about. Returns the value that does.
 */
export function listValuesNameTarget(target: { field: SchemaField; family: TypeFamily }, list: { family: TypeFamily; samples: Set<string> }): string | undefined {
  if (target.family !== 'picklist' && target.family !== 'reference') return undefined;
  if (list.family !== 'picklist' || !list.samples.size) return undefined;
  const words = rawTokens(target.field.label || target.field.name);
  // Only a status or kind of something ("Approval Status", "Delivery Type"), not a thing ("Customer").
  if (!words.some((w) => KIND_OF_LIST.has(w))) return undefined;
  const about = words.filter((w) => !KIND_OF_LIST.has(w) && w.length >= 4);
  if (!about.length) return undefined;
  for (const v of list.samples) for (const w of rawTokens(v)) if (about.some((a) => a === w || sharesStem(a, w))) return v;
  return undefined;
}
