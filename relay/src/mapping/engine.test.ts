import { describe, expect, it } from 'vitest';
import { MappingRegistry, targetSpec } from './registry.js';
import { runMapping, decideAction } from './engine.js';
import { Crosswalk } from './crosswalk.js';

const reg = new MappingRegistry({ crosswalk: { subsidiary: { default: '1' }, currency: { USD: '1', EUR: '2' }, employee: { '005000000000001AAA': '311' }, item: { '01t000000000001AAA': '77' } } });
const cw = reg.crosswalk;
const acct = {
  Id: '001000000000001AAA',
  Name: '  globex   corporation ',
  Phone: '(415) 555-2671',
  Website: 'HTTPS://Globex.example',
  OwnerId: '005000000000001AAA',
  CurrencyIsoCode: 'EUR',
  BillingStreet: '1 Main St\nSuite 5',
  BillingCity: ' Springfield ',
  BillingState: 'Illinois',
  BillingPostalCode: '62701',
  BillingCountry: 'United States',
};

describe('runMapping', () => {
  it('maps an Account to a NetSuite customer payload with cleansing and lookups', async () => {
    const r = await runMapping(reg.get('account-customer')!, { from: 'salesforce', record: acct, crosswalk: cw, targetSpec: targetSpec('netsuite', 'customer') });
    expect(r.findings).toEqual([]);
    expect(r.action).toBe('write');
    expect(r.payload).toMatchObject({
      externalId: '001000000000001AAA',
      companyName: 'globex corporation',
      phone: '+14155552671',
      url: 'https://globex.example',
      currency: { internalId: '2' },
      subsidiary: { internalId: '1' },
      salesRep: { internalId: '311' },
    });
    const billing = (r.payload.addressbookList as { addressbook: Record<string, unknown>[] }).addressbook[0]!;
    expect(billing).toEqual({ addressbookAddress: { addr1: '1 Main St', addr2: 'Suite 5', city: 'Springfield', state: 'IL', zip: '62701', country: '_unitedStates' }, defaultBilling: true });
  });

  it('cuts a long company name to 83 characters at a word boundary, with a finding', async () => {
    const long = 'International Consolidated Holdings of Advanced Widget and Sprocket Manufacturers of North America';
    const r = await runMapping(reg.get('account-customer')!, { from: 'salesforce', record: { ...acct, Name: long }, crosswalk: cw, targetSpec: targetSpec('netsuite', 'customer') });
    expect((r.payload.companyName as string).length).toBeLessThanOrEqual(83);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'VALUE_TRUNCATED', field: 'companyName', severity: 'warning', record: 'Account:001000000000001AAA' })]);
    expect(r.action).toBe('hold');
  });

  it('applies the 10 % discount rule above 10,000 and maps opportunity lines', async () => {
    const opp = {
      Id: '006000000000001AAA', AccountId: '001000000000001AAA', CloseDate: '2026-07-15', Amount: 12000, IsWon: true, CurrencyIsoCode: 'USD',
      OpportunityLineItems: { totalSize: 1, done: true, records: [{ Product2Id: '01t000000000001AAA', Quantity: 3, UnitPrice: 4000, TotalPrice: 12000 }] },
    };
    const r = await runMapping(reg.get('opportunity-sales-order')!, { from: 'salesforce', record: opp, crosswalk: cw, timeZone: 'America/New_York' });
    expect(r.payload).toMatchObject({ entity: { externalId: '001000000000001AAA' }, tranDate: '2026-07-15T00:00:00-04:00', discountRate: '-10%' });
    expect(r.payload.itemList).toEqual({ item: [{ item: { internalId: '77' }, quantity: 3, rate: '4000.00', amount: 12000 }] });
    const small = await runMapping(reg.get('opportunity-sales-order')!, { from: 'salesforce', record: { ...opp, Amount: 9000 }, crosswalk: cw });
    expect(small.payload.discountRate).toBeUndefined();
  });

  it('skips records that fail the condition ("only sync won opportunities")', async () => {
    const r = await runMapping(reg.get('opportunity-sales-order')!, { from: 'salesforce', record: { Id: '006000000000002AAA', IsWon: false, AccountId: 'x', CloseDate: '2026-01-01', OpportunityLineItems: [] }, crosswalk: cw });
    expect(r.included).toBe(false);
    expect(r.payload).toEqual({});
    expect(r.findings.map((f) => f.code)).toContain('CONDITION_NOT_MET');
  });

  it('reports missing lookups, required fields and fired rules as findings, not exceptions', async () => {
    const opp = { Id: '006000000000003AAA', IsWon: true, CloseDate: '2026-01-01', OwnerId: '005999999999999AAA', OpportunityLineItems: [] };
    const r = await runMapping(reg.get('opportunity-sales-order')!, { from: 'salesforce', record: opp, crosswalk: cw });
    const codes = r.findings.map((f) => f.code);
    expect(codes).toContain('REQUIRED_MISSING'); // AccountId
    expect(codes).toContain('LOOKUP_MISSING'); // OwnerId not in the employee crosswalk
    expect(codes).toContain('RULE_OPPORTUNITY_WITHOUT_LINES');
    expect(r.action).toBe('block');
    expect(r.findings.find((f) => f.code === 'LOOKUP_MISSING')?.suggestedFix).toMatch(/Add "005999999999999AAA" to crosswalk table "employee"/);
  });

  it('turns an expression failure at run time into a finding naming mapping and field', async () => {
    const bad = new MappingRegistry({ fields: [{ mapping: 'contact-contact', canonical: 'title', remove: false, salesforce: { field: 'Title', read: '$substring(Title, "x")' } }] });
    const r = await runMapping(bad.get('contact-contact')!, { from: 'salesforce', record: { Id: '003000000000001AAA', LastName: 'Doe', Title: 'CEO' }, crosswalk: Crosswalk.load({}) });
    const f = r.findings.find((x) => x.code === 'MAPPING_EXPRESSION_FAILED');
    expect(f?.message).toMatch(/Mapping "contact-contact", field "title"/);
    expect(r.payload.lastName).toBe('Doe');
  });

  it('keeps the target value where the target system is master', async () => {
    const r = await runMapping(reg.get('product-item')!, { from: 'netsuite', record: { internalId: '77', itemId: 'w-1', displayName: 'Widget', isInactive: false }, existingTarget: { ProductCode: 'W-OLD' }, crosswalk: cw });
    expect(r.payload.ProductCode).toBe('W-1');
    const sfMaster = await runMapping(reg.get('product-item')!, { from: 'netsuite', record: { internalId: '77', itemId: 'w-1', displayName: 'Widget' }, existingTarget: { Name: 'Widget Pro' }, crosswalk: cw });
    expect(sfMaster.payload.Name).toBeUndefined();
    expect(sfMaster.findings.map((x) => x.code)).toContain('MASTER_KEPT');
  });

  it('enriches from the target\'s current record through $existing', async () => {
    const def = new MappingRegistry({ fields: [{ mapping: 'contact-contact', canonical: 'title', remove: false, netsuite: { field: 'title', write: '$coalesce($value, $existing.title, "Contact")' } }] }).get('contact-contact')!;
    const r = await runMapping(def, { from: 'salesforce', record: { Id: '003000000000001AAA', LastName: 'Doe' }, existingTarget: { title: 'Buyer' }, crosswalk: cw });
    expect(r.payload.title).toBe('Buyer');
    const fresh = await runMapping(def, { from: 'salesforce', record: { Id: '003000000000001AAA', LastName: 'Doe', Phone: 'ask reception' }, crosswalk: cw });
    expect(fresh.payload).toMatchObject({ title: 'Contact', phone: 'ask reception' });
  });

  it('blocks an unbalanced journal entry by business rule', async () => {
    const je = { Id: 'a01000000000001AAA', Entry_Date__c: '2026-02-01', Journal_Entry_Lines__r: { records: [{ GL_Account__c: '4000', Debit__c: '100.10' }, { GL_Account__c: '1200', Credit__c: '100.01' }] } };
    const local = reg.crosswalk.with({ glAccount: { '4000': '10', '1200': '11' } });
    const r = await runMapping(reg.get('journal-entry')!, { from: 'salesforce', record: je, crosswalk: local });
    expect(r.findings.map((f) => f.code)).toEqual(['RULE_JOURNAL_UNBALANCED']);
    const ok = await runMapping(reg.get('journal-entry')!, { from: 'salesforce', record: { ...je, Journal_Entry_Lines__r: [{ GL_Account__c: '4000', Debit__c: '0.1' }, { GL_Account__c: '4000', Debit__c: '0.2' }, { GL_Account__c: '1200', Credit__c: '0.3' }] }, crosswalk: local });
    expect(ok.findings).toEqual([]);
  });

  it('links a sales order back to its Opportunity, and skips Order-based ones', async () => {
    const def = reg.get('sales-order-opportunity-link')!;
    const r = await runMapping(def, { from: 'netsuite', record: { internalId: '5501', externalId: '006000000000001AAA' }, crosswalk: cw });
    expect(r.payload).toEqual({ Id: '006000000000001AAA', NetSuite_Internal_Id__c: '5501' });
    const o = await runMapping(def, { from: 'netsuite', record: { internalId: '5502', externalId: '801000000000001AAA' }, crosswalk: cw });
    expect(o.included).toBe(false);
  });

  it('decides block > hold > flag > write', () => {
    const base = { field: '', record: 'r', message: '', suggestedFix: '' };
    expect(decideAction([{ ...base, code: 'A', severity: 'info' }, { ...base, code: 'B', severity: 'error' }])).toBe('block');
    expect(decideAction([{ ...base, code: 'A', severity: 'warning' }])).toBe('hold');
    expect(decideAction([{ ...base, code: 'A', severity: 'info' }])).toBe('flag');
    expect(decideAction([])).toBe('write');
  });
});
