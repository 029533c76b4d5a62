import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CredentialStore } from '../credentials.js';

/** The tokenPassport header values (platformCore:TokenPassport). */
export interface TokenPassport {
  account: string;
  consumerKey: string;
  token: string;
  nonce: string;
  timestamp: string;
  signature: string;
  algorithm: string;
}

/** base64(HMAC-SHA256(consumerSecret&tokenSecret, account&consumerKey&tokenId&nonce&timestamp)) (PROTOCOL-NOTES §2.1). */
export function passportSignature(
  p: { account: string; consumerKey: string; tokenId: string; nonce: string; timestamp: string },
  consumerSecret: string,
  tokenSecret: string,
): string {
  const base = [p.account, p.consumerKey, p.tokenId, p.nonce, p.timestamp].join('&');
  return createHmac('sha256', `${consumerSecret}&${tokenSecret}`).update(base).digest('base64');
}

export type PassportCheck = { ok: true; tokenId: string } | { ok: false; reason: string };

const NONCE = /^[A-Za-z0-9]{6,64}$/;

/**
 * Verifies a passport the way NetSuite does: account id exactly as the account's (uppercase,
 * underscore), known active consumer and token, HMAC-SHA256 only (SHA-1 ended with 2023.1), a
 * timestamp within the allowed skew, a nonce of 6–64 alphanumerics used once per timestamp, and
 * the signature recomputed from the stored secrets. Every failure is "Invalid login attempt." to
 * the client; `reason` is for the emulator's own log and tests.
 */
export function verifyPassport(p: TokenPassport, creds: CredentialStore, now: Date): PassportCheck {
  if (p.account !== creds.accountId) return { ok: false, reason: `account ${p.account} is not ${creds.accountId}` };
  if (p.algorithm !== 'HMAC-SHA256') return { ok: false, reason: `algorithm ${p.algorithm} not accepted` };
  const secrets = creds.tbaSecrets(p.consumerKey, p.token);
  if (!secrets) return { ok: false, reason: 'unknown, revoked or mismatched consumer key / token' };
  if (!/^\d{1,12}$/.test(p.timestamp)) return { ok: false, reason: 'timestamp is not unix seconds' };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const ts = Number(p.timestamp);
  if (Math.abs(nowSeconds - ts) > creds.maxSkewSeconds)
    return { ok: false, reason: `timestamp skew ${nowSeconds - ts}s` };
  if (!NONCE.test(p.nonce)) return { ok: false, reason: 'nonce must be 6-64 alphanumeric characters' };
  const expected = Buffer.from(
    passportSignature({ ...p, tokenId: p.token }, secrets.consumerSecret, secrets.tokenSecret),
  );
  const given = Buffer.from(p.signature.trim());
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'signature mismatch' };
  // Only a correctly signed request consumes its nonce (a forged one cannot burn a client's nonce).
  if (!creds.nonces.use(p.token, ts, p.nonce, nowSeconds))
    return { ok: false, reason: 'nonce already used for this timestamp' };
  return { ok: true, tokenId: p.token };
}
