import { Hono } from 'hono';
import type { AccountState } from '../state/account.js';
import type { CredentialStore } from '../credentials.js';
import type { Governance } from '../governance.js';
import { AccessTokens } from '../oauth2/access-tokens.js';
import { tokenEndpoint } from '../oauth2/token-endpoint.js';
import { restletRoutes } from '../restlet/routes.js';
import { restGuard } from './guard.js';
import { RECORD_BASE, recordRoutes } from './record-routes.js';
import { SUITEQL_PATH, suiteqlRoutes } from './suiteql-routes.js';
import { SuiteScriptRuntime, type SuiteScriptRuntimeOptions } from '../suitescript/runtime.js';

export interface RestServicesDeps {
  state: AccountState;
  credentials: CredentialStore;
  governance: Governance;
  now?: () => Date;
  /** Options of the SuiteScript runtime (script parameters, https limits). */
  scripts?: Omit<SuiteScriptRuntimeOptions, 'state'>;
  /** Run the change-notifier User Event after every save (default true; each run is a sandboxed worker). */
  userEvents?: boolean;
  concurrencyStatus?: 429 | 400;
}

export interface RestServices {
  app: Hono;
  tokens: AccessTokens;
  scripts: SuiteScriptRuntime;
  /** Why requests were refused (auth), newest last: the wire only says "Invalid login attempt". */
  rejections: string[];
}

/**
 * The NetSuite emulator's non-SOAP surface: OAuth 2.0 M2M token endpoint, RESTlets running the
 * project's compiled SuiteScripts, REST web services (record API, SuiteQL), and the User Event hook
 * on the shared account state. Mount the
 * returned app at the root of the emulator (test/emulators/netsuite/index.ts).
 */
export function restServices(deps: RestServicesDeps): RestServices {
  const now = deps.now ?? (() => deps.state.now());
  const tokens = new AccessTokens();
  const rejections: string[] = [];
  const scripts = new SuiteScriptRuntime({ state: deps.state, ...deps.scripts });
  if (deps.userEvents !== false) scripts.installUserEvents();
  const app = new Hono();
  const onReject = (reason: string) => {
    rejections.push(reason);
  };
  app.route('/', tokenEndpoint({ credentials: deps.credentials, tokens, now, onReject }));
  app.route(
    '/',
    restletRoutes({
      credentials: deps.credentials,
      tokens,
      governance: deps.governance,
      scripts,
      now,
      concurrencyStatus: deps.concurrencyStatus,
      onAuthFailure: onReject,
    }),
  );
  const guard = restGuard({ credentials: deps.credentials, tokens, governance: deps.governance, now, onAuthFailure: onReject });
  app.use(`${RECORD_BASE}/*`, guard);
  app.use(SUITEQL_PATH, guard);
  app.route('/', recordRoutes(deps.state));
  app.route('/', suiteqlRoutes(deps.state));
  return { app, tokens, scripts, rejections };
}

/** What the emulator's route factory needs from its account handle (test/emulators/netsuite/index.ts). */
export interface AccountLike {
  state: AccountState;
  credentials: CredentialStore;
  governance: Governance;
  clock: () => Date;
  secrets: { webhookSecret: string };
}

const servicesByAccount = new WeakMap<object, RestServices>();

/** The RestServices mounted for an account by `restRouteFactory` (tests reach script parameters here). */
export const restServicesOf = (account: object): RestServices | undefined => servicesByAccount.get(account);

/**
 * Route factory for the emulator (ROUTE_FACTORIES in index.ts). The change notifier runs after each
 * save only when NS_EMULATOR_WEBHOOK_URL names the relay's webhook (`http://127.0.0.1:8787/webhooks/netsuite`);
 * its secret is the account's webhook secret (the NS_WEBHOOK_SECRET the emulator prints).
 */
export function restRouteFactory(account: AccountLike, env: Record<string, string | undefined> = process.env): Hono {
  const url = env.NS_EMULATOR_WEBHOOK_URL ?? '';
  const services = restServices({
    state: account.state,
    credentials: account.credentials,
    governance: account.governance,
    now: account.clock,
    userEvents: url !== '',
    scripts: {
      parameters: {
        customscript_nsc_change_notifier: { custscript_nsc_relay_url: url, custscript_nsc_webhook_secret: account.secrets.webhookSecret },
      },
    },
  });
  servicesByAccount.set(account, services);
  return services.app;
}
