import type { Env } from '../../../config/env.js';
import type { Logger } from '../../../logging/logger.js';
import type { NetSuitePort } from '../port.js';
import { createSoapNetSuitePort, soapConfigFromEnv, type RequestLimiter } from '../soap/index.js';
import type { Authorizer } from '../restlet/authorizer.js';
import { createRestNetSuitePort, NetSuiteConfigError } from './index.js';

export interface SelectPortOptions {
  fetch?: typeof fetch;
  /** SOAP: the request logger (never logs the passport). */
  logger?: Logger;
  /** SOAP: a shared concurrency limiter (the pipeline's account-wide `netsuite` limiter). */
  limiter?: RequestLimiter;
  /** REST: reuse an authorizer (and its OAuth 2.0 token cache) shared with the RESTlet client. */
  authorizer?: Authorizer;
}

/**
 * The NetSuitePort the environment asks for: NS_TRANSPORT=soap (SuiteTalk, TBA only — OAuth 2.0 does
 * not work with SOAP web services) or rest (REST web services + SuiteQL + RESTlets, NS_AUTH=tba|oauth2).
 * No flow needs to know which one it got.
 */
export function createNetSuitePortFromEnv(env: Env, options: SelectPortOptions = {}): NetSuitePort {
  if (env.NS_TRANSPORT === 'rest') {
    return createRestNetSuitePort(env, {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.authorizer ? { authorizer: options.authorizer } : {}),
    });
  }
  if (env.NS_AUTH === 'oauth2') {
    throw new NetSuiteConfigError(
      'NS_AUTH',
      'oauth2 needs NS_TRANSPORT=rest (NetSuite does not accept OAuth 2.0 on SOAP web services)',
    );
  }
  return createSoapNetSuitePort(
    soapConfigFromEnv(env, {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    }),
    options.limiter ? { limiter: options.limiter } : {},
  );
}
