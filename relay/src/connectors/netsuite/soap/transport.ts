import { bulkhead, ExponentialBackoff, handleWhen, retry, type RetryPolicy } from 'cockatiel';
import type { ConcurrencyLimiter } from '../../../pipeline/limiter.js';
import type { Logger } from '../../../logging/logger.js';
import { isNetSuiteError, NetSuiteError, protocolError, timeoutError } from '../errors.js';
import type { XmlObject } from './codec.js';
import { soapEndpoint, type SoapConnectorConfig } from './config.js';
import { buildEnvelope, type Preferences, type SearchPreferences } from './envelope.js';
import { DEFAULT_SOAP_VERSION } from './namespaces.js';
import { parseEnvelope, type SoapResponse } from './response.js';
import { createTokenPassport } from './token-passport.js';

/**
 * One SOAP call: sign a fresh token passport, build the envelope, POST it with a timeout, parse the
 * answer. In-flight requests are capped (a bulkhead of `concurrency`), and a request refused by the
 * account's concurrency limit (WS_REQUEST_BLOCKED: refused before any processing, so safe to resend)
 * is retried with jittered exponential backoff. Nothing else is retried here: the pipeline decides.
 */

/** Anything that runs a function under a concurrency limit (e.g. a limiter shared across replicas). */
export interface RequestLimiter {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/** A local cap of `limit` requests in flight (cockatiel bulkhead with an unbounded queue). */
export function localLimiter(limit: number): RequestLimiter {
  const policy = bulkhead(limit, Number.POSITIVE_INFINITY);
  return { run: (fn) => policy.execute(fn) };
}

/**
 * Runs each request under the pipeline's account-wide ConcurrencyLimiter (shared across replicas on
 * PostgreSQL); a WS_REQUEST_BLOCKED answer releases the permit as a `fault` so the level steps down.
 */
export function pipelineLimiter(limiter: ConcurrencyLimiter): RequestLimiter {
  return {
    run: async (fn) => {
      const permit = await limiter.acquire();
      try {
        const out = await fn();
        permit.release('ok');
        return out;
      } catch (e) {
        permit.release(isNetSuiteError(e) && e.code === 'NS_CONCURRENCY_LIMIT' ? 'fault' : 'neutral');
        throw e;
      }
    },
  };
}

export interface CallOptions {
  preferences?: Preferences;
  searchPreferences?: SearchPreferences;
  /** Records in the request, for logs. */
  recordCount?: number;
}

export class SoapTransport {
  readonly endpoint: string;
  readonly version: string;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly limiter: RequestLimiter;
  private readonly logger: Logger | undefined;

  constructor(
    private readonly config: SoapConnectorConfig,
    limiter?: RequestLimiter,
  ) {
    this.version = config.version ?? DEFAULT_SOAP_VERSION;
    this.endpoint = soapEndpoint(config.credentials.accountId, this.version, config.baseUrl);
    this.fetchFn = config.fetch ?? fetch;
    this.timeoutMs = config.timeoutMs ?? 120_000;
    this.logger = config.logger;
    this.retryPolicy = retry(
      handleWhen((e) => isNetSuiteError(e) && e.code === 'NS_CONCURRENCY_LIMIT'),
      {
        maxAttempts: Math.max(0, (config.concurrencyRetries ?? 3) - 1),
        backoff: new ExponentialBackoff({ initialDelay: config.retryBaseDelayMs ?? 500, maxDelay: 10_000 }),
      },
    );
    // Retries wait outside the limiter, so a backing-off request does not hold a slot.
    this.limiter = limiter ?? localLimiter(config.concurrency ?? 5);
  }

  /** Sends `<platformMsgs:{operation}>{body}</…>`; resolves with the parsed Body element or throws NetSuiteError. */
  call(operation: string, body: XmlObject, prefixes: Iterable<string>, opts: CallOptions = {}): Promise<SoapResponse> {
    const prefixList = [...prefixes];
    return this.retryPolicy.execute(() => this.limiter.run(() => this.once(operation, body, prefixList, opts)));
  }

  private async once(operation: string, body: XmlObject, prefixes: string[], opts: CallOptions): Promise<SoapResponse> {
    const passport = createTokenPassport(this.config.credentials, { now: this.config.now, nonce: this.config.nonce });
    const xml = buildEnvelope({
      operation,
      version: this.version,
      passport,
      body,
      prefixes,
      ...(opts.preferences ? { preferences: opts.preferences } : {}),
      ...(opts.searchPreferences ? { searchPreferences: opts.searchPreferences } : {}),
    });
    const maxBytes = this.config.maxRequestBytes ?? 100 * 1024 * 1024;
    const size = Buffer.byteLength(xml, 'utf8');
    if (size > maxBytes) {
      throw new NetSuiteError({
        code: 'NS_LIMIT_EXCEEDED',
        message: `NetSuite ${operation}: request of ${size} bytes exceeds the ${maxBytes}-byte limit`,
        nsCode: 'EXCEEDED_RQST_SIZE_LIMIT',
      });
    }
    const started = Date.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let status = 0;
    try {
      let res: Response;
      try {
        res = await this.fetchFn(this.endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${operation}"` },
          body: xml,
          signal: controller.signal,
        });
      } catch (e) {
        if (controller.signal.aborted) throw timeoutError(this.timeoutMs, operation, e);
        throw new NetSuiteError({
          code: 'NS_UNAVAILABLE',
          message: `NetSuite ${operation} failed before an answer: ${(e as Error).message}`,
          cause: e,
        });
      }
      status = res.status;
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        if (controller.signal.aborted) throw timeoutError(this.timeoutMs, operation, e);
        throw new NetSuiteError({ code: 'NS_UNAVAILABLE', message: `NetSuite ${operation}: answer cut off`, cause: e });
      }
      const parsed = this.interpret(operation, res, text);
      this.logger?.debug(
        { operation, status, ms: Date.now() - started, records: opts.recordCount, endpoint: this.endpoint },
        'netsuite soap call',
      );
      return parsed;
    } catch (e) {
      if (isNetSuiteError(e)) {
        this.logger?.warn(
          { operation, status, ms: Date.now() - started, code: e.code, nsCode: e.nsCode, retryable: e.retryable },
          'netsuite soap call failed',
        );
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private interpret(operation: string, res: Response, text: string): SoapResponse {
    const looksXml = /^\s*(<\?xml|<)/.test(text) && /Envelope/.test(text.slice(0, 2000));
    if (!looksXml) {
      if (res.status === 429) {
        throw new NetSuiteError({
          code: 'NS_CONCURRENCY_LIMIT',
          message: 'NetSuite answered 429 Too Many Requests',
          httpStatus: 429,
          retryAfterMs: retryAfter(res),
        });
      }
      if (res.status >= 500 || res.status === 408) {
        throw new NetSuiteError({
          code: res.status === 504 || res.status === 408 ? 'NS_TIMEOUT' : 'NS_UNAVAILABLE',
          message: `NetSuite ${operation} answered HTTP ${res.status}`,
          httpStatus: res.status,
          retryAfterMs: retryAfter(res),
        });
      }
      if (res.status === 401 || res.status === 403) {
        throw new NetSuiteError({
          code: res.status === 401 ? 'NS_LOGIN_FAILED' : 'NS_PERMISSION',
          message: `NetSuite ${operation} answered HTTP ${res.status}`,
          httpStatus: res.status,
        });
      }
      throw protocolError(`NetSuite ${operation} answered HTTP ${res.status} without a SOAP envelope`);
    }
    const parsed = parseEnvelope(text, res.status);
    const expected = `${operation}Response`;
    if (parsed.operation !== expected)
      throw protocolError(`Expected <${expected}> from NetSuite, got <${parsed.operation}>`);
    return parsed;
  }
}

function retryAfter(res: Response): number | undefined {
  const v = res.headers.get('retry-after');
  if (!v) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
