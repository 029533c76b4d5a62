import type { Env } from '../config/env.js';
import { configuredSystems, missingNetSuiteVariables } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import type { ReadinessCheck } from '../http/readiness.js';
import type { NetSuitePort } from '../connectors/netsuite/port.js';
import { createSoapNetSuitePort, pipelineLimiter, soapConfigFromEnv } from '../connectors/netsuite/soap/index.js';
import {
  createNetSuiteAuthorizer,
  createRestletClient,
  createRestNetSuitePort,
} from '../connectors/netsuite/rest/index.js';
import { financialSummaryFetcher } from '../connectors/netsuite/restlet/project-scripts.js';
import type { ConcurrencyLimiter } from '../pipeline/index.js';
import { ConfigError } from '../config/env.js';

export interface NetSuiteConnection {
  transport: 'soap' | 'rest';
  port: NetSuitePort;
  /** The financial-summary RESTlet, looked up by the customer's externalId (the Salesforce Account id). */
  fetchFinancialSummary(query: { externalId: string }): Promise<unknown>;
  readiness: ReadinessCheck;
}

const READINESS_CACHE_MS = 60_000;

/**
 * Builds the NetSuite side from the environment: the NetSuitePort over SOAP (TBA) or REST (TBA or
 * OAuth 2.0), the project's RESTlet client, and a readiness check. Undefined when NetSuite is not
 * configured. A bad combination (SOAP with OAuth 2.0) is a ConfigError naming the variable.
 */
/** Throws a ConfigError naming each NetSuite variable that is missing or inconsistent. */
export function checkNetSuiteConfig(env: Env): void {
  const missing = missingNetSuiteVariables(env);
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((variable) => ({ variable, message: `is required when NS_AUTH=${env.NS_AUTH}` })),
    );
  }
  if (env.NS_TRANSPORT === 'soap' && env.NS_AUTH === 'oauth2' && configuredSystems(env).netsuite) {
    throw new ConfigError([
      {
        variable: 'NS_AUTH',
        message: 'oauth2 needs NS_TRANSPORT=rest (NetSuite does not accept OAuth 2.0 on SOAP web services)',
      },
    ]);
  }
}

export function connectNetSuite(
  env: Env,
  deps: { logger: Logger; limiter?: ConcurrencyLimiter },
): NetSuiteConnection | undefined {
  const missing = missingNetSuiteVariables(env);
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((variable) => ({ variable, message: `is required when NS_AUTH=${env.NS_AUTH}` })),
    );
  }
  if (!configuredSystems(env).netsuite) return undefined;
  if (env.NS_TRANSPORT === 'soap' && env.NS_AUTH === 'oauth2') {
    throw new ConfigError([
      {
        variable: 'NS_TRANSPORT',
        message: 'must be rest when NS_AUTH=oauth2 (SuiteTalk SOAP accepts only Token-Based Auth)',
      },
    ]);
  }
  const authorizer = createNetSuiteAuthorizer(env);
  const port =
    env.NS_TRANSPORT === 'soap'
      ? createSoapNetSuitePort(
          soapConfigFromEnv(env, { logger: deps.logger.child({ component: 'netsuite-soap' }) }),
          deps.limiter ? { limiter: pipelineLimiter(deps.limiter) } : {},
        )
      : createRestNetSuitePort(env, { authorizer });
  const restlet = createRestletClient(env, authorizer);

  let last: { at: number; state: 'up' | 'down'; detail?: string } | undefined;
  const readiness: ReadinessCheck = {
    name: 'netsuite',
    critical: false,
    check: async () => {
      if (last && Date.now() - last.at < READINESS_CACHE_MS) return last;
      try {
        const g = await port.governance();
        last = {
          at: Date.now(),
          state: 'up',
          detail: `${env.NS_TRANSPORT}, account concurrency ${g.accountConcurrencyLimit}`,
        };
      } catch (err) {
        last = { at: Date.now(), state: 'down', detail: (err as Error).message };
      }
      return last;
    },
  };
  return { transport: env.NS_TRANSPORT, port, fetchFinancialSummary: financialSummaryFetcher(restlet), readiness };
}
