import { ABBREVIATIONS, DOCUMENT_NOUNS, GENERIC_WEIGHT, STOPWORDS, SYNONYM_GROUPS, SYSTEM_TOKENS } from './lexicon.js';

/** Splits an API name or a label into lower-case word tokens: camelCase, snake_case, `__c`, prefixes, digits. */
export function rawTokens(s: string): readonly string[] {
  let hit = rawMemo.get(s);
  if (!hit) {
    if (rawMemo.size > 50_000) rawMemo.clear();
    hit = tokenize(s);
    rawMemo.set(s, hit);
  }
  return hit;
}
/** Field names and labels repeat across every pair scored: tokenised once each (bounded). */
const rawMemo = new Map<string, readonly string[]>();

function tokenize(s: string): string[] {
  const t = s
    .replace(/^[a-z0-9]+__(?=[A-Za-z])/, '') // namespace prefix nsc__Field__c
    .replace(/__(c|r|e|mdt|x)$/i, '')
    .replace(/^(custentity|custbody|custitem|custcol|custrecord|custevent)_?/i, '')
    .replace(/([A-Za-z])['’]([A-Za-z])/g, '$1$2') // contractions: Rec'd, Req'd, Purch'd
    .replace(/([a-z]{2,})_d(?=_|$)/g, '$1d') // the same in an API name: Rec_d_Dt, Install_Req_d
    .replace(/NetSuite/g, 'Netsuite')
    .replace(/SalesForce/g, 'Salesforce')
    .replace(/#/g, ' # ')
    .replace(/%/g, ' % ')
    .replace(/\$/g, ' $ ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/[_\-./\\()?,:;'"&+]+/g, ' ')
    .toLowerCase()
    .split(/\s+/)
    .filter((x) => x.length > 0);
  return t;
}

/** Words that, ending a field name after a system name, mark a stored record id. */
const ID_MARKERS = new Set(['id', 'reference', 'key']);

const stem = (w: string) => (w.length > 4 && w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') ? w.slice(0, -1) : w);

/** Expands abbreviations token by token ("inv dt" → "invoice date"), drops stopwords, stems plurals. */
export function expandTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const e = ABBREVIATIONS[t] ?? t;
    for (const x of e.split(' ')) if (!STOPWORDS.has(x)) out.push(x === '#' || x === '%' ? x : stem(x));
  }
  return out;
}

const phraseIndex: { words: string[]; concept: string }[] = (() => {
  const list: { words: string[]; concept: string }[] = [];
  for (const group of SYNONYM_GROUPS) {
    const concept = group[0]!.replace(/ /g, '_');
    for (const p of group) list.push({ words: expandTokens(p.split(' ')), concept });
  }
  for (const noun of DOCUMENT_NOUNS) {
    list.push({ words: [...expandTokens(noun.split(' ')), 'number'], concept: 'document_number' });
    // "Original Invoice", "Orig Order": the transaction this one was created from.
    list.push({ words: ['original', ...expandTokens(noun.split(' '))], concept: 'created_from' });
  }
  list.push({ words: ['transaction', 'id'], concept: 'document_number' });
  return list.sort((a, b) => b.words.length - a.words.length);
})();

/** Month names as period numbers. */
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS: Record<string, string> = Object.fromEntries([
  ...MONTH_NAMES.flatMap((m, i) => [[m, String(i + 1)], [m.slice(0, 3), String(i + 1)]]),
  ['sept', '9'],
]);

/** Words after which a label names what is left out ("excl. tax", "without freight"). */
const EXCLUSIONS = new Set(['excl', 'excluding', 'exclusive', 'without']);

export interface Concepts {
  /** Concept (or plain token) → weight. */
  items: Map<string, number>;
  /** How each concept was recognised, for reasons: concept → the words it came from. */
  via: Map<string, string>;
  mentionsSystem?: string;
}

/**
 * Folds tokens into concepts, longest phrase first. `objectTokens` (the object's own name) weigh little: on
 * Account, "Account Phone" is about the phone.
 */
export function concepts(text: string, opts: { objectTokens?: Set<string>; objectWords?: string[]; objectInitials?: string; isReference?: boolean } = {}): Concepts {
  let words = expandTokens(rawTokens(text));
  // "Contract Total (excl. Tax)": what follows an exclusion only qualifies the field; it is not what the field holds.
  const cut = words.findIndex((w) => EXCLUSIONS.has(w));
  if (cut > 0) words = words.slice(0, cut);
  // Month fields ("Jan Amt") are numbered periods on the other side (periodAmount1).
  words = words.map((w) => MONTHS[w] ?? w);
  // The object's initials stand for the object ("CN" on Credit_Note__c, "PO" on Purchase_Order__c), and
  // "<object> number" is the record's document number ("Shipment No" on Shipment__c).
  if (opts.objectInitials && words[0] === opts.objectInitials) words = [...(opts.objectWords ?? []), ...words.slice(1)];
  if (opts.objectWords?.length && words.length === opts.objectWords.length + 1 && words[words.length - 1] === 'number' && opts.objectWords.every((w, i) => words[i] === w))
    words = ['document_number_marker'];
  let mentionsSystem: string | undefined;
  const sys = words.find((w) => SYSTEM_TOKENS.has(w));
  if (sys) {
    mentionsSystem = sys === 'ns' || sys === 'netsuite' ? 'netsuite' : 'salesforce';
    const rest = words.filter((w) => !SYSTEM_TOKENS.has(w));
    // "NetSuite Id" / "NS Internal Id" = NetSuite's internalId.
    // "NetSuite Id", "NS Rec Id", "NS Item Ref", "NS Emp Key": NetSuite's internalId (but "NetSuite Entity Id" is the
    // entity number). Ref and Key mark a stored id as much as Id does.
    if (mentionsSystem === 'netsuite' && rest.length > 0 && ID_MARKERS.has(rest[rest.length - 1]!) && !rest.some((w) => w === 'entity' || w === 'external')) words = ['internal', 'id'];
    else words = rest;
  }
  // A reference field's trailing "id" says how it is stored, not what it is ("AccountId" is the account).
  if (opts.isReference && words.length > 1 && words[words.length - 1] === 'id') words = words.slice(0, -1);
  const items = new Map<string, number>();
  const via = new Map<string, string>();
  let i = 0;
  while (i < words.length) {
    if (words[i] === 'document_number_marker') {
      items.set('document_number', 1);
      via.set('document_number', `${(opts.objectWords ?? []).join(' ')} number`);
      i++;
      continue;
    }
    const hit = phraseIndex.find((p) => p.words.length > 0 && p.words.every((w, k) => words[i + k] === w));
    if (hit) {
      const w = opts.objectTokens?.has(hit.words.join(' ')) && words.length > hit.words.length ? 0.3 : 1;
      items.set(hit.concept, Math.max(items.get(hit.concept) ?? 0, w));
      via.set(hit.concept, hit.words.join(' '));
      i += hit.words.length;
      continue;
    }
    const t = words[i]!;
    const w = opts.objectTokens?.has(t) && words.length > 1 ? 0.3 : (GENERIC_WEIGHT[t] ?? 1);
    items.set(t, Math.max(items.get(t) ?? 0, w));
    i++;
  }
  // A reference to a "company" is a reference to the customer record.
  if (opts.isReference && items.has('company_name')) {
    items.set('customer', items.get('company_name')!);
    items.delete('company_name');
  }
  return { items, via, ...(mentionsSystem ? { mentionsSystem } : {}) };
}

/** True when `short` reads as an abbreviation of `long` (prefix, or first letter plus letters in order). */
export function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || short.length >= long.length) return false;
  if (long.startsWith(short) && short.length >= 3) return true;
  if (short[0] !== long[0] || short.length < 3) return false;
  let j = 0;
  for (const ch of long) if (ch === short[j]) j++;
  return j === short.length && short.length / long.length >= 0.35;
}

/**
 * Two plain words are inflections of one stem: they share a beginning of 5+ letters covering most of the shorter
 * word and then both go on differently ("approved"/"approval"). A word that is the other's prefix is left to
 * `abbreviates`.
 */
export function sharesStem(a: string, b: string): boolean {
  if (a.includes('_') || b.includes('_') || a === b) return false;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 5 && k < Math.min(a.length, b.length) && k >= 0.7 * Math.min(a.length, b.length);
}

/** The two unused words of `other` that spell `word` when joined ("birthdate" = "birth" + "date"), if any. */
function compoundParts(word: string, other: Concepts, used: Set<string>): [string, string] | undefined {
  if (word.length < 6) return undefined;
  for (const p of other.items.keys()) {
    if (used.has(p) || p.length < 3 || !word.startsWith(p)) continue;
    const rest = word.slice(p.length);
    if (rest.length >= 3 && rest !== p && other.items.has(rest) && !used.has(rest)) return [p, rest];
  }
  return undefined;
}

/** Words the lexicon knows as words: such a word is not an abbreviation of another ("item" is not "incoterm"). */
const KNOWN_WORDS: ReadonlySet<string> = new Set([...SYNONYM_GROUPS.flat(), ...Object.values(ABBREVIATIONS), ...DOCUMENT_NOUNS].flatMap((p) => expandTokens(p.split(' '))));

/**
 * One word abbreviates the other. A concept (a phrase such as start_date) is shortened only to its first word, and a
 * known word abbreviates another only as its prefix ("bill" for "billing").
 */
function abbreviationOf(t: string, u: string): boolean {
  const one = (a: string, b: string) => {
    if (a.includes('_')) return false;
    // A concept is shortened only to its first word ("start" for start_date), not to a prefix ("create").
    if (b.includes('_')) return b.startsWith(`${a}_`);
    return abbreviates(a, b) && (!KNOWN_WORDS.has(a) || b.startsWith(a));
  };
  return one(t, u) || one(u, t);
}

/**
 * A bounded two-key cache: `compute(a, b)` runs once per pair of keys; past `limit` entries the cache starts over.
 * Word-pair rules and concept similarity run for every field pair, over a small vocabulary, so most calls are hits.
 */
function pairCache<A, B, T>(compute: (a: A, b: B) => T, keyA: (a: A) => string, keyB: (b: B) => string, limit = 500_000): (a: A, b: B) => T {
  let memo = new Map<string, Map<string, T>>();
  let size = 0;
  return (a, b) => {
    const ka = keyA(a);
    const kb = keyB(b);
    let row = memo.get(ka);
    let hit = row?.get(kb);
    if (hit === undefined) {
      hit = compute(a, b);
      if (++size > limit) {
        memo = new Map();
        size = 1;
        row = undefined;
      }
      if (!row) {
        row = new Map();
        memo.set(ka, row);
      }
      row.set(kb, hit);
    }
    return hit;
  };
}
const word = (w: string) => w;
const abbreviationCached = pairCache(abbreviationOf, word, word);
const stemCached = pairCache(sharesStem, word, word);

const WORD_RULES = [[abbreviationCached, 0.7, '≈'], [stemCached, 0.8, '~']] as const;

/** Credit for closed compounds of `x` spelled by two words of `y`; marks the words used. */
function compounds(x: Concepts, y: Concepts, ux: Set<string>, uy: Set<string>, matched: string[]): number {
  let common = 0;
  for (const [t, wt] of x.items) {
    if (ux.has(t) || t.includes('_')) continue;
    const parts = compoundParts(t, y, uy);
    if (!parts) continue;
    common += 0.9 * ((wt + y.items.get(parts[0])! + y.items.get(parts[1])!) / 2);
    ux.add(t);
    uy.add(parts[0]);
    uy.add(parts[1]);
    matched.push(`${t}=${parts.join('+')}`);
  }
  return common;
}

/** Factor on a similarity whose two last words (the things named) both go unmatched. */
export const HEAD_MISMATCH = 0.8;
/** Factor on a similarity between fields numbered differently. */
export const NUMBER_MISMATCH = 0.3;

/** Weighted Dice similarity of two concept sets, with partial credit for abbreviations; and what matched. */
type Similarity = { score: number; matched: string[]; headMismatch?: boolean };

/** A concept set's identity for caching: its items in order (the last one is the head) with their weights. */
const signatures = new WeakMap<Concepts, string>();
function signature(c: Concepts): string {
  let sig = signatures.get(c);
  if (sig === undefined) {
    sig = [...c.items].map(([k, w]) => `${k}:${w}`).join('|');
    signatures.set(c, sig);
  }
  return sig;
}
/**
 * conceptSimilarity, cached by the two sets' contents: fields of wide schemas share most of their words and glossary
 * labels, so the same pairs of sets come back thousands of times. Callers must not mutate the result.
 */
export const conceptSimilarity: (a: Concepts, b: Concepts) => Similarity = pairCache(computeSimilarity, signature, signature);

function computeSimilarity(a: Concepts, b: Concepts): Similarity {
  let common = 0;
  const matched: string[] = [];
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  for (const [t, wa] of a.items) {
    const wb = b.items.get(t);
    if (wb !== undefined) {
      common += Math.min(wa, wb);
      usedA.add(t);
      usedB.add(t);
      matched.push(t);
    }
  }
  // Closed compounds: "birthdate" on one side, "birth" and "date" on the other.
  common += compounds(a, b, usedA, usedB, matched) + compounds(b, a, usedB, usedA, matched);
  // Abbreviations, then inflections of one stem ("approved"/"approval").
  for (const [rule, credit, sep] of WORD_RULES) {
    for (const [t, wa] of a.items) {
      if (usedA.has(t)) continue;
      for (const [u, wb] of b.items) {
        if (usedB.has(u) || !rule(t, u)) continue;
        common += credit * Math.min(wa, wb);
        usedA.add(t);
        usedB.add(u);
        matched.push(`${t}${sep}${u}`);
        break;
      }
    }
  }
  const total = [...a.items.values()].reduce((s, w) => s + w, 0) + [...b.items.values()].reduce((s, w) => s + w, 0);
  let score = total === 0 ? 0 : Math.min(1, (2 * common) / total);
  // The last word of a field name says what it is ("Billing Schedule" is a schedule, "Bill To Contact" a contact):
  // when both last words go unmatched, the shared words only qualify two different things.
  const head = (c: Concepts) => [...c.items.keys()].at(-1);
  const ha = head(a);
  const hb = head(b);
  const meaningfulHead = (h: string | undefined, used: Set<string>) => !!h && !used.has(h) && !(h in GENERIC_WEIGHT) && !/^\d+$/.test(h);
  // (Tried and dropped: the same penalty when only one side's last word goes unmatched, "Rep Manager" / "Sales Rep":
  // on the seen splits it lost as many right pairs as it removed wrong ones.)
  const headMismatch = score > 0 && meaningfulHead(ha, usedA) && meaningfulHead(hb, usedB);
  if (headMismatch) score *= HEAD_MISMATCH;
  // Numbered siblings ("Aging 1" / "Aging 2", "Address Line 1" / "Address Line 2") are different fields.
  const numbers = (c: Concepts) => [...c.items.keys()].filter((k) => /^\d+$/.test(k));
  const na = numbers(a);
  const nb = numbers(b);
  if (score > 0 && na.length && nb.length && !na.some((n) => nb.includes(n))) score *= NUMBER_MISMATCH;
  return { score, matched, ...(headMismatch ? { headMismatch } : {}) };
}
