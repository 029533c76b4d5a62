import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { createLogger } from '../logging/logger.js';
import { createMetricsRegistry } from '../http/metrics.js';
import type { NsRecord } from '../connectors/netsuite/port.js';
import { orderRoutes } from './orders.js';

const ORDER = '801000000000001AAA';
function app(records: Record<string, NsRecord>) {
  const silent = new Writable({ write: (_c, _e, cb) => cb() }) as unknown as import('pino').DestinationStream;
  const asked: string[][] = [];
  const netsuite = {
    findByExternalIds: async (type: string, ids: readonly string[]) => {
      expect(type).toBe('salesOrder');
      asked.push([...ids]);
      return ids.map((id) => records[id] ?? null);
    },
  };
  return {
    asked,
    app: createApp({
      config: { RELAY_API_TOKENS: ['t0ken-abc'] },
      logger: createLogger({ destination: silent }),
      metrics: createMetricsRegistry({ defaultMetrics: false }),
      api: [{ path: '/orders', routes: orderRoutes({ netsuite }) }],
    }),
  };
}
const auth = { headers: { authorization: 'Bearer t0ken-abc' } };

describe('GET /api/v1/orders/:id/status', () => {
  it('finds the sales order by the Order id as externalId and labels its status', async () => {
    const { app: a, asked } = app({
      [ORDER]: {
        type: 'salesOrder',
        internalId: '555',
        externalId: ORDER,
        fields: {
          tranId: 'SO-555',
          orderStatus: '_pendingBilling',
          total: 1200.5,
          currency: { internalId: '1', name: 'USD' },
        },
      },
    });
    const res = await a.request(`/api/v1/orders/${ORDER}/status`, auth);
    expect(res.status).toBe(200);
    expect(asked).toEqual([[ORDER]]);
    expect(await res.json()).toEqual({
      orderId: ORDER,
      salesOrder: {
        internalId: '555',
        tranId: 'SO-555',
        status: '_pendingBilling',
        statusLabel: 'Pending Billing',
        total: 1200.5,
        currency: 'USD',
        lastModified: null,
      },
    });
  });

  it('answers 404 NOT_LINKED for an order NetSuite does not know', async () => {
    const res = await app({}).app.request(`/api/v1/orders/${ORDER}/status`, auth);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_LINKED', details: { orderId: ORDER } } });
  });

  it('refuses a malformed id', async () => {
    const res = await app({}).app.request('/api/v1/orders/not-an-id/status', auth);
    expect(res.status).toBe(400);
  });
});
