import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { createMetricsRegistry } from '../http/metrics.js';
import { createLogger } from '../logging/logger.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { fakeTarget, testFlow } from '../pipeline/testing.js';
import { openSqliteStore } from '../store/open-store.js';
import type { Store } from '../store/types.js';
import { dlqRoutes } from './dlq.js';
import { syncRoutes } from './sync.js';

let dir: string;
let store: Store;
let pipeline: Pipeline;
let app: ReturnType<typeof createApp>;
const auth = { headers: { authorization: 'Bearer tok-pipeline-1' } };
const T0 = Date.parse('2026-03-01T12:00:00Z');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nsc-routes-'));
  store = await openSqliteStore({ dataDir: dir });
  const t = fakeTarget();
  pipeline = createPipeline({ store, flows: [testFlow()], operations: [t.op], now: () => T0 + 5_000 });
  app = createApp({
    config: { RELAY_API_TOKENS: ['tok-pipeline-1'] },
    logger: createLogger({ level: 'silent' }),
    metrics: createMetricsRegistry({ defaultMetrics: false }),
    api: [
      { path: '/sync', routes: syncRoutes({ store, now: () => T0 + 5_000 }) },
      { path: '/dlq', routes: dlqRoutes({ store, pipeline }) },
    ],
  });
  // three entries: one good (routed, pending), two rejected at routing
  await store.append(
    ['good', 'nokey-1', 'nokey-2'].map((k) => ({
      source: 'netsuite-webhook' as const,
      sourceKey: k,
      recordType: 'customer',
      recordId: k,
      payloadJson: JSON.stringify(k === 'good' ? { id: 'good', v: 1 } : { v: 1 }),
      payloadBytes: 10,
      receivedAt: T0,
    })),
    T0,
  );
  await store.route(10, pipeline.registry.decide, T0);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/v1/sync/summary', () => {
  it('needs a bearer token', async () => {
    expect((await app.request('/api/v1/sync/summary')).status).toBe(401);
    expect((await app.request('/api/v1/sync/summary', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });

  it('answers counts by flow and outcome, pending work, lag and open dead letters', async () => {
    const res = await app.request('/api/v1/sync/summary', auth);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      generatedAt: '2026-03-01T12:00:05.000Z',
      since: null,
      byFlow: [{ flow: 'customers', outcome: 'rejected', count: 2 }],
      pending: { inbox: 0, ready: 1, inFlight: 0, retrying: 0 },
      oldestPendingAt: '2026-03-01T12:00:00.000Z',
      lagSeconds: 5,
      dlq: { open: 2 },
    });
  });

  it('filters by since and rejects a bad date naming the parameter', async () => {
    const later = await app.request('/api/v1/sync/summary?since=2026-03-01T12:00:01Z', auth);
    expect((await later.json()).byFlow).toEqual([]);
    const bad = await app.request('/api/v1/sync/summary?since=yesterday', auth);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('"since"') },
    });
  });
});

describe('/api/v1/dlq', () => {
  it('lists dead letters newest first with paging and filters', async () => {
    const first = await app.request('/api/v1/dlq?limit=1', auth);
    expect(first.status).toBe(200);
    const page1 = await first.json();
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0]).toMatchObject({
      stage: 'route',
      flow: 'customers',
      reason: 'customers: field "id" of customer nokey-2 is missing',
      payload: { v: 1 },
      replayable: true,
      status: 'open',
    });
    const page2 = await (await app.request(`/api/v1/dlq?limit=1&cursor=${page1.nextCursor}`, auth)).json();
    expect(page2.items[0].reason).toContain('nokey-1');
    expect(page2.nextCursor).toBeNull();
    expect((await (await app.request('/api/v1/dlq?flow=orders', auth)).json()).items).toEqual([]);
    const bad = await app.request('/api/v1/dlq?limit=5000', auth);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('"limit"');
    expect((await app.request('/api/v1/dlq?status=lost', auth)).status).toBe(400);
  });

  it('replays an entry once (202), then 409; unknown id 404; bad id 400', async () => {
    const { items } = await (await app.request('/api/v1/dlq', auth)).json();
    const id = items[0].id as number;
    const res = await app.request(`/api/v1/dlq/${id}/replay`, { method: 'POST', ...auth });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ replayed: { dlqId: id, inboxId: expect.any(Number) } });
    const again = await app.request(`/api/v1/dlq/${id}/replay`, { method: 'POST', ...auth });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('DLQ_NOT_REPLAYABLE');
    expect((await app.request('/api/v1/dlq/99999/replay', { method: 'POST', ...auth })).status).toBe(404);
    expect((await app.request('/api/v1/dlq/abc/replay', { method: 'POST', ...auth })).status).toBe(400);
    expect((await app.request(`/api/v1/dlq/${id}/replay`, { method: 'POST' })).status).toBe(401);
    const open = await (await app.request('/api/v1/dlq?status=open', auth)).json();
    expect(open.items).toHaveLength(1);
  });
});
