import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import type { Env } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import { bearerAuth } from '../http/bearer-auth.js';
import { makeErrorHandler, notFoundHandler } from '../http/errors.js';
import { httpMetrics } from '../http/metrics.js';
import type { ReadinessCheck } from '../http/readiness.js';
import { healthRoutes } from '../routes/health.js';

/** A group of routes mounted at `path`: under /api/v1 (bearer token) or at the root (public). */
export interface RouteModule {
  path: string;
  // Sub-apps may declare their own context variables (Hono's Env generic); any of them mounts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  routes: Hono<any, any, any>;
}

export interface AppDeps {
  config: Pick<Env, 'RELAY_API_TOKENS'>;
  logger: Logger;
  metrics: Registry;
  readiness?: readonly ReadinessCheck[];
  /** Mounted under /api/v1 behind bearer-token auth (RELAY_API_TOKENS). */
  api?: readonly RouteModule[];
  /** Mounted at the root without bearer auth; each must authenticate itself (e.g. webhook HMAC). */
  public?: readonly RouteModule[];
  isDraining?: () => boolean;
  startedAt?: Date;
  version?: string;
}

/** Builds the relay's HTTP app from injected ports. Tests call `app.request()`. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.onError(makeErrorHandler(deps.logger));
  app.notFound(notFoundHandler);
  app.use('*', httpMetrics(deps.metrics));
  app.route(
    '/',
    healthRoutes({
      metrics: deps.metrics,
      readiness: deps.readiness ?? [],
      isDraining: deps.isDraining ?? (() => false),
      startedAt: deps.startedAt ?? new Date(),
      version: deps.version ?? '0.0.0',
    }),
  );
  for (const m of deps.public ?? []) app.route(m.path, m.routes);

  const api = new Hono();
  api.use('*', bearerAuth(deps.config.RELAY_API_TOKENS));
  for (const m of deps.api ?? []) api.route(m.path, m.routes);
  app.route('/api/v1', api);
  return app;
}
