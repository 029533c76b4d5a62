/**
 * The relay as users run it: a child process (`relay/src/main.ts`) configured only through the
 * variables `npm run emulators` prints, talking over real HTTP to both emulators. Proves the wiring:
 * readiness of every dependency, Salesforce CDC into the durable inbox, NetSuite User Event webhooks
 * into the inbox, the financial-summary and order-status routes, and a clean SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { startNetSuiteEmulator, type RunningNetSuiteEmulator } from '../emulators/netsuite/index.js';
import { restServicesOf } from '../emulators/netsuite/rest/services.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TOKEN = 'e2e-relay-token-4f1c';
const ACCOUNT_ID = '001000000000042AAA';
const ORDER_ID = '801000000000042AAA';

let sf: SalesforceEmulator;
let ns: RunningNetSuiteEmulator;
let relay: ChildProcessWithoutNullStreams;
let relayUrl = '';
let output = '';
let exited: Promise<number | null>;

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${relayUrl}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...init.headers } });

async function summary() {
  const res = await api('/sync/summary');
  return (await res.json()) as { byFlow: { flow: string; outcome: string; count: number }[] };
}

beforeAll(async () => {
  // The emulator runs the change-notifier User Event only when a webhook URL is set; the relay's
  // port is known later, so start with a placeholder and point the script parameter at it below.
  process.env.NS_EMULATOR_WEBHOOK_URL = 'http://127.0.0.1:9/placeholder';
  sf = await startSalesforceEmulator({ port: 0 });
  ns = await startNetSuiteEmulator({ port: 0, seed: join(ROOT, 'test/emulators/netsuite/fixtures/demo-seed.json') });

  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SF_') && !k.startsWith('NS_') && k !== 'DATABASE_URL'),
  );
  relay = spawn(process.execPath, ['--import', 'tsx', 'relay/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...env,
      ...sf.env,
      ...ns.env,
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'nsc-e2e-')),
      RELAY_API_TOKENS: TOKEN,
      LOG_LEVEL: 'info',
    },
  });
  relay.stdout.on('data', (d) => (output += String(d)));
  relay.stderr.on('data', (d) => (output += String(d)));
  exited = new Promise((r) => relay.on('exit', (code) => r(code)));
  relayUrl = await until('the relay to listen', async () => {
    const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
    return port ? `http://127.0.0.1:${port}` : undefined;
  });
  const services = restServicesOf(ns.account)!;
  services.scripts.parameters.customscript_nsc_change_notifier!.custscript_nsc_relay_url = `${relayUrl}/webhooks/netsuite`;
}, 90_000);

afterAll(async () => {
  if (relay && relay.exitCode === null) relay.kill('SIGKILL');
  await Promise.allSettled([sf?.close(), ns?.close()]);
});

describe('relay against both emulators', () => {
  it('reports every dependency ready', async () => {
    const report = await until('readiness', async () => {
      const res = await fetch(`${relayUrl}/readyz`);
      const body = (await res.json()) as { ready: boolean; dependencies: { name: string; state: string }[] };
      const states = Object.fromEntries(body.dependencies.map((d) => [d.name, d.state]));
      return states.netsuite === 'up' && states.salesforce === 'up' ? body : undefined;
    });
    expect(report.ready).toBe(true);
    expect(report.dependencies.map((d) => d.name)).toEqual(
      expect.arrayContaining(['pipeline', 'salesforce', 'netsuite']),
    );
  });

  it('serves NetSuite financials for an Account whose customer carries the Account id as externalId', async () => {
    const customer = ns.account.state.add('customer', {
      companyName: 'Wired Industries',
      externalId: ACCOUNT_ID,
      subsidiary: { internalId: '1' },
      creditLimit: 5000,
    });
    const res = await api(`/accounts/${ACCOUNT_ID}/financials`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const body = JSON.parse(text) as { customer: { internalId: string }; creditLimit: number; balance: number };
    expect(body.customer.internalId).toBe(customer.internalId);
    expect(body.creditLimit).toBe(5000);
    expect(body.balance).toBe(0);

    const missing = await api('/accounts/001000000000099AAA/financials');
    expect(missing.status).toBe(404);
  });

  it('serves the status of the sales order created from an Order', async () => {
    const customer = ns.account.state.find('customer', { externalId: ACCOUNT_ID })!;
    const item = ns.account.state.list('inventoryItem')[0]!;
    ns.account.state.add('salesOrder', {
      externalId: ORDER_ID,
      entity: { internalId: customer.internalId },
      itemList: { item: [{ item: { internalId: item.internalId }, quantity: 2, rate: 10 }] },
    });
    const res = await api(`/orders/${ORDER_ID}/status`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      orderId: ORDER_ID,
      salesOrder: { status: expect.stringMatching(/^_pending/) },
    });
  });

  it('stores a Salesforce change event and a NetSuite webhook durably, and parks them with a reason while no flow takes them', async () => {
    const accessToken = sf.org.issueToken();
    const created = await fetch(`${sf.url}/services/data/v62.0/sobjects/Account`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Name: 'Streamed Co' }),
    });
    expect(created.status).toBe(201);
    const accountId = ((await created.json()) as { id: string }).id;
    const hooked = ns.account.state.add('customer', { companyName: 'Hooked Ltd', subsidiary: { internalId: '1' } });

    // No flow is registered yet: nothing is lost, each change ends in the dead-letter queue with its reason.
    const parked = await until('both changes in the dead-letter queue', async () => {
      const res = await api('/dlq?limit=100');
      const page = (await res.json()) as { items: { source: string; sourceId: string; reason: string }[] };
      const fromSf = page.items.find((e) => e.source === 'salesforce-cdc' && e.sourceId === accountId);
      const fromNs = page.items.find((e) => e.source === 'netsuite-webhook' && e.sourceId === hooked.internalId);
      return fromSf && fromNs ? { fromSf, fromNs } : undefined;
    });
    expect(parked.fromSf.reason).toMatch(/flow/i);
    expect(parked.fromNs.reason).toMatch(/flow/i);
    const s = await summary();
    expect(s.byFlow.reduce((n, r) => n + r.count, 0)).toBeGreaterThanOrEqual(2);
  });

  it('drains and exits 0 on SIGTERM without printing a secret', async () => {
    relay.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const secret of [ns.env.NS_CONSUMER_SECRET, ns.env.NS_TOKEN_SECRET, ns.env.NS_WEBHOOK_SECRET, TOKEN]) {
      expect(output).not.toContain(secret);
    }
  });
});
