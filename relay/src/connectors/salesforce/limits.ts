/**
 * Salesforce API-limit headers: `Sforce-Limit-Info: api-usage=18/5000[; per-app-api-usage=17/250(appName=x)]`
 * and `Retry-After` (seconds or an HTTP date).
 */

export interface ApiUsage {
  used: number;
  limit: number;
}

export function parseLimitInfo(header: string | null | undefined): ApiUsage | undefined {
  if (!header) return undefined;
  const m = /(?:^|[;,\s])api-usage=(\d+)\/(\d+)/.exec(header);
  if (!m) return undefined;
  return { used: Number(m[1]), limit: Number(m[2]) };
}

/** Milliseconds to wait, or undefined when absent or unreadable. Never negative. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * How long to wait after REQUEST_LIMIT_EXCEEDED: the server's Retry-After when given; otherwise, when the
 * daily allowance is spent (the 24-hour window rolls), a long pause; otherwise (concurrent-request limit)
 * a short one.
 */
export function limitBackoffMs(
  headers: { retryAfter?: string | null; limitInfo?: string | null },
  opts: { spentDailyWaitMs: number; concurrentWaitMs: number; now?: number },
): number {
  const retryAfter = parseRetryAfter(headers.retryAfter, opts.now);
  if (retryAfter !== undefined) return retryAfter;
  const usage = parseLimitInfo(headers.limitInfo);
  if (usage && usage.used >= usage.limit) return opts.spentDailyWaitMs;
  return opts.concurrentWaitMs;
}
