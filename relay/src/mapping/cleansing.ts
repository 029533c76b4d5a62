import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Pure cleansing helpers; each is also exposed to JSONata transforms (see expression-functions.ts). */

/** Trims and collapses inner whitespace; blank becomes null. */
export function clean(s: unknown): string | null {
  if (s === undefined || s === null) return null;
  const out = String(s).replace(/\s+/g, ' ').trim();
  return out === '' ? null : out;
}

const LOWER_WORDS = new Set(['de', 'van', 'von', 'der', 'la', 'le', 'du', 'da', 'di', 'and', 'of']);

/** "  mcDONALD o'brien-smith " → "McDonald O'Brien-Smith". Keeps particles lower-case except first. */
export function titleCase(s: unknown): string | null {
  const c = clean(s);
  if (c === null) return null;
  return c
    .toLowerCase()
    .split(' ')
    .map((w, i) =>
      i > 0 && LOWER_WORDS.has(w)
        ? w
        : w.replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()).replace(/^Mc(\p{L})/u, (_m, ch: string) => 'Mc' + ch.toUpperCase()),
    )
    .join(' ');
}

/** Phone to E.164 (+4930123456); null when it cannot be parsed as a valid number. */
export function toE164(phone: unknown, defaultCountry = 'US'): string | null {
  const c = clean(phone);
  if (c === null) return null;
  const p = parsePhoneNumberFromString(c, defaultCountry.toUpperCase() as CountryCode);
  return p && p.isValid() ? p.number : null;
}

/** Splits a full name into parts: the last token is the last name; a leading salutation is recognised. */
export function splitName(full: unknown): { salutation: string | null; firstName: string | null; lastName: string | null } {
  const c = clean(full);
  if (c === null) return { salutation: null, firstName: null, lastName: null };
  const tokens = c.split(' ');
  let salutation: string | null = null;
  if (tokens.length > 1 && /^(mr|mrs|ms|miss|dr|prof)\.?$/i.test(tokens[0] ?? '')) salutation = tokens.shift() ?? null;
  const lastName = tokens.pop() ?? null;
  return { salutation, firstName: tokens.length ? tokens.join(' ') : null, lastName };
}

export const joinName = (...parts: unknown[]): string | null => clean(parts.filter((p) => p !== null && p !== undefined).join(' '));

/** Salesforce multi-line Street ↔ NetSuite addr1/addr2/addr3. */
export function splitStreet(street: unknown): [string | null, string | null, string | null] {
  const c = street === null || street === undefined ? '' : String(street);
  const lines = c
    .split(/\r?\n/)
    .map((l) => clean(l))
    .filter((l): l is string => l !== null);
  const [a = null, b = null, ...rest] = lines;
  return [a, b, rest.length ? rest.join(', ') : null];
}

export const joinStreet = (...lines: unknown[]): string | null =>
  lines
    .map((l) => clean(l))
    .filter((l): l is string => l !== null)
    .join('\n') || null;

const COUNTRIES: Record<string, string> = {
  'united states': 'US', 'united states of america': 'US', usa: 'US', 'u.s.a.': 'US', 'u.s.': 'US', america: 'US',
  'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', england: 'GB', germany: 'DE', deutschland: 'DE',
  france: 'FR', canada: 'CA', australia: 'AU', japan: 'JP', netherlands: 'NL', 'the netherlands': 'NL', holland: 'NL',
  spain: 'ES', españa: 'ES', italy: 'IT', italia: 'IT', india: 'IN', brazil: 'BR', brasil: 'BR', mexico: 'MX', méxico: 'MX',
  ireland: 'IE', switzerland: 'CH', sweden: 'SE', norway: 'NO', denmark: 'DK', finland: 'FI', belgium: 'BE', austria: 'AT',
  poland: 'PL', portugal: 'PT', singapore: 'SG', 'new zealand': 'NZ', china: 'CN', 'south africa': 'ZA', israel: 'IL',
};

/** Country name or code → ISO 3166-1 alpha-2; null when unknown. */
export function countryCode(country: unknown): string | null {
  const c = clean(country);
  if (c === null) return null;
  if (/^[A-Za-z]{2}$/.test(c)) return c.toUpperCase();
  return COUNTRIES[c.toLowerCase()] ?? null;
}

const US_STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT',
  delaware: 'DE', 'district of columbia': 'DC', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL',
  indiana: 'IN', iowa: 'IA', kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD',
  massachusetts: 'MA', michigan: 'MI', minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE',
  nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC',
  'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI',
  'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT', virginia: 'VA',
  washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY',
};

/** US state names → two-letter codes; other countries' states are cleaned and kept. */
export function stateCode(state: unknown, country: unknown = 'US'): string | null {
  const c = clean(state);
  if (c === null) return null;
  if (countryCode(country) !== 'US') return c;
  if (/^[A-Za-z]{2}$/.test(c)) return c.toUpperCase();
  return US_STATES[c.toLowerCase()] ?? c;
}

export const postalCode = (zip: unknown): string | null => {
  const c = clean(zip);
  return c === null ? null : c.toUpperCase();
};

/**
 * Cuts a value to `max` characters at a word boundary when one is near (never mid-word if avoidable).
 * Used deliberately for NetSuite's 83-character companyName (Salesforce Account.Name allows 255): the engine
 * records a VALUE_TRUNCATED finding each time, so nothing is shortened silently.
 */
export function truncateAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return (sp >= max * 0.6 ? cut.slice(0, sp) : cut).trimEnd();
}

/** Key for duplicate detection: lower-case, accents and legal suffixes stripped, punctuation removed. */
export function normalizedCompanyKey(name: unknown): string {
  const c = clean(name);
  if (c === null) return '';
  return c
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\b(inc|incorporated|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|sarl|plc|bv|nv|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Address normalisation for comparison: abbreviations unified, punctuation removed. */
export function normalizedAddressKey(street: unknown, city: unknown, postal: unknown): string {
  const s = (clean(street) ?? '')
    .toLowerCase()
    .replace(/[.,#]/g, ' ')
    .replace(/\bstreet\b/g, 'st')
    .replace(/\bavenue\b/g, 'ave')
    .replace(/\broad\b/g, 'rd')
    .replace(/\bboulevard\b/g, 'blvd')
    .replace(/\bsuite\b/g, 'ste')
    .replace(/\s+/g, ' ')
    .trim();
  return [s, (clean(city) ?? '').toLowerCase(), (postalCode(postal) ?? '').replace(/\s/g, '')].join('|');
}

export const emailDomain = (email: unknown): string | null => {
  const c = clean(email);
  const m = c ? /@([^@\s]+)$/.exec(c.toLowerCase()) : null;
  return m?.[1] ?? null;
};

export const websiteDomain = (url: unknown): string | null => {
  const c = clean(url);
  if (c === null) return null;
  return c.toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').split(/[/?#]/)[0] || null;
};
