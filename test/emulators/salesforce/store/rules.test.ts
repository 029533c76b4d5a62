import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from '../test-support.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(async () => {
  await t.sf.close();
});

const create = (type: string, json: unknown) => t.api(`sobjects/${type}`, { method: 'POST', json });
const standardBook = () => t.sf.org.records('Pricebook2').find((p) => p.IsStandard === true)!.Id as string;

describe('price book and order line rules', () => {
  it('needs a standard price before a custom price book entry, and one entry per product and book', async () => {
    const [product] = t.sf.org.seed('Product2', [{ Name: 'Widget', ProductCode: 'W-1', IsActive: true }]);
    const [custom] = t.sf.org.seed('Pricebook2', [{ Name: 'Wholesale', IsActive: true }]);
    const early = await create('PricebookEntry', { Pricebook2Id: custom, Product2Id: product, UnitPrice: 8 });
    expect(early.body).toEqual([
      { errorCode: 'STANDARD_PRICE_NOT_DEFINED', message: 'No standard price defined for this product', fields: [] },
    ]);
    const std = await create('PricebookEntry', {
      Pricebook2Id: standardBook(),
      Product2Id: product,
      UnitPrice: 10,
      IsActive: true,
    });
    expect(std.status).toBe(201);
    expect(t.sf.org.record((std.body as { id: string }).id)).toMatchObject({ Name: 'Widget', ProductCode: 'W-1' });
    expect((await create('PricebookEntry', { Pricebook2Id: custom, Product2Id: product, UnitPrice: 8 })).status).toBe(
      201,
    );
    const dup = await create('PricebookEntry', { Pricebook2Id: custom, Product2Id: product, UnitPrice: 7 });
    expect(dup.body).toEqual([
      { errorCode: 'DUPLICATE_VALUE', message: 'This price definition already exists in this price book', fields: [] },
    ]);
  });

  it('rejects an order line whose entry is not in the order price book, and prices the good one', async () => {
    const [account] = t.sf.org.seed('Account', [{ Name: 'Buyer' }]);
    const [product] = t.sf.org.seed('Product2', [{ Name: 'Gadget', IsActive: true }]);
    const [entry] = t.sf.org.seed('PricebookEntry', [
      { Pricebook2Id: standardBook(), Product2Id: product, UnitPrice: 25, IsActive: true },
    ]);
    const [noBook] = t.sf.org.seed('Order', [{ AccountId: account, EffectiveDate: '2026-02-01' }]);
    const bad = await create('OrderItem', { OrderId: noBook, PricebookEntryId: entry, Quantity: 2, UnitPrice: 25 });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([
      {
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message:
          'field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the Order, or Order has no pricebook assigned)',
        fields: ['PricebookEntryId'],
      },
    ]);
    const [order] = t.sf.org.seed('Order', [
      { AccountId: account, EffectiveDate: '2026-02-01', Pricebook2Id: standardBook() },
    ]);
    const good = await create('OrderItem', { OrderId: order, PricebookEntryId: entry, Quantity: 2, UnitPrice: 20 });
    expect(good.status).toBe(201);
    expect(t.sf.org.record((good.body as { id: string }).id)).toMatchObject({
      ListPrice: 25,
      TotalPrice: 40,
      Product2Id: product,
    });
  });
});
