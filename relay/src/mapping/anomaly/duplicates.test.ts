import { describe, expect, it } from 'vitest';
import { findDuplicates, jaroWinkler, partySimilarity } from './duplicates.js';
import { anomalyPolicySchema } from '../overrides.js';

const policy = anomalyPolicySchema.parse({});
const existing = [
  { id: 'C1', name: 'Acme Corporation', website: 'https://www.acme.com', phone: '+1 415 555 2671', street: '1 Main Street', city: 'Boston', postalCode: '02110' },
  { id: 'C2', name: 'Globex Inc.', email: 'ap@globex.io' },
  { id: 'C3', name: 'Acme Logistics GmbH', website: 'acme-logistics.de', phone: '+49 30 901820' },
];

describe('duplicate detection', () => {
  it('computes Jaro-Winkler', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 2);
    expect(jaroWinkler('', 'x')).toBe(0);
  });
  it('finds a duplicate customer by normalised name, domain, phone and address, with reasons', () => {
    const f = findDuplicates({ id: 'new', name: 'ACME, Inc.', website: 'acme.com', phone: '(415) 555-2671', street: '1 main st.', city: 'boston', postalCode: '02110' }, existing, policy, 'Account:001');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/C1 "Acme Corporation": same normalised name "acme", same domain acme.com, same phone \+14155552671, same address/);
    expect(f[0]!.action).toBe('flag');
  });
  it('does not confuse similar names with different identifiers', () => {
    expect(findDuplicates({ id: 'n', name: 'Acme Analytics', website: 'acmeanalytics.com', phone: '+1 212 555 0100' }, existing, policy, 'r')).toEqual([]);
  });
  it('ignores free-mail domains as evidence', () => {
    const s = partySimilarity({ id: 'a', name: 'Jane Roe', email: 'jane@gmail.com' }, { id: 'b', name: 'John Poe', email: 'john@gmail.com' });
    expect(s.reasons).toEqual([]);
  });
  it('matches a renamed record when the domain and phone agree', () => {
    const f = findDuplicates({ id: 'n', name: 'Globex', email: 'billing@globex.io' }, existing, policy, 'r');
    expect(f.map((x) => x.evidence.other)).toEqual(['C2']);
  });
});
