import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../http/errors.js';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (DESIGN.md). */
export const SIGNATURE_HEADER = 'X-NSC-Signature';
/** Accepted clock difference between NetSuite and the relay, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface ParsedSignature {
  timestamp: number;
  /** Every v1 value in the header (a sender rotating secrets may send two). */
  signatures: string[];
}

const unauthorized = (code: string, message: string) => new AppError(code, message, 401);

/** Parses the header; throws a 401 AppError naming what is wrong. */
export function parseSignatureHeader(header: string | undefined): ParsedSignature {
  if (!header) throw unauthorized('WEBHOOK_SIGNATURE_MISSING', `The ${SIGNATURE_HEADER} header is required.`);
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw unauthorized('WEBHOOK_SIGNATURE_MALFORMED', `${SIGNATURE_HEADER} must look like t=<unix seconds>,v1=<64 hex digits>.`);
  }
  return { timestamp, signatures };
}

/** Hex HMAC-SHA256 of "<t>.<raw body>" (what the User Event script sends). */
export function computeSignature(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** The header a sender would send (used by tests and the emulator's change notifier checks). */
export function signatureHeaderValue(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, rawBody)}`;
}

export interface VerifyOptions {
  secret: string;
  header: string | undefined;
  rawBody: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}

/**
 * Verifies the signature in constant time, then the timestamp window.
 * Returns the matching v1 value (the replay key). Throws 401 AppErrors.
 */
export function verifySignature(options: VerifyOptions): { timestamp: number; signature: string } {
  const parsed = parseSignatureHeader(options.header);
  const expected = Buffer.from(computeSignature(options.secret, parsed.timestamp, options.rawBody), 'hex');
  const match = parsed.signatures.find((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  if (!match) throw unauthorized('WEBHOOK_SIGNATURE_INVALID', 'The webhook signature does not match the body.');
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const skew = options.nowSeconds - parsed.timestamp;
  if (Math.abs(skew) > tolerance) {
    throw unauthorized(
      'WEBHOOK_TIMESTAMP_EXPIRED',
      `The webhook timestamp is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'in the future'}; the limit is ${tolerance} s.`,
    );
  }
  return { timestamp: parsed.timestamp, signature: match };
}
