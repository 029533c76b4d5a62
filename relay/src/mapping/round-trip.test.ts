import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MappingRegistry } from './registry.js';
import { runMapping } from './engine.js';
import type { MappingDefinition } from './definition.js';
import { getPath } from './paths.js';
import { titleCase } from './cleansing.js';

/**
 * Property: for the bidirectional pairs, Salesforce → NetSuite → Salesforce gives back the same canonical
 * values and the same Salesforce fields (for values already in canonical form, i.e. clean).
 */
const reg = new MappingRegistry({
  crosswalk: { currency: { USD: '1', EUR: '2', GBP: '3' }, subsidiary: { default: '1' }, caseStatus: { New: '1', Working: '2', Closed: '5' }, casePriority: { High: '1', Medium: '2', Low: '3' } },
});
const cw = reg.crosswalk;

// Values already in canonical form (cleansing is idempotent on them): "Mca" would legitimately become "McA".
const word = fc.stringMatching(/^[A-Z][a-z]{1,9}$/).filter((w) => titleCase(w) === w);
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' ')).filter((w) => titleCase(w) === w);
const phone = fc.constantFrom('+14155552671', '+442079460958', '+4930901820', '+33142685300', '+61293744000');
const text = fc.string({ maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0 && !/\s{2}/.test(s));
const address = (p: string) =>
  fc.record({
    [`${p}Street`]: fc.tuple(words(3), fc.option(words(2), { nil: undefined })).map(([a, b]) => (b ? `${a}\n${b}` : a)),
    [`${p}City`]: words(2),
    [`${p}State`]: fc.constantFrom('CA', 'NY', 'IL', 'TX'),
    [`${p}PostalCode`]: fc.stringMatching(/^\d{5}$/),
    [`${p}Country`]: fc.constant('US'),
  });

const bothFields = (def: MappingDefinition) => def.fields.filter((f) => f.direction === 'both');

async function roundTrip(def: MappingDefinition, sfRecord: Record<string, unknown>) {
  const there = await runMapping(def, { from: 'salesforce', record: sfRecord, crosswalk: cw });
  expect(there.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const back = await runMapping(def, { from: 'netsuite', record: { ...there.payload, internalId: '900' }, crosswalk: cw });
  expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
  for (const f of bothFields(def)) expect(getPath(back.canonical, f.canonical), f.canonical).toEqual(getPath(there.canonical, f.canonical));
  for (const f of bothFields(def)) {
    const field = f.salesforce?.field;
    if (field && sfRecord[field] !== undefined) expect(back.payload[field], field).toEqual(sfRecord[field]);
  }
}

const id = (prefix: string) => fc.stringMatching(/^[A-Za-z0-9]{12}$/).map((s) => `${prefix}${s}AAA`);

describe('round trip Salesforce → NetSuite → Salesforce (property)', () => {
  it('Account ↔ customer', async () => {
    const arb = fc.tuple(
      fc.record({ Id: id('001'), Name: words(4), Phone: phone, Website: fc.constantFrom('https://acme.example', 'globex.example'), Description: text, CurrencyIsoCode: fc.constantFrom('USD', 'EUR', 'GBP') }),
      address('Billing'),
      address('Shipping'),
    ).map(([a, b, s]) => ({ ...a, ...b, ...s }));
    await fc.assert(fc.asyncProperty(arb, (rec) => roundTrip(reg.get('account-customer')!, rec)), { numRuns: 40 });
  });
  it('Contact ↔ contact', async () => {
    const arb = fc.record({ Id: id('003'), AccountId: id('001'), Salutation: fc.constantFrom('Mr.', 'Ms.', 'Dr.'), FirstName: word, LastName: words(2), Title: words(3), Email: fc.stringMatching(/^[a-z]{2,8}@[a-z]{3,8}\.com$/), Phone: phone, MobilePhone: phone });
    await fc.assert(fc.asyncProperty(arb, (rec) => roundTrip(reg.get('contact-contact')!, rec)), { numRuns: 40 });
  });
  it('Product2 ↔ item', async () => {
    const arb = fc.record({ Id: id('01t'), ProductCode: fc.stringMatching(/^[A-Z]{2,4}-\d{2,5}$/), Name: words(3), Description: text, IsActive: fc.boolean() });
    await fc.assert(fc.asyncProperty(arb, (rec) => roundTrip(reg.get('product-item')!, rec)), { numRuns: 40 });
  });
  it('Case ↔ support case', async () => {
    const arb = fc.record({ Id: id('500'), Subject: words(5), Description: text, Status: fc.constantFrom('New', 'Working', 'Closed'), Priority: fc.constantFrom('High', 'Medium', 'Low'), AccountId: id('001') });
    await fc.assert(fc.asyncProperty(arb, (rec) => roundTrip(reg.get('case-support-case')!, rec)), { numRuns: 40 });
  });
  it('Account (Vendor) ↔ vendor', async () => {
    const arb = fc.record({ Id: id('001'), Type: fc.constant('Vendor'), Name: words(4), Phone: phone, CurrencyIsoCode: fc.constantFrom('USD', 'EUR') });
    await fc.assert(fc.asyncProperty(arb, (rec) => roundTrip(reg.get('account-vendor')!, rec)), { numRuns: 40 });
  });
});
