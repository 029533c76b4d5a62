import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { createLogger } from '../logging/logger.js';
import { createMetricsRegistry } from '../http/metrics.js';
import { accountRoutes, type AccountRoutesDeps } from './accounts.js';

const ACCOUNT = '001000000000001AAA';
const restletAnswer = {
  customer: { id: 42, externalId: ACCOUNT, entityId: 'CUST-42', companyName: 'Acme', currency: 'USD' },
  balance: '1250.50',
  overdueBalance: 300,
  creditLimit: 5000,
  creditHold: '_on',
  daysOverdue: 12,
  unbilledOrders: 0,
  openInvoices: [
    {
      id: 101,
      number: 'INV-101',
      date: '2026-10-01',
      dueDate: '2026-11-01',
      total: 950.5,
      remaining: 950.5,
      status: 'Open',
    },
  ],
  recentPayments: [{ id: 7, number: 'PAY-7', date: '2026-09-30', amount: 100 }],
  asOf: '2026-11-26T10:00:00.000Z',
};

function app(fetchFinancialSummary: AccountRoutesDeps['fetchFinancialSummary']) {
  const silent = new Writable({ write: (_c, _e, cb) => cb() }) as unknown as import('pino').DestinationStream;
  return createApp({
    config: { RELAY_API_TOKENS: ['t0ken-abc'] },
    logger: createLogger({ destination: silent }),
    metrics: createMetricsRegistry({ defaultMetrics: false }),
    api: [{ path: '/accounts', routes: accountRoutes({ fetchFinancialSummary }) }],
  });
}
const auth = { headers: { authorization: 'Bearer t0ken-abc' } };

describe('GET /api/v1/accounts/:id/financials', () => {
  it('looks the customer up by the Account id as externalId and maps the RESTlet answer', async () => {
    const asked: unknown[] = [];
    const res = await app(async (q) => {
      asked.push(q);
      return restletAnswer;
    }).request(`/api/v1/accounts/${ACCOUNT}/financials`, auth);
    expect(res.status).toBe(200);
    expect(asked).toEqual([{ externalId: ACCOUNT }]);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      accountId: ACCOUNT,
      customer: { internalId: '42', entityId: 'CUST-42' },
      currency: 'USD',
      balance: 1250.5,
      creditHold: 'on',
      openInvoices: [{ internalId: '101', tranId: 'INV-101', amountRemaining: 950.5 }],
      recentPayments: [{ internalId: '7', amount: 100 }],
    });
  });

  it('answers 404 NOT_LINKED when NetSuite has no such customer', async () => {
    const res = await app(async () => undefined).request(`/api/v1/accounts/${ACCOUNT}/financials`, auth);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_LINKED', details: { accountId: ACCOUNT } } });
  });

  it('refuses an id that is not a Salesforce id before calling NetSuite', async () => {
    let called = false;
    const res = await app(async () => {
      called = true;
      return restletAnswer;
    }).request(`/api/v1/accounts/${encodeURIComponent("1' OR 1=1")}/financials`, auth);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_ID', details: { field: 'id' } } });
    expect(called).toBe(false);
  });

  it('answers 502 naming the bad field when the RESTlet answer is malformed', async () => {
    const res = await app(async () => ({ ...restletAnswer, balance: 'lots' })).request(
      `/api/v1/accounts/${ACCOUNT}/financials`,
      auth,
    );
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } };
    expect(body.error.code).toBe('NETSUITE_BAD_ANSWER');
    expect(body.error.details.issues.map((i) => i.path)).toContain('balance');
  });

  it('requires the bearer token', async () => {
    const res = await app(async () => restletAnswer).request(`/api/v1/accounts/${ACCOUNT}/financials`);
    expect(res.status).toBe(401);
  });
});
