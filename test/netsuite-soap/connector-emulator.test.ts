import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSoapNetSuitePort,
  soapConfigFromEnv,
  SoapNetSuiteClient,
  type SoapConnectorConfig,
} from '../../relay/src/connectors/netsuite/soap/index.js';
import type { NetSuitePort, NsRecord, WriteResult } from '../../relay/src/connectors/netsuite/port.js';
import { startNetSuiteEmulator, type RunningNetSuiteEmulator } from '../emulators/netsuite/index.js';

/**
 * The relay's SOAP connector against the NetSuite emulator over real HTTP (127.0.0.1, random port):
 * CRUD, lists at and over their limits, search paging, the concurrency limit reached then respected,
 * lock conflicts, and initialize-then-add of an invoice from a sales order.
 */

let emu: RunningNetSuiteEmulator;
let port: NetSuitePort;

const config = (extra: Partial<SoapConnectorConfig> = {}): SoapConnectorConfig => ({
  ...soapConfigFromEnv(emu.env),
  retryBaseDelayMs: 5,
  ...extra,
});

beforeAll(async () => {
  emu = await startNetSuiteEmulator({ port: 0 });
  port = createSoapNetSuitePort(config());
}, 30_000);

afterAll(async () => {
  await emu?.close();
});

afterEach(() => {
  emu.account.governance.reset();
  // The emulator checks every response it sends against the XSDs; none may have failed.
  expect(emu.account.problems).toEqual([]);
});

const ids = (results: WriteResult[]) =>
  results.map((r) => (r.ok ? r.internalId : `${r.error.code}:${r.error.message}`));
const allOk = (results: WriteResult[]) => expect(results.filter((r) => !r.ok)).toEqual([]);

const customer = (ext: string, fields: Record<string, unknown> = {}): NsRecord => ({
  type: 'customer',
  externalId: ext,
  fields: { companyName: `Company ${ext}`, subsidiary: { internalId: '1' }, ...fields },
});

describe('SOAP connector ⇄ NetSuite emulator', () => {
  it('CRUD: add, get, update, upsert, findByExternalIds, delete', async () => {
    const [added] = await port.add([customer('CRUD-1', { email: 'crud@example.com', creditLimit: 1000 })]);
    expect(added).toMatchObject({ ok: true, externalId: 'CRUD-1' });
    const internalId = added?.ok ? added.internalId : '';

    const got = await port.get({ type: 'customer', internalId });
    expect(got).toMatchObject({ type: 'customer', internalId, externalId: 'CRUD-1' });
    expect(got.fields).toMatchObject({
      companyName: 'Company CRUD-1',
      email: 'crud@example.com',
      creditLimit: 1000,
      isPerson: false,
    });
    expect(got.fields.lastModifiedDate).toBeInstanceOf(Date);

    allOk(await port.update([{ type: 'customer', internalId, fields: { companyName: 'Renamed & Co <1>' } }]));
    expect((await port.get({ type: 'customer', externalId: 'CRUD-1' })).fields.companyName).toBe('Renamed & Co <1>');

    const upserted = await port.upsert([customer('CRUD-1', { phone: '555-0101' }), customer('CRUD-2')]);
    allOk(upserted);
    expect(upserted[0]?.ok && upserted[0].internalId).toBe(internalId);

    const found = await port.findByExternalIds('customer', ['CRUD-2', 'NOPE', 'CRUD-1']);
    expect(found.map((r) => r?.externalId ?? null)).toEqual(['CRUD-2', null, 'CRUD-1']);
    expect(found[2]?.fields.phone).toBe('555-0101');

    const deleted = await port.delete([
      { type: 'customer', internalId },
      { type: 'customer', internalId: '999999' },
    ]);
    expect(deleted[0]).toMatchObject({ ok: true, internalId });
    expect(deleted[1]).toMatchObject({ ok: false, error: { code: 'NS_NOT_FOUND', retryable: false } });
    await expect(port.get({ type: 'customer', internalId })).rejects.toMatchObject({ code: 'NS_NOT_FOUND' });
  });

  it('per-record failures come back in order, typed, while the others are saved', async () => {
    const results = await port.add([
      customer('MIX-1'),
      customer('MIX-1'),
      {
        type: 'salesOrder',
        externalId: 'MIX-SO',
        fields: { entity: { internalId: '987654' }, itemList: { item: [{ item: { internalId: '1' }, quantity: 1 }] } },
      },
      customer('MIX-2', { notAField: 1 }),
      customer('MIX-3'),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'NS_DUPLICATE',
      'NS_INVALID_REFERENCE',
      'NS_VALIDATION',
      'ok',
    ]);
    expect(results[1]).toMatchObject({
      ok: false,
      error: { record: { index: 1, externalId: 'MIX-1' }, retryable: false },
    });
  });

  it('lists at their limit go in one request; over it the connector splits; an over-limit list sent anyway is refused', async () => {
    const before = emu.account.governance.stats().accepted;
    const at = await port.add(Array.from({ length: 200 }, (_, i) => customer(`LIM-A-${i}`)));
    allOk(at);
    expect(emu.account.governance.stats().accepted - before).toBe(1);

    const over = await port.add(Array.from({ length: 201 }, (_, i) => customer(`LIM-B-${i}`)));
    allOk(over);
    expect(new Set(ids(over)).size).toBe(201);
    expect(emu.account.governance.stats().accepted - before).toBe(3);

    const updates = over.slice(0, 101).map((r, i) => ({
      type: 'customer' as const,
      internalId: r.ok ? r.internalId : '',
      fields: { comments: `u${i}` },
    }));
    allOk(await port.update(updates));
    expect(emu.account.governance.stats().accepted - before).toBe(5);

    const reads = await port.getList(
      over.map((r) => ({ type: 'customer' as const, internalId: r.ok ? r.internalId : '' })),
    );
    expect(reads.every((r) => r.ok)).toBe(true);

    const careless = new SoapNetSuiteClient(config(), { limits: { addList: 201, upsertList: 101 } });
    const refused = await careless.add(Array.from({ length: 201 }, (_, i) => customer(`LIM-C-${i}`)));
    expect(new Set(refused.map((r) => (r.ok ? 'ok' : `${r.error.code}/${r.error.faultName}`)))).toEqual(
      new Set(['NS_LIMIT_EXCEEDED/ExceededRecordCountFault']),
    );
    const refusedUpsert = await careless.upsert(Array.from({ length: 101 }, (_, i) => customer(`LIM-D-${i}`)));
    expect(refusedUpsert.every((r) => !r.ok && r.error.code === 'NS_LIMIT_EXCEEDED')).toBe(true);
    expect(await port.findByExternalIds('customer', ['LIM-C-0', 'LIM-D-0'])).toEqual([null, null]);
  }, 60_000);

  it('search pages through every match with searchMoreWithId', async () => {
    const since = new Date(Date.now() - 1000);
    allOk(
      await port.add(Array.from({ length: 23 }, (_, i) => customer(`PAGE-${i}`, { email: `page${i}@example.com` }))),
    );
    const pages = [];
    for await (const page of port.search({ type: 'customer', modifiedSince: since, pageSize: 5 })) pages.push(page);
    const matched = pages.flatMap((p) => p.records);
    expect(pages.map((p) => p.pageIndex)).toEqual(pages.map((_, i) => i + 1));
    expect(pages[0]?.totalPages).toBe(Math.ceil((pages[0]?.totalRecords ?? 0) / 5));
    expect(matched.length).toBe(pages[0]?.totalRecords);
    expect(new Set(matched.map((r) => r.internalId)).size).toBe(matched.length);
    const mine = matched.filter((r) => r.externalId?.startsWith('PAGE-'));
    expect(mine).toHaveLength(23);

    const byEmail = [];
    for await (const page of port.search({ type: 'customer', email: 'page7@example.com' }))
      byEmail.push(...page.records);
    expect(byEmail.map((r) => r.externalId)).toEqual(['PAGE-7']);
    const byExt = [];
    for await (const page of port.search({ type: 'customer', externalIds: ['PAGE-1', 'PAGE-2'] }))
      byExt.push(...page.records);
    expect(byExt.map((r) => r.externalId).sort()).toEqual(['PAGE-1', 'PAGE-2']);
  });

  it('reaches the account concurrency limit, then respects it', async () => {
    emu.account.governance.set({ concurrency: 2, latencyMs: 40 });
    const limit = (await port.governance()).accountConcurrencyLimit;
    expect(limit).toBe(2);

    const greedy = new SoapNetSuiteClient(config({ concurrency: 6, concurrencyRetries: 1 }), {
      limits: { addList: 1 },
    });
    const blocked = await greedy.add(Array.from({ length: 6 }, (_, i) => customer(`CONC-A-${i}`)));
    const refused = blocked.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused)
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'NS_CONCURRENCY_LIMIT', nsCode: 'WS_REQUEST_BLOCKED', retryable: true },
      });

    const rejectedBefore = emu.account.governance.stats().rejected;
    const polite = new SoapNetSuiteClient(config({ concurrency: limit }), { limits: { addList: 1 } });
    allOk(await polite.add(Array.from({ length: 6 }, (_, i) => customer(`CONC-B-${i}`))));
    expect(emu.account.governance.stats().rejected).toBe(rejectedBefore);
    expect(emu.account.governance.stats().peakInFlight).toBeLessThanOrEqual(6);
  }, 30_000);

  it('a greedy client with retries still gets every record through', async () => {
    emu.account.governance.set({ concurrency: 2, latencyMs: 20 });
    const retrying = new SoapNetSuiteClient(config({ concurrency: 4, concurrencyRetries: 8, retryBaseDelayMs: 10 }), {
      limits: { addList: 1 },
    });
    allOk(await retrying.add(Array.from({ length: 6 }, (_, i) => customer(`CONC-C-${i}`))));
  }, 30_000);

  it('lock conflicts: a locked record, an injected lock, a stale concurrent writer', async () => {
    const [c] = await port.add([customer('LOCK-1')]);
    const internalId = c?.ok ? c.internalId : '';
    emu.account.state.lockRecord('customer', internalId);
    const [locked] = await port.update([{ type: 'customer', internalId, fields: { comments: 'x' } }]);
    expect(locked).toMatchObject({ ok: false, error: { code: 'NS_RECORD_LOCKED', retryable: true } });
    emu.account.state.unlockRecord('customer', internalId);
    allOk(await port.update([{ type: 'customer', internalId, fields: { comments: 'y' } }]));

    emu.account.governance.injectNext('lock');
    const [injected] = await port.update([{ type: 'customer', internalId, fields: { comments: 'z' } }]);
    expect(injected).toMatchObject({ ok: false, error: { code: 'NS_RECORD_LOCKED', retryable: true } });

    emu.account.governance.set({ latencyMs: 60 });
    const writers = await Promise.all([
      port.update([{ type: 'customer', internalId, fields: { comments: 'writer A' } }]),
      new Promise((r) => setTimeout(r, 10)).then(() =>
        port.update([{ type: 'customer', internalId, fields: { comments: 'writer B' } }]),
      ),
    ]);
    const outcomes = writers.map(([r]) => (r?.ok ? 'ok' : `${r?.error.code}:${r?.error.retryable}`)).sort();
    expect(outcomes).toEqual(['NS_RECORD_CHANGED:true', 'ok']);
  }, 30_000);

  it('initialize an invoice from a sales order, add it, and the order is billed', async () => {
    const [item] = await port.add([
      {
        type: 'inventoryItem',
        externalId: 'INIT-ITEM',
        fields: { itemId: 'INIT-WIDGET', displayName: 'Widget', subsidiaryList: { recordRef: [{ internalId: '1' }] } },
      },
    ]);
    const [cust] = await port.add([customer('INIT-CUST')]);
    expect(item?.ok && cust?.ok).toBe(true);
    const [so] = await port.add([
      {
        type: 'salesOrder',
        externalId: 'INIT-SO',
        fields: {
          entity: { externalId: 'INIT-CUST' },
          tranDate: new Date(),
          itemList: { item: [{ item: { externalId: 'INIT-ITEM' }, quantity: 3, rate: '12.50' }] },
        },
      },
    ]);
    expect(so).toMatchObject({ ok: true });
    const soId = so?.ok ? so.internalId : '';

    const draft = await port.initialize({ type: 'invoice', reference: { type: 'salesOrder', internalId: soId } });
    expect(draft.type).toBe('invoice');
    expect(draft.fields).toMatchObject({ createdFrom: { internalId: soId } });
    const [inv] = await port.add([{ ...draft, externalId: 'INIT-INV' }]);
    expect(inv).toMatchObject({ ok: true, externalId: 'INIT-INV' });

    const invoice = await port.get({ type: 'invoice', externalId: 'INIT-INV' });
    expect(invoice.fields).toMatchObject({ total: 37.5, amountRemaining: 37.5, createdFrom: { internalId: soId } });
    const order = await port.get({ type: 'salesOrder', internalId: soId });
    expect(order.fields.orderStatus).toBe('_fullyBilled');

    const payment = await port.initialize({
      type: 'customerPayment',
      reference: { type: 'invoice', externalId: 'INIT-INV' },
    });
    allOk(await port.add([{ ...payment, externalId: 'INIT-PAY' }]));
    expect((await port.get({ type: 'invoice', externalId: 'INIT-INV' })).fields).toMatchObject({ amountRemaining: 0 });

    const collect = async (q: Parameters<NetSuitePort['search']>[0]) => {
      const out: NsRecord[] = [];
      for await (const page of port.search(q)) out.push(...page.records);
      return out;
    };
    const soTranId = String(order.fields.tranId);
    expect((await collect({ type: 'salesOrder', tranId: soTranId })).map((r) => r.internalId)).toEqual([soId]);
    const billed = await collect({ type: 'salesOrder', status: ['_salesOrderBilled'], externalIds: ['INIT-SO'] });
    expect(billed.map((r) => r.externalId)).toEqual(['INIT-SO']);
    expect((await collect({ type: 'invoice', externalIds: ['INIT-INV'] })).map((r) => r.type)).toEqual(['invoice']);
    expect((await collect({ type: 'inventoryItem', externalIds: ['INIT-ITEM'] })).map((r) => r.type)).toEqual([
      'inventoryItem',
    ]);
    expect(await collect({ type: 'serviceSaleItem', externalIds: ['INIT-ITEM'] })).toEqual([]);
    await expect(
      port.initialize({ type: 'invoice', reference: { type: 'salesOrder', internalId: '999999' } }),
    ).rejects.toMatchObject({
      code: 'NS_INVALID_REFERENCE',
    });
  });

  it('injected 5xx and timeouts, bad credentials, another namespace version', async () => {
    emu.account.governance.injectNext('5xx');
    await expect(port.get({ type: 'customer', externalId: 'CRUD-2' })).rejects.toMatchObject({ retryable: true });

    emu.account.governance.set({ timeoutMs: 2_000 });
    emu.account.governance.injectNext('timeout');
    const impatient = createSoapNetSuitePort(config({ timeoutMs: 200 }));
    await expect(impatient.get({ type: 'customer', externalId: 'CRUD-2' })).rejects.toMatchObject({
      code: 'NS_TIMEOUT',
      retryable: true,
    });

    const wrong = createSoapNetSuitePort(config({ credentials: { ...config().credentials, tokenSecret: 'wrong' } }));
    await expect(wrong.get({ type: 'customer', externalId: 'CRUD-2' })).rejects.toMatchObject({
      code: 'NS_LOGIN_FAILED',
      retryable: false,
    });

    const v2024 = createSoapNetSuitePort(config({ version: '2024_1' }));
    expect((await v2024.get({ type: 'customer', externalId: 'CRUD-2' })).externalId).toBe('CRUD-2');
  }, 30_000);
});
