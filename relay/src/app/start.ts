import type { serve as honoServe } from '@hono/node-server';
import { configuredSystems, type Env } from '../config/env.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createMetricsRegistry } from '../http/metrics.js';
import { AppError } from '../http/errors.js';
import type { ReadinessCheck } from '../http/readiness.js';
import { Lifecycle } from '../lifecycle/shutdown.js';
import { createDurablePipeline } from '../pipeline/index.js';
import { createSalesforceConnectorFromEnv, salesforceReadinessCheck } from '../connectors/salesforce/index.js';
import {
  createGapBackfill,
  createSalesforceStreams,
  registerStreamMetrics,
  streamsReadinessCheck,
} from '../connectors/salesforce/streaming/index.js';
import { accountRoutes } from '../routes/accounts.js';
import { orderRoutes } from '../routes/orders.js';
import { mappingRoutes } from '../routes/mappings.js';
import { webhookRoutes } from '../routes/webhooks.js';
import { createApp, type RouteModule } from './create-app.js';
import { checkNetSuiteConfig, connectNetSuite } from './netsuite.js';
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

const notConfigured = (system: string) => {
  throw new AppError('NOT_CONFIGURED', `${system} is not configured on this relay`, 503, { system });
};

/**
 * Builds every part from the config, serves HTTP and installs graceful shutdown.
 * Shutdown runs in reverse order of registration: HTTP closes first (no new intake), then the
 * Salesforce streams stop, then the pipeline drains and the store closes.
 */
export async function startRelay(config: Env, options: StartOptions) {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, secrets: secretValues(config) });
  const lifecycle = new Lifecycle(logger, config.SHUTDOWN_TIMEOUT_MS);
  const metrics = createMetricsRegistry();
  const systems = configuredSystems(config);
  // Configuration mistakes stop the relay before anything is opened.
  checkNetSuiteConfig(config);
  const sf = createSalesforceConnectorFromEnv(config, { port: { callClient: 'NetSuiteConnect' } });
  logger.info(
    {
      dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR,
      store: config.DATABASE_URL ? 'postgresql' : 'sqlite',
    },
    'opening the durable store',
  );

  // No flow is registered yet: every change is stored, then recorded as skipped with its reason.
  const durable = await createDurablePipeline(config, { logger, metrics, flows: [], operations: [] });
  lifecycle.onShutdown('pipeline', durable.shutdown);
  const inbox = durable.pipeline.inbox;

  const readiness: ReadinessCheck[] = [durable.readiness];
  // The mapping API remembers accepted mappings and reads order history and known parties from the store.
  const { mappingMemory, orderHistory, parties } = durable.store;
  const mappings = mappingRoutes({ memory: mappingMemory, history: orderHistory, parties });
  const api: RouteModule[] = [...durable.api, { path: '/mappings', routes: mappings }];
  const publicRoutes: RouteModule[] = [];

  // Every NetSuite call (flows and API routes alike) takes a slot of the pipeline's account-wide
  // `netsuite` limiter (held in the database on PostgreSQL). Flows' target operations must therefore
  // not name that limiter again, or a call would hold two slots.
  const netsuite = connectNetSuite(config, { logger, limiter: durable.pipeline.limiter('netsuite') });
  if (netsuite) {
    readiness.push(netsuite.readiness);
    api.push({ path: '/accounts', routes: accountRoutes({ fetchFinancialSummary: netsuite.fetchFinancialSummary }) });
    api.push({ path: '/orders', routes: orderRoutes({ netsuite: netsuite.port }) });
  } else {
    readiness.push({ name: 'netsuite', critical: false, check: async () => ({ state: 'not_configured' }) });
    api.push({
      path: '/accounts',
      routes: accountRoutes({ fetchFinancialSummary: async () => notConfigured('NetSuite') }),
    });
    api.push({
      path: '/orders',
      routes: orderRoutes({ netsuite: { findByExternalIds: async () => notConfigured('NetSuite') } }),
    });
  }
  if (config.NS_WEBHOOK_SECRET) {
    publicRoutes.push({
      path: '/webhooks',
      routes: webhookRoutes({ secret: config.NS_WEBHOOK_SECRET, inbox, logger }),
    });
  }

  readiness.push(salesforceReadinessCheck(sf?.auth));
  const streams = sf
    ? createSalesforceStreams({
        auth: sf.auth,
        apiVersion: config.SF_API_VERSION,
        namespace: config.SF_NAMESPACE,
        inbox,
        checkpointAt: inbox.checkpointAt ? (channel) => inbox.checkpointAt!(channel) : undefined,
        onGap: createGapBackfill({ salesforce: sf.salesforce, soql: sf.salesforce.soql, inbox, logger }),
        logger,
      })
    : undefined;
  if (streams) {
    readiness.push(streamsReadinessCheck(streams));
    registerStreamMetrics(metrics, streams);
    lifecycle.onShutdown('salesforce-streams', () => streams.stop());
  }

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
        'nothing is configured: no Salesforce or NetSuite credentials are set, so the relay serves /healthz, /readyz, /metrics and the mapping API only',
      );
    } else {
      logger.info({ salesforce: systems.salesforce, netsuite: netsuite?.transport ?? false }, 'configured systems');
    }
  });
  lifecycle.onShutdown('http', () => new Promise<void>((resolve) => server.close(() => resolve())));
  lifecycle.installSignalHandlers();

  if (streams) {
    logger.info('subscribing to Salesforce change events and sync requests');
    await streams.start();
  }
  return { app, server, lifecycle, logger, pipeline: durable.pipeline };
}
