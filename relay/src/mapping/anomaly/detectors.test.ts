import { describe, expect, it } from 'vitest';
import { detectOrderAnomalies, type OrderLike } from './detectors.js';
import { InMemoryHistory } from './history.js';
import { anomalyPolicySchema } from '../overrides.js';

const policy = anomalyPolicySchema.parse({});
function history(): InMemoryHistory {
  const h = new InMemoryHistory();
  const totals = [980, 1020, 1100, 950, 1005, 990, 1200, 870, 1010, 1050];
  totals.forEach((t, i) => h.add({ orderId: `o${i}`, customerId: 'C1', repId: 'R1', productId: 'P1', currency: 'USD', orderTotal: t, quantity: 10 + (i % 3), unitPrice: 100 + (i % 2), discountPercent: i % 2 ? 5 : 0, at: '2026-01-01T00:00:00Z' }));
  h.setCustomerCurrency('C1', 'USD');
  return h;
}
const order = (o: Partial<OrderLike> = {}): OrderLike => ({
  record: 'Opportunity:006000000000001AAA',
  customerId: 'C1',
  repId: 'R1',
  currency: 'USD',
  total: '1000.00',
  lines: [{ lineNumber: 1, productId: 'P1', quantity: '10', unitPrice: '100.00', amount: '1000.00' }],
  ...o,
});

describe('detectOrderAnomalies', () => {
  it('finds nothing on an ordinary order', async () => {
    expect(await detectOrderAnomalies(order(), history(), policy)).toEqual([]);
  });
  it('explains an order total far above the customer median, with a score', async () => {
    const f = await detectOrderAnomalies(order({ total: '25000.00', lines: [{ lineNumber: 1, productId: 'P1', quantity: '250', unitPrice: '100', amount: '25000.00' }] }), history(), policy);
    const total = f.find((x) => x.code === 'ANOMALY_ORDER_TOTAL')!;
    expect(total.message).toMatch(/25000.00 USD is 2\d\.\d+× the median 100\d of 10 past orders of customer C1/);
    expect(total.score).toBeGreaterThan(0.8);
    expect(total.action).toBe('hold');
    expect(f.map((x) => x.code)).toContain('ANOMALY_QUANTITY');
  });
  it('flags unit price typos and unusual discounts per product', async () => {
    const f = await detectOrderAnomalies(order({ total: '10000.00', lines: [{ lineNumber: 1, productId: 'P1', quantity: '10', unitPrice: '1000', amount: '10000.00' }] }), history(), policy);
    expect(f.map((x) => x.code)).toContain('ANOMALY_UNIT_PRICE');
    const d = await detectOrderAnomalies(order({ total: '500.00', lines: [{ lineNumber: 1, productId: 'P1', quantity: '10', unitPrice: '100', discountPercent: '50', amount: '500.00' }] }), history(), policy);
    expect(d.map((x) => x.code)).toEqual(['ANOMALY_DISCOUNT']);
  });
  it('judges a new product\'s discount against the rep\'s usual discounts', async () => {
    const f = await detectOrderAnomalies(order({ total: '400.00', lines: [{ lineNumber: 1, productId: 'NEWP', quantity: '10', unitPrice: '100', discountPercent: '60', amount: '400.00' }] }), history(), policy);
    expect(f.map((x) => x.code)).toEqual(['ANOMALY_DISCOUNT']);
    expect(f[0]!.message).toMatch(/rep R1/);
  });
  it('stays silent in cold start (too little history anywhere)', async () => {
    const f = await detectOrderAnomalies(order({ customerId: 'NEW', repId: 'NEWREP', total: '90000.00', lines: [{ lineNumber: 1, productId: 'NEWP', quantity: '900', unitPrice: '100', amount: '90000.00' }] }), history(), policy);
    expect(f).toEqual([]);
  });
  it('falls back to the rep history when the customer is new', async () => {
    const f = await detectOrderAnomalies(order({ customerId: 'NEW', total: '90000.00', lines: [] }), history(), policy);
    expect(f.map((x) => x.message).join()).toMatch(/rep R1/);
  });
  it('catches totals that do not add up, and currency mismatches, and blocks per policy', async () => {
    const f = await detectOrderAnomalies(
      order({ total: '1200.00', opportunityAmount: '1500.00', currency: 'EUR', lines: [{ lineNumber: 1, productId: 'P1', quantity: '10', unitPrice: '100', discountPercent: '10', amount: '1000.00' }] }),
      history(),
      policy,
    );
    expect(f.map((x) => x.code).sort()).toEqual(['CURRENCY_MISMATCH', 'TOTALS_LINE_MISMATCH', 'TOTALS_OPPORTUNITY_MISMATCH', 'TOTALS_ORDER_MISMATCH']);
    expect(f.find((x) => x.code === 'TOTALS_LINE_MISMATCH')!.message).toMatch(/10 × 100 − 10 % = 900.00 EUR, but the line amount is 1000.00/);
    expect(f.find((x) => x.code === 'TOTALS_ORDER_MISMATCH')!.severity).toBe('error');
    expect(f.find((x) => x.code === 'CURRENCY_MISMATCH')!.severity).toBe('warning');
  });
  it('tolerates one cent of rounding per line', async () => {
    const f = await detectOrderAnomalies(order({ customerId: 'NEW', repId: undefined, total: '33.34', lines: [{ lineNumber: 1, productId: 'X', quantity: '3', unitPrice: '11.11', amount: '33.34' }] }), history(), policy);
    expect(f).toEqual([]);
  });
  it('drops findings under the configured minimum score', async () => {
    const strict = anomalyPolicySchema.parse({ minScore: 0.99, totals: 'flag' });
    const f = await detectOrderAnomalies(order({ total: '1200.00' }), history(), strict);
    expect(f).toEqual([]);
  });
});
