/**
 * Salesforce record ids: 15-char case-sensitive ids (3-char key prefix, 2-char pod, 1 reserved, 9-char
 * counter in base 62) and the 18-char case-insensitive form (15 chars + a 3-char checksum suffix).
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-5]{3})?$/;

/** The 3-char checksum suffix that turns a 15-char id into its 18-char form. */
export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** 18-char form of a 15- or 18-char id, or `undefined` when the text is not a well-formed id. */
export function normalizeId(text: string): string | undefined {
  if (!ID_SHAPE.test(text)) return undefined;
  if (text.length === 15) return text + checksumSuffix(text);
  const base = text.slice(0, 15);
  // An 18-char id may be written in any case; recover the 15-char id's case from the suffix.
  const suffix = text.slice(15).toUpperCase();
  let fixed = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
    if (bits < 0) return undefined;
    for (let i = 0; i < 5; i++) {
      const ch = base.charAt(chunk * 5 + i);
      const upper = (bits & (1 << i)) !== 0;
      if (/[a-zA-Z]/.test(ch)) fixed += upper ? ch.toUpperCase() : ch.toLowerCase();
      else if (upper) return undefined;
      else fixed += ch;
    }
  }
  return fixed + suffix;
}

export function isWellFormedId(text: string): boolean {
  return normalizeId(text) !== undefined;
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

export function to15(id18: string): string {
  return id18.slice(0, 15);
}

/** Issues ids per key prefix from a counter (pod "5g" like a real Hyperforce org). */
export class IdFactory {
  private readonly counters = new Map<string, number>();

  constructor(private readonly pod = '5g0') {}

  next(keyPrefix: string): string {
    const n = (this.counters.get(keyPrefix) ?? 0) + 1;
    this.counters.set(keyPrefix, n);
    let counter = '';
    let rest = n;
    for (let i = 0; i < 9; i++) {
      counter = BASE62.charAt(rest % 62) + counter;
      rest = Math.floor(rest / 62);
    }
    const id15 = keyPrefix + this.pod + counter;
    return id15 + checksumSuffix(id15);
  }
}
