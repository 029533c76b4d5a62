import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialStore, generateSecrets, type GeneratedSecrets } from './credentials.js';
import { Governance } from './governance.js';
import { DEFAULT_EMULATOR_KNOBS, emulatorKnobsFromEnv, type EmulatorKnobs } from './knobs.js';
import { restRouteFactory } from './rest/services.js';
import { soapRoutes, type SoapLimits } from './soap/endpoint.js';
import { SearchSessions } from './soap/search-sessions.js';
import { wsdlRoutes } from './soap/wsdl-routes.js';
import { AccountState, type SeedData } from './state/account.js';
import { loadNetSuiteSchemas } from './xsd/index.js';
import type { SchemaSet } from './xsd/model.js';

export { AccountState, type SeedData } from './state/account.js';
export { Governance, type FaultKind, type GovernanceKnobs } from './governance.js';
export { CredentialStore } from './credentials.js';
export type { EmulatorKnobs } from './knobs.js';

export interface NetSuiteEmulatorOptions {
  port?: number;
  host?: string;
  knobs?: Partial<EmulatorKnobs>;
  /** Seed data, or the path of a seed JSON file (e.g. fixtures/demo-seed.json). */
  seed?: string | SeedData;
  /** Account id as NetSuite shows it (default NS_EMULATOR_ACCOUNT_ID or `1234567_SB1`). */
  accountId?: string;
  /** Fixed credentials instead of freshly generated ones (tests). */
  secrets?: Partial<GeneratedSecrets>;
  /** Server clock (TBA skew, lastModifiedDate, overdue). */
  clock?: () => Date;
  /** Environment for NS_EMULATOR_* (default process.env); `knobs` win over it. */
  env?: Record<string, string | undefined>;
}

/** Everything a test (or another endpoint) can reach in-process. */
export interface AccountHandle {
  state: AccountState;
  governance: Governance;
  credentials: CredentialStore;
  secrets: GeneratedSecrets;
  /** SOAP limits, mutable in-process (maxBodyBytes, validateResponses, loginFaultCode). */
  soapLimits: SoapLimits;
  /** Emulator self-checks that failed (invalid responses, internal errors). Should stay empty. */
  problems: string[];
  /** Reasons of rejected logins (for tests and debugging). */
  loginFailures: string[];
  schemas: SchemaSet;
  clock: () => Date;
}

export interface RunningNetSuiteEmulator {
  url: string;
  close(): Promise<void>;
  /** The relay's own variable names, pointing at this emulator. */
  env: Record<string, string>;
  account: AccountHandle;
}

/**
 * Route factories mounted on the emulator app. Other NetSuite endpoints (REST web services,
 * RESTlets, OAuth 2.0 token endpoint) add theirs here; every one shares the same AccountHandle.
 */
export type RouteFactory = (account: AccountHandle) => Hono;
export const ROUTE_FACTORIES: RouteFactory[] = [
  (a) =>
    soapRoutes({
      schemas: a.schemas,
      account: a.state,
      governance: a.governance,
      credentials: a.credentials,
      searches: new SearchSessions(() => a.clock().getTime()),
      clock: a.clock,
      limits: a.soapLimits,
      problems: a.problems,
      loginFailures: a.loginFailures,
    }),
  // The 2023_2 WSDL and XSDs at NetSuite's path, service address pointing here.
  () => wsdlRoutes(),
  // REST web services, SuiteQL, RESTlets (running netsuite/ scripts), OAuth 2.0 token endpoint.
  (a) => restRouteFactory(a),
];

let schemaCache: Promise<SchemaSet> | undefined;
function schemas(): Promise<SchemaSet> {
  schemaCache ??= loadNetSuiteSchemas();
  return schemaCache;
}

async function loadSeed(seed: string | SeedData | undefined): Promise<SeedData | undefined> {
  if (seed === undefined) return undefined;
  if (typeof seed !== 'string') return seed;
  return JSON.parse(await readFile(seed, 'utf8')) as SeedData;
}

/** Builds the account (state, governance, credentials) without serving it. */
export async function createAccount(opts: NetSuiteEmulatorOptions = {}): Promise<AccountHandle> {
  const env = opts.env ?? process.env;
  const knobs: EmulatorKnobs = { ...DEFAULT_EMULATOR_KNOBS, ...emulatorKnobsFromEnv(env), ...opts.knobs };
  const clock = opts.clock ?? (() => new Date());
  const accountId = opts.accountId ?? env.NS_EMULATOR_ACCOUNT_ID ?? '1234567_SB1';
  const state = new AccountState({
    accountId,
    clock,
    oneWorld: knobs.oneWorld,
    advancedShipping: knobs.advancedShipping,
    salesOrderApproval: knobs.salesOrderApproval,
  });
  const seed = await loadSeed(opts.seed);
  if (seed) state.seed(seed);
  const secrets = { ...generateSecrets(), ...opts.secrets };
  return {
    state,
    governance: new Governance({ knobs, seed: knobs.rngSeed }),
    credentials: CredentialStore.fromSecrets(accountId, secrets, knobs.maxSkewSeconds),
    secrets,
    soapLimits: {
      maxBodyBytes: knobs.maxBodyBytes,
      validateResponses: knobs.validateResponses,
      loginFaultCode: knobs.loginFaultCode,
    },
    problems: [],
    loginFailures: [],
    schemas: await schemas(),
    clock,
  };
}

export function createNetSuiteApp(account: AccountHandle): Hono {
  const app = new Hono();
  for (const factory of ROUTE_FACTORIES) app.route('/', factory(account));
  return app;
}

/** Starts the NetSuite emulator over HTTP (port 0 = a free port). */
export async function startNetSuiteEmulator(opts: NetSuiteEmulatorOptions = {}): Promise<RunningNetSuiteEmulator> {
  const account = await createAccount(opts);
  const app = createNetSuiteApp(account);
  const host = opts.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const keyDir = await mkdtemp(join(tmpdir(), 'ns-emulator-'));
  const keyFile = join(keyDir, 'm2m-private-key.pem');
  await writeFile(keyFile, account.secrets.privateKeyPem, { mode: 0o600 });
  const s = account.secrets;
  const env: Record<string, string> = {
    NS_ACCOUNT_ID: account.state.accountId,
    NS_BASE_URL: url,
    NS_RESTLET_URL: url,
    NS_CONSUMER_KEY: s.consumerKey,
    NS_CONSUMER_SECRET: s.consumerSecret,
    NS_TOKEN_ID: s.tokenId,
    NS_TOKEN_SECRET: s.tokenSecret,
    NS_CLIENT_ID: s.clientId,
    NS_CERTIFICATE_ID: s.certificateId,
    NS_PRIVATE_KEY_FILE: keyFile,
    NS_WEBHOOK_SECRET: s.webhookSecret,
  };
  return {
    url,
    env,
    account,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await rm(keyDir, { recursive: true, force: true });
    },
  };
}
