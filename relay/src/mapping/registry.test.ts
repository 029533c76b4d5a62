import { describe, expect, it } from 'vitest';
import { MappingRegistry, compileDefinition } from './registry.js';
import { defaultMappings } from './defaults/index.js';
import { parseFieldRecord, parseFlowRecord } from './overrides.js';
import { isMappingError } from './errors.js';

describe('MappingRegistry', () => {
  it('compiles every shipped mapping without errors', () => {
    const reg = new MappingRegistry();
    expect(reg.errors.map((e) => e.message)).toEqual([]);
    expect(reg.list().map((d) => d.id).sort()).toEqual(defaultMappings.map((d) => d.id).sort());
    const pairs = reg.list().map((d) => `${d.salesforce.object}/${d.netsuite.record}`);
    for (const p of ['Account/customer', 'Contact/contact', 'Opportunity/salesOrder', 'Order/salesOrder', 'Product2/nonInventorySaleItem', 'PricebookEntry/nonInventorySaleItem', 'NetSuite_Invoice__c/invoice', 'NetSuite_Payment__c/customerPayment', 'User/employee', 'Lead/lead', 'Case/supportCase', 'Account/vendor', 'NetSuite_Vendor_Bill__c/vendorBill', 'Journal_Entry__c/journalEntry', 'Order/invoice'])
      expect(pairs).toContain(p);
  });

  it('layers field and flow overrides from Sync_Mapping__c / Sync_Flow__c records', () => {
    const flow = parseFlowRecord({ Mapping_Id__c: 'account-customer', Active__c: true, Definition__c: JSON.stringify({ condition: null, rules: [{ id: 'no-test', when: '$contains(companyName, "TEST")', action: 'block', message: 'Test accounts do not sync' }], crosswalk: { subsidiary: { default: '3' } } }) });
    const field = parseFieldRecord({ Mapping_Id__c: 'account-customer', Definition__c: JSON.stringify({ canonical: 'description', remove: true }) });
    const reg = new MappingRegistry({ flows: [flow], fields: [field] });
    const def = reg.get('account-customer')!;
    expect(def.condition).toBeUndefined();
    expect(def.fields.some((f) => f.canonical === 'description')).toBe(false);
    expect(def.rules.map((r) => r.id)).toContain('no-test');
    expect(reg.crosswalk.resolve('subsidiary', 'default')).toBe('3');
  });

  it('keeps the shipped mapping when an override is bad, and names mapping and field', () => {
    const bad = parseFieldRecord({ Mapping_Id__c: 'contact-contact', Definition__c: JSON.stringify({ canonical: 'title', netsuite: { field: 'title', read: '$clean(title' } }) });
    const unknown = parseFieldRecord({ Mapping_Id__c: 'contact-contact', Definition__c: JSON.stringify({ canonical: 'nickname', salesforce: { field: 'Nick' }, netsuite: { field: 'nickName' } }) });
    const reg1 = new MappingRegistry({ fields: [bad] });
    expect(reg1.get('contact-contact')).toBeDefined();
    expect(reg1.errors[0]?.message).toMatch(/Mapping "contact-contact", field "title \(netsuite read\)": expression does not parse/);
    const reg2 = new MappingRegistry({ fields: [unknown] });
    expect(reg2.errors[0]?.code).toBe('MAPPING_UNKNOWN_FIELD');
    expect(reg2.errors[0]?.message).toMatch(/field "Nick": unknown salesforce field on Contact/);
  });

  it('rejects malformed JSON, cyclic crosswalks and unknown mapping ids with clear errors', () => {
    expect(() => parseFlowRecord({ Mapping_Id__c: 'account-customer', Definition__c: '{ not json' })).toThrow(/Mapping "account-customer", field "Definition__c": Definition__c is not valid JSON/);
    expect(() => parseFlowRecord({ Mapping_Id__c: 'account-customer', Definition__c: '{"rules":[{"id":"x"}]}' })).toThrow(/field "rules.0.when"/);
    expect(() => parseFieldRecord({ Definition__c: '{}' })).toThrow(/Sync_Mapping__c.*Mapping_Id__c/);
    const cyc = parseFlowRecord({ Mapping_Id__c: 'account-customer', Definition__c: JSON.stringify({ crosswalk: { currency: { USD: { ref: 'currency:USD' } } } }) });
    const reg = new MappingRegistry({ flows: [cyc], fields: [parseFieldRecord({ Mapping_Id__c: 'no-such', Definition__c: '{"canonical":"x","remove":true}' })] });
    expect(reg.errors.map((e) => e.code)).toEqual(['MAPPING_CYCLIC_LOOKUP', 'MAPPING_UNKNOWN']);
    expect(reg.get('account-customer')).toBeDefined();
  });

  it('refuses a definition whose shape is wrong, naming the path', () => {
    let err: unknown;
    try {
      compileDefinition({ id: 'x-y', label: 'x', canonical: 'customer', salesforce: { object: 'Account' }, netsuite: { record: 'customer' }, direction: 'sideways', fields: [] });
    } catch (e) {
      err = e;
    }
    expect(isMappingError(err)).toBe(true);
    expect((err as Error).message).toMatch(/Mapping "x-y", field "direction"/);
  });
});
