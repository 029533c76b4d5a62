import { createHmac, randomBytes } from 'node:crypto';

/**
 * SuiteTalk TBA `tokenPassport` (PROTOCOL-NOTES.md §2.1):
 *   signature = base64(HMAC-SHA256(consumerSecret&tokenSecret, account&consumerKey&tokenId&nonce&timestamp))
 * with the account id uppercase and `_` (`123456_SB1`), a fresh alphanumeric nonce and Unix seconds.
 */

export interface TbaCredentials {
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export interface TokenPassport {
  account: string;
  consumerKey: string;
  token: string;
  nonce: string;
  timestamp: number;
  signature: string;
  algorithm: 'HMAC-SHA256';
}

/** `123456-sb1` / `123456_sb1` → `123456_SB1` (the form NetSuite signs and checks). */
export function normalizeAccountId(accountId: string): string {
  return accountId.trim().replace(/-/g, '_').toUpperCase();
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random alphanumeric nonce (6–64 characters; NetSuite recommends 20). */
export function generateNonce(length = 20): string {
  if (length < 6 || length > 64) throw new RangeError('nonce length must be 6..64');
  const bytes = randomBytes(length * 2);
  let out = '';
  // Rejection sampling keeps the distribution uniform (248 = 4 × 62).
  for (const b of bytes) {
    if (b < 248) out += ALPHANUMERIC[b % 62];
    if (out.length === length) return out;
  }
  return out + generateNonce(length - out.length);
}

export interface SignatureInput {
  account: string;
  consumerKey: string;
  tokenId: string;
  nonce: string;
  timestamp: number | string;
  consumerSecret: string;
  tokenSecret: string;
}

export function tokenPassportBaseString(i: Omit<SignatureInput, 'consumerSecret' | 'tokenSecret'>): string {
  return [i.account, i.consumerKey, i.tokenId, i.nonce, String(i.timestamp)].join('&');
}

export function signTokenPassport(i: SignatureInput): string {
  return createHmac('sha256', `${i.consumerSecret}&${i.tokenSecret}`)
    .update(tokenPassportBaseString(i))
    .digest('base64');
}

export interface PassportOptions {
  /** Milliseconds since the epoch (injectable clock). */
  now?: () => number;
  nonce?: () => string;
}

/** A freshly signed passport for one request (never reuse: NetSuite rejects a replayed nonce). */
export function createTokenPassport(creds: TbaCredentials, opts: PassportOptions = {}): TokenPassport {
  const account = normalizeAccountId(creds.accountId);
  const nonce = (opts.nonce ?? generateNonce)();
  const timestamp = Math.floor((opts.now ?? Date.now)() / 1000);
  const signature = signTokenPassport({
    account,
    consumerKey: creds.consumerKey,
    tokenId: creds.tokenId,
    nonce,
    timestamp,
    consumerSecret: creds.consumerSecret,
    tokenSecret: creds.tokenSecret,
  });
  return {
    account,
    consumerKey: creds.consumerKey,
    token: creds.tokenId,
    nonce,
    timestamp,
    signature,
    algorithm: 'HMAC-SHA256',
  };
}
