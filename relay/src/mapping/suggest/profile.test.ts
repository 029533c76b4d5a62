import { describe, expect, it } from 'vitest';
import { profileAgreement, profileFitsType, profileOf, valueKind } from './profile.js';
import { typeCompatibility, typeFamily } from './types.js';

describe('value profiles', () => {
  it('classifies sample values', () => {
    expect(valueKind('ada@acme.com')).toBe('email');
    expect(valueKind('(415) 555-2671')).toBe('phone');
    expect(valueKind('https://acme.com')).toBe('url');
    expect(valueKind('2026-05-01')).toBe('date');
    expect(valueKind('2026-05-01T00:00:00.000-07:00')).toBe('datetime');
    expect(valueKind('1250.00')).toBe('amount');
    expect(valueKind('42')).toBe('integer');
    expect(valueKind('USD')).toBe('currencyCode');
    expect(valueKind('DE')).toBe('countryCode');
    expect(valueKind('0015g00000XyZ1aAAF')).toBe('sfId');
    expect(valueKind('WID-3000')).toBe('code');
    expect(valueKind('Acme Corporation')).toBe('text');
  });
  it('reads dates and amounts as they show in a user locale', () => {
    for (const d of ['3/13/2026', '13.03.2026', '13-Mar-2026', 'Mar 13, 2026', '13 March 2026']) expect(valueKind(d), d).toBe('date');
    expect(valueKind('3/13/2026 9:15 am')).toBe('datetime');
    for (const a of ['$12,500.00', '1,250', '€99.90', '12.5%']) expect(valueKind(a), a).toBe('amount');
    expect(valueKind('4/2024')).not.toBe('date');
    expect(valueKind('1,2')).toBe('text');
  });
  it('measures agreement and fit to a declared type', () => {
    const emails = profileOf(['a@b.com', 'c@d.io'])!;
    const phones = profileOf(['(415) 555-2671'])!;
    expect(profileAgreement(emails, profileOf(['x@y.com'])!)).toBe(1);
    expect(profileAgreement(emails, phones)).toBe(0);
    expect(profileFitsType(emails, 'email')).toBe(1);
    expect(profileFitsType(phones, 'date')).toBe(0);
    expect(profileFitsType(phones, 'text')).toBeUndefined();
    expect(profileOf([])).toBeUndefined();
  });
});

describe('type compatibility', () => {
  it('maps both systems’ types into families', () => {
    expect(typeFamily('RecordRef')).toBe('reference');
    expect(typeFamily('dateTime')).toBe('datetime');
    expect(typeFamily('currency')).toBe('money');
    expect(typeFamily('select')).toBe('picklist');
  });
  it('knows SuiteScript field types and Salesforce Metadata API type names', () => {
    expect(typeFamily('datetimetz')).toBe('datetime');
    expect(typeFamily('checkbox')).toBe('boolean');
    expect(typeFamily('posfloat')).toBe('number');
    expect(typeFamily('LongTextArea')).toBe('longtext');
    expect(typeFamily('AutoNumber')).toBe('text');
    expect(typeFamily('MultiselectPicklist')).toBe('picklist');
    expect(typeFamily('somethingElse')).toBe('unknown');
  });
  it('rates compatibility', () => {
    expect(typeCompatibility('email', 'email')).toBe(1);
    expect(typeCompatibility('date', 'datetime')).toBe(0.9);
    expect(typeCompatibility('boolean', 'date')).toBe(0);
    expect(typeCompatibility('reference', 'text')).toBeGreaterThan(0.5);
    // A whole number may be a stored internal id; an amount or a percentage never names a record.
    expect(typeCompatibility('number', 'reference')).toBe(0.3);
    expect(typeCompatibility('money', 'reference')).toBe(0);
    expect(typeCompatibility('reference', 'percent')).toBe(0);
  });
});
