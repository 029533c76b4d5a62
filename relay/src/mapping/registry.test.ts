import { describe, expect, it } from 'vitest';
import { MappingRegistry, compileDefinition } from './registry.js';
import { defaultMappings } from './defaults/index.js';
import { parseMappingRecord, parseFlowRecord } from './overrides.js';
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
    const flow = parseFlowRecord({ Flow_Key__c: 'account-customer', Active__c: true, Definition__c: JSON.stringify({ condition: null, rules: [{ id: 'no-test', when: '$contains(companyName, "TEST")', action: 'block', message: 'Test accounts do not sync' }], crosswalk: { subsidiary: { default: '3' } } }) });
    const field = parseMappingRecord({ Definition__c: JSON.stringify({ canonical: 'description', remove: true }) }, 'account-customer', 'salesforce');
    const reg = new MappingRegistry({ flows: [flow], fields: [field!] });
    const def = reg.get('account-customer')!;
    expect(def.condition).toBeUndefined();
    expect(def.fields.some((f) => f.canonical === 'description')).toBe(false);
    expect(def.rules.map((r) => r.id)).toContain('no-test');
    expect(reg.crosswalk.resolve('subsidiary', 'default')).toBe('3');
  });

  it('keeps the shipped mapping when an override is bad, and names mapping and field', () => {
    const bad = parseMappingRecord({ Definition__c: JSON.stringify({ canonical: 'title', netsuite: { field: 'title', read: '$clean(title' } }) }, 'contact-contact', 'salesforce')!;
    const unknown = parseMappingRecord({ Definition__c: JSON.stringify({ canonical: 'nickname', salesforce: { field: 'Nick__c' }, netsuite: { field: 'nickName' } }) }, 'contact-contact', 'salesforce')!;
    const unknownNs = parseMappingRecord({ Definition__c: JSON.stringify({ canonical: 'nickname', salesforce: { field: 'Nickname' }, netsuite: { field: 'nickName' } }) }, 'contact-contact', 'salesforce')!;
    const reg1 = new MappingRegistry({ fields: [bad] });
    expect(reg1.get('contact-contact')).toBeDefined();
    expect(reg1.errors[0]?.message).toMatch(/Mapping "contact-contact", field "title \(netsuite read\)": expression does not parse/);
    const reg2 = new MappingRegistry({ fields: [unknown] });
    expect(reg2.errors[0]?.code).toBe('MAPPING_UNKNOWN_FIELD');
    expect(reg2.errors[0]?.message).toMatch(/field "Nick__c": unknown salesforce field on Contact/);
    expect(new MappingRegistry({ fields: [unknownNs] }).errors[0]?.message).toMatch(/Mapping "contact-contact", field "nickName": unknown netsuite field on contact/);
  });

  it('rejects malformed JSON, cyclic crosswalks and unknown mapping ids with clear errors', () => {
    expect(() => parseFlowRecord({ Flow_Key__c: 'account-customer', Definition__c: '{ not json' })).toThrow(/Mapping "account-customer", field "Definition__c": Definition__c is not valid JSON/);
    expect(() => parseFlowRecord({ Flow_Key__c: 'account-customer', Definition__c: '{"rules":[{"id":"x"}]}' })).toThrow(/field "Definition__c.rules.0.when"/);
    expect(() => parseFlowRecord({ Id: 'a00', Definition__c: '{}' })).toThrow(/Sync_Flow__c a00.*Flow_Key__c/);
    expect(() => parseMappingRecord({ Target_Field__c: 'phone', Transform__c: 7 }, 'contact-contact', 'salesforce')).toThrow(/Mapping "contact-contact", field "Sync_Mapping__c.Transform__c"/);
    const cyc = parseFlowRecord({ Flow_Key__c: 'account-customer', Definition__c: JSON.stringify({ crosswalk: { currency: { USD: { ref: 'currency:USD' } } } }) });
    const reg = new MappingRegistry({ flows: [cyc], fields: [parseMappingRecord({ Definition__c: '{"canonical":"x","remove":true}' }, 'no-such', 'salesforce')!] });
    expect(reg.errors.map((e) => e.code)).toEqual(['MAPPING_CYCLIC_LOOKUP', 'MAPPING_UNKNOWN']);
    expect(reg.get('account-customer')).toBeDefined();
  });

  it('applies plain Sync_Mapping__c records (source → target with a transform, default, inactive ignored)', async () => {
    const { runMapping } = await import('./engine.js');
    const phone = parseMappingRecord({ Source_Field__c: 'MobilePhone', Target_Field__c: 'phone', Transform__c: '$e164($, "GB")', Sequence__c: 1 }, 'contact-contact', 'salesforce')!;
    const extra = parseMappingRecord({ Source_Field__c: 'Department', Target_Field__c: 'title', Default_Value__c: 'Staff' }, 'contact-contact', 'salesforce')!;
    expect(parseMappingRecord({ Active__c: false, Target_Field__c: 'x' }, 'contact-contact', 'salesforce')).toBeUndefined();
    const reg = new MappingRegistry({ fields: [phone, extra] });
    expect(reg.errors).toEqual([]);
    const r = await runMapping(reg.get('contact-contact')!, { from: 'salesforce', record: { Id: '003000000000001AAA', LastName: 'Doe', Phone: '(415) 555-2671', MobilePhone: '020 7946 0958' }, crosswalk: reg.crosswalk });
    expect(r.payload).toMatchObject({ phone: '+442079460958', title: 'Staff' });
  });

  it('turns Sync_Flow__c.Conditions__c into a source condition', async () => {
    const { runMapping } = await import('./engine.js');
    const flow = parseFlowRecord({ Flow_Key__c: 'account-customer', Conditions__c: JSON.stringify({ all: [{ field: 'Type', op: 'eq', value: 'Customer' }, { field: 'AnnualRevenue', op: 'gt', value: 1000 }] }) });
    const reg = new MappingRegistry({ flows: [flow] });
    const run = (rec: Record<string, unknown>) => runMapping(reg.get('account-customer')!, { from: 'salesforce', record: { Id: '001000000000001AAA', Name: 'Acme', ...rec }, crosswalk: reg.crosswalk });
    expect((await run({ Type: 'Customer', AnnualRevenue: 5000 })).included).toBe(true);
    expect((await run({ Type: 'Prospect', AnnualRevenue: 5000 })).included).toBe(false);
    expect((await run({ Type: 'Customer', AnnualRevenue: 10 })).findings.map((f) => f.code)).toEqual(['CONDITION_NOT_MET']);
    expect(() => parseFlowRecord({ Flow_Key__c: 'account-customer', Conditions__c: '{"all":[{"field":"Type) or true or (","op":"eq","value":"x"}]}' })).toThrow(/field "Conditions__c.all.0.field"/);
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
