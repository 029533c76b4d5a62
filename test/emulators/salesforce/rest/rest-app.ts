/** Everything under `/services/data`: the version list, then the gated `vNN.0` resources. */
import { Hono } from 'hono';
import { compositeRequestRoutes } from './composite-request.js';
import { compositeRoutes } from './composite-routes.js';
import { versions, type RestDeps, type RestEnv } from './context.js';
import { restGate, sfJson } from './middleware.js';
import { queryRoutes } from './query-routes.js';
import { replicationRoutes } from './replication-routes.js';
import { sobjectRoutes } from './sobjects-routes.js';

export function restRoutes(deps: RestDeps): Hono<RestEnv> {
  const app = new Hono<RestEnv>({ strict: false });
  const { org } = deps;

  // The version list needs no session and is not counted.
  app.get('/services/data', (c) => sfJson(c, versions()));
  app.get('/services/data/', (c) => sfJson(c, versions()));

  const base = '/services/data/:version';
  app.use(base, restGate(deps));
  app.use(`${base}/*`, restGate(deps));

  app.get(base, (c) => {
    const v = `/services/data/v${c.get('apiVersion')}`;
    return sfJson(c, {
      sobjects: `${v}/sobjects`,
      query: `${v}/query`,
      queryAll: `${v}/queryAll`,
      composite: `${v}/composite`,
      limits: `${v}/limits`,
      identity: `${deps.baseUrl()}/id/${org.orgId}/${c.get('session').userId}`,
    });
  });

  app.get(`${base}/limits`, (c) => {
    const max = org.knobs.dailyApiLimit;
    const entry = (m: number, used = 0) => ({ Max: m, Remaining: Math.max(0, m - used) });
    return sfJson(c, {
      DailyApiRequests: entry(max, org.apiUsed),
      DailyAsyncApexExecutions: entry(250000),
      DailyBulkApiBatches: entry(15000),
      DailyBulkV2QueryJobs: entry(10000),
      DailyDeliveredPlatformEvents: entry(50000),
      DailyStreamingApiEvents: entry(1000000),
      DataStorageMB: entry(5),
      FileStorageMB: entry(20),
      HourlyPublishedPlatformEvents: entry(250000),
      MonthlyPlatformEventsUsageEntitlement: entry(1500000),
      SingleEmail: entry(5000),
    });
  });

  app.route(`${base}/sobjects`, replicationRoutes(org));
  app.route(`${base}/sobjects`, sobjectRoutes(deps));
  app.route(`${base}/composite`, compositeRequestRoutes(deps));
  app.route(`${base}/composite`, compositeRoutes(deps));
  app.route(base, queryRoutes(deps));
  return app;
}
