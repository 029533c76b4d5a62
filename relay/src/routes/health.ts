import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { evaluateReadiness, type ReadinessCheck } from '../http/readiness.js';

export interface HealthDeps {
  metrics: Registry;
  readiness: readonly ReadinessCheck[];
  isDraining: () => boolean;
  startedAt: Date;
  version: string;
}

/** Liveness, readiness (one entry per dependency) and Prometheus metrics. */
export function healthRoutes(deps: HealthDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) =>
    c.json({
      status: 'ok',
      version: deps.version,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
    }),
  );
  app.get('/readyz', async (c) => {
    const report = await evaluateReadiness(deps.readiness, deps.isDraining());
    return c.json(report, report.ready ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    const body = await deps.metrics.metrics();
    return c.body(body, 200, { 'content-type': deps.metrics.contentType });
  });
  return app;
}
