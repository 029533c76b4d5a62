import { describe, expect, it } from 'vitest';
import { validatePayload } from './validate.js';
import { knownIdsResolver } from './reference-resolver.js';
import { netsuiteRecords } from '../targets/netsuite.js';
import { salesforceObjects } from '../targets/salesforce.js';

const ns = (payload: Record<string, unknown>, resolver = knownIdsResolver(['subsidiary:1', 'employee:311'])) =>
  validatePayload(payload, { system: 'netsuite', recordType: 'customer', record: 'Account:001000000000001AAA', spec: netsuiteRecords.customer!, resolver });

describe('validatePayload', () => {
  it('passes a well-formed payload', async () => {
    expect(await ns({ companyName: 'Acme', subsidiary: { internalId: '1' }, email: 'a@acme.com', creditLimit: '5000.00' })).toEqual([]);
  });
  it('finds missing required fields with a fix', async () => {
    const f = await ns({ subsidiary: { internalId: '1' } });
    expect(f).toEqual([expect.objectContaining({ code: 'REQUIRED_MISSING', field: 'companyName', record: 'Account:001000000000001AAA', severity: 'error' })]);
    expect(f[0]!.suggestedFix).toMatch(/default/);
  });
  it('finds type problems and over-long values', async () => {
    const f = await ns({ companyName: 'x'.repeat(90), subsidiary: { internalId: '1' }, email: 'not-an-email', isInactive: 'yes', creditLimit: 'lots' });
    expect(f.map((x) => `${x.code}:${x.field}`).sort()).toEqual(['MAX_LENGTH:companyName', 'TYPE_MISMATCH:creditLimit', 'TYPE_MISMATCH:email', 'TYPE_MISMATCH:isInactive']);
    expect(f.find((x) => x.code === 'MAX_LENGTH')!.message).toMatch(/90 characters; the limit is 83/);
  });
  it('finds unknown fields', async () => {
    const f = await ns({ companyName: 'A', subsidiary: { internalId: '1' }, colour: 'red' });
    expect(f).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', field: 'colour' })]);
  });
  it('finds unresolvable references', async () => {
    const f = await ns({ companyName: 'A', subsidiary: { internalId: '9' }, salesRep: { internalId: '311' } });
    expect(f).toEqual([expect.objectContaining({ code: 'REFERENCE_UNRESOLVED', field: 'subsidiary' })]);
  });
  it('rejects values outside a restricted picklist and proposes the closest one', async () => {
    const f = await validatePayload({ Name: 'INV-1', NetSuite_Internal_Id__c: '1', Account__c: '001000000000001AAA', Status__c: 'paid in full' }, { system: 'salesforce', recordType: 'NetSuite_Invoice__c', record: 'invoice:1', spec: salesforceObjects.NetSuite_Invoice__c! });
    expect(f).toEqual([expect.objectContaining({ code: 'PICKLIST_RESTRICTED', field: 'Status__c' })]);
    expect(f[0]!.suggestedFix).toMatch(/"Paid In Full"/);
  });
  it('checks each line of a list against the line spec', async () => {
    const f = await validatePayload(
      { entity: { externalId: 'x' }, tranDate: '2026-01-01T00:00:00Z', currency: { internalId: '1' }, itemList: { item: [{ item: { internalId: '7' }, quantity: 1 }, { quantity: 'two' }] } },
      { system: 'netsuite', recordType: 'salesOrder', record: 'Opportunity:1', spec: netsuiteRecords.salesOrder!, lineSpecs: { 'itemList.item': netsuiteRecords['salesOrder.itemList.item']! } },
    );
    expect(f.map((x) => `${x.code}:${x.field}`).sort()).toEqual(['REQUIRED_MISSING:itemList.item.1.item', 'TYPE_MISMATCH:itemList.item.1.quantity']);
  });
  it('flags phone numbers that are not E.164 without dropping them', async () => {
    const f = await ns({ companyName: 'A', subsidiary: { internalId: '1' }, phone: 'call reception', fax: '+14155552671' });
    expect(f).toEqual([expect.objectContaining({ code: 'PHONE_NOT_E164', field: 'phone', severity: 'warning' })]);
  });
  it('requires a time zone on date-times', async () => {
    const f = await validatePayload({ entity: { externalId: 'x' }, tranDate: '2026-01-01T00:00:00', currency: { internalId: '1' }, itemList: { item: [] } }, { system: 'netsuite', recordType: 'salesOrder', record: 'o', spec: netsuiteRecords.salesOrder! });
    expect(f.map((x) => x.code)).toEqual(['TYPE_MISMATCH', 'REQUIRED_MISSING']);
  });
});
