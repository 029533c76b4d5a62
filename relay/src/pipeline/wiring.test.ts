import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { createMetricsRegistry } from '../http/metrics.js';
import { createLogger } from '../logging/logger.js';
import { fakeTarget, testFlow, waitFor } from './testing.js';
import { createDurablePipeline } from './wiring.js';

describe('createDurablePipeline', () => {
  it('opens the embedded store in DATA_DIR, serves the routes, reports ready, drains and closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsc-wiring-'));
    const metrics = createMetricsRegistry({ defaultMetrics: false });
    const logger = createLogger({ level: 'silent' });
    const t = fakeTarget();
    const env = { DATA_DIR: dir, DATABASE_URL: undefined, NS_CONCURRENCY: 3, SHUTDOWN_TIMEOUT_MS: 3_000 };
    const durable = await createDurablePipeline(env, {
      logger,
      metrics,
      flows: [testFlow()],
      operations: [t.op],
      lingerMs: 0,
    });
    try {
      expect(durable.store.kind).toBe('sqlite');
      const app = createApp({
        config: { RELAY_API_TOKENS: ['t0ken-abc'] },
        logger,
        metrics,
        readiness: [durable.readiness],
        api: durable.api,
      });
      await durable.pipeline.inbox.append([
        { source: 'manual', sourceKey: 'm1', recordType: 'customer', recordId: 'a', payload: { id: 'a', v: 1 } },
      ]);
      await waitFor(() => t.applied.length === 1, 3_000, 'delivery');
      const ready = await app.request('/readyz');
      expect(ready.status).toBe(200);
      expect((await ready.json()).dependencies).toContainEqual({
        name: 'pipeline',
        critical: true,
        state: 'up',
        detail: 'sqlite store',
      });
      const summary = await app.request('/api/v1/sync/summary', { headers: { authorization: 'Bearer t0ken-abc' } });
      await waitFor(
        async () => ((await durable.store.summary(Date.now())).byFlow[0]?.count ?? 0) === 1,
        3_000,
        'sync log',
      );
      expect(summary.status).toBe(200);
      expect((await app.request('/api/v1/dlq', { headers: { authorization: 'Bearer t0ken-abc' } })).status).toBe(200);
      expect(await metrics.metrics()).toContain('nsc_pipeline_limiter_level');
    } finally {
      await durable.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(durable.pipeline.isRunning()).toBe(false);
  });
});
