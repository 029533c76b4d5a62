import { describe, expect, it } from 'vitest';
import { suggestMappings } from './suggest.js';
import { InMemoryAcceptedMappings } from './memory.js';
import type { Schema } from './schema.js';

const account: Schema = {
  system: 'salesforce',
  object: 'Account',
  fields: [
    { name: 'Name', label: 'Account Name', type: 'string', samples: ['Acme Corp'] },
    { name: 'BillingPostalCode', label: 'Billing Zip/Postal Code', type: 'string', samples: ['94105'] },
    { name: 'Website', label: 'Website', type: 'url', samples: ['www.acme.com'] },
    { name: 'OwnerId', label: 'Owner ID', type: 'reference' },
    { name: 'Rating', label: 'Rating', type: 'picklist' },
    { name: 'IsPartner', label: 'Partner', type: 'boolean' },
  ],
};
const customer: Schema = {
  system: 'netsuite',
  object: 'customer',
  fields: [
    { name: 'companyName', label: 'Company Name', type: 'string' },
    { name: 'zip', label: 'Zip', type: 'string' },
    { name: 'url', label: 'Web Address', type: 'url' },
    { name: 'salesRep', label: 'Sales Rep', type: 'RecordRef' },
    { name: 'creditLimit', label: 'Credit Limit', type: 'double' },
    { name: 'dateCreated', label: 'Date Created', type: 'dateTime' },
  ],
};

describe('suggestMappings', () => {
  it('suggests the right source per target with reasons, best first, and stays silent otherwise', async () => {
    const s = await suggestMappings(account, customer);
    const m = Object.fromEntries(s.map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ companyName: 'Name', zip: 'BillingPostalCode', url: 'Website', salesRep: 'OwnerId' });
    expect(s.map((x) => x.confidence)).toEqual([...s.map((x) => x.confidence)].sort((a, b) => b - a));
    for (const x of s) {
      expect(x.confidence).toBeGreaterThan(0);
      expect(x.confidence).toBeLessThanOrEqual(1);
      expect(x.reasons.length).toBeGreaterThan(0);
    }
    expect(s.find((x) => x.targetField === 'zip')!.reasons.join(' ')).toMatch(/postal code/);
  });
  it('never uses a source twice', async () => {
    const target: Schema = { system: 'netsuite', object: 'customer', fields: [{ name: 'phone', label: 'Phone', type: 'phone' }, { name: 'altPhone', label: 'Alt. Phone', type: 'phone' }] };
    const source: Schema = { system: 'salesforce', object: 'Account', fields: [{ name: 'Phone', label: 'Phone', type: 'phone' }] };
    const s = await suggestMappings(source, target);
    expect(s.map((x) => `${x.targetField}←${x.sourceField}`)).toEqual(['phone←Phone']);
  });
  it('refuses type-incompatible pairs even when names agree', async () => {
    const s = await suggestMappings(
      { system: 'salesforce', object: 'X__c', fields: [{ name: 'Active__c', label: 'Active', type: 'date' }] },
      { system: 'netsuite', object: 'customer', fields: [{ name: 'isInactive', label: 'Inactive', type: 'boolean' }] },
    );
    expect(s).toEqual([]);
  });
  it('uses sample values to tell apart fields with vague names', async () => {
    const source: Schema = { system: 'salesforce', object: 'X__c', fields: [
      { name: 'Contact_1__c', label: 'Contact 1', type: 'string', samples: ['ada@acme.com', 'bob@globex.io'] },
      { name: 'Contact_2__c', label: 'Contact 2', type: 'string', samples: ['(415) 555-2671', '(212) 555-0100'] },
    ] };
    const target: Schema = { system: 'netsuite', object: 'contact', fields: [{ name: 'email', label: 'Contact Email', type: 'email' }] };
    const s = await suggestMappings(source, target);
    expect(s.map((x) => x.sourceField)).toEqual(['Contact_1__c']);
    expect(s[0]!.reasons.join(' ')).toMatch(/samples look like email/);
  });
  it('remembers what admins accepted', async () => {
    const memory = new InMemoryAcceptedMappings();
    const source: Schema = { system: 'salesforce', object: 'Account', fields: [{ name: 'Sector__c', label: 'Sector', type: 'picklist' }] };
    const target: Schema = { system: 'netsuite', object: 'customer', fields: [{ name: 'category', label: 'Category', type: 'RecordRef' }] };
    expect(await suggestMappings(source, target, { memory })).toEqual([]);
    await memory.record({ sourceSystem: 'salesforce', sourceObject: 'Account', sourceField: 'Sector__c', targetSystem: 'netsuite', targetObject: 'customer', targetField: 'category' });
    const s = await suggestMappings(source, target, { memory });
    expect(s[0]).toMatchObject({ sourceField: 'Sector__c', targetField: 'category' });
    expect(s[0]!.reasons[0]).toMatch(/accepted by an admin for Account → customer before \(1×\)/);
  });
  it('knows what NetSuite standard fields mean in CRM words', async () => {
    const s = await suggestMappings(
      { system: 'netsuite', object: 'vendorBill', fields: [{ name: 'entity', label: 'Vendor', type: 'RecordRef', samples: ['3301'] }, { name: 'location', label: 'Location', type: 'RecordRef' }] },
      { system: 'salesforce', object: 'Bill__c', fields: [{ name: 'Supplier__c', label: 'Supplier', type: 'reference' }, { name: 'Warehouse__c', label: 'Warehouse', type: 'string' }] },
    );
    expect(Object.fromEntries(s.map((x) => [x.targetField, x.sourceField]))).toEqual({ Supplier__c: 'entity', Warehouse__c: 'location' });
    // The label "Vendor" already says supplier (one concept); the NetSuite glossary carries an unlabelled entity.
    expect(s.find((x) => x.targetField === 'Supplier__c')!.reasons[0]).toMatch(/"vendor" \(via "supplier"\)/);
    const bare = await suggestMappings(
      { system: 'netsuite', object: 'vendorBill', fields: [{ name: 'entity', label: 'Entity', type: 'RecordRef' }] },
      { system: 'salesforce', object: 'Bill__c', fields: [{ name: 'Payee__c', label: 'Payee', type: 'reference' }] },
    );
    expect(bare.map((x) => x.sourceField)).toEqual(['entity']);
    expect(bare[0]!.reasons[0]).toMatch(/NetSuite's entity means "payee"/);
  });
  it('knows what Salesforce standard fields mean in ERP words', async () => {
    const s = await suggestMappings(
      { system: 'salesforce', object: 'Task', fields: [{ name: 'WhoId', label: 'Name ID', type: 'reference' }, { name: 'ActivityDate', label: 'Date', type: 'date' }, { name: 'Subject', label: 'Subject', type: 'string' }] },
      { system: 'netsuite', object: 'customrecord_followup', fields: [{ name: 'custrecord_fu_person', label: 'Person', type: 'select' }, { name: 'custrecord_fu_due', label: 'Due Date', type: 'date' }, { name: 'custrecord_fu_color', label: 'Colour', type: 'text' }] },
    );
    expect(Object.fromEntries(s.map((x) => [x.targetField, x.sourceField]))).toEqual({ custrecord_fu_person: 'WhoId', custrecord_fu_due: 'ActivityDate' });
    expect(s.find((x) => x.targetField === 'custrecord_fu_person')!.reasons[0]).toMatch(/Salesforce's WhoId means "person" in ERP terms/);
  });
  it('reads an external key on a Salesforce custom field as NetSuite\'s internal id, only from NetSuite', async () => {
    const ns: Schema = { system: 'netsuite', object: 'customerRefund', fields: [{ name: 'internalId', label: 'Internal ID', type: 'string', samples: ['5512'] }, { name: 'memo', label: 'Memo', type: 'string' }] };
    const refund: Schema = { system: 'salesforce', object: 'Refund__c', fields: [{ name: 'Ext_Key__c', label: 'Ext Key', type: 'string' }] };
    const s = await suggestMappings(ns, refund);
    expect(s.map((x) => [x.targetField, x.sourceField])).toEqual([['Ext_Key__c', 'internalId']]);
    expect(s[0]!.reasons.join(' ')).toMatch(/external key on a Salesforce custom field/);
    expect(await suggestMappings(ns, { ...refund, fields: [{ name: 'Color__c', label: 'Colour', type: 'string' }] })).toEqual([]);
  });
  it('answers nothing for empty schemas', async () => {
    expect(await suggestMappings({ ...account, fields: [] }, customer)).toEqual([]);
    expect(await suggestMappings(account, { ...customer, fields: [] })).toEqual([]);
  });
  it('names an object without a Name field by its auto-number, and only then', async () => {
    const target: Schema = { system: 'netsuite', object: 'customrecord_job', fields: [{ name: 'name', label: 'Name', type: 'text' }] };
    const workOrder: Schema = { system: 'salesforce', object: 'WorkOrder', fields: [{ name: 'WorkOrderNumber', label: 'Work Order Number', type: 'string' }] };
    expect((await suggestMappings(workOrder, target)).map((x) => x.sourceField)).toEqual(['WorkOrderNumber']);
    const named: Schema = { ...workOrder, fields: [...workOrder.fields, { name: 'Name', label: 'Work Order Name', type: 'string' }] };
    expect((await suggestMappings(named, target)).map((x) => x.sourceField)).toEqual(['Name']);
  });
  it('reads supplier as vendor, "left" as remaining and Salesforce standard fields through their glossary', async () => {
    const source: Schema = { system: 'salesforce', object: 'WorkOrder', fields: [
      { name: 'Subject', label: 'Subject', type: 'string' },
      { name: 'Duration', label: 'Duration', type: 'double' },
      { name: 'RemainingCases', label: 'Remaining Cases', type: 'int' },
      { name: 'CasesPerEntitlement', label: 'Cases Per Entitlement', type: 'int' },
    ] };
    const target: Schema = { system: 'netsuite', object: 'customrecord_job', fields: [
      { name: 'custrecord_summary', label: 'Summary', type: 'text' },
      { name: 'custrecord_est_hrs', label: 'Est. Hours', type: 'float' },
      { name: 'custrecord_cases_left', label: 'Cases Left', type: 'integer' },
    ] };
    const m = Object.fromEntries((await suggestMappings(source, target)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ custrecord_summary: 'Subject', custrecord_est_hrs: 'Duration', custrecord_cases_left: 'RemainingCases' });
    const item: Schema = { system: 'netsuite', object: 'inventoryItem', fields: [{ name: 'vendor', label: 'Preferred Vendor', type: 'RecordRef' }] };
    const stock: Schema = { system: 'salesforce', object: 'Stock__c', fields: [{ name: 'Main_Supplier__c', label: 'Main Supplier', type: 'reference' }] };
    expect((await suggestMappings(item, stock)).map((x) => x.sourceField)).toEqual(['vendor']);
  });
  it('reads bare NetSuite field ids through the glossary (a transfer\'s destination, an adjustment\'s value change)', async () => {
    const source: Schema = { system: 'netsuite', object: 'transferOrder', fields: [
      { name: 'transferLocation', label: '', type: 'RecordRef' },
      { name: 'estimatedTotalValue', label: '', type: 'double' },
      { name: 'tranId', label: '', type: 'string' },
    ] };
    const target: Schema = { system: 'salesforce', object: 'Stock_Move__c', fields: [
      { name: 'To_Warehouse__c', label: 'To Warehouse', type: 'reference' },
      { name: 'Net_Value_Change__c', label: 'Net Value Change', type: 'currency' },
      { name: 'Document_No__c', label: 'Document No', type: 'string' },
    ] };
    const m = Object.fromEntries((await suggestMappings(source, target)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ To_Warehouse__c: 'transferLocation', Net_Value_Change__c: 'estimatedTotalValue', Document_No__c: 'tranId' });
  });
  describe('second pass by elimination', () => {
    const asset: Schema = {
      system: 'salesforce',
      object: 'Equipment__c',
      fields: [
        { name: 'Name', label: 'Name', type: 'string', samples: ['Press 7'] },
        { name: 'Scrap_Amt__c', label: 'Scrap Amt', type: 'currency', samples: ['1200.00'] },
        { name: 'Install_Dt__c', label: 'Installed', type: 'date', samples: ['2025-01-02'] },
        { name: 'Site_Notes__c', label: 'Site Notes', type: 'textarea', samples: ['north bay'] },
      ],
    };
    const record = (fields: Schema['fields']): Schema => ({ system: 'netsuite', object: 'customrecord_equipment', fields });
    it('pairs the last free fields that share a meaningful word and a type, with their own low confidence', async () => {
      const s = await suggestMappings(asset, record([{ name: 'altname', label: 'Name', type: 'text' }, { name: 'custrecord_eq_disposal_gain', label: 'Cash Realised After Fees On Scrap', type: 'currency' }]));
      const hit = s.find((x) => x.targetField === 'custrecord_eq_disposal_gain');
      expect(hit?.sourceField).toBe('Scrap_Amt__c');
      expect(hit!.confidence).toBeLessThan(0.35);
      expect(hit!.reasons.join(' ')).toMatch(/elimination/);
      // Turned off, the weak pair is not suggested.
      const off = await suggestMappings(asset, record([{ name: 'custrecord_eq_disposal_gain', label: 'Cash Realised After Fees On Scrap', type: 'currency' }]), { eliminationFloor: 1 });
      expect(off.find((x) => x.targetField === 'custrecord_eq_disposal_gain')).toBeUndefined();
    });
    it('does not pair on a generic word alone ("date")', async () => {
      const s = await suggestMappings(asset, record([{ name: 'custrecord_disposal_date', label: 'Disposal Date', type: 'date' }]));
      expect(s.find((x) => x.targetField === 'custrecord_disposal_date')).toBeUndefined();
    });
    it('pairs the only free long-text field on each side, and not when two are free', async () => {
      const one = await suggestMappings(asset, record([{ name: 'custrecord_eq_observations', label: 'Observations', type: 'textarea' }]));
      expect(one.find((x) => x.targetField === 'custrecord_eq_observations')?.sourceField).toBe('Site_Notes__c');
      const two = await suggestMappings(asset, record([{ name: 'custrecord_a', label: 'Observations', type: 'textarea' }, { name: 'custrecord_b', label: 'Handling', type: 'textarea' }]));
      expect(two.filter((x) => x.targetField.startsWith('custrecord_'))).toEqual([]);
    });
  });
  it('reads "<verb> By" as a person, or as a deadline on a date field', async () => {
    const claim: Schema = {
      system: 'salesforce',
      object: 'Claim__c',
      fields: [
        { name: 'Filed_By__c', label: 'Filed By', type: 'reference' },
        { name: 'Pay_By__c', label: 'Pay By', type: 'date', samples: ['2026-05-01'] },
      ],
    };
    const report: Schema = { system: 'netsuite', object: 'expenseReport', fields: [{ name: 'entity', label: 'Employee', type: 'RecordRef' }, { name: 'dueDate', label: 'Due Date', type: 'dateTime' }] };
    const m = Object.fromEntries((await suggestMappings(claim, report)).map((x) => [x.targetField, x]));
    expect(m.entity?.sourceField).toBe('Filed_By__c');
    expect(m.entity!.reasons.join(' ')).toMatch(/names a person/);
    expect(m.dueDate?.sourceField).toBe('Pay_By__c');
  });
  it('lets other work run while it scores large schemas', async () => {
    const words = ['account', 'billing', 'order', 'amount', 'status', 'region', 'channel', 'memo', 'total', 'owner'];
    const schema = (system: 'salesforce' | 'netsuite', n: number): Schema => ({
      system,
      object: system === 'salesforce' ? 'Wide__c' : 'customrecord_wide',
      fields: Array.from({ length: n }, (_, i) => ({ name: `${words[i % 10]}_${words[(i * 3) % 10]}_${i}`, label: `${words[i % 10]} ${words[(i * 3) % 10]} ${i}`, type: 'string' })),
    });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const s = await suggestMappings(schema('salesforce', 150), schema('netsuite', 150));
      expect(s.length).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
  it('reads "Valid From / Valid Thru" dates as a period start and end', async () => {
    const promo: Schema = { system: 'netsuite', object: 'promotionCode', fields: [{ name: 'startDate', label: 'Start Date', type: 'dateTime' }, { name: 'endDate', label: 'End Date', type: 'dateTime' }] };
    const offer: Schema = { system: 'salesforce', object: 'Offer__c', fields: [{ name: 'Good_Thru__c', label: 'Good Thru', type: 'date' }, { name: 'Valid_From__c', label: 'Valid From', type: 'date' }] };
    const m = Object.fromEntries((await suggestMappings(promo, offer)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ Valid_From__c: 'startDate', Good_Thru__c: 'endDate' });
  });
  it('names a custom object mirroring a NetSuite transaction by its document number, and only a custom one', async () => {
    const rtv: Schema = { system: 'netsuite', object: 'vendorReturnAuthorization', fields: [{ name: 'tranId', label: '', type: 'string', samples: ['VRA-1042'] }] };
    const mirror = (object: string): Schema => ({ system: 'salesforce', object, fields: [{ name: 'Name', label: 'Return Name', type: 'string' }] });
    const hit = (await suggestMappings(rtv, mirror('Supplier_Return__c'))).find((x) => x.targetField === 'Name');
    expect(hit?.sourceField).toBe('tranId');
    expect(hit!.reasons.join(' ')).toMatch(/named by its document number/);
    expect(await suggestMappings(rtv, mirror('Account'))).toEqual([]);
  });
  it('reads managed-package fields through the package glossary (NPSP installment period is the billing frequency)', async () => {
    const donation: Schema = {
      system: 'salesforce',
      object: 'npe03__Recurring_Donation__c',
      fields: [
        { name: 'npe03__Installment_Period__c', label: 'Installment Period', type: 'picklist', samples: ['Monthly', 'Yearly'] },
        { name: 'npe03__Date_Established__c', label: 'Date Established', type: 'date' },
      ],
    };
    const target: Schema = { system: 'netsuite', object: 'customrecord_pledge', fields: [{ name: 'custrecord_billing_frequency', label: 'Billing Frequency', type: 'select' }] };
    const s = await suggestMappings(donation, target);
    expect(s.map((x) => `${x.targetField}←${x.sourceField}`)).toEqual(['custrecord_billing_frequency←npe03__Installment_Period__c']);
    expect(s[0]!.reasons.join(' ')).toMatch(/npe03__Installment_Period__c means/);
  });
  it('reads an acronym as the initials of the other field ("POD" / Proof of Delivery), not of any two words', async () => {
    // (BOL, the first example here, is now a known industry abbreviation and matches by its words.)
    const shipment: Schema = { system: 'netsuite', object: 'inboundShipment', fields: [{ name: 'custbody_proof_of_delivery', label: 'Proof of Delivery', type: 'string', samples: ['POD-123456'] }, { name: 'custbody_poe', label: 'POE', type: 'string', samples: ['USLGB'] }] };
    const mirror: Schema = { system: 'salesforce', object: 'Inbound__c', fields: [{ name: 'POD_Ref__c', label: 'POD', type: 'string' }, { name: 'Port_of_Entry__c', label: 'Port of Entry', type: 'string' }] };
    const s = await suggestMappings(shipment, mirror);
    const m = Object.fromEntries(s.map((x) => [x.targetField, x]));
    expect(m.POD_Ref__c?.sourceField).toBe('custbody_proof_of_delivery');
    expect(m.POD_Ref__c!.reasons.join(' ')).toMatch(/initials of "Proof of Delivery"/);
    expect(m.Port_of_Entry__c?.sourceField).toBe('custbody_poe');
    // Two-letter tokens are too ambiguous to be read as initials.
    const cc: Schema = { system: 'salesforce', object: 'Pay__c', fields: [{ name: 'CC__c', label: 'CC', type: 'string' }] };
    const center: Schema = { system: 'netsuite', object: 'customrecord_x', fields: [{ name: 'custrecord_cost_center', label: 'Cost Center', type: 'text' }] };
    expect(await suggestMappings(center, cc)).toEqual([]);
  });
  it("reads NetSuite's account field as the GL account, never the customer", async () => {
    const grant: Schema = { system: 'salesforce', object: 'Grant__c', fields: [
      { name: 'Grantee__c', label: 'Grantee Account', type: 'reference', samples: ['0015g00000XyZ1aAAF'] },
      { name: 'GL_Acct__c', label: 'GL Acct', type: 'string', samples: ['6100 Grants Expense'] },
    ] };
    const bill: Schema = { system: 'netsuite', object: 'vendorBill', fields: [{ name: 'account', label: 'Account', type: 'RecordRef' }, { name: 'entity', label: 'Vendor', type: 'RecordRef' }] };
    const m = Object.fromEntries((await suggestMappings(grant, bill)).map((x) => [x.targetField, x.sourceField]));
    expect(m.account).toBe('GL_Acct__c');
    expect(m.account).not.toBe('Grantee__c');
  });
  it('does not take a record status for an approval status', async () => {
    const req: Schema = { system: 'salesforce', object: 'Request__c', fields: [{ name: 'Status__c', label: 'Status', type: 'picklist', samples: ['Open'] }] };
    const alloc: Schema = { system: 'netsuite', object: 'resourceAllocation', fields: [{ name: 'approvalStatus', label: 'Approval Status', type: 'RecordRef' }, { name: 'status', label: 'Status', type: 'RecordRef' }] };
    const m = Object.fromEntries((await suggestMappings(req, alloc)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ status: 'Status__c' });
    const only: Schema = { ...alloc, fields: [alloc.fields[0]!] };
    expect(await suggestMappings(req, only)).toEqual([]);
  });
  it('sends a Reason field to a reason field when there is one, and to the memo otherwise', async () => {
    const refund: Schema = { system: 'netsuite', object: 'cashRefund', fields: [
      { name: 'memo', label: 'Memo', type: 'string', samples: ['Customer called in'] },
      { name: 'custbody_return_reason', label: 'Return Reason', type: 'select', samples: ['Damaged'] },
    ] };
    const mirror: Schema = { system: 'salesforce', object: 'Refund__c', fields: [{ name: 'Reason__c', label: 'Reason', type: 'picklist' }, { name: 'Comments__c', label: 'Comments', type: 'textarea' }] };
    const m = Object.fromEntries((await suggestMappings(refund, mirror)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ Reason__c: 'custbody_return_reason', Comments__c: 'memo' });
    const memoOnly: Schema = { ...refund, fields: [refund.fields[0]!] };
    const only = Object.fromEntries((await suggestMappings(memoOnly, { ...mirror, fields: [mirror.fields[0]!] })).map((x) => [x.targetField, x.sourceField]));
    expect(only).toEqual({ Reason__c: 'memo' });
  });
  it('reads "<other object> No" as the number of the record it came from ("Load No" = Load__c.Name, "RA #" = Rental_Agreement__c.Name)', async () => {
    const load: Schema = { system: 'salesforce', object: 'Load__c', fields: [{ name: 'Name', label: 'Load Name', type: 'string', samples: ['L-20931'] }] };
    const invoice: Schema = { system: 'netsuite', object: 'invoice', fields: [{ name: 'custbody_load_no', label: 'Load No', type: 'text' }] };
    const hit = (await suggestMappings(load, invoice))[0];
    expect(hit?.sourceField).toBe('Name');
    expect(hit!.reasons.join(' ')).toMatch(/number of the load record/);
    const ra: Schema = { system: 'salesforce', object: 'Rental_Agreement__c', fields: [{ name: 'Name', label: 'Agreement', type: 'string', samples: ['RA-0042'] }] };
    const so: Schema = { system: 'netsuite', object: 'salesOrder', fields: [{ name: 'custbody_ra_number', label: 'RA #', type: 'text' }] };
    expect((await suggestMappings(ra, so))[0]?.sourceField).toBe('Name');
    // Another object's number is not this record's name.
    const other: Schema = { ...invoice, fields: [{ name: 'custbody_bol_no', label: 'Pallet No', type: 'text' }] };
    expect(await suggestMappings(load, other)).toEqual([]);
  });
  it('feeds a NetSuite select from the Salesforce field that stores that record\'s NetSuite internal id', async () => {
    const member: Schema = { system: 'salesforce', object: 'Member__c', fields: [
      { name: 'AccountId__c', label: 'Account', type: 'reference', samples: ['0015g00000Rk2LmAAJ'] },
      { name: 'NS_Customer_ID__c', label: 'NetSuite Customer ID', type: 'string', samples: ['88213'] },
    ] };
    const record: Schema = { system: 'netsuite', object: 'customrecord_member', fields: [{ name: 'custrecord_mbr_customer', label: 'Customer', type: 'select' }] };
    const hit = (await suggestMappings(member, record))[0];
    expect(hit?.sourceField).toBe('NS_Customer_ID__c');
    expect(hit!.reasons.join(' ')).toMatch(/stores the NetSuite internal id/);
    // Not for a select about something else.
    const other: Schema = { ...record, fields: [{ name: 'custrecord_mbr_tier', label: 'Tier', type: 'select' }] };
    expect((await suggestMappings(member, other)).find((x) => x.sourceField === 'NS_Customer_ID__c')).toBeUndefined();
  });
  it("does not take a case's or return's owner for the sales rep, but does take an opportunity's", async () => {
    const owned = (object: string): Schema => ({ system: 'salesforce', object, fields: [{ name: 'OwnerId', label: 'Owner ID', type: 'reference', samples: ['0055g00000AbCdEAAV'] }] });
    const rma: Schema = { system: 'netsuite', object: 'returnAuthorization', fields: [{ name: 'salesRep', label: 'Sales Rep', type: 'RecordRef' }] };
    expect(await suggestMappings(owned('Case'), rma)).toEqual([]);
    expect(await suggestMappings(owned('ReturnOrder'), rma)).toEqual([]);
    expect((await suggestMappings(owned('Opportunity'), rma))[0]?.sourceField).toBe('OwnerId');
  });
  it('feeds a Salesforce lookup from the NetSuite field that stores its Salesforce id, ahead of the NetSuite select', async () => {
    const source: Schema = { system: 'netsuite', object: 'itemFulfillment', fields: [
      { name: 'entity', label: 'Customer', type: 'RecordRef', samples: ['Acme Corp'] },
      { name: 'custbody_sfdc_acct_id', label: 'SFDC Account ID', type: 'text', samples: ['0013h00000JkLpQAAZ'] },
      { name: 'item', label: 'Item', type: 'RecordRef', samples: ['WID-3000'] },
      { name: 'custitem_prod_ref', label: 'Product Ref', type: 'text', samples: ['01t3h000004QwErAAK'] },
    ] };
    const target: Schema = { system: 'salesforce', object: 'Asset', fields: [
      { name: 'AccountId', label: 'Account ID', type: 'reference' },
      { name: 'Product2Id', label: 'Product ID', type: 'reference' },
    ] };
    const s = await suggestMappings(source, target);
    expect(Object.fromEntries(s.map((x) => [x.targetField, x.sourceField]))).toEqual({ AccountId: 'custbody_sfdc_acct_id', Product2Id: 'custitem_prod_ref' });
    expect(s.find((x) => x.targetField === 'AccountId')!.reasons.join(' ')).toMatch(/stores the Salesforce id that the lookup AccountId takes/);
  });
  it('gives a settled target the settled value before a requested or estimated one', async () => {
    const source: Schema = { system: 'salesforce', object: 'Credit_Application__c', fields: [
      { name: 'Requested_Limit__c', label: 'Requested Credit Limit', type: 'currency', samples: ['50000.00'] },
      { name: 'Approved_Limit__c', label: 'Approved Credit Limit', type: 'currency', samples: ['25000.00'] },
    ] };
    const target: Schema = { system: 'netsuite', object: 'customer', fields: [{ name: 'creditLimit', label: 'Credit Limit', type: 'double' }] };
    const s = await suggestMappings(source, target);
    expect(s.map((x) => x.sourceField)).toEqual(['Approved_Limit__c']);
  });
  it('keeps opposite fields apart: next is not last, net is not gross', async () => {
    const source: Schema = { system: 'netsuite', object: 'customrecord_tooling', fields: [
      { name: 'custrecord_tl_last_pm', label: 'Last PM Date', type: 'date', samples: ['2024-03-01'] },
      { name: 'custrecord_gross_lbs', label: 'Gross Wt (lbs)', type: 'double', samples: ['80120'] },
      { name: 'custrecord_net_lbs', label: 'Net Wt (lbs)', type: 'double', samples: ['50520'] },
    ] };
    const target: Schema = { system: 'salesforce', object: 'Tooling__c', fields: [
      { name: 'Next_PM_Due__c', label: 'Next PM Due', type: 'date' },
      { name: 'Net_Lbs__c', label: 'Net Lbs', type: 'double' },
    ] };
    const m = Object.fromEntries((await suggestMappings(source, target)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ Net_Lbs__c: 'custrecord_net_lbs' });
  });
  it('reads the record a NetSuite select points to from its samples ("Sales Order #SO-1877")', async () => {
    const source: Schema = { system: 'netsuite', object: 'revenuePlan', fields: [
      { name: 'revenueElement.source', label: 'Revenue Element : Source', type: 'RecordRef', samples: ['Sales Order #SO-24-01877', 'Sales Order #SO-24-02213'] },
      { name: 'recordNumber', label: 'Number', type: 'string', samples: ['RP-1042'] },
    ] };
    const target: Schema = { system: 'salesforce', object: 'Rev_Sched__c', fields: [{ name: 'NS_Sales_Order__c', label: 'NS SO #', type: 'string' }] };
    const s = await suggestMappings(source, target);
    expect(s.map((x) => x.sourceField)).toEqual(['revenueElement.source']);
    expect(s[0]!.reasons.join(' ')).toMatch(/sales? order/);
  });
  it('feeds a select from a Salesforce field storing the internal id of the record the select names, never the record\'s own id', async () => {
    const source: Schema = { system: 'salesforce', object: 'Lien_Waiver__c', fields: [
      { name: 'NS_Vendor_ID__c', label: 'NS Vendor Int ID', type: 'string', samples: ['48213'] },
      { name: 'Subcontractor__c', label: 'Subcontractor', type: 'reference', samples: ['0015e00000Nqz1TAAR'] },
      { name: 'NS_Lien_Waiver_ID__c', label: 'NS Lien Waiver ID', type: 'string', samples: ['912'] },
    ] };
    const target: Schema = { system: 'netsuite', object: 'customrecord_lien_waiver', fields: [
      { name: 'custrecord_lw_vendor', label: 'Subcontractor (Vendor)', type: 'select' },
      { name: 'custrecord_lw_vendor_bill', label: 'Vendor Bill', type: 'select' },
    ] };
    const m = Object.fromEntries((await suggestMappings(source, target)).map((x) => [x.targetField, x.sourceField]));
    expect(m.custrecord_lw_vendor).toBe('NS_Vendor_ID__c');
    expect(m.custrecord_lw_vendor_bill).not.toBe('NS_Vendor_ID__c');
  });
  it('keeps numbers of different documents apart, and knows a quote is an estimate', async () => {
    const order: Schema = { system: 'salesforce', object: 'Order', fields: [{ name: 'OrderNumber', label: 'Order Number', type: 'string', samples: ['00012874'] }] };
    const invoice: Schema = { system: 'netsuite', object: 'invoice', fields: [
      { name: 'tranId', label: 'Invoice #', type: 'string' },
      { name: 'custbody_sf_order_no', label: 'SF Order #', type: 'text' },
    ] };
    expect((await suggestMappings(order, invoice)).map((x) => x.targetField)).toEqual(['custbody_sf_order_no']);
    const quote: Schema = { system: 'salesforce', object: 'Quote', fields: [{ name: 'QuoteNumber', label: 'Quote Number', type: 'string', samples: ['00000213'] }] };
    const estimate: Schema = { system: 'netsuite', object: 'estimate', fields: [{ name: 'tranId', label: 'Estimate #', type: 'string' }] };
    expect((await suggestMappings(quote, estimate)).map((x) => x.sourceField)).toEqual(['QuoteNumber']);
  });
  it('never feeds NetSuite\'s GL account from a Salesforce Account lookup, nor a record\'s own NetSuite id from a select', async () => {
    const dispute: Schema = { system: 'salesforce', object: 'Billing_Dispute__c', fields: [
      { name: 'Account__c', label: 'Account', type: 'reference', samples: ['0015e00000Nqz1TAAR'] },
      { name: 'Acct_NS_ID__c', label: 'NS Customer ID', type: 'string', samples: ['30417'] },
    ] };
    const memo: Schema = { system: 'netsuite', object: 'creditMemo', fields: [
      { name: 'entity', label: 'Customer', type: 'RecordRef' },
      { name: 'account', label: 'A/R Account', type: 'RecordRef' },
    ] };
    const m = Object.fromEntries((await suggestMappings(dispute, memo)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ entity: 'Acct_NS_ID__c' });
    const asset: Schema = { system: 'netsuite', object: 'customrecord_ncfar_asset', fields: [
      { name: 'id', label: 'Internal ID', type: 'integer', samples: ['4471'] },
      { name: 'custrecord_assettype', label: 'Asset Type', type: 'select', samples: ['Lab Analyzer'] },
    ] };
    const sfAsset: Schema = { system: 'salesforce', object: 'Asset', fields: [{ name: 'NS_Asset_Int_Id__c', label: 'NS Asset Internal ID', type: 'string' }] };
    expect((await suggestMappings(asset, sfAsset)).map((x) => x.sourceField)).toEqual(['id']);
  });
  it('reads a role on a vendor or customer lookup as a person, and never takes a person\'s email for the person', async () => {
    const account: Schema = { system: 'salesforce', object: 'Account', fields: [
      { name: 'OwnerId', label: 'Account Owner ID', type: 'reference', samples: ['0055e000003RtYuAAK'] },
      { name: 'Partner_Contact_Email__c', label: 'Partner Contact Email', type: 'email', samples: ['ops@acme.com'] },
    ] };
    const vendor: Schema = { system: 'netsuite', object: 'vendor', fields: [{ name: 'custentity_channel_mgr', label: 'Channel Mgr', type: 'select' }] };
    expect((await suggestMappings(account, vendor)).map((x) => x.sourceField)).toEqual(['OwnerId']);
  });
  it('reads "SO" as a sales order and a select labelled "Sponsor (Customer)" as both its parts', async () => {
    const booking: Schema = { system: 'salesforce', object: 'Sponsorship_Deal__c', fields: [
      { name: 'NS_SO_Int_ID__c', label: 'NS SO Int ID', type: 'string', samples: ['1204455'] },
      { name: 'Sponsor_NS_Id__c', label: 'Sponsor NS ID', type: 'string', samples: ['44091'] },
      { name: 'Entity__c', label: 'Entity', type: 'picklist', samples: ['Harbor FC LLC'] },
    ] };
    const agreement: Schema = { system: 'netsuite', object: 'customrecord_spon_agmt', fields: [
      { name: 'custrecord_spon_so', label: 'Sales Order', type: 'select' },
      { name: 'custrecord_spon_customer', label: 'Sponsor (Customer)', type: 'select' },
    ] };
    const m = Object.fromEntries((await suggestMappings(booking, agreement)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ custrecord_spon_so: 'NS_SO_Int_ID__c', custrecord_spon_customer: 'Sponsor_NS_Id__c' });
  });
  it('feeds a lookup named loosely ("Retail Account") from a field whose samples are that object\'s ids, but not a product lookup from an order-line id', async () => {
    const depletion: Schema = { system: 'netsuite', object: 'customrecord_ws_depl', fields: [
      { name: 'custrecord_wsd_sf_acct_id', label: 'SF Account ID', type: 'text', samples: ['0013h00000QdX4mAAF'] },
      { name: 'custrecord_sf_order_item_id', label: 'SF Order Item ID', type: 'text', samples: ['802xx0000001AbCAAU'] },
    ] };
    const target: Schema = { system: 'salesforce', object: 'Depletion__c', fields: [
      { name: 'Retail_Account__c', label: 'Retail Account', type: 'reference' },
      { name: 'Product__c', label: 'Product', type: 'reference' },
    ] };
    const m = Object.fromEntries((await suggestMappings(depletion, target)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ Retail_Account__c: 'custrecord_wsd_sf_acct_id' });
  });
  it('reads a vendor bill\'s tranId ("Reference No.") as the vendor\'s invoice number, and transactionNumber as NetSuite\'s own', async () => {
    const bill: Schema = { system: 'netsuite', object: 'vendorBill', fields: [
      { name: 'tranId', label: 'Reference No.', type: 'string', samples: ['MAEU-INV-24110087'] },
      { name: 'transactionNumber', label: 'Transaction Number', type: 'string', samples: ['VB-0031988'] },
    ] };
    const cost: Schema = { system: 'salesforce', object: 'Shipment_Cost__c', fields: [
      { name: 'NS_Bill_Number__c', label: 'NS Bill #', type: 'string' },
      { name: 'Vendor_Invoice_No__c', label: 'Vendor Inv #', type: 'string' },
    ] };
    const m = Object.fromEntries((await suggestMappings(bill, cost)).map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ NS_Bill_Number__c: 'transactionNumber', Vendor_Invoice_No__c: 'tranId' });
  });
  it('never takes a person ("Approved By") for a status or a date, and prefers the current value to a prior one', async () => {
    const source: Schema = { system: 'salesforce', object: 'FundingDisbursement', fields: [
      { name: 'Approved_By__c', label: 'Approved By', type: 'reference', samples: ['0055e000003LqPzAAK'] },
      { name: 'Approved_On__c', label: 'Approved On', type: 'date', samples: ['2024-08-26'] },
      { name: 'Status', label: 'Status', type: 'picklist', samples: ['Approved', 'Scheduled'] },
      { name: 'Prior_Credit_Limit__c', label: 'Prior Credit Limit', type: 'currency', samples: ['50000.00'] },
      { name: 'Approved_Credit_Limit__c', label: 'Approved Credit Limit', type: 'currency', samples: ['75000.00'] },
    ] };
    const target: Schema = { system: 'netsuite', object: 'vendorBill', fields: [
      { name: 'approvalStatus', label: 'Approval Status', type: 'RecordRef' },
      { name: 'custbody_sf_approver', label: 'SF Approver', type: 'text' },
      { name: 'custbody_credit_limit', label: 'Credit Limit', type: 'currency' },
    ] };
    const m = Object.fromEntries((await suggestMappings(source, target)).map((x) => [x.targetField, x.sourceField]));
    expect(m.approvalStatus).toBe('Status');
    expect(m.custbody_sf_approver).not.toBe('Approved_On__c');
    expect(m.custbody_credit_limit).toBe('Approved_Credit_Limit__c');
  });
});
