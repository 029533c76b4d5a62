import { describe, expect, it } from 'vitest';
import { MappingRegistry } from '../../relay/src/mapping/registry.js';
import { runMapping } from '../../relay/src/mapping/engine.js';
import { encodeRecord } from '../../relay/src/connectors/netsuite/soap/requests.js';
import { isNsRecordType, type NsRecord } from '../../relay/src/connectors/netsuite/port.js';

/**
 * Cross-part check: what the shipped mappings produce for NetSuite is accepted by the SOAP connector's
 * XSD-driven encoder (field names, order, types, enum literals, RecordRefs, sublists).
 */
const registry = new MappingRegistry({
  crosswalk: {
    subsidiary: { default: '1' }, currency: { USD: '1', EUR: '2' }, employee: { '005000000000001AAA': '311' },
    item: { '01t000000000001AAA': '77' }, glAccount: { '4000': '10', '1200': '11' },
  },
});
const cw = registry.crosswalk;

function toNsRecord(type: string, payload: Record<string, unknown>): NsRecord {
  if (!isNsRecordType(type)) throw new Error(`not a connector record type: ${type}`);
  const { externalId, internalId, ...fields } = payload;
  return { type, fields, ...(typeof externalId === 'string' ? { externalId } : {}), ...(typeof internalId === 'string' ? { internalId } : {}) };
}

const cases: [string, Record<string, unknown>][] = [
  ['account-customer', { Id: '001000000000001AAA', Name: 'Acme Corporation', Phone: '(415) 555-2671', Website: 'acme.com', Description: 'Key account', CurrencyIsoCode: 'EUR', OwnerId: '005000000000001AAA', BillingStreet: '1 Market St\nSuite 400', BillingCity: 'San Francisco', BillingState: 'California', BillingPostalCode: '94105', BillingCountry: 'United States', ShippingStreet: '9 Dock Rd', ShippingCity: 'London', ShippingPostalCode: 'E1 6AN', ShippingCountry: 'GB' }],
  ['contact-contact', { Id: '003000000000001AAA', AccountId: '001000000000001AAA', Salutation: 'Dr.', FirstName: 'ada', LastName: 'LOVELACE', Title: 'CFO', Email: 'Ada@Acme.com', Phone: '(415) 555-2671' }],
  ['opportunity-sales-order', { Id: '006000000000001AAA', AccountId: '001000000000001AAA', IsWon: true, CloseDate: '2026-07-15', Amount: 12000, CurrencyIsoCode: 'USD', OwnerId: '005000000000001AAA', Description: 'Rush', OpportunityLineItems: { records: [{ Product2Id: '01t000000000001AAA', Quantity: 3, UnitPrice: 4000, TotalPrice: 12000, Description: 'Blue' }] } }],
  ['product-item', { Id: '01t000000000001AAA', ProductCode: 'wid-3000', Name: 'Widget', Description: 'Stainless', IsActive: true }],
  ['user-employee', { Id: '005000000000001AAA', FirstName: 'jane', LastName: 'doe', Email: 'Jane.Doe@acme.com', Phone: '(650) 555-0100', Title: 'AE', IsActive: true }],
  ['account-vendor', { Id: '001000000000002AAA', Type: 'Vendor', Name: 'Steel Supply Co', Phone: '312-555-0140', CurrencyIsoCode: 'USD' }],
  ['journal-entry', { Id: 'a01000000000001AAA', Entry_Date__c: '2026-02-01', Memo__c: 'Accrual', Journal_Entry_Lines__r: { records: [{ GL_Account__c: '4000', Debit__c: 100 }, { GL_Account__c: '1200', Credit__c: 100 }] } }],
];

describe('shipped mappings → NetSuite SOAP encoder', () => {
  it('the encoder is strict (so this check can fail): unknown fields and ISO country codes are refused', async () => {
    const r = await runMapping(registry.get('account-customer')!, { from: 'salesforce', record: cases[0]![1], crosswalk: cw });
    const ns = toNsRecord('customer', r.payload);
    expect(() => encodeRecord({ ...ns, fields: { ...ns.fields, colour: 'red' } }, 'upsert', 0, new Set())).toThrow(/colour/);
    const book = ns.fields.addressbookList as { addressbook: { addressbookAddress: Record<string, unknown> }[] };
    const iso = structuredClone(book);
    iso.addressbook[0]!.addressbookAddress.country = 'US';
    expect(() => encodeRecord({ ...ns, fields: { ...ns.fields, addressbookList: iso } }, 'upsert', 0, new Set())).toThrow(/country/);
  });

  for (const [id, record] of cases)
    it(`${id} produces a record the XSD-driven encoder accepts`, async () => {
      const def = registry.get(id)!;
      const r = await runMapping(def, { from: 'salesforce', record, crosswalk: cw, timeZone: 'America/New_York' });
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const ns = toNsRecord(def.netsuite.record, r.payload);
      expect(() => encodeRecord(ns, 'upsert', 0, new Set())).not.toThrow();
    });
});
