import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { AccountState } from '../emulators/netsuite/state/account.js';
import { CredentialStore, generateSecrets, type GeneratedSecrets } from '../emulators/netsuite/credentials.js';
import { Governance } from '../emulators/netsuite/governance.js';
import { restServices, type RestServices, type RestServicesDeps } from '../emulators/netsuite/rest/services.js';
import { ensureCompiled } from '../emulators/netsuite/suitescript/compile.js';

export const ACCOUNT_ID = '1234567_SB1';

/** Serves a Hono app on 127.0.0.1 at a free port. */
export async function listen(app: Hono): Promise<{ url: string; close: () => Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface EmulatorHarness extends RestServices {
  url: string;
  state: AccountState;
  governance: Governance;
  credentials: CredentialStore;
  secrets: GeneratedSecrets;
  close(): Promise<void>;
}

/** The NetSuite emulator's REST/RESTlet/OAuth 2.0 surface on a real port, with a seeded account. */
export async function startEmulator(opts: Partial<Pick<RestServicesDeps, 'scripts' | 'userEvents'>> & { concurrency?: number } = {}): Promise<EmulatorHarness> {
  ensureCompiled();
  const state = new AccountState({ accountId: ACCOUNT_ID });
  const secrets = generateSecrets();
  const credentials = CredentialStore.fromSecrets(ACCOUNT_ID, secrets);
  const governance = new Governance({ knobs: { concurrency: opts.concurrency ?? 5 } });
  const services = restServices({ state, credentials, governance, scripts: opts.scripts, userEvents: opts.userEvents });
  const server = await listen(services.app);
  return { ...services, url: server.url, state, governance, credentials, secrets, close: server.close };
}

const sub = { internalId: '1' };

/** A customer with two open invoices (one overdue) and a sales order. */
export function seedCustomer(state: AccountState) {
  const item = state.add('inventoryItem', { itemId: 'WIDGET', displayName: 'Widget', rate: 25, subsidiaryList: { recordRef: [sub] } } as never);
  const customer = state.add('customer', { companyName: 'Acme GmbH', externalId: 'SF-ACME', subsidiary: sub, creditLimit: 10000 });
  const today = state.now().toISOString().slice(0, 10);
  const invoice = (tranDate: string, quantity: number) =>
    state.add('invoice', { entity: { internalId: customer.internalId }, tranDate, itemList: { item: [{ item: { internalId: item.internalId }, quantity, rate: 25 }] } });
  const overdue = invoice('2026-01-15', 4);
  const current = invoice(today, 2);
  return { item, customer, overdue, current };
}
