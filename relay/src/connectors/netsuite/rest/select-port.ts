import type { Env } from '../../../config/env.js';
import type { NetSuitePort } from '../port.js';
import { createSoapNetSuitePort, soapConfigFromEnv } from '../soap/index.js';
import { createRestNetSuitePort, NetSuiteConfigError } from './index.js';

/**
 * The NetSuitePort the environment asks for: NS_TRANSPORT=soap (SuiteTalk, TBA only — OAuth 2.0 does
 * not work with SOAP web services) or rest (REST web services + SuiteQL + RESTlets, NS_AUTH=tba|oauth2).
 * No flow needs to know which one it got.
 */
export function createNetSuitePortFromEnv(env: Env, options: { fetch?: typeof fetch } = {}): NetSuitePort {
  if (env.NS_TRANSPORT === 'rest') return createRestNetSuitePort(env, options);
  if (env.NS_AUTH === 'oauth2') {
    throw new NetSuiteConfigError('NS_AUTH', 'oauth2 needs NS_TRANSPORT=rest (NetSuite does not accept OAuth 2.0 on SOAP web services)');
  }
  return createSoapNetSuitePort(soapConfigFromEnv(env, options.fetch ? { fetch: options.fetch } : {}));
}
