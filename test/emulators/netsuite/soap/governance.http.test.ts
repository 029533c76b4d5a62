import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faultOf } from './test-client.js';
import { readResults, startHarness, writeResults, xml, type Harness } from './test-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ knobs: { rngSeed: 'governance-test' } });
});
afterAll(async () => {
  await h.emu.close();
});
afterEach(() => {
  h.emu.account.governance.reset();
  expect(h.emu.account.problems).toEqual([]);
});

const get = () => h.call('get', { 'platformMsgs:baseRef': xml.recordRef('employee', { internalId: '-5' }) });

describe('account-wide concurrency limit', () => {
  it('over the limit → WS_REQUEST_BLOCKED (ExceededConcurrentRequestLimitFault, HTTP 500); within it, all succeed', async () => {
    h.emu.account.governance.set({ concurrency: 2, latencyMs: 400 });
    const burst = await Promise.all(Array.from({ length: 5 }, () => get()));
    const ok = burst.filter((r) => r.status === 200);
    const blocked = burst.filter((r) => r.status === 500);
    expect(ok).toHaveLength(2);
    expect(blocked).toHaveLength(3);
    for (const r of blocked) {
      expect(faultOf(r)).toMatchObject({
        faultstring: 'SuiteTalk concurrent request limit exceeded. Request blocked.',
        element: 'exceededConcurrentRequestLimitFault',
        code: 'WS_REQUEST_BLOCKED',
      });
    }
    // a client that respects the limit (2 at a time) is never blocked
    h.emu.account.governance.set({ latencyMs: 50 });
    for (let round = 0; round < 3; round++) {
      const pair = await Promise.all([get(), get()]);
      expect(pair.map((r) => r.status)).toEqual([200, 200]);
    }
    expect(h.emu.account.governance.stats().peakInFlight).toBe(2);
  });

  it('the limit is shared with the other endpoints (a RESTlet call holding the last slot blocks SOAP)', async () => {
    h.emu.account.governance.set({ concurrency: 1 });
    const restlet = h.emu.account.governance.tryAcquire('restlet')!;
    try {
      expect(faultOf(await get()).code).toBe('WS_REQUEST_BLOCKED');
    } finally {
      restlet.release();
    }
    expect((await get()).status).toBe(200);
  });
});

describe('locks and optimistic concurrency', () => {
  async function customer(name: string) {
    const r = await h.call('add', { 'platformMsgs:record': xml.customer({ companyName: name }) });
    return writeResults(r, 'add')[0]!.internalId!;
  }

  it('two overlapping updates of one record: the later writer gets RCRD_HAS_BEEN_CHANGED', async () => {
    const id = await customer('Contended Co');
    h.emu.account.governance.set({ latencyMs: 400 });
    const update = (name: string) =>
      h.call('update', {
        'platformMsgs:record': xml.customer({ internalId: id, companyName: name, subsidiary: null }),
      });
    const [a, b] = await Promise.all([update('Writer A'), update('Writer B')]);
    const results = [writeResults(a, 'update')[0]!, writeResults(b, 'update')[0]!];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: 'RCRD_HAS_BEEN_CHANGED',
      message: 'Record has been changed',
      internalId: id,
    });
    // sequential writers never conflict
    h.emu.account.governance.set({ latencyMs: 0 });
    expect(writeResults(await update('Writer C'), 'update')[0]!.ok).toBe(true);
  });

  it('a locked record refuses writes with RCRD_LOCKED_BY_WF until unlocked; reads still work', async () => {
    const id = await customer('Locked Co');
    h.emu.account.state.lockRecord('customer', id);
    const upd = await h.call('update', {
      'platformMsgs:record': xml.customer({ internalId: id, companyName: 'Nope', subsidiary: null }),
    });
    expect(writeResults(upd, 'update')[0]).toMatchObject({ ok: false, code: 'RCRD_LOCKED_BY_WF' });
    const del = await h.call('delete', { 'platformMsgs:baseRef': xml.recordRef('customer', { internalId: id }) });
    expect(writeResults(del, 'delete')[0]!.code).toBe('RCRD_LOCKED_BY_WF');
    expect(
      readResults(
        await h.call('get', { 'platformMsgs:baseRef': xml.recordRef('customer', { internalId: id }) }),
        'get',
      )[0]!.ok,
    ).toBe(true);
    h.emu.account.state.unlockRecord('customer', id);
    expect(
      writeResults(
        await h.call('update', {
          'platformMsgs:record': xml.customer({ internalId: id, companyName: 'Yes', subsidiary: null }),
        }),
        'update',
      )[0]!.ok,
    ).toBe(true);
  });
});

describe('fault injection (in-process, per test)', () => {
  it('forced kinds: lock, concurrency, 5xx, timeout', async () => {
    const id = writeResults(
      await h.call('add', { 'platformMsgs:record': xml.customer({ companyName: 'Injected Co' }) }),
      'add',
    )[0]!.internalId!;
    const g = h.emu.account.governance;
    h.emu.account.governance.set({ timeoutMs: 30 });
    g.injectNext('lock');
    const locked = await h.call('update', {
      'platformMsgs:record': xml.customer({ internalId: id, companyName: 'L', subsidiary: null }),
    });
    expect(writeResults(locked, 'update')[0]!.code).toBe('RCRD_LOCKED_BY_WF');
    g.injectNext('concurrency');
    expect(faultOf(await get()).code).toBe('WS_REQUEST_BLOCKED');
    g.injectNext('5xx', '5xx', '5xx', '5xx');
    const fives = await Promise.all([get(), get(), get(), get()]);
    for (const r of fives) expect([500, 503]).toContain(r.status);
    for (const r of fives.filter((x) => x.status === 500)) expect(faultOf(r).code).toBe('UNEXPECTED_ERROR');
    g.injectNext('timeout');
    expect((await get()).status).toBe(504);
    expect(g.stats().injected).toMatchObject({ lock: 1, concurrency: 1, '5xx': 4, timeout: 1 });
  });

  it('a fault rate draws the same sequence for the same seed', async () => {
    const run = async () => {
      h.emu.account.governance.reset();
      h.emu.account.governance.set({ faultRate: 0.5, faultKinds: ['concurrency'] });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await get()).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('latency: per call plus per record', async () => {
    h.emu.account.governance.set({ latencyMs: 60, perRecordMs: 10 });
    const refs = Array.from({ length: 10 }, () => xml.recordRef('employee', { internalId: '-5' }));
    const t0 = Date.now();
    await h.call('getList', { 'platformMsgs:baseRef': refs });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(155);
  });
});
