import type { serve as honoServe } from '@hono/node-server';
import { configuredSystems, type Env } from '../config/env.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createMetricsRegistry } from '../http/metrics.js';
import { Lifecycle } from '../lifecycle/shutdown.js';
import { createApp, type RouteModule } from './create-app.js';
import type { ReadinessCheck } from '../http/readiness.js';
import { VERSION } from './version.js';

export interface StartOptions {
  serve: typeof honoServe;
  logger?: Logger;
}

export function secretValues(config: Env): (string | undefined)[] {
  return [
    config.SF_PRIVATE_KEY,
    config.NS_CONSUMER_SECRET,
    config.NS_TOKEN_SECRET,
    config.NS_PRIVATE_KEY,
    config.NS_WEBHOOK_SECRET,
    config.DATABASE_URL,
    ...config.RELAY_API_TOKENS,
  ];
}

/** Builds every part from the config, serves HTTP and installs graceful shutdown. */
export async function startRelay(config: Env, options: StartOptions) {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, secrets: secretValues(config) });
  const lifecycle = new Lifecycle(logger, config.SHUTDOWN_TIMEOUT_MS);
  const metrics = createMetricsRegistry();
  const systems = configuredSystems(config);
  const readiness: ReadinessCheck[] = [
    {
      name: 'salesforce',
      critical: false,
      check: async () => (systems.salesforce ? { state: 'up' } : { state: 'not_configured' }),
    },
    {
      name: 'netsuite',
      critical: false,
      check: async () => (systems.netsuite ? { state: 'up' } : { state: 'not_configured' }),
    },
  ];
  const api: RouteModule[] = [];
  const publicRoutes: RouteModule[] = [];

  const app = createApp({
    config,
    logger,
    metrics,
    readiness,
    api,
    public: publicRoutes,
    isDraining: lifecycle.isDraining,
    version: VERSION,
  });

  const server = options.serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ port: info.port, host: config.HOST }, `relay listening on http://127.0.0.1:${info.port}`);
    if (!systems.salesforce && !systems.netsuite) {
      logger.warn(
        'nothing is configured: no Salesforce or NetSuite credentials are set, so only /healthz, /readyz and /metrics are served',
      );
    } else {
      logger.info({ salesforce: systems.salesforce, netsuite: systems.netsuite }, 'configured systems');
    }
  });
  lifecycle.onShutdown('http', () => new Promise<void>((resolve) => server.close(() => resolve())));
  lifecycle.installSignalHandlers();
  return { app, server, lifecycle, logger };
}
