import { ExponentialBackoff, decorrelatedJitterGenerator, type IBackoff } from 'cockatiel';

/** What the pipeline needs to know about an error: retry or not, when, and why. */
export interface Classified {
  retryable: boolean;
  retryAfterMs?: number;
  /** The target's concurrency limit was hit: the limiter steps down. */
  concurrency: boolean;
  code?: string;
  message: string;
}

const CONCURRENCY_CODES = /CONCURRENCY|CONCUR_SESSION|REQUEST_LIMIT_EXCEEDED|WS_REQUEST_BLOCKED/i;

/**
 * Classifies by the connectors' typed errors: any object with `retryable: boolean` (and optional
 * `retryAfterMs`) is taken at its word. Anything else (a bug, an unknown failure) counts as transient,
 * so it is retried up to the cap and then dead-lettered, never dropped.
 */
export function classify(err: unknown): Classified {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    retryable?: unknown;
    retryAfterMs?: unknown;
    code?: unknown;
    httpStatus?: unknown;
    status?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const status = typeof e.httpStatus === 'number' ? e.httpStatus : typeof e.status === 'number' ? e.status : undefined;
  const message = typeof e.message === 'string' ? e.message : typeof err === 'string' ? err : 'unknown error';
  const retryAfterMs = typeof e.retryAfterMs === 'number' && e.retryAfterMs >= 0 ? e.retryAfterMs : undefined;
  return {
    retryable: typeof e.retryable === 'boolean' ? e.retryable : true,
    retryAfterMs,
    concurrency: (code !== undefined && CONCURRENCY_CODES.test(code)) || status === 429,
    code,
    message: message.slice(0, 2_000),
  };
}

export interface RetryPolicyOptions {
  /** Attempts before a transient failure is dead-lettered (default 10). */
  maxAttempts: number;
  /** First backoff delay, ms (default 500). */
  initialDelayMs: number;
  /** Cap of the exponential backoff, ms (default 5 min). */
  maxDelayMs: number;
  /** A server's Retry-After is honoured up to this cap, ms (default 15 min). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicyOptions = {
  maxAttempts: 10,
  initialDelayMs: 500,
  maxDelayMs: 300_000,
  maxRetryAfterMs: 900_000,
};

/**
 * Delay before attempt `attempts + 1`: cockatiel's exponential backoff with decorrelated jitter,
 * stepped `attempts` times (the attempt count is durable, the jitter is fresh), never shorter than
 * the server's Retry-After (itself capped).
 */
export function retryDelay(attempts: number, policy: RetryPolicyOptions, retryAfterMs?: number): number {
  const factory = new ExponentialBackoff({
    generator: decorrelatedJitterGenerator,
    initialDelay: policy.initialDelayMs,
    maxDelay: policy.maxDelayMs,
  });
  let b: IBackoff<unknown> = factory.next();
  for (let i = 1; i < attempts && i < 64; i++) b = b.next(undefined);
  const backoff = Math.min(policy.maxDelayMs, Math.max(0, Math.round(b.duration)));
  const server = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return Math.max(backoff, server);
}
