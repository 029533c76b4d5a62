import { describe, expect, it } from 'vitest';
import { orderFromCanonical, partyFromCanonical } from './adapters.js';

describe('canonical → detector adapters', () => {
  it('reads a canonical sales order as an order for the detectors', () => {
    const o = orderFromCanonical(
      {
        customer: { salesforceId: '001000000000001AAA' },
        salesRep: { salesforceId: '005000000000001AAA' },
        currency: 'EUR',
        total: { amount: '12000.00' },
        opportunityAmount: { amount: '12000.00' },
        lines: [{ item: { netsuiteInternalId: '77' }, quantity: 3, unitPrice: { amount: '4000.00' }, amount: { amount: '12000.00' } }],
      },
      'Opportunity:006',
    );
    expect(o).toEqual({
      record: 'Opportunity:006', customerId: '001000000000001AAA', repId: '005000000000001AAA', currency: 'EUR', total: '12000.00', opportunityAmount: '12000.00',
      lines: [{ lineNumber: 1, productId: '77', quantity: '3', unitPrice: '4000.00', discountPercent: undefined, amount: '12000.00' }],
    });
    expect(orderFromCanonical({}, 'x')).toMatchObject({ currency: 'USD', lines: [] });
  });
  it('reads customers and contacts as parties', () => {
    expect(partyFromCanonical({ ids: { salesforceId: '001000000000001AAA' }, companyName: 'Acme', phone: '+14155552671', website: 'acme.com', addresses: [{ street1: '1 Main St', city: 'Boston', postalCode: '02110', country: 'US' }] }, 'fallback'))
      .toEqual({ id: '001000000000001AAA', name: 'Acme', email: undefined, website: 'acme.com', phone: '+14155552671', street: '1 Main St', city: 'Boston', postalCode: '02110', country: 'US' });
    expect(partyFromCanonical({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@acme.com' }, 'Contact:(new)')).toMatchObject({ id: 'Contact:(new)', name: 'Ada Lovelace', email: 'ada@acme.com' });
  });
});
