import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Store } from '../store/types.js';

export type PipelineMetrics = ReturnType<typeof createPipelineMetrics>;

/** The pipeline's Prometheus metrics, registered on the app's registry (never the global one). */
export function createPipelineMetrics(registry: Registry, store: Store, now: () => number = Date.now) {
  const registers = [registry];
  let counts: Promise<Awaited<ReturnType<Store['counts']>>> | undefined;
  // one store query per scrape, shared by the gauges below
  const snapshot = () => {
    counts ??= store.counts(now()).finally(() => setTimeout(() => (counts = undefined), 0).unref());
    return counts;
  };
  return {
    intake: new Counter({
      name: 'nsc_pipeline_intake_total',
      help: 'Inbox entries offered by sources, by source and result (stored, duplicate, rejected: stored with a reason and dead-lettered)',
      labelNames: ['source', 'result'] as const,
      registers,
    }),
    processed: new Counter({
      name: 'nsc_pipeline_processed_total',
      help: 'Work items finished, by flow, operation and outcome (applied, dead, retry, superseded)',
      labelNames: ['flow', 'operation', 'outcome'] as const,
      registers,
    }),
    batchSize: new Histogram({
      name: 'nsc_pipeline_batch_size',
      help: 'Items per target call, by operation',
      labelNames: ['operation'] as const,
      buckets: [1, 2, 5, 10, 25, 50, 100, 200, 500, 1000],
      registers,
    }),
    callSeconds: new Histogram({
      name: 'nsc_pipeline_target_call_seconds',
      help: 'Duration of target calls, by operation and result',
      labelNames: ['operation', 'result'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    retries: new Counter({
      name: 'nsc_pipeline_retries_total',
      help: 'Items scheduled for another attempt, by operation and error code',
      labelNames: ['operation', 'code'] as const,
      registers,
    }),
    limiterLevel: new Gauge({
      name: 'nsc_pipeline_limiter_level',
      help: 'Current allowed concurrency of each limiter (adapts down on concurrency faults)',
      labelNames: ['limiter'] as const,
      registers,
    }),
    breakerOpen: new Gauge({
      name: 'nsc_pipeline_circuit_open',
      help: '1 while the circuit breaker of a target is open',
      labelNames: ['target'] as const,
      registers,
    }),
    dlqSize: new Gauge({
      name: 'nsc_pipeline_dlq_size',
      help: 'Open entries in the dead-letter queue',
      registers,
      async collect() {
        this.set((await snapshot()).dlqOpen);
      },
    }),
    pending: new Gauge({
      name: 'nsc_pipeline_pending',
      help: 'Work waiting, by state (inbox = not yet routed, ready, in_flight)',
      labelNames: ['state'] as const,
      registers,
      async collect() {
        const c = await snapshot();
        this.set({ state: 'inbox' }, c.inboxPending);
        this.set({ state: 'ready' }, c.ready);
        this.set({ state: 'in_flight' }, c.inFlight);
      },
    }),
    lag: new Gauge({
      name: 'nsc_pipeline_lag_seconds',
      help: 'Age of the oldest change not yet finished',
      registers,
      async collect() {
        const c = await snapshot();
        this.set(c.oldestPendingAt === null ? 0 : Math.max(0, (now() - c.oldestPendingAt) / 1000));
      },
    }),
  };
}
