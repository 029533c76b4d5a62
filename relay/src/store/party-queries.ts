import { ValidationError } from '../http/errors.js';
import type { PartyKind } from '../mapping/anomaly/adapters.js';
import type { PartyLike } from '../mapping/anomaly/duplicates.js';
import { emailDomain, normalizedAddressKey, normalizedCompanyKey, toE164, websiteDomain } from '../mapping/cleansing.js';
import { placeholders, type Db, type SqlValue } from './db.js';
import type { DurablePartyDirectory } from './types.js';

/** `candidates` returns at most this many parties, those sharing the most (and strongest) blocking keys first. */
export const PARTY_CANDIDATES_LIMIT = 50;

const KINDS: ReadonlySet<string> = new Set<PartyKind>(['customer', 'contact', 'vendor', 'lead']);

/**
 * Free-mail domains say nothing about who a party is: duplicates.ts does not count them as a domain match, and
 * blocking on them would fill the candidate set with strangers. Keep this list equal to the matcher's: a domain
 * left out here but counted there could make a duplicate the blocking misses.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'aol.com',
  'gmx.de',
  'proton.me',
]);

/** Words of a name indexed at most (a longer name is blocked on its first words, the last one and its prefix). */
const MAX_NAME_WORDS = 20;

/** Weights rank candidates: an exact normalised name, domain or phone outweighs a shared word. */
const WEIGHT = { name: 8, domain: 6, phone: 6, address: 4, edgeWord: 3, word: 2, prefix: 1 } as const;

const phoneOf = (p: PartyLike): string | null => {
  try {
    return toE164(p.phone, p.country ?? 'US');
  } catch {
    return null;
  }
};

/**
 * The blocking keys of a party, derived from exactly what `partySimilarity` compares, so that any pair it scores
 * at or above its threshold shares at least one key (party-queries.test.ts checks this property):
 * - name: the whole normalised name and each of its words. Two different names only reach the threshold through
 *   the name when they share a word (the name score is halved without one), or through an exact domain, phone
 *   or address match, which are keys of their own. The first three letters rank typo'd names higher;
 * - domain: website and email domain (the matcher takes website first, then email), free mail excluded;
 * - phone: E.164 as the matcher parses it; address: the normalised street|city|postal key.
 */
export function blockingKeys(p: PartyLike): Map<string, number> {
  const keys = new Map<string, number>();
  const put = (key: string, weight: number) => keys.set(key, Math.max(weight, keys.get(key) ?? 0));
  const name = normalizedCompanyKey(p.name);
  if (name) {
    put(`name:${name}`, WEIGHT.name);
    const words = name.split(' ').filter(Boolean);
    const edges = new Set([words[0], words.at(-1)]);
    for (const w of [...words.slice(0, MAX_NAME_WORDS), words.at(-1)])
      if (w) put(`word:${w}`, edges.has(w) ? WEIGHT.edgeWord : WEIGHT.word);
    if (name.length > 3) put(`prefix:${name.slice(0, 3)}`, WEIGHT.prefix);
  }
  for (const d of [websiteDomain(p.website), emailDomain(p.email)])
    if (d && !FREE_MAIL_DOMAINS.has(d)) put(`domain:${d}`, WEIGHT.domain);
  const phone = phoneOf(p);
  if (phone) put(`phone:${phone}`, WEIGHT.phone);
  if (p.street) put(`address:${normalizedAddressKey(p.street, p.city, p.postalCode)}`, WEIGHT.address);
  return keys;
}

interface PartyRow {
  party_id: string;
  name: string;
  email: string | null;
  website: string | null;
  phone: string | null;
  street: string | null;
  city: string | null;
  postal_code: string | null;
  country: string | null;
}

const toParty = (r: PartyRow): PartyLike => {
  const p: PartyLike = { id: r.party_id, name: r.name };
  const set = <K extends keyof PartyLike>(k: K, v: string | null) => {
    if (v !== null) p[k] = v as PartyLike[K];
  };
  set('email', r.email);
  set('website', r.website);
  set('phone', r.phone);
  set('street', r.street);
  set('city', r.city);
  set('postalCode', r.postal_code);
  set('country', r.country);
  return p;
};

const checkKind = (kind: string) => {
  if (!KINDS.has(kind)) throw new ValidationError(`Unknown party kind "${kind}"`, { field: 'kind', kind });
};

/**
 * Known customers, contacts, vendors and leads (one row per kind, system and id) with a blocking index:
 * `candidates` finds the parties sharing a blocking key with the one given, never the whole table.
 */
export function partyDirectory(db: Db, now: () => number = Date.now): DurablePartyDirectory {
  return {
    candidates: async (kind, party) => {
      checkKind(kind);
      const keys = [...blockingKeys(party).keys()];
      if (!keys.length) return [];
      const rows = await db.all<PartyRow>(
        `SELECT p.id, p.party_id, p.name, p.email, p.website, p.phone, p.street, p.city, p.postal_code, p.country,
           SUM(k.weight) AS score
         FROM party_keys k JOIN parties p ON p.id = k.party
         WHERE k.kind = ? AND k.block_key IN ${placeholders(keys.length)} AND p.party_id <> ?
         GROUP BY p.id ORDER BY score DESC, p.updated_at DESC, p.id DESC LIMIT ?`,
        [kind, ...keys, party.id, PARTY_CANDIDATES_LIMIT],
      );
      return rows.map(toParty);
    },
    upsertParty: async (kind, system, party) => {
      checkKind(kind);
      if (!party.id)
        throw new ValidationError(`A ${kind} from ${system} needs an id to be stored`, { field: 'id', kind, system });
      const keys = blockingKeys(party);
      const phone = phoneOf(party);
      const domain = emailDomain(party.email);
      const values: SqlValue[] = [
        kind,
        system,
        party.id,
        party.name ?? '',
        normalizedCompanyKey(party.name),
        party.email ?? null,
        domain,
        party.website ?? null,
        party.phone ?? null,
        phone,
        party.street ?? null,
        party.city ?? null,
        party.postalCode ?? null,
        party.country ?? null,
        now(),
      ];
      await db.tx(async (q) => {
        const [saved] = await q.all<{ id: number }>(
          `INSERT INTO parties (kind, system, party_id, name, name_key, email, email_domain, website, phone, phone_e164,
             street, city, postal_code, country, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (kind, system, party_id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
             email = excluded.email, email_domain = excluded.email_domain, website = excluded.website,
             phone = excluded.phone, phone_e164 = excluded.phone_e164, street = excluded.street, city = excluded.city,
             postal_code = excluded.postal_code, country = excluded.country, updated_at = excluded.updated_at
           RETURNING id`,
          values,
        );
        const id = Number(saved!.id);
        await q.run('DELETE FROM party_keys WHERE party = ?', [id]);
        for (const [key, weight] of keys)
          await q.run('INSERT INTO party_keys (party, kind, block_key, weight) VALUES (?, ?, ?, ?)', [
            id,
            kind,
            key,
            weight,
          ]);
      });
    },
  };
}
