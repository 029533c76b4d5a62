import { describe, expect, it } from 'vitest';
import { referencedObject } from './sf-key-prefixes.js';
import { suggestMappings } from './suggest.js';

describe('referencedObject', () => {
  it('names the object that sample ids point to, by their key prefix', () => {
    expect(referencedObject(['0015g00000XyZ1aAAF'])?.object).toBe('Account');
    expect(referencedObject(['0055g00000AbCdE', '0055g00000AbCdF'])?.object).toBe('User');
    expect(referencedObject(['01t5g00000MnOpQAAV', '0015g00000XyZ1aAAF', '01t5g00000MnOpRAAV'])?.object).toBe('Product2');
  });
  it('says nothing for values that are not Salesforce ids, for unknown prefixes, or without samples', () => {
    expect(referencedObject(['Acme Corp'])).toBeUndefined();
    expect(referencedObject(['a0X5g00000AbCdEAAV'])).toBeUndefined(); // a custom object's prefix
    expect(referencedObject([])).toBeUndefined();
    expect(referencedObject(undefined)).toBeUndefined();
  });
  it('lets a reference named in the admin\'s words find its NetSuite field through its sample ids', async () => {
    const usage = {
      system: 'salesforce' as const,
      object: 'Case_Usage__c',
      fields: [
        { name: 'Facility__c', label: 'Facility', type: 'reference', samples: ['0015g00000XyZ1aAAF'] },
        { name: 'Rep__c', label: 'Territory Mgr', type: 'reference', samples: ['0055g00000AbCdEAAV'] },
      ],
    };
    const invoice = { system: 'netsuite' as const, object: 'invoice', fields: [{ name: 'entity', label: 'Customer', type: 'RecordRef' }, { name: 'salesRep', label: 'Sales Rep', type: 'RecordRef' }] };
    const s = await suggestMappings(usage, invoice);
    const m = Object.fromEntries(s.map((x) => [x.targetField, x]));
    expect(m.entity?.sourceField).toBe('Facility__c');
    expect(m.entity!.reasons.join(' ')).toMatch(/sample ids are Account records/);
    expect(m.salesRep?.sourceField).toBe('Rep__c');
    // Without the ids, nothing in the names links them.
    const bare = await suggestMappings({ ...usage, fields: usage.fields.map(({ samples: _s, ...f }) => f) }, invoice);
    expect(bare.find((x) => x.targetField === 'entity')).toBeUndefined();
  });
});
