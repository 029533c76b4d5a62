import { readFileSync } from 'node:fs';
import type { Env } from '../../../config/env.js';
import type { NetSuitePort } from '../port.js';
import { createOAuth2TokenProvider } from '../oauth2/token-provider.js';
import { bearerAuthorizer, tbaAuthorizer, type Authorizer } from '../restlet/authorizer.js';
import { RestletClient, restletDomain } from '../restlet/client.js';
import { RestWebServicesClient, suiteTalkDomain } from './client.js';
import { RestNetSuitePort } from './transport.js';

export { RestNetSuitePort } from './transport.js';
export { RestWebServicesClient, suiteTalkDomain } from './client.js';

type NetSuiteEnv = Pick<
  Env,
  | 'NS_ACCOUNT_ID'
  | 'NS_AUTH'
  | 'NS_CONSUMER_KEY'
  | 'NS_CONSUMER_SECRET'
  | 'NS_TOKEN_ID'
  | 'NS_TOKEN_SECRET'
  | 'NS_CLIENT_ID'
  | 'NS_CERTIFICATE_ID'
  | 'NS_PRIVATE_KEY'
  | 'NS_PRIVATE_KEY_FILE'
  | 'NS_BASE_URL'
  | 'NS_RESTLET_URL'
  | 'NS_CONCURRENCY'
>;

/** A configuration problem naming the variable, never its value. */
export class NetSuiteConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable} ${message}`);
    this.name = 'NetSuiteConfigError';
  }
}

function need(env: NetSuiteEnv, name: keyof NetSuiteEnv): string {
  const v = env[name];
  if (typeof v !== 'string' || v === '') throw new NetSuiteConfigError(name, `is required when NS_AUTH=${env.NS_AUTH}`);
  return v;
}

/** The Authorization source NS_AUTH selects: TBA (OAuth 1.0a) or OAuth 2.0 M2M (client credentials). */
export function createNetSuiteAuthorizer(env: NetSuiteEnv, options: { fetch?: typeof fetch } = {}): Authorizer {
  const accountId = need(env, 'NS_ACCOUNT_ID');
  if (env.NS_AUTH === 'oauth2') {
    const privateKeyPem = env.NS_PRIVATE_KEY || (env.NS_PRIVATE_KEY_FILE ? readFileSync(env.NS_PRIVATE_KEY_FILE, 'utf8') : '');
    if (!privateKeyPem) throw new NetSuiteConfigError('NS_PRIVATE_KEY', 'or NS_PRIVATE_KEY_FILE is required when NS_AUTH=oauth2');
    const base = env.NS_BASE_URL ?? suiteTalkDomain(accountId);
    return bearerAuthorizer(
      createOAuth2TokenProvider({
        tokenUrl: new URL('/services/rest/auth/oauth2/v1/token', base).toString(),
        clientId: need(env, 'NS_CLIENT_ID'),
        certificateId: need(env, 'NS_CERTIFICATE_ID'),
        privateKeyPem,
        fetch: options.fetch,
      }),
    );
  }
  return tbaAuthorizer({
    accountId,
    consumerKey: need(env, 'NS_CONSUMER_KEY'),
    consumerSecret: need(env, 'NS_CONSUMER_SECRET'),
    tokenId: need(env, 'NS_TOKEN_ID'),
    tokenSecret: need(env, 'NS_TOKEN_SECRET'),
  });
}

/** The project's RESTlets (financial summary, batch upsert) on NS_RESTLET_URL or the account's RESTlet domain. */
export function createRestletClient(env: NetSuiteEnv, authorizer = createNetSuiteAuthorizer(env), options: { fetch?: typeof fetch } = {}): RestletClient {
  return new RestletClient({ baseUrl: env.NS_RESTLET_URL ?? restletDomain(need(env, 'NS_ACCOUNT_ID')), authorizer, fetch: options.fetch });
}

/** NetSuitePort over REST web services + SuiteQL + the batch-upsert RESTlet (NS_TRANSPORT=rest). */
export function createRestNetSuitePort(env: NetSuiteEnv, options: { fetch?: typeof fetch; authorizer?: Authorizer } = {}): NetSuitePort {
  const authorizer = options.authorizer ?? createNetSuiteAuthorizer(env, options);
  const rest = new RestWebServicesClient({ baseUrl: env.NS_BASE_URL ?? suiteTalkDomain(need(env, 'NS_ACCOUNT_ID')), authorizer, fetch: options.fetch });
  return new RestNetSuitePort({ rest, restlet: createRestletClient(env, authorizer, options), concurrencyLimit: env.NS_CONCURRENCY });
}
