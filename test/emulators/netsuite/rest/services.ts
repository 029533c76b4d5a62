import { Hono } from 'hono';
import type { AccountState } from '../state/account.js';
import type { CredentialStore } from '../credentials.js';
import type { Governance } from '../governance.js';
import { AccessTokens } from '../oauth2/access-tokens.js';
import { tokenEndpoint } from '../oauth2/token-endpoint.js';
import { restletRoutes } from '../restlet/routes.js';
import { SuiteScriptRuntime, type SuiteScriptRuntimeOptions } from '../suitescript/runtime.js';

export interface RestServicesDeps {
  state: AccountState;
  credentials: CredentialStore;
  governance: Governance;
  now?: () => Date;
  /** Options of the SuiteScript runtime (script parameters, https limits). */
  scripts?: Omit<SuiteScriptRuntimeOptions, 'state'>;
  /** Run the change-notifier User Event after every save (default true). */
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
 * project's compiled SuiteScripts, and the User Event hook on the shared account state. Mount the
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
  return { app, tokens, scripts, rejections };
}
