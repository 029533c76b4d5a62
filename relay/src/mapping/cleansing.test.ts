import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as c from './cleansing.js';

describe('cleansing', () => {
  it('cleans whitespace and blanks', () => {
    expect(c.clean('  Acme   Corp \n')).toBe('Acme Corp');
    expect(c.clean('   ')).toBeNull();
    expect(c.clean(null)).toBeNull();
  });
  it('title-cases names with particles, hyphens and Mc', () => {
    expect(c.titleCase("  mcDONALD o'brien-smith ")).toBe("McDonald O'Brien-Smith");
    expect(c.titleCase('ludwig VAN beethoven')).toBe('Ludwig van Beethoven');
  });
  it('formats phones as E.164 or returns null', () => {
    expect(c.toE164('(415) 555-2671')).toBe('+14155552671');
    expect(c.toE164('030 901820', 'DE')).toBe('+4930901820');
    expect(c.toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(c.toE164('call me')).toBeNull();
  });
  it('splits and joins names and streets', () => {
    expect(c.splitName('Dr. Ada King Lovelace')).toEqual({ salutation: 'Dr.', firstName: 'Ada King', lastName: 'Lovelace' });
    expect(c.splitName('Cher')).toEqual({ salutation: null, firstName: null, lastName: 'Cher' });
    expect(c.splitStreet('1 Main St\nSuite 5\nBldg 2\nRear')).toEqual(['1 Main St', 'Suite 5', 'Bldg 2, Rear']);
    expect(c.joinStreet('1 Main St', null, ' Suite 5 ')).toBe('1 Main St\nSuite 5');
    expect(c.joinName('Ada', null, 'Lovelace')).toBe('Ada Lovelace');
  });
  it('normalises countries, states and postal codes', () => {
    expect(c.countryCode('United States')).toBe('US');
    expect(c.countryCode('de')).toBe('DE');
    expect(c.countryCode('Atlantis')).toBeNull();
    expect(c.stateCode('california', 'USA')).toBe('CA');
    expect(c.stateCode('Bavaria', 'DE')).toBe('Bavaria');
    expect(c.postalCode(' sw1a 1aa ')).toBe('SW1A 1AA');
  });
  it('truncates at a word boundary', () => {
    const long = 'The Very Long International Holding Company of Advanced Widgets and Sprockets Manufacturing Limited';
    const t = c.truncateAtWord(long, 83);
    expect(t.length).toBeLessThanOrEqual(83);
    expect(long.startsWith(t)).toBe(true);
    expect(t.endsWith(' ')).toBe(false);
    expect(c.truncateAtWord('short', 83)).toBe('short');
  });
  it('builds comparison keys', () => {
    expect(c.normalizedCompanyKey('ACME, Inc.')).toBe(c.normalizedCompanyKey('Acme Incorporated'));
    expect(c.normalizedAddressKey('1 Main Street', 'Boston', '02110')).toBe(c.normalizedAddressKey('1 main st.', 'boston', '02110'));
    expect(c.emailDomain('Jo@Acme.COM')).toBe('acme.com');
    expect(c.websiteDomain('https://www.acme.com/about')).toBe('acme.com');
  });
  it('is idempotent: cleansing a cleansed value changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(c.titleCase(c.titleCase(s))).toBe(c.titleCase(s));
        expect(c.clean(c.clean(s))).toBe(c.clean(s));
        expect(c.normalizedCompanyKey(c.normalizedCompanyKey(s))).toBe(c.normalizedCompanyKey(s));
      }),
    );
    for (const p of ['(415) 555-2671', '+44 20 7946 0958', '030 901820']) expect(c.toE164(c.toE164(p, 'DE'), 'DE')).toBe(c.toE164(p, 'DE'));
  });
});
