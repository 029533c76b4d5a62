import type { Logger } from '../../../logging/logger.js';
import { DEFAULT_SOAP_VERSION } from './namespaces.js';
import type { TbaCredentials } from './token-passport.js';

/** How the SOAP connector reaches one NetSuite account. */
export interface SoapConnectorConfig {
  credentials: TbaCredentials;
  /**
   * Overrides `https://<account-domain>.suitetalk.api.netsuite.com` (NS_BASE_URL). May also be a full
   * `.../services/NetSuitePort_<version>` URL.
   */
  baseUrl?: string;
  /** Endpoint/namespace version, default `2023_2`. */
  version?: string;
  /** Per-request timeout (default 120 s; NetSuite lists can be slow). */
  timeoutMs?: number;
  /** Requests in flight at once from this connector (NS_CONCURRENCY, default 5). */
  concurrency?: number;
  /** Attempts for a request refused by the account's concurrency limit (default 3; 1 = no retry). */
  concurrencyRetries?: number;
  /** First backoff delay after WS_REQUEST_BLOCKED (default 500 ms, exponential with jitter). */
  retryBaseDelayMs?: number;
  /** Largest request sent (default 100 MB, NetSuite's limit); larger fails locally with NS_LIMIT_EXCEEDED. */
  maxRequestBytes?: number;
  /** Search page size, 5..1000 (default 100). */
  pageSize?: number;
  fetch?: typeof fetch;
  logger?: Logger;
  /** Injectable clock (ms since epoch) for the passport timestamp. */
  now?: () => number;
  nonce?: () => string;
}

/** `123456_SB1` → `123456-sb1` (account-specific domain label). */
export function accountDomainLabel(accountId: string): string {
  return accountId.trim().toLowerCase().replace(/_/g, '-');
}

/** The SOAP endpoint: `https://<id>.suitetalk.api.netsuite.com/services/NetSuitePort_<version>` or the override. */
export function soapEndpoint(accountId: string, version = DEFAULT_SOAP_VERSION, baseUrl?: string): string {
  if (baseUrl) {
    const trimmed = baseUrl.replace(/\/+$/, '');
    if (/\/services\/NetSuitePort_\d+_\d+$/.test(trimmed)) return trimmed;
    return `${trimmed}/services/NetSuitePort_${version}`;
  }
  return `https://${accountDomainLabel(accountId)}.suitetalk.api.netsuite.com/services/NetSuitePort_${version}`;
}

export interface NetSuiteSoapEnv {
  NS_ACCOUNT_ID?: string;
  NS_CONSUMER_KEY?: string;
  NS_CONSUMER_SECRET?: string;
  NS_TOKEN_ID?: string;
  NS_TOKEN_SECRET?: string;
  NS_BASE_URL?: string;
  NS_CONCURRENCY?: number;
}

/** Builds the config from the relay's parsed environment; names every missing variable. */
export function soapConfigFromEnv(
  env: NetSuiteSoapEnv,
  extra: Omit<SoapConnectorConfig, 'credentials' | 'baseUrl'> = {},
): SoapConnectorConfig {
  const required = [
    'NS_ACCOUNT_ID',
    'NS_CONSUMER_KEY',
    'NS_CONSUMER_SECRET',
    'NS_TOKEN_ID',
    'NS_TOKEN_SECRET',
  ] as const;
  const missing = required.filter((k) => !env[k]);
  if (missing.length > 0) throw new Error(`NetSuite SOAP (TBA) needs ${missing.join(', ')}`);
  return {
    credentials: {
      accountId: env.NS_ACCOUNT_ID as string,
      consumerKey: env.NS_CONSUMER_KEY as string,
      consumerSecret: env.NS_CONSUMER_SECRET as string,
      tokenId: env.NS_TOKEN_ID as string,
      tokenSecret: env.NS_TOKEN_SECRET as string,
    },
    ...(env.NS_BASE_URL ? { baseUrl: env.NS_BASE_URL } : {}),
    ...(env.NS_CONCURRENCY ? { concurrency: env.NS_CONCURRENCY } : {}),
    ...extra,
  };
}
