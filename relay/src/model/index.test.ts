import { describe, expect, it } from 'vitest';
import { canonicalSchemas, customerSchema, salesOrderSchema } from './index.js';

describe('canonical schemas', () => {
  it('parses a customer with addresses and contacts and fills defaults', () => {
    const c = customerSchema.parse({
      ids: { salesforceId: '001000000000001AAA', netsuiteInternalId: '42' },
      companyName: 'Acme',
      addresses: [{ city: 'Paris', country: 'FR' }],
      contacts: [{ ids: {}, lastName: 'Doe', email: 'jd@acme.com' }],
    });
    expect(c.isInactive).toBe(false);
    expect(c.addresses[0]?.defaultBilling).toBe(false);
    expect(c.contacts[0]?.lastName).toBe('Doe');
  });
  it('rejects float money, bad ids and zone-less timestamps', () => {
    const base = {
      ids: {},
      customer: { netsuiteInternalId: '7' },
      currency: 'USD',
      orderDate: '2026-01-02',
      lines: [{ lineNumber: 1, item: { sku: 'x' }, quantity: '1', unitPrice: { amount: '5', currency: 'USD' }, amount: { amount: '5', currency: 'USD' } }],
      total: { amount: '5.00', currency: 'USD' },
    };
    expect(salesOrderSchema.safeParse(base).success).toBe(true);
    expect(salesOrderSchema.safeParse({ ...base, total: { amount: 5, currency: 'USD' } }).success).toBe(false);
    expect(salesOrderSchema.safeParse({ ...base, ids: { salesforceId: 'short' } }).success).toBe(false);
    expect(salesOrderSchema.safeParse({ ...base, lastModified: '2026-01-02T10:00:00' }).success).toBe(false);
  });
  it('names every canonical type the mappings use', () => {
    expect(Object.keys(canonicalSchemas).sort()).toEqual(
      ['contact', 'customer', 'employee', 'fulfillment', 'invoice', 'item', 'journalEntry', 'lead', 'payment', 'priceEntry', 'salesOrder', 'supportCase', 'vendor', 'vendorBill'].sort(),
    );
  });
});
