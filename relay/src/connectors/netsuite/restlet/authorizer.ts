import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { TokenProvider } from '../oauth2/token-provider.js';

/** Produces the Authorization header of one RESTlet or REST web services request. */
export interface Authorizer {
  readonly kind: 'tba' | 'oauth2';
  authorize(method: string, url: string): Promise<string>;
  /** Called after a 401: a bearer token is dropped so the next call re-mints. */
  invalidate(): void;
}

export interface TbaCredentials {
  /** NS_ACCOUNT_ID exactly as NetSuite shows it (`1234567_SB1`); it becomes the realm. */
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

/** The realm NetSuite expects: uppercase, `-` → `_` (`1234567-sb1` → `1234567_SB1`). */
export const realmOf = (accountId: string): string => accountId.replace(/-/g, '_').toUpperCase();

/**
 * TBA (OAuth 1.0a, HMAC-SHA256): every query parameter is part of the signature base string, the
 * realm is the account id, the body is not signed.
 */
export function tbaAuthorizer(creds: TbaCredentials, fixed?: { nonce: string; timestamp: number }): Authorizer {
  const oauth = new OAuth({
    consumer: { key: creds.consumerKey, secret: creds.consumerSecret },
    signature_method: 'HMAC-SHA256',
    realm: realmOf(creds.accountId),
    nonce_length: 20,
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
  });
  if (fixed) {
    oauth.getNonce = () => fixed.nonce;
    oauth.getTimeStamp = () => fixed.timestamp;
  }
  return {
    kind: 'tba',
    async authorize(method, url) {
      const data = oauth.authorize(
        { url, method: method.toUpperCase() },
        { key: creds.tokenId, secret: creds.tokenSecret },
      );
      return oauth.toHeader(data).Authorization;
    },
    invalidate() {},
  };
}

export function bearerAuthorizer(tokens: TokenProvider): Authorizer {
  return {
    kind: 'oauth2',
    async authorize() {
      return `Bearer ${await tokens.getToken()}`;
    },
    invalidate: () => tokens.invalidate(),
  };
}
