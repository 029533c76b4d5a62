import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccountState } from '../state/account.js';
import { findRestlet } from './deployments.js';
import { SuiteScriptRuntime } from './runtime.js';
import { ensureCompiled } from './compile.js';

const sub = { internalId: '1' };

function seeded() {
  const state = new AccountState({ clock: () => new Date('2026-11-26T12:00:00Z') });
  const item = state.add('inventoryItem', { itemId: 'WIDGET', displayName: 'Widget', rate: 50, subsidiaryList: { recordRef: [sub] } } as never);
  const customer = state.add('customer', { companyName: 'Acme GmbH', externalId: 'SF-ACME', subsidiary: sub, creditLimit: 5000 });
  const inv = (tranDate: string, qty: number) =>
    state.add('invoice', {
      entity: { internalId: customer.internalId },
      tranDate,
      itemList: { item: [{ item: { internalId: item.internalId }, quantity: qty, rate: 50 }] },
    });
  inv('2026-09-01T00:00:00Z', 2);
  inv('2026-11-26T00:00:00Z', 1);
  return { state, customer };
}

describe('SuiteScript runtime (compiled scripts in the sandbox)', () => {
  beforeAll(() => ensureCompiled());
  let runtime: SuiteScriptRuntime | undefined;
  afterEach(() => {
    runtime = undefined;
  });

  it('runs the financial summary RESTlet against the account, within usage', async () => {
    const { state, customer } = seeded();
    runtime = new SuiteScriptRuntime({ state });
    const d = findRestlet('customscript_nsc_financial_summary', 'customdeploy_nsc_financial_summary')!;
    const { outcome } = await runtime.runRestlet(d, 'get', { externalId: 'SF-ACME' });
    expect(outcome.ok).toBe(true);
    const summary = JSON.parse((outcome as { value: string }).value);
    expect(summary.customer).toMatchObject({ id: customer.internalId, externalId: 'SF-ACME', companyName: 'Acme GmbH' });
    expect(summary.balance).toBe(150);
    expect(summary.creditLimit).toBe(5000);
    expect(summary.openInvoices.map((i: { total: number; status: string; date: string }) => [i.total, i.status, i.date])).toEqual([
      [100, 'Open', '2026-09-01'],
      [50, 'Open', '2026-11-26'],
    ]);
    expect(summary.overdueBalance).toBe(100);
    // 3 SuiteQL queries (30) + customer load (5)
    expect(summary.remainingUsage).toBe(5000 - 35);
  });

  it('turns a thrown error.create into a SuiteScriptError outcome', async () => {
    const { state } = seeded();
    runtime = new SuiteScriptRuntime({ state });
    const d = findRestlet('1101', '1')!;
    const { outcome } = await runtime.runRestlet(d, 'get', { externalId: 'missing' });
    expect(outcome).toMatchObject({ ok: false, error: { suiteScript: true, name: 'NSC_CUSTOMER_NOT_FOUND', message: 'No customer with external id missing.' } });
  });

  it('upserts through N/record and stops cleanly when usage runs out', async () => {
    const { state } = seeded();
    runtime = new SuiteScriptRuntime({ state });
    const d = findRestlet('customscript_nsc_batch_upsert', 'customdeploy_nsc_batch_upsert')!;
    const records = Array.from({ length: 100 }, (_, i) => ({ externalId: `SF-${i}`, fields: { companyname: `Co ${i}`, subsidiary: '1' } }));
    records[0]!.externalId = 'SF-ACME';
    records[3]!.fields = { companyname: 'No subsidiary' } as never;
    const { outcome } = await runtime.runRestlet(d, 'post', { recordType: 'customer', records });
    expect(outcome.ok).toBe(true);
    const body = JSON.parse((outcome as { value: string }).value);
    expect(body.results[0]).toMatchObject({ externalId: 'SF-ACME', status: 'updated' });
    expect(body.results[1]).toMatchObject({ externalId: 'SF-1', status: 'created' });
    expect(body.results[3]).toMatchObject({ status: 'error', error: { code: 'USER_ERROR', message: 'Please enter value(s) for: Subsidiary' } });
    // 5,000 units: 10 for the lookup, 15 per customer, 20 kept back → 331 would fit, so all 100 run here
    expect(body.unprocessed).toEqual([]);
    expect(state.find('customer', { externalId: 'SF-ACME' })!.companyName).toBe('Co 0');
    expect(state.find('customer', { externalId: 'SF-99' })).toBeDefined();
  });

  it('fails loudly when a script touches a module member the emulator lacks', async () => {
    const { state } = seeded();
    runtime = new SuiteScriptRuntime({ state });
    const d = findRestlet('customscript_nsc_batch_upsert', 'customdeploy_nsc_batch_upsert')!;
    const { outcome } = await runtime.runRestlet(d, 'post', { recordType: 'customer', records: [{ externalId: 'X', fields: { nosuchfield: 1 } }] });
    const body = JSON.parse((outcome as { value: string }).value);
    expect(body.results[0].error).toEqual({ code: 'SSS_INVALID_FIELD_ID', message: 'emulator: nosuchfield is not a field of customer' });
  });
});
