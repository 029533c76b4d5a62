/**
 * A relay-like worker for the reliability suite, run as a child process: the real store, pipeline
 * and HTTP app (createApp with the sync and DLQ routes) plus an intake route standing in for a
 * source. Its flow sends `item` changes to the fake target over HTTP. Prints `{"port":N}` when ready;
 * SIGTERM drains and exits 0.
 *
 * Env: DATA_DIR (embedded store) or DATABASE_URL + PG_SCHEMA, TARGET_URL, NS_CONCURRENCY.
 */
import { serve } from '@hono/node-server';
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import { createApp } from '../../relay/src/app/create-app.js';
import { ValidationError } from '../../relay/src/http/errors.js';
import { createMetricsRegistry } from '../../relay/src/http/metrics.js';
import { createLogger } from '../../relay/src/logging/logger.js';
import { createPipeline } from '../../relay/src/pipeline/pipeline.js';
import type { BatchItem, ItemResult, TargetOperation } from '../../relay/src/pipeline/types.js';
import { dlqRoutes } from '../../relay/src/routes/dlq.js';
import { syncRoutes } from '../../relay/src/routes/sync.js';
import { openPgStore, openSqliteStore } from '../../relay/src/store/open-store.js';

const TOKEN = 'reliability-token';
const targetUrl = process.env.TARGET_URL ?? '';
const logger = createLogger({
  level: (process.env.LOG_LEVEL as 'error') ?? 'error',
  destination: process.stderr as never,
});

const store = process.env.DATABASE_URL
  ? await openPgStore({ databaseUrl: process.env.DATABASE_URL, schema: process.env.PG_SCHEMA })
  : await openSqliteStore({ dataDir: process.env.DATA_DIR ?? './.data-reliability' });

const upsert: TargetOperation = {
  target: 'fake',
  operation: 'fake.upsert',
  maxBatch: 25,
  limiter: 'netsuite',
  async execute(items: readonly BatchItem[], { signal }): Promise<ItemResult[]> {
    const res = await fetch(`${targetUrl}/upsert`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: items.map((i) => ({ ...(i.payload as object), key: i.idempotencyKey })) }),
      signal,
    }).catch((err: unknown) => {
      throw Object.assign(new Error(`target unreachable: ${(err as Error).message}`), {
        retryable: true,
        code: 'NETWORK',
      });
    });
    const body = (await res.json()) as {
      code?: string;
      message?: string;
      results?: { key: string; ok: boolean; id?: string; code?: string; retryable?: boolean; message?: string }[];
    };
    if (!res.ok) {
      const retryAfter = res.headers.get('retry-after');
      throw Object.assign(new Error(body.message ?? `HTTP ${res.status}`), {
        retryable: res.status === 429 || res.status >= 500,
        code: body.code ?? `HTTP_${res.status}`,
        httpStatus: res.status,
        retryAfterMs: retryAfter === null ? undefined : Number(retryAfter) * 1000,
      });
    }
    return (body.results ?? []).map((r) =>
      r.ok
        ? { idempotencyKey: r.key, ok: true as const, targetId: r.id }
        : {
            idempotencyKey: r.key,
            ok: false as const,
            error: { retryable: r.retryable === true, code: r.code, message: r.message },
          },
    );
  },
};

const pipeline = createPipeline({
  store,
  logger,
  flows: [
    {
      name: 'items',
      accepts: (e) => e.recordType === 'item',
      plan: (row) => {
        const p = row.payload as { key: string };
        return [
          {
            target: 'fake',
            operation: 'fake.upsert',
            laneKey: `item:${p.key}`,
            idempotencyKey: p.key,
            payload: p,
            supersedable: true,
          },
        ];
      },
    },
  ],
  operations: [upsert],
  nsConcurrency: Number(process.env.NS_CONCURRENCY ?? 4),
  lingerMs: 10,
  pollMs: 50,
  leaseMs: 5_000,
  retry: { initialDelayMs: 10, maxDelayMs: 250, maxAttempts: 40 },
  breaker: { threshold: 8, halfOpenAfterMs: 200 },
  callTimeoutMs: 5_000,
});

const eventSchema = z.object({
  events: z
    .array(
      z.object({
        key: z.string().min(1),
        version: z.number().int().positive(),
        value: z.string(),
        invalid: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(500),
});
const intake = new Hono();
intake.post(
  '/',
  zValidator('json', eventSchema, (r) => {
    if (!r.success) throw new ValidationError('invalid events body');
  }),
  async (c) => {
    const { events } = c.req.valid('json');
    const result = await pipeline.inbox.append(
      events.map((e) => ({
        source: 'manual' as const,
        sourceKey: `${e.key}:${e.version}`,
        recordType: 'item',
        recordId: e.key,
        payload: e,
      })),
    );
    return c.json(result);
  },
);

const metrics = createMetricsRegistry({ defaultMetrics: false });
const app = createApp({
  config: { RELAY_API_TOKENS: [TOKEN] },
  logger,
  metrics,
  readiness: [pipeline.readiness()],
  public: [{ path: '/events', routes: intake }],
  api: [
    { path: '/sync', routes: syncRoutes({ store }) },
    { path: '/dlq', routes: dlqRoutes({ store, pipeline }) },
  ],
});

await pipeline.start();
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, pid: process.pid })}\n`);
});

process.once('SIGTERM', () => {
  void (async () => {
    server.close();
    const { clean } = await pipeline.stop(5_000);
    await store.close();
    process.exit(clean ? 0 : 3);
  })();
});
