/**
 * In-memory Salesforce org emulator: OAuth 2.0 JWT bearer, REST (sObjects, SOQL, collections, platform
 * events), Change Data Capture and CometD streaming, with fault knobs. See docs/salesforce-emulator.md.
 *
 *   const sf = await startSalesforceEmulator();          // port 0: a free port on 127.0.0.1
 *   process.env = { ...process.env, ...sf.env };           // SF_LOGIN_URL, SF_CLIENT_ID, ...
 *   sf.org.seed('Account', [{ Name: 'Acme' }]);
 *   await sf.close();
 */
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { createConnectedApp } from './auth/connected-app.js';
import { oauthRoutes } from './auth/oauth-routes.js';
import { TokenStore } from './auth/token-store.js';
import { currenciesFromEnv, knobsFromEnv, type SfKnobs } from './knobs.js';
import { Org } from './org.js';
import { createOrgHandle, type OrgHandle, type SeedData } from './org-handle.js';
import { errorResponse, sfJson } from './rest/middleware.js';
import { restRoutes } from './rest/rest-app.js';
import { loadMetadata } from './schema/metadata-loader.js';
import { SchemaRegistry } from './schema/registry.js';
import {
  DEFAULT_RETENTION_MS,
  EventBus,
  createCometdServer,
  streamingSettingsFromEnv,
  type StreamingKnobs,
} from './streaming/index.js';

export type { SfKnobs } from './knobs.js';
export type { OrgHandle, SeedData } from './org-handle.js';
export { DEFAULT_KNOBS, knobsFromEnv } from './knobs.js';

export const DEFAULT_API_VERSION = '62.0';
export const DEFAULT_USERNAME = 'integration@netsuite-connect.example';

export interface SalesforceEmulatorOptions {
  port?: number;
  host?: string;
  knobs?: Partial<SfKnobs>;
  streamingKnobs?: StreamingKnobs;
  /** Records to insert at start, by object: `{ Account: [{ Name: 'Acme' }] }`. */
  seed?: SeedData;
  /** SFDX source root with `objects/` and `platformEventChannelMembers/` (default: force-app/main/default). */
  metadataDir?: string;
  clientId?: string;
  username?: string;
  /** Event retention (CometD replay window; else SF_EMULATOR_RETENTION_MS); Salesforce keeps 72 h. */
  retentionMs?: number;
  /** Injectable clock (token expiry, timestamps, date literals, retention). */
  now?: () => number;
  /** Injectable randomness for the fault knobs. */
  random?: () => number;
  /** URL clients use (login URL, instance_url, JWT audience) when it differs from the listen address. */
  publicUrl?: string;
  /** Multi-currency org with these ISO codes (first = corporate); else SF_EMULATOR_CURRENCIES; default off. */
  currencies?: string[];
  /** Read `SF_EMULATOR_*` knobs from this environment (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface SalesforceEmulator {
  url: string;
  close(): Promise<void>;
  env: { SF_LOGIN_URL: string; SF_CLIENT_ID: string; SF_USERNAME: string; SF_PRIVATE_KEY_FILE: string };
  org: OrgHandle;
}

/**
 * Listen address for a standalone run (`npm run emulators`): `SF_EMULATOR_PORT` (default 4010) and
 * `SF_EMULATOR_HOST` (default 127.0.0.1). In-process tests leave the port at 0.
 */
export function listenOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): { port: number; host: string } {
  const raw = env.SF_EMULATOR_PORT ?? '4010';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid SF_EMULATOR_PORT: ${raw}`);
  return { port, host: env.SF_EMULATOR_HOST ?? '127.0.0.1' };
}

export async function startSalesforceEmulator(opts: SalesforceEmulatorOptions = {}): Promise<SalesforceEmulator> {
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const metadataDir = opts.metadataDir ?? fileURLToPath(new URL('../../../force-app/main/default', import.meta.url));
  const env = opts.env ?? process.env;
  const currencies = opts.currencies ?? currenciesFromEnv(env);
  const schema = new SchemaRegistry(await loadMetadata(metadataDir), currencies === undefined ? {} : { currencies });
  const knobs: Partial<SfKnobs> = { ...knobsFromEnv(env), ...opts.knobs };
  const streamingEnv = streamingSettingsFromEnv(env);
  const bus = new EventBus({ retentionMs: opts.retentionMs ?? streamingEnv.retentionMs ?? DEFAULT_RETENTION_MS, now });
  const username = opts.username ?? DEFAULT_USERNAME;
  const org = new Org({ schema, bus, knobs, now, random, username });
  for (const ch of org.cdc.allChannels()) bus.defineChannel(ch);
  for (const o of schema.all()) if (o.kind === 'platformEvent') bus.defineChannel(`/event/${o.name}`);

  const app = await createConnectedApp(opts.clientId);
  const tokens = new TokenStore(now, () => org.knobs.tokenLifetimeSec * 1000);
  let baseUrl = '';
  const streamingKnobs: StreamingKnobs = { ...streamingEnv.knobs, ...opts.streamingKnobs };
  const cometd = createCometdServer({
    bus,
    now,
    knobs: streamingKnobs,
    authenticate: (header) => {
      const check = tokens.checkHeader(header);
      return check.ok ? { ok: true, userId: check.session.userId, orgId: check.session.orgId } : check;
    },
  });

  const http = new Hono({ strict: false });
  http.onError((err, c) => errorResponse(c, err));
  http.notFound((c) => sfJson(c, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], 404));
  http.route('/', oauthRoutes({ org, app, tokens, baseUrl: () => baseUrl, apiVersion: DEFAULT_API_VERSION }));
  http.route('/', restRoutes({ org, tokens, baseUrl: () => baseUrl, dispatch: async (req) => http.fetch(req) }));
  http.route('/cometd', cometd.routes);

  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: http.fetch, port: opts.port ?? 0, hostname: host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (opts.port ?? 0);
  const listenUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  baseUrl = (opts.publicUrl ?? env.SF_EMULATOR_PUBLIC_URL ?? listenUrl).replace(/\/+$/, '');

  const handle = createOrgHandle({ org, tokens, bus, cometd, streamingKnobs });
  if (opts.seed !== undefined) handle.seedAll(opts.seed);

  return {
    url: baseUrl,
    env: {
      SF_LOGIN_URL: baseUrl,
      SF_CLIENT_ID: app.clientId,
      SF_USERNAME: username,
      SF_PRIVATE_KEY_FILE: app.privateKeyFile,
    },
    org: handle,
    close: async () => {
      cometd.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await app.dispose();
    },
  };
}
