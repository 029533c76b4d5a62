import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CredentialStore } from '../credentials.js';

/**
 * OAuth 1.0a (TBA) for RESTlets and REST web services, as NetSuite checks it (PROTOCOL-NOTES §2.2):
 * realm = the account id exactly (uppercase, underscore), HMAC-SHA256 only, oauth_version 1.0 when
 * present, a 6–64 character nonce used once per timestamp, a timestamp within the allowed skew, and
 * a signature over METHOD & base URL & every oauth_* and query parameter (sorted, RFC 3986 encoded).
 */

/** RFC 3986 percent-encoding (what NetSuite calls rawurlencode). */
export const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface OAuthHeader {
  realm?: string;
  params: Record<string, string>;
}

/** Parses `OAuth realm="…", oauth_consumer_key="…", …`; undefined when it is not an OAuth header. */
export function parseOAuthHeader(header: string | undefined): OAuthHeader | undefined {
  if (!header || !/^OAuth\s/i.test(header)) return undefined;
  const params: Record<string, string> = {};
  let realm: string | undefined;
  const re = /([A-Za-z0-9_]+)\s*=\s*"([^"]*)"/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const key = m[1]!;
    let value: string;
    try {
      value = decodeURIComponent(m[2]!);
    } catch {
      return undefined;
    }
    if (key === 'realm') realm = value;
    else params[key] = value;
  }
  return { realm, params };
}

/** The signature base string for a request URL and the OAuth parameters (without realm and signature). */
export function signatureBaseString(method: string, url: string, oauthParams: Record<string, string>): string {
  const u = new URL(url);
  const base = `${u.protocol.toLowerCase()}//${u.host.toLowerCase()}${u.pathname}`;
  const pairs: [string, string][] = [];
  for (const [k, v] of u.searchParams) pairs.push([k, v]);
  for (const [k, v] of Object.entries(oauthParams)) if (k !== 'oauth_signature' && k !== 'realm') pairs.push([k, v]);
  const encoded = pairs.map(([k, v]) => [rfc3986(k), rfc3986(v)] as const);
  encoded.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const paramString = encoded.map(([k, v]) => `${k}=${v}`).join('&');
  return [method.toUpperCase(), rfc3986(base), rfc3986(paramString)].join('&');
}

export function oauthSignature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha256', `${rfc3986(consumerSecret)}&${rfc3986(tokenSecret)}`).update(baseString).digest('base64');
}

export type OAuth1Check = { ok: true; tokenId: string } | { ok: false; reason: string };

const NONCE = /^[A-Za-z0-9]{6,64}$/;

export function verifyOAuth1(header: OAuthHeader, method: string, url: string, creds: CredentialStore, now: Date): OAuth1Check {
  const p = header.params;
  if (header.realm !== creds.accountId) return { ok: false, reason: `realm ${String(header.realm)} is not ${creds.accountId}` };
  if (p.oauth_signature_method !== 'HMAC-SHA256') return { ok: false, reason: `signature method ${String(p.oauth_signature_method)} not accepted` };
  if (p.oauth_version !== undefined && p.oauth_version !== '1.0') return { ok: false, reason: 'oauth_version must be 1.0' };
  for (const k of ['oauth_consumer_key', 'oauth_token', 'oauth_nonce', 'oauth_timestamp', 'oauth_signature']) {
    if (!p[k]) return { ok: false, reason: `${k} missing` };
  }
  const secrets = creds.tbaSecrets(p.oauth_consumer_key!, p.oauth_token!);
  if (!secrets) return { ok: false, reason: 'unknown, revoked or mismatched consumer key / token' };
  if (!/^\d{1,12}$/.test(p.oauth_timestamp!)) return { ok: false, reason: 'timestamp is not unix seconds' };
  const ts = Number(p.oauth_timestamp);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (Math.abs(nowSeconds - ts) > creds.maxSkewSeconds) return { ok: false, reason: `timestamp skew ${nowSeconds - ts}s` };
  if (!NONCE.test(p.oauth_nonce!)) return { ok: false, reason: 'nonce must be 6-64 alphanumeric characters' };
  const expected = Buffer.from(oauthSignature(signatureBaseString(method, url, p), secrets.consumerSecret, secrets.tokenSecret));
  const given = Buffer.from(p.oauth_signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature mismatch' };
  if (!creds.nonces.use(p.oauth_token!, ts, p.oauth_nonce!, nowSeconds)) return { ok: false, reason: 'nonce already used for this timestamp' };
  return { ok: true, tokenId: p.oauth_token! };
}
