import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../../relay/src/pipeline/pipeline.js';
import { testFlow, waitFor, type TestPayload } from '../../relay/src/pipeline/testing.js';
import type { BatchItem, TargetOperation } from '../../relay/src/pipeline/types.js';
import { postgresAdapter } from '../../relay/src/store/testing.js';
import type { Store } from '../../relay/src/store/types.js';

/**
 * Two relay replicas on one PostgreSQL: they share the queue (FOR UPDATE SKIP LOCKED), never work on
 * one record at the same time, and together stay within the NetSuite concurrency limit held in the
 * database. Skipped locally without DATABASE_URL (with the reason); in CI a missing DATABASE_URL fails.
 */
const adapter = postgresAdapter();
const suite = adapter.skipReason ? describe.skip : describe;

suite(`replicas on PostgreSQL${adapter.skipReason ? ` (skipped: ${adapter.skipReason})` : ''}`, () => {
  const stores: Store[] = [];
  const pipelines: Pipeline[] = [];
  beforeAll(async () => {
    await adapter.setup();
  });
  afterAll(async () => {
    for (const p of pipelines) await p.stop(2_000);
    for (const s of stores) await s.close();
    await adapter.teardown();
  });

  it('share the work, keep each record ordered and exclusive, and hold the limit across replicas', async () => {
    const activeLanes = new Set<string>();
    const applied: { id: string; v: number }[] = [];
    const violations: string[] = [];
    const callsBy: Record<string, number> = {};
    let active = 0;
    let maxActive = 0;
    const op = (replica: string): TargetOperation => ({
      target: 'fake',
      operation: 'fake.upsert',
      maxBatch: 5,
      limiter: 'netsuite',
      execute: async (items: readonly BatchItem[]) => {
        callsBy[replica] = (callsBy[replica] ?? 0) + 1;
        active++;
        maxActive = Math.max(maxActive, active);
        for (const i of items) {
          if (activeLanes.has(i.laneKey)) violations.push(`lane ${i.laneKey} in two calls at once`);
          activeLanes.add(i.laneKey);
        }
        await new Promise((r) => setTimeout(r, 15));
        for (const i of items) {
          activeLanes.delete(i.laneKey);
          const p = i.payload as TestPayload;
          applied.push({ id: p.id, v: p.v });
        }
        active--;
        return items.map((i) => ({ idempotencyKey: i.idempotencyKey, ok: true as const }));
      },
    });
    for (const name of ['replica-a', 'replica-b']) {
      const store = await adapter.open();
      stores.push(store);
      const p = createPipeline({
        store,
        flows: [testFlow()],
        operations: [op(name)],
        nsConcurrency: 3,
        owner: name,
        lingerMs: 5,
        pollMs: 20,
      });
      pipelines.push(p);
      await p.start();
    }
    const records = 30;
    const versions = 4;
    for (let v = 1; v <= versions; v++) {
      const inbox = pipelines[v % 2]!.inbox;
      await inbox.append(
        Array.from({ length: records }, (_, r) => ({
          source: 'netsuite-webhook' as const,
          sourceKey: `r${r}:${v}`,
          recordType: 'customer',
          recordId: `r${r}`,
          payload: { id: `r${r}`, v },
        })),
      );
      pipelines.forEach((p) => p.wake());
    }
    await waitFor(() => applied.length >= records * versions, 20_000, 'all changes applied');
    await new Promise((r) => setTimeout(r, 100));
    expect(violations).toEqual([]);
    expect(applied).toHaveLength(records * versions);
    for (let r = 0; r < records; r++) {
      expect(applied.filter((a) => a.id === `r${r}`).map((a) => a.v)).toEqual([1, 2, 3, 4]);
    }
    expect(maxActive).toBeLessThanOrEqual(3);
    expect(callsBy['replica-a']).toBeGreaterThan(0);
    expect(callsBy['replica-b']).toBeGreaterThan(0);
    const summary = await stores[0]!.summary(Date.now());
    expect(summary.byFlow).toEqual([{ flow: 'customers', outcome: 'applied', count: records * versions }]);
  });
});
