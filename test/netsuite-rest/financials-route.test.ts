import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../relay/src/app/create-app.js';
import { parseEnv } from '../../relay/src/config/env.js';
import { createRestletClient } from '../../relay/src/connectors/netsuite/rest/index.js';
import { financialSummaryFetcher } from '../../relay/src/connectors/netsuite/restlet/project-scripts.js';
import { createLogger } from '../../relay/src/logging/logger.js';
import { accountRoutes } from '../../relay/src/routes/accounts.js';
import { startNetSuiteEmulator, type RunningNetSuiteEmulator } from '../emulators/netsuite/index.js';
import { ensureCompiled } from '../emulators/netsuite/suitescript/compile.js';

const ACCOUNT = '001xx000003DGb2AAG';
let emu: RunningNetSuiteEmulator;
beforeAll(async () => {
  ensureCompiled();
  emu = await startNetSuiteEmulator({ env: {} });
  const state = emu.account.state;
  const item = state.add('inventoryItem', { itemId: 'FIN-W', rate: 40, subsidiaryList: { recordRef: [{ internalId: '1' }] } } as never);
  const c = state.add('customer', { companyName: 'Financials GmbH', externalId: ACCOUNT, subsidiary: { internalId: '1' }, creditLimit: 2500 });
  state.add('invoice', { entity: { internalId: c.internalId }, tranDate: '2026-02-01', itemList: { item: [{ item: { internalId: item.internalId }, quantity: 3, rate: 40 }] } });
});
afterAll(() => emu.close());

describe('GET /api/v1/accounts/:id/financials through the financial-summary RESTlet', () => {
  it.each(['tba', 'oauth2'] as const)('answers the account financials (NS_AUTH=%s)', async (auth) => {
    const env = parseEnv({ ...emu.env, NS_AUTH: auth, RELAY_API_TOKENS: 'sf-token' });
    const app = createApp({
      config: env,
      logger: createLogger({ level: 'silent' }),
      metrics: new Registry(),
      api: [{ path: '/accounts', routes: accountRoutes({ fetchFinancialSummary: financialSummaryFetcher(createRestletClient(env)) }) }],
    });
    const res = await app.request(`/api/v1/accounts/${ACCOUNT}/financials`, { headers: { authorization: 'Bearer sf-token' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ accountId: ACCOUNT, balance: 120, overdueBalance: 120, creditLimit: 2500 });
    expect((body.openInvoices as unknown[]).length).toBe(1);
    const missing = await app.request('/api/v1/accounts/001xx000003DGb3AAG/financials', { headers: { authorization: 'Bearer sf-token' } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_LINKED');
  });
});
