import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountState } from './account.js';
import { isNsRecordError } from './errors.js';
import { RECORD_TYPES, type NsRecord } from './types.js';

/** Arbitrary JSON (as a REST or RESTlet caller could send) never breaks the state: a record or an NsRecordError. */

const FIELDS = [
  'entity',
  'customer',
  'companyName',
  'firstName',
  'lastName',
  'entityId',
  'isPerson',
  'subsidiary',
  'itemId',
  'rate',
  'itemList',
  'applyList',
  'lineList',
  'expenseList',
  'payment',
  'autoApply',
  'createdFrom',
  'orderStatus',
  'terms',
  'currency',
  'externalId',
  'internalId',
  'customFieldList',
  'nullFieldList',
  'company',
  'tranDate',
  'salesRep',
];

const value = fc.oneof(
  fc.jsonValue(),
  fc.constant({ internalId: '101' }),
  fc.constant({ item: [{ item: { internalId: '501' }, quantity: 2 }] }),
  fc.record({ internalId: fc.constantFrom('1', '101', '501', '1001', '-5', 'x', '') }),
  fc.record({
    item: fc.array(
      fc.record({ item: fc.record({ internalId: fc.constantFrom('501', '9') }), quantity: fc.jsonValue() }),
      { maxLength: 3 },
    ),
  }),
);

const record = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }) as fc.Arbitrary<NsRecord>;

function seeded(): AccountState {
  const s = new AccountState();
  s.add('customer', { companyName: 'Base', subsidiary: { internalId: '1' } });
  s.add('inventoryItem', { itemId: 'BASE', rate: 3 });
  return s;
}

describe('state under arbitrary input', () => {
  it('add/update/upsert/delete either succeed or throw NsRecordError', () => {
    const state = seeded();
    fc.assert(
      fc.property(
        fc.constantFrom(...RECORD_TYPES),
        fc.constantFrom('add', 'update', 'upsert', 'delete'),
        record,
        (type, op, rec) => {
          try {
            if (op === 'add') state.add(type, rec);
            else if (op === 'update') state.update(type, rec);
            else if (op === 'upsert') state.upsert(type, rec);
            else state.delete(type, rec);
          } catch (e) {
            if (!isNsRecordError(e)) throw e;
          }
        },
      ),
      { numRuns: 1500, seed: 42 },
    );
    expect(state.list('customer').length).toBeGreaterThanOrEqual(1);
  });
});
