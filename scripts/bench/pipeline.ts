/**
 * Benchmark section `pipeline`: items per second through inbox → routing → lane → batch → a
 * zero-latency fake target, on the embedded store (SQLite, WAL, synchronous=FULL, every commit
 * fsynced), on one Node process; and batch efficiency (items per target call) under a steady stream.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline } from '../../relay/src/pipeline/pipeline.js';
import type { Flow, TargetOperation } from '../../relay/src/pipeline/types.js';
import { openSqliteStore } from '../../relay/src/store/open-store.js';
import type { Store } from '../../relay/src/store/types.js';

const flow: Flow = {
  name: 'bench',
  accepts: () => true,
  plan: (row) => {
    const p = row.payload as { id: string };
    return [
      {
        target: 'zero',
        operation: 'zero.upsert',
        laneKey: p.id,
        idempotencyKey: p.id,
        payload: p,
        supersedable: false,
      },
    ];
  },
};

function zeroTarget(maxBatch: number) {
  let calls = 0;
  let items = 0;
  const op: TargetOperation = {
    target: 'zero',
    operation: 'zero.upsert',
    maxBatch,
    execute: async (batch) => {
      calls++;
      items += batch.length;
      return batch.map((i) => ({ idempotencyKey: i.idempotencyKey, ok: true as const }));
    },
  };
  return { op, stats: () => ({ calls, items }) };
}

async function waitDone(store: Store, total: number, target: () => { items: number }, timeoutMs = 300_000) {
  const end = Date.now() + timeoutMs;
  while (target().items < total) {
    if (Date.now() > end) throw new Error('benchmark timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
  const c = await store.counts(Date.now());
  if (c.ready + c.inFlight + c.inboxPending > 0) await new Promise((r) => setTimeout(r, 50));
}

async function withStore<T>(fn: (store: Store) => Promise<T>, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'nsc-bench-'));
  const store = await openSqliteStore({ dataDir: dir, synchronous });
  try {
    return await fn(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A burst: everything appended in chunks of 100 as fast as possible, then drained. */
async function throughput(total: number, synchronous: 'FULL' | 'NORMAL') {
  return withStore(async (store) => {
    const t = zeroTarget(200);
    const p = createPipeline({
      store,
      flows: [flow],
      operations: [t.op],
      lingerMs: 5,
      pollMs: 20,
      maxInFlightBatches: 4,
    });
    await p.start();
    const started = performance.now();
    for (let i = 0; i < total; i += 100) {
      const n = Math.min(100, total - i);
      await p.inbox.append(
        Array.from({ length: n }, (_, j) => ({
          source: 'manual' as const,
          sourceKey: `k${i + j}`,
          recordType: 'x',
          payload: { id: `r${i + j}` },
        })),
      );
    }
    await waitDone(store, total, t.stats);
    const seconds = (performance.now() - started) / 1000;
    await p.stop();
    return { itemsPerSecond: Math.round(total / seconds), itemsPerCall: t.stats().items / t.stats().calls };
  }, synchronous);
}

/** A steady stream: `rate` items/s arriving in small appends; how full are the batches? */
async function steady(rate: number, seconds: number, lingerMs: number) {
  return withStore(async (store) => {
    const t = zeroTarget(200);
    const p = createPipeline({ store, flows: [flow], operations: [t.op], lingerMs, pollMs: 20 });
    await p.start();
    const perTick = Math.max(1, Math.round(rate / 100));
    const ticks = Math.round(seconds * 100);
    let n = 0;
    const started = performance.now();
    for (let tick = 0; tick < ticks; tick++) {
      await p.inbox.append(
        Array.from({ length: perTick }, () => ({
          source: 'manual' as const,
          sourceKey: `s${n}`,
          recordType: 'x',
          payload: { id: `r${n++}` },
        })),
      );
      const due = started + ((tick + 1) * 1000) / 100;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await waitDone(store, n, t.stats);
    const s = await store.summary(Date.now());
    await p.stop();
    return {
      itemsPerCall: Math.round((t.stats().items / t.stats().calls) * 10) / 10,
      calls: t.stats().calls,
      items: n,
      lag: s.lagSeconds,
    };
  });
}

export default {
  name: 'pipeline',
  run: async (opts: { quick: boolean }) => {
    const total = opts.quick ? 3_000 : 20_000;
    const full = await throughput(total, 'FULL');
    const normal = await throughput(total, 'NORMAL');
    const stream = await steady(opts.quick ? 1_000 : 2_000, opts.quick ? 2 : 5, 25);
    const trickle = await steady(100, opts.quick ? 2 : 5, 25);
    return {
      burst_items: total,
      burst_items_per_s_sqlite_full: full.itemsPerSecond,
      burst_items_per_call: Math.round(full.itemsPerCall * 10) / 10,
      burst_items_per_s_sqlite_normal: normal.itemsPerSecond,
      steady_rate_items_per_s: opts.quick ? 1_000 : 2_000,
      steady_items_per_call: stream.itemsPerCall,
      trickle_rate_items_per_s: 100,
      trickle_items_per_call: trickle.itemsPerCall,
      linger_ms: 25,
    };
  },
};
