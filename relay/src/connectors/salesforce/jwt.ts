/**
 * OAuth 2.0 JWT bearer assertion for Salesforce (PROTOCOL-NOTES.md §3): RS256 only,
 * iss = connected-app consumer key, sub = username, aud = login URL, exp within 3 minutes.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { SalesforceError } from './errors.js';

/** Salesforce asks for an expiry "within 3 minutes"; we never go beyond it. */
export const MAX_ASSERTION_TTL_SECONDS = 180;

export interface AssertionInput {
  clientId: string;
  username: string;
  /** The login URL (https://login.salesforce.com, https://test.salesforce.com, My Domain, or an emulator). */
  audience: string;
  privateKey: KeyObject;
  /** Epoch milliseconds; injectable for tests. */
  now?: number;
  ttlSeconds?: number;
}

/** Reads a PEM private key (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1 `BEGIN RSA PRIVATE KEY`). */
export function loadPrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    // Keys passed through environment variables often carry literal "\n".
    key = createPrivateKey(pem.includes('\\n') && !pem.includes('\n') ? pem.replace(/\\n/g, '\n') : pem);
  } catch (cause) {
    throw new SalesforceError({
      code: 'SF_INVALID_INPUT',
      message: 'SF_PRIVATE_KEY is not a readable PEM private key',
      cause,
    });
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new SalesforceError({
      code: 'SF_INVALID_INPUT',
      message: 'SF_PRIVATE_KEY must be an RSA key (Salesforce accepts RS256 only)',
    });
  }
  return key;
}

/** Normalises a login URL to its origin form without a trailing slash (the `aud` Salesforce compares). */
export function audienceFor(loginUrl: string): string {
  return loginUrl.replace(/\/+$/, '');
}

export async function createJwtAssertion(input: AssertionInput): Promise<string> {
  const ttl = Math.min(input.ttlSeconds ?? MAX_ASSERTION_TTL_SECONDS, MAX_ASSERTION_TTL_SECONDS);
  const nowSeconds = Math.floor((input.now ?? Date.now()) / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(input.clientId)
    .setSubject(input.username)
    .setAudience(audienceFor(input.audience))
    .setExpirationTime(nowSeconds + ttl)
    .sign(input.privateKey);
}
