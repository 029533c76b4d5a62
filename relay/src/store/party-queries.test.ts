import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUPLICATE_SETTINGS, partySimilarity, type PartyLike } from '../mapping/anomaly/duplicates.js';
import { blockingKeys, FREE_MAIL_DOMAINS } from './party-queries.js';

/** The blocking keys must never lose a pair the duplicate matcher would flag (no I/O: pure functions). */
const shareKey = (a: PartyLike, b: PartyLike) => {
  const kb = blockingKeys(b);
  return [...blockingKeys(a).keys()].some((k) => kb.has(k));
};

const WORDS = ['acme', 'global', 'blue', 'widgets', 'north', 'systems', 'john', 'smith', 'jon', 'smyth', 'x', 'de', 'la', 'co'];
const SUFFIXES = ['', ' Inc.', ' LLC', ' Corporation', ' GmbH', ', Ltd'];
const DOMAINS = ['acme.com', 'globex.io', 'gmail.com', 'yahoo.com', 'blue.org', 'proton.me'];
const PHONES = ['+1 415 555 2671', '(415) 555-2671', '+1 212 555 0100', '212.555.0100', '+49 30 1234567', undefined];
const STREETS = ['1 Market Street', '1 Market St.', '500 Oak Avenue', '500 Oak Ave', '12 High Road', undefined];

const name = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), fc.constantFrom(...SUFFIXES))
  .map(([w, s]) => w.join(' ') + s);

const party = fc.record({
  id: fc.constant('p'),
  name,
  email: fc.option(fc.tuple(fc.constantFrom('ap', 'jane'), fc.constantFrom(...DOMAINS)).map(([u, d]) => `${u}@${d}`), { nil: undefined }),
  website: fc.option(fc.constantFrom(...DOMAINS).map((d) => `https://www.${d}/`), { nil: undefined }),
  phone: fc.constantFrom(...PHONES),
  street: fc.constantFrom(...STREETS),
  city: fc.constantFrom('Austin', 'San Francisco'),
  postalCode: fc.constantFrom('73301', '94105'),
});

/** A second record of (perhaps) the same party: retyped, reordered, with fields lost or added. */
const variant = (p: PartyLike) =>
  fc
    .record({
      upper: fc.boolean(),
      swap: fc.boolean(),
      typoAt: fc.option(fc.nat(30), { nil: undefined }),
      typo: fc.constantFrom('a', 'e', 'z', ''),
      suffix: fc.constantFrom(...SUFFIXES),
      other: fc.record({ email: party.map((o) => o.email), website: party.map((o) => o.website), phone: fc.constantFrom(...PHONES), street: fc.constantFrom(...STREETS) }),
      keep: fc.record({ email: fc.boolean(), website: fc.boolean(), phone: fc.boolean(), street: fc.boolean() }),
    })
    .map((v): PartyLike => {
      let n = p.name.replace(/( Inc\.| LLC| Corporation| GmbH|, Ltd)$/, '');
      if (v.swap) n = n.split(' ').reverse().join(' ');
      if (v.typoAt !== undefined && v.typoAt < n.length) n = n.slice(0, v.typoAt) + v.typo + n.slice(v.typoAt + 1);
      n += v.suffix;
      const pick = <K extends 'email' | 'website' | 'phone' | 'street'>(k: K) => (v.keep[k] ? p[k] : v.other[k]);
      return { ...p, id: 'q', name: v.upper ? n.toUpperCase() : n, email: pick('email'), website: pick('website'), phone: pick('phone'), street: pick('street') };
    });

describe('party blocking keys', () => {
  it('every pair the matcher scores as a duplicate shares a blocking key (variants of one party)', () => {
    fc.assert(
      fc.property(party.chain((p) => fc.tuple(fc.constant(p), variant(p))), ([a, b]) => {
        if (partySimilarity(a, b).score >= DUPLICATE_SETTINGS.threshold) expect(shareKey(a, b)).toBe(true);
      }),
      { numRuns: 1500, seed: 20261126 },
    );
  });

  it('every pair the matcher scores as a duplicate shares a blocking key (independent parties)', () => {
    fc.assert(
      fc.property(party, party, (a, b) => {
        if (partySimilarity(a, b).score >= DUPLICATE_SETTINGS.threshold) expect(shareKey(a, b)).toBe(true);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('derives keys from what the matcher compares, and none from free mail', () => {
    const keys = blockingKeys({ id: '1', name: 'The Acme Blue Corp.', email: 'ap@Acme.com', website: 'https://www.acme.com/x', phone: '(415) 555-2671', street: '1 Market Street', city: 'San Francisco', postalCode: '94105' });
    expect([...keys.keys()].sort()).toEqual([
      'address:1 market st|san francisco|94105',
      'domain:acme.com',
      'name:acme blue',
      'phone:+14155552671',
      'prefix:acm',
      'word:acme',
      'word:blue',
    ]);
    for (const d of FREE_MAIL_DOMAINS) {
      expect(blockingKeys({ id: '1', name: '', email: `x@${d}` }).size).toBe(0);
      expect(partySimilarity({ id: '1', name: 'A', email: `x@${d}` }, { id: '2', name: 'B', email: `y@${d}` }).reasons).toEqual([]);
    }
    expect(blockingKeys({ id: '1', name: '' }).size).toBe(0);
  });
});
