import { describe, expect, it } from 'vitest';
import { checkboxNamedByValue, dateRolesOf, listValuesNameTarget, sharedDateRole } from './roles.js';
import { suggestMappings } from './suggest.js';
import type { Schema } from './schema.js';

const f = (name: string, label: string, type = 'date') => ({ name, label, type });

describe('date roles', () => {
  it('reads what a date says about its record from its words', () => {
    expect(dateRolesOf(f('custrecord_rl_comm_dt', 'Commencement Date'), 'date', ['lease'])).toEqual(['start']);
    expect(dateRolesOf(f('custrecord_lk_exp', 'Maint Exp'), 'date', ['license'])).toEqual(['end']);
    expect(dateRolesOf(f('CreatedDate', 'Created Date', 'datetime'), 'datetime', ['case'])).toEqual(['created']);
    expect(dateRolesOf(f('tranDate', 'Date'), 'date', ['invoice'], 'netsuite')).toEqual(['document']);
    expect(dateRolesOf(f('Decision_Date__c', 'Decision Date'), 'date', ['credit', 'application'])).toEqual(['decision']);
    // An opportunity's close date is when it was won, not the end of a period.
    expect(dateRolesOf(f('CloseDate', 'Close Date'), 'date', ['opportunity'])).toEqual(['decision']);
    expect(dateRolesOf(f('Close_Date__c', 'Close Date'), 'date', ['matter'])).toEqual(['end']);
    expect(dateRolesOf(f('Ship_Date__c', 'Ship Date'), 'date', ['order'])).toEqual([]);
    // A closing From / To decides between start and end; disconnection and cancellation end a period.
    expect(dateRolesOf(f('EffectiveTo', 'Effective To'), 'date', ['member', 'plan'])).toEqual(['end']);
    expect(dateRolesOf(f('Effective_From__c', 'Effective From'), 'date', ['price'])).toEqual(['start']);
    expect(dateRolesOf(f('vlocity_cmt__DisconnectDate__c', 'Disconnect Date'), 'date', ['service', 'point'])).toEqual(['end']);
    expect(dateRolesOf(f('custrecord_ptcov_term_date', 'Term Date'), 'date', ['coverage'])).toEqual(['end']);
    expect(dateRolesOf(f('Start__c', 'Start', 'string'), 'text', ['order'])).toEqual([]);
  });
  it('pairs a creation date with a document date, and each role only with itself otherwise', () => {
    expect(sharedDateRole(['created'], ['document'])).toBe('created');
    expect(sharedDateRole(['start'], ['end'])).toBeUndefined();
    expect(sharedDateRole(['end'], ['decision', 'end'])).toBe('end');
  });
});

describe('checkbox named by a status value', () => {
  const box = { field: f('isInactive', 'Inactive', 'boolean'), family: 'boolean' as const };
  it('finds the value that names the checkbox or its opposite', () => {
    expect(checkboxNamedByValue(box, { family: 'picklist', samples: new Set(['active']) })).toBe('active');
    expect(checkboxNamedByValue({ field: f('Approved__c', 'Approved', 'boolean'), family: 'boolean' }, { family: 'picklist', samples: new Set(['approved']) })).toBe('approved');
  });
  it('finds a value spelling the whole label, or its "non-" form', () => {
    const owned = { field: f('Customer_Owned__c', 'Customer Owned?', 'boolean'), family: 'boolean' as const };
    expect(checkboxNamedByValue(owned, { family: 'picklist', samples: new Set(['customer-owned', 'company-owned']) })).toBe('customer-owned');
    const union = { field: f('custbody_union_job', 'Union Job?', 'boolean'), family: 'boolean' as const };
    expect(checkboxNamedByValue(union, { family: 'picklist', samples: new Set(['sag-aftra', 'non-union']) })).toBe('non-union');
  });
  it('reads a status held as text ("Paid In Full") for a one-word checkbox ("Paid?")', () => {
    const paid = { field: f('Paid__c', 'Paid?', 'boolean'), family: 'boolean' as const };
    expect(checkboxNamedByValue(paid, { family: 'text', samples: new Set(['open', 'paid in full']), status: true })).toBe('paid in full');
    expect(checkboxNamedByValue(paid, { family: 'text', samples: new Set(['paid in full']) })).toBeUndefined();
  });
  it('says nothing for other values or a text source', () => {
    expect(checkboxNamedByValue(box, { family: 'picklist', samples: new Set(['gold']) })).toBeUndefined();
    expect(checkboxNamedByValue(box, { family: 'text', samples: new Set(['active']) })).toBeUndefined();
  });
});

describe('list values that speak of a status target', () => {
  it('finds a value of the list that speaks of what the status is about', () => {
    const appr = { field: f('approvalStatus', 'Approval Status', 'RecordRef'), family: 'reference' as const };
    expect(listValuesNameTarget(appr, { family: 'picklist', samples: new Set(['approved', 'pending approval']) })).toBe('approved');
  });
  it('says nothing for a target that is a thing, not a status or kind', () => {
    const customer = { field: f('customer', 'Customer', 'RecordRef'), family: 'reference' as const };
    expect(listValuesNameTarget(customer, { family: 'picklist', samples: new Set(['customer receipt']) })).toBeUndefined();
  });
});

describe('the suggester with roles', () => {
  const lease: Schema = { system: 'netsuite', object: 'customrecord_re_lease', fields: [
    { name: 'custrecord_rl_comm_dt', label: 'Commencement Date', type: 'date', samples: ['10/1/2023'] },
    { name: 'custrecord_rl_exp_dt', label: 'Expiration Date', type: 'date', samples: ['9/30/2033'] },
    { name: 'custrecord_rl_status', label: 'Status', type: 'select', samples: ['Active'] },
    { name: 'custrecord_rl_invoice', label: 'Last Invoice', type: 'select', samples: ['INV10442'] },
  ] };
  const target: Schema = { system: 'salesforce', object: 'Lease__c', fields: [
    { name: 'Lease_Start__c', label: 'Lease Start', type: 'date' },
    { name: 'Lease_End__c', label: 'Lease End', type: 'date' },
    { name: 'Inactive__c', label: 'Inactive', type: 'boolean' },
    { name: 'Last_Invoice_No__c', label: 'Last Invoice #', type: 'string' },
  ] };
  it('pairs the only start, the only end, a status that names a checkbox and a document number held by a select', async () => {
    const s = await suggestMappings(lease, target);
    const m = Object.fromEntries(s.map((x) => [x.targetField, x.sourceField]));
    expect(m).toEqual({ Lease_Start__c: 'custrecord_rl_comm_dt', Lease_End__c: 'custrecord_rl_exp_dt', Inactive__c: 'custrecord_rl_status', Last_Invoice_No__c: 'custrecord_rl_invoice' });
    expect(s.find((x) => x.targetField === 'Lease_Start__c')!.reasons.join(' ')).toMatch(/both dates start a period/);
    expect(s.find((x) => x.targetField === 'Inactive__c')!.reasons.join(' ')).toMatch(/values include "active", which Inactive negates/);
  });
  it('says nothing by role when two dates on a side play it', async () => {
    const two: Schema = { ...lease, fields: [...lease.fields, { name: 'custrecord_rl_rent_start', label: 'Rent Start', type: 'date', samples: ['1/1/2024'] }] };
    const s = await suggestMappings(two, { ...target, fields: [target.fields[0]!] });
    expect(s.find((x) => x.reasons.some((r) => /start a period/.test(r)))).toBeUndefined();
  });
});
