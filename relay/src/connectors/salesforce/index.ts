/**
 * The Salesforce REST connector: JWT login (`auth`), the `SalesforcePort` over jsforce, the SOQL builder.
 * Streaming (CometD) lives in ./streaming and consumes the same `auth`.
 */
import type { Env } from '../../config/env.js';
import { createSalesforceAuth, type SalesforceAuth, type SalesforceAuthOptions } from './auth.js';
import { salesforceSettingsFromEnv } from './config.js';
import { createSalesforcePort, type SalesforceConnector, type SalesforcePortOptions } from './salesforce-port.js';

export {
  createSalesforceAuth,
  JWT_BEARER_GRANT,
  type SalesforceAuth,
  type SalesforceSession,
  type SalesforceAuthOptions,
} from './auth.js';
export { createSalesforcePort, type SalesforceConnector, type SalesforcePortOptions } from './salesforce-port.js';
export type {
  SalesforcePort,
  SfRecord,
  RecordResult,
  UpsertResult,
  PublishResult,
  DescribeResult,
  DescribeField,
  QueryOptions,
} from './port.js';
export {
  SalesforceError,
  isSalesforceError,
  isRetryableSalesforceError,
  isSessionExpired,
  codeFor,
  fromSalesforceErrors,
  type SalesforceErrorCode,
  type SalesforceErrorInit,
  type SalesforceErrorRecord,
} from './errors.js';
export { createJwtAssertion, loadPrivateKey, MAX_ASSERTION_TTL_SECONDS } from './jwt.js';
export { createNamespacer, type Namespacer } from './namespace.js';
export { parseLimitInfo, parseRetryAfter, type ApiUsage } from './limits.js';
export { COLLECTION_LIMIT } from './collections.js';
export { salesforceSettingsFromEnv, type SalesforceSettings } from './config.js';
export { salesforceReadinessCheck } from './readiness.js';
export * from './soql/index.js';

export interface SalesforceConnectorDeps {
  fetch?: typeof fetch;
  now?: () => number;
  /** Passed to the port (timeouts, describe TTL, limit waits, call client). */
  port?: Partial<Omit<SalesforcePortOptions, 'auth' | 'apiVersion' | 'namespace'>>;
  authOptions?: Partial<Pick<SalesforceAuthOptions, 'maxSessionAgeMs' | 'timeoutMs' | 'onLogin' | 'audience'>>;
}

/**
 * Builds `{ auth, salesforce }` from the environment, or undefined when no SF_* variable is set
 * (the sandbox then points the relay at the emulator). Throws naming a variable when misconfigured.
 */
export function createSalesforceConnectorFromEnv(
  env: Env,
  deps: SalesforceConnectorDeps = {},
): { auth: SalesforceAuth; salesforce: SalesforceConnector } | undefined {
  const settings = salesforceSettingsFromEnv(env);
  if (!settings) return undefined;
  const auth = createSalesforceAuth({
    loginUrl: settings.loginUrl,
    clientId: settings.clientId,
    username: settings.username,
    privateKey: settings.privateKey,
    fetch: deps.fetch,
    now: deps.now,
    ...deps.authOptions,
  });
  const salesforce = createSalesforcePort({
    ...deps.port,
    auth,
    apiVersion: settings.apiVersion,
    namespace: settings.namespace,
    now: deps.now,
  });
  return { auth, salesforce };
}
