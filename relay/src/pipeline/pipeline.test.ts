import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry as PromRegistry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/open-store.js';
import type { Store } from '../store/types.js';
import { createPipeline, type Pipeline, type PipelineOptions } from './pipeline.js';
import { fakeTarget, testFlow, waitFor, type TestPayload } from './testing.js';
import type { InboxEntryInput } from './inbox-port.js';

let dir: string;
let store: Store;
let pipeline: Pipeline | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nsc-pipe-'));
  store = await openSqliteStore({ dataDir: dir });
});
afterEach(async () => {
  await pipeline?.stop(1_000);
  pipeline = undefined;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const change = (id: string, v: number, extra: Partial<TestPayload> = {}): InboxEntryInput => ({
  source: 'netsuite-webhook',
  sourceKey: `${id}:${v}`,
  recordType: 'customer',
  recordId: id,
  payload: { id, v, ...extra },
});

const start = async (o: Omit<PipelineOptions, 'store'>) => {
  pipeline = createPipeline({ store, lingerMs: 5, pollMs: 20, retry: { initialDelayMs: 5, maxDelayMs: 20 }, ...o });
  await pipeline.start();
  return pipeline;
};

const settled = async () =>
  waitFor(
    async () => {
      const s = await store.summary(Date.now());
      return s.pending.inbox + s.pending.ready + s.pending.inFlight === 0;
    },
    8_000,
    'the pipeline to settle',
  );

const outcomes = async () =>
  Object.fromEntries((await store.summary(Date.now())).byFlow.map((r) => [`${r.flow}/${r.outcome}`, r.count]));

describe('pipeline', () => {
  it('batches across records up to the operation limit and keeps each record in order', async () => {
    const t = fakeTarget({ maxBatch: 4, delayMs: 2 });
    const p = await start({ flows: [testFlow()], operations: [t.op] });
    const entries = Array.from({ length: 30 }, (_, i) => change(`r${i % 10}`, Math.floor(i / 10) + 1));
    expect(await p.inbox.append(entries)).toEqual({ inserted: 30, duplicates: 0 });
    expect(await p.inbox.append(entries.slice(0, 5))).toEqual({ inserted: 0, duplicates: 5 });
    await settled();
    expect(Math.max(...t.calls.map((c) => c.length))).toBeLessThanOrEqual(4);
    expect(t.calls.some((c) => c.length > 1)).toBe(true);
    for (let r = 0; r < 10; r++) {
      expect(t.applied.filter((a) => a.id === `r${r}`).map((a) => a.v)).toEqual([1, 2, 3]);
    }
    for (const call of t.calls) expect(new Set(call.map((i) => i.laneKey)).size).toBe(call.length);
    expect(await outcomes()).toEqual({ 'customers/applied': 30 });
  });

  it('gives a stream source its resume point: the highest stored replay id and when it was received', async () => {
    const t = fakeTarget();
    const p = createPipeline({ store, flows: [testFlow()], operations: [t.op] });
    const channel = '/data/NetSuite_Connect__chn';
    const cdc = (replayId: number, at: string): InboxEntryInput => ({
      source: 'salesforce-cdc',
      sourceKey: `${channel}:${replayId}`,
      channel,
      replayId,
      recordType: 'customer',
      payload: { id: `a${replayId}`, v: 1 },
      receivedAt: new Date(at),
    });
    expect(await p.inbox.lastReplayId(channel)).toBeUndefined();
    expect(await p.inbox.checkpointAt!(channel)).toBeUndefined();
    await p.inbox.append([cdc(41, '2026-03-01T10:00:00Z'), cdc(42, '2026-03-01T10:00:05Z')]);
    await expect(
      p.inbox.append([cdc(43, '2026-03-01T10:00:09Z'), { ...cdc(44, '2026-03-01T10:00:09Z'), recordType: '' }]),
    ).rejects.toThrow(/field "recordType"/);
    expect(await p.inbox.lastReplayId(channel)).toBe(42);
    expect(await p.inbox.checkpointAt!(channel)).toEqual(new Date('2026-03-01T10:00:05Z'));
  });

  it('lingers briefly so changes arriving together share a batch', async () => {
    const t = fakeTarget({ maxBatch: 50 });
    const p = await start({ flows: [testFlow()], operations: [t.op], lingerMs: 400 });
    await Promise.all([
      p.inbox.append([change('a', 1)]),
      p.inbox.append([change('b', 1)]),
      p.inbox.append([change('c', 1)]),
    ]);
    await settled();
    expect(t.calls.map((c) => c.length)).toEqual([3]);
  });

  it('coalesces superseded snapshots of one record into the latest', async () => {
    const t = fakeTarget();
    await store.append([], Date.now());
    const p = createPipeline({
      store,
      flows: [testFlow({ supersedable: true })],
      operations: [t.op],
      lingerMs: 0,
      pollMs: 20,
    });
    pipeline = p;
    await p.inbox.append([1, 2, 3, 4, 5].map((v) => change('x', v)));
    await p.start();
    await settled();
    expect(t.applied).toEqual([{ id: 'x', v: 5 }]);
    expect(await outcomes()).toEqual({ 'customers/applied': 1, 'customers/superseded': 4 });
  });

  it('never reports success for an item the target did not confirm', async () => {
    const t = fakeTarget({
      answer: (item, call) => (call === 1 && (item.payload as TestPayload).id === 'b' ? undefined : undefined),
    });
    const silent = fakeTarget();
    let first = true;
    silent.op.execute = async (items) => {
      const out = await t.op.execute(items, { signal: new AbortController().signal });
      if (first) {
        first = false;
        return out.filter((r) => r.idempotencyKey !== 'sf-b');
      }
      return out;
    };
    await start({ flows: [testFlow()], operations: [silent.op], lingerMs: 30 });
    await pipeline!.inbox.append([change('a', 1), change('b', 1)]);
    await settled();
    expect(t.calls.map((c) => c.map((i) => i.idempotencyKey))).toEqual([['sf-a', 'sf-b'], ['sf-b']]);
    expect(t.calls[1]![0]!.attempt).toBe(2);
    expect(await outcomes()).toEqual({ 'customers/applied': 2 });
  });

  it('retries transient failures honouring Retry-After, and dead-letters permanent ones with the answer', async () => {
    const times: number[] = [];
    const t = fakeTarget({
      answer: (item, call) => {
        const p = item.payload as TestPayload;
        if (p.id === 'slow') times.push(Date.now());
        if (p.id === 'slow' && call === 1) {
          return {
            idempotencyKey: item.idempotencyKey,
            ok: false,
            error: { retryable: true, retryAfterMs: 200, code: 'NS_RECORD_LOCKED', message: 'locked' },
          };
        }
        if (p.invalid) {
          return {
            idempotencyKey: item.idempotencyKey,
            ok: false,
            error: { retryable: false, code: 'NS_VALIDATION', message: `companyName of ${p.id} is required` },
            response: { statusDetail: { code: 'USER_ERROR' } },
          };
        }
        return undefined;
      },
    });
    await start({ flows: [testFlow()], operations: [t.op], lingerMs: 30 });
    await pipeline!.inbox.append([change('slow', 1), change('bad', 1, { invalid: true })]);
    await settled();
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(190);
    const { items } = await store.listDlq({ limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      stage: 'deliver',
      idempotencyKey: 'sf-bad',
      reason: 'NS_VALIDATION: companyName of bad is required',
      response: { statusDetail: { code: 'USER_ERROR' } },
      payload: { id: 'bad', v: 1, invalid: true },
      attempts: 1,
    });
    expect(await outcomes()).toEqual({ 'customers/applied': 1, 'customers/dead': 1 });
  });

  it('dead-letters a transient failure past the attempt cap, with its history, and replays it', async () => {
    let failing = true;
    const t = fakeTarget({
      answer: (item) =>
        failing
          ? {
              idempotencyKey: item.idempotencyKey,
              ok: false,
              error: { retryable: true, code: 'NS_TIMEOUT', message: 'timeout' },
            }
          : undefined,
    });
    await start({
      flows: [testFlow()],
      operations: [t.op],
      retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 },
    });
    await pipeline!.inbox.append([change('z', 1)]);
    await settled();
    const [dead] = (await store.listDlq({ limit: 1 })).items;
    expect(dead!.reason).toBe('gave up after 3 attempts; last error NS_TIMEOUT: timeout');
    expect(dead!.history.map((h) => h.outcome)).toEqual(['transient', 'transient', 'transient']);
    failing = false;
    await pipeline!.replay(dead!.id);
    await settled();
    expect(t.applied).toEqual([{ id: 'z', v: 1 }]);
  });

  it('records bad input with a clear reason and keeps going: oversized, unknown type, flow off, bad payload', async () => {
    const t = fakeTarget();
    let on = true;
    const flows = [
      testFlow(),
      {
        ...testFlow(),
        name: 'orders',
        accepts: (e: { recordType: string }) => e.recordType === 'order',
        enabled: () => on,
      },
    ];
    const p = await start({ flows, operations: [t.op], maxPayloadBytes: 1_000 });
    on = false;
    await p.inbox.append([
      { ...change('huge', 1), payload: { id: 'huge', v: 1, blob: 'x'.repeat(5_000) } },
      { ...change('u', 1), recordType: 'widget' },
      { ...change('o', 1), recordType: 'order' },
      { ...change('nokey', 1), payload: { v: 1 } },
      change('good', 1),
    ]);
    const circular: Record<string, unknown> = { id: 'c' };
    circular.self = circular;
    await p.inbox.append([{ ...change('c', 1), payload: circular }]);
    await expect(p.inbox.append([{ ...change('e', 1), sourceKey: '' }])).rejects.toThrow(/field "sourceKey"/);
    await settled();
    expect(t.applied).toEqual([{ id: 'good', v: 1 }]);
    const reasons = (await store.listDlq({ limit: 10 })).items.map((i) => `${i.stage}: ${i.reason}`).sort();
    expect(reasons).toEqual([
      "intake: payload of customer c cannot be serialised: Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 'self' closes the circle",
      'intake: payload of customer huge is 5029 bytes, over the 1000-byte limit',
      'route: customers: field "id" of customer nokey:1 is missing',
      'route: no flow handles record type "widget" from netsuite-webhook (record u)',
    ]);
    expect(await outcomes()).toMatchObject({ 'orders/skipped': 1, 'customers/applied': 1 });
  });

  it('opens the circuit of a failing target, stops calling it, then probes it back', async () => {
    let down = true;
    const t = fakeTarget({
      maxBatch: 1,
      throwOnCall: () =>
        down ? Object.assign(new Error('ECONNREFUSED'), { retryable: true, code: 'ECONNREFUSED' }) : undefined,
    });
    await start({
      flows: [testFlow()],
      operations: [t.op],
      breaker: { threshold: 3, halfOpenAfterMs: 1_000 },
      maxInFlightBatches: 1,
      retry: { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 100 },
    });
    await pipeline!.inbox.append([change('a', 1), change('b', 1), change('c', 1), change('d', 1)]);
    await waitFor(() => t.calls.length >= 3, 3_000, 'three failures');
    await new Promise((r) => setTimeout(r, 150));
    expect(t.calls.length).toBe(3);
    expect((await pipeline!.readiness().check()).state).toBe('degraded');
    down = false;
    await settled();
    expect(t.applied.map((a) => a.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect((await pipeline!.readiness().check()).state).toBe('up');
  });

  it('keeps target calls within the limiter level and steps it down on concurrency faults', async () => {
    let faults = 2;
    const t = fakeTarget({
      maxBatch: 1,
      limiter: 'netsuite',
      delayMs: 15,
      answer: (item) =>
        faults-- > 0
          ? {
              idempotencyKey: item.idempotencyKey,
              ok: false,
              error: { retryable: true, code: 'NS_CONCURRENCY_LIMIT', message: 'limit' },
            }
          : undefined,
    });
    const metrics = new PromRegistry();
    await start({ flows: [testFlow()], operations: [t.op], nsConcurrency: 4, metrics });
    await pipeline!.inbox.append(Array.from({ length: 12 }, (_, i) => change(`k${i}`, 1)));
    await settled();
    expect(t.maxActive()).toBeLessThanOrEqual(4);
    expect(t.maxActive()).toBeGreaterThan(1);
    expect(pipeline!.limiter('netsuite')!.level()).toBe(2);
    const text = await metrics.metrics();
    expect(text).toMatch(/nsc_pipeline_limiter_level\{limiter="netsuite"\} 2/);
    expect(text).toMatch(
      /nsc_pipeline_processed_total\{flow="customers",operation="fake.upsert",outcome="applied"\} 12/,
    );
    expect(text).toMatch(/nsc_pipeline_retries_total\{operation="fake.upsert",code="NS_CONCURRENCY_LIMIT"\} 2/);
    expect(text).toMatch(/nsc_pipeline_batch_size_count\{operation="fake.upsert"\} 14/);
    expect(text).toMatch(/nsc_pipeline_dlq_size 0/);
    expect(text).toMatch(/nsc_pipeline_lag_seconds 0/);
    expect(text).toMatch(/nsc_pipeline_intake_total\{source="netsuite-webhook",result="stored"\} 12/);
  });

  it('drains in-flight work on stop, and hands back what cannot finish in time (not lost)', async () => {
    const t = fakeTarget({ delayMs: 150, maxBatch: 1 });
    const p = await start({ flows: [testFlow()], operations: [t.op], maxInFlightBatches: 1 });
    await p.inbox.append([change('a', 1), change('b', 1)]);
    await waitFor(() => t.calls.length === 1, 2_000, 'first call');
    expect(await p.stop(2_000)).toEqual({ clean: true });
    expect(t.applied).toEqual([{ id: 'a', v: 1 }]);
    const s = await store.summary(Date.now());
    expect(s.pending).toMatchObject({ ready: 1, inFlight: 0 });

    const slow = fakeTarget({ delayMs: 1_000 });
    const p2 = createPipeline({ store, flows: [testFlow()], operations: [slow.op], lingerMs: 0, pollMs: 10 });
    pipeline = p2;
    await p2.start();
    await waitFor(() => slow.calls.length === 1, 2_000, 'slow call');
    expect(await p2.stop(50)).toEqual({ clean: false });
    expect((await store.summary(Date.now())).pending).toMatchObject({ ready: 1, inFlight: 0 });
  });

  it('on start resumes work a crashed process left in flight, exactly once', async () => {
    const t = fakeTarget();
    const first = createPipeline({ store, flows: [testFlow()], operations: [t.op] });
    await first.inbox.append([change('a', 1), change('b', 1)]);
    await store.route(10, first.registry.decide, Date.now());
    const taken = await store.claim({
      owner: 'dead-process',
      limit: 10,
      leaseMs: 600_000,
      now: Date.now(),
      operations: ['fake.upsert'],
    });
    expect(taken).toHaveLength(2);
    await start({ flows: [testFlow()], operations: [t.op] });
    await settled();
    expect(t.applied.map((a) => a.id).sort()).toEqual(['a', 'b']);
    expect(await outcomes()).toEqual({ 'customers/applied': 2 });
  });
});
