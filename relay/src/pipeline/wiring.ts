import type { Registry as PromRegistry } from 'prom-client';
import type { RouteModule } from '../app/create-app.js';
import type { Env } from '../config/env.js';
import type { ReadinessCheck } from '../http/readiness.js';
import type { Logger } from '../logging/logger.js';
import { dlqRoutes } from '../routes/dlq.js';
import { syncRoutes } from '../routes/sync.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/types.js';
import { createPipeline, type Pipeline, type PipelineOptions } from './pipeline.js';

export interface DurablePipeline {
  store: Store;
  pipeline: Pipeline;
  /** Mount under /api/v1: `/sync` (GET summary) and `/dlq` (list, replay). */
  api: RouteModule[];
  readiness: ReadinessCheck;
  /** Drain the pipeline (within SHUTDOWN_TIMEOUT_MS), then close the store. */
  shutdown(): Promise<void>;
}

/**
 * Everything start.ts needs for the durable pipeline: the store chosen from the environment
 * (DATABASE_URL → PostgreSQL, else the embedded store in DATA_DIR), the pipeline (started: crash
 * leftovers resumed), its routes, readiness check and shutdown hook.
 */
export async function createDurablePipeline(
  env: Pick<Env, 'DATA_DIR' | 'DATABASE_URL' | 'NS_CONCURRENCY' | 'SHUTDOWN_TIMEOUT_MS'>,
  deps: { logger: Logger; metrics: PromRegistry } & Pick<PipelineOptions, 'flows' | 'operations' | 'registry'> &
    Partial<PipelineOptions>,
): Promise<DurablePipeline> {
  const store = await openStore(env);
  const pipeline = createPipeline({ nsConcurrency: env.NS_CONCURRENCY, ...deps, store });
  await pipeline.start();
  deps.logger.info({ store: store.kind, schemaVersion: store.schemaVersion }, 'durable pipeline started');
  return {
    store,
    pipeline,
    api: [
      { path: '/sync', routes: syncRoutes({ store }) },
      { path: '/dlq', routes: dlqRoutes({ store, pipeline }) },
    ],
    readiness: pipeline.readiness(),
    shutdown: async () => {
      // leave a margin of the lifecycle's own timeout for closing the store
      const { clean } = await pipeline.stop(Math.max(500, env.SHUTDOWN_TIMEOUT_MS - 1_000));
      if (!clean) deps.logger.warn('pipeline drain timed out; unfinished batches were handed back');
      await store.close();
    },
  };
}
