/**
 * REST calls through a jsforce 3 Connection, with what jsforce leaves out for a relay:
 * - the session comes from `SalesforceAuth`; a 401 INVALID_SESSION_ID invalidates it, logs in again and
 *   retries the call once (a second 401 is returned as SF_SESSION_EXPIRED, never a loop);
 * - jsforce's own retries are off (the pipeline retries with backoff) and every call has a timeout;
 * - every failure becomes a typed `SalesforceError` with the HTTP status, `Retry-After` and
 *   `Sforce-Limit-Info` taken into account (jsforce drops the headers, so a wrapped transport captures
 *   each response for the call that made it).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Connection } from 'jsforce';
import type { SalesforceAuth, SalesforceSession } from './auth.js';
import {
  type SalesforceError,
  fromSalesforceErrors,
  fromTransportFailure,
  isSalesforceError,
  type RawSalesforceError,
} from './errors.js';
import { limitBackoffMs, parseLimitInfo, parseRetryAfter, type ApiUsage } from './limits.js';

export interface RestRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to `/services/data/vXX.X` (`/sobjects/Account`) or root-relative (`/services/data/...`). */
  path: string;
  body?: unknown;
}

export interface RestResponse<T> {
  status: number;
  body: T;
}

export interface RestClientOptions {
  auth: SalesforceAuth;
  /** `62.0`. */
  apiVersion: string;
  timeoutMs?: number;
  /** Wait suggested after REQUEST_LIMIT_EXCEEDED when the daily allowance is spent (default 15 min). */
  spentDailyLimitWaitMs?: number;
  /** Wait suggested after REQUEST_LIMIT_EXCEEDED otherwise (concurrent-request limit; default 5 s). */
  concurrentLimitWaitMs?: number;
  /** `Sforce-Call-Options: client=<id>` (shows in CDC changeOrigin; used for echo detection). */
  callClient?: string;
}

interface CapturedResponse {
  statusCode: number;
  headers: Record<string, string>;
}
interface CallContext {
  response?: CapturedResponse;
}

interface TransportLike {
  httpRequest(req: unknown, options?: unknown): PromiseLike<CapturedResponse> & object;
}

export class SalesforceRestClient {
  private readonly context = new AsyncLocalStorage<CallContext>();
  private connection: { token: string; instanceUrl: string; conn: Connection } | undefined;
  private usage: ApiUsage | undefined;

  constructor(private readonly opts: RestClientOptions) {}

  apiUsage(): ApiUsage | undefined {
    return this.usage;
  }

  /** Sends one call; on an expired session logs in again and retries once. */
  async request<T>(req: RestRequest): Promise<RestResponse<T>> {
    const session = await this.opts.auth.session();
    try {
      return await this.send<T>(session, req);
    } catch (err) {
      if (!isSalesforceError(err) || err.code !== 'SF_SESSION_EXPIRED') throw err;
      this.opts.auth.invalidate(session.accessToken);
      const fresh = await this.opts.auth.session();
      return this.send<T>(fresh, req);
    }
  }

  private connectionFor(session: SalesforceSession): Connection {
    if (this.connection?.token === session.accessToken && this.connection.instanceUrl === session.instanceUrl) {
      return this.connection.conn;
    }
    const conn = new Connection({
      instanceUrl: session.instanceUrl,
      accessToken: session.accessToken,
      version: this.opts.apiVersion,
      ...(this.opts.callClient ? { callOptions: { client: this.opts.callClient } } : {}),
    });
    this.captureResponses(conn);
    this.connection = { token: session.accessToken, instanceUrl: session.instanceUrl, conn };
    return conn;
  }

  /** Wraps the connection's transport so the current call sees its HTTP status and headers. */
  private captureResponses(conn: Connection): void {
    const holder = conn as unknown as { _transport: TransportLike };
    const transport = holder._transport;
    const original = transport.httpRequest.bind(transport);
    const context = this.context;
    transport.httpRequest = (req: unknown, options?: unknown) => {
      const pending = original(req, options);
      const store = context.getStore();
      // Registered before jsforce awaits the same promise, so the status is known when the call settles.
      pending.then(
        (res) => {
          if (store) store.response = { statusCode: res.statusCode, headers: res.headers };
        },
        () => undefined,
      );
      return pending;
    };
  }

  private async send<T>(session: SalesforceSession, req: RestRequest): Promise<RestResponse<T>> {
    const conn = this.connectionFor(session);
    const store: CallContext = {};
    const what = `Salesforce ${req.method} ${req.path.split('?')[0]}`;
    try {
      const body = await this.context.run(store, () =>
        conn.request<T>(
          {
            method: req.method,
            url: req.path,
            ...(req.body === undefined
              ? {}
              : { body: JSON.stringify(req.body), headers: { 'content-type': 'application/json' } }),
          },
          { retry: { maxRetries: 0 }, timeout: this.opts.timeoutMs ?? 60_000, noContentResponse: '' },
        ),
      );
      this.noteUsage(store.response);
      return { status: store.response?.statusCode ?? 200, body: body as T };
    } catch (err) {
      this.noteUsage(store.response);
      throw this.toError(err, store.response, what);
    }
  }

  private noteUsage(res: CapturedResponse | undefined): void {
    const usage = parseLimitInfo(res?.headers['sforce-limit-info']);
    if (usage) this.usage = usage;
  }

  private toError(err: unknown, res: CapturedResponse | undefined, what: string): SalesforceError {
    if (isSalesforceError(err)) return err;
    const e = err as { errorCode?: string; name?: string; message?: string; data?: unknown };
    if (!res || (!e.errorCode && !e.data)) return fromTransportFailure(err, what);
    const status = res.statusCode;
    let raw: RawSalesforceError[];
    if (e.errorCode === 'MULTIPLE_API_ERRORS' && Array.isArray(e.data)) raw = e.data as RawSalesforceError[];
    else if (e.errorCode === 'MULTIPLE_CHOICES') {
      raw = [
        {
          errorCode: 'MULTIPLE_CHOICES',
          message: `${what}: several records match the external id (${JSON.stringify(e.data)})`,
        },
      ];
    } else
      raw = [
        { errorCode: e.errorCode, message: e.message, fields: (e.data as { fields?: string[] } | undefined)?.fields },
      ];
    if (raw[0]?.errorCode?.startsWith('ERROR_HTTP_'))
      raw = [{ message: `${what} answered HTTP ${status}: ${truncate(e.message)}` }];
    const sfCode = raw[0]?.errorCode;
    const limited = sfCode === 'REQUEST_LIMIT_EXCEEDED' || status === 429;
    const retryAfterMs = limited
      ? limitBackoffMs(
          { retryAfter: res.headers['retry-after'], limitInfo: res.headers['sforce-limit-info'] },
          {
            spentDailyWaitMs: this.opts.spentDailyLimitWaitMs ?? 15 * 60_000,
            concurrentWaitMs: this.opts.concurrentLimitWaitMs ?? 5_000,
          },
        )
      : parseRetryAfter(res.headers['retry-after']);
    return fromSalesforceErrors(raw, { httpStatus: status, retryAfterMs });
  }
}

const truncate = (s: string | undefined) => (s && s.length > 300 ? `${s.slice(0, 300)}…` : (s ?? ''));
