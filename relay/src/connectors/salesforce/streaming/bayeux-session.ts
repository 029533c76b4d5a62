import {
  BayeuxError,
  bayeuxBodySchema,
  eventDataSchema,
  failureOf,
  type Advice,
  type BayeuxReply,
} from './bayeux-protocol.js';
import type { StreamEvent } from './types.js';

export interface BayeuxSessionOptions {
  /** `{instanceUrl}/cometd/{apiVersion}` */
  endpoint: string;
  accessToken: string;
  requestTimeoutMs: number;
  fetch: typeof fetch;
}

export interface ConnectResult {
  events: StreamEvent[];
  /** Messages that looked like events but could not be read (logged by the caller, never silently dropped). */
  unreadable: string[];
  advice?: Advice;
  /** The connect reply's failure, thrown by the caller only after the events were handled. */
  failure?: BayeuxError;
}

/** The Salesforce default hold (110 s), until the server's first connect advice says otherwise. */
const DEFAULT_CONNECT_TIMEOUT_MS = 110_000;

/**
 * One Bayeux client on Salesforce's CometD endpoint: long-polling over fetch, `Authorization: OAuth`,
 * the replay extension on subscribe, the server's cookies sent back. A session never heals itself:
 * on any failure it throws a classified {@link BayeuxError} and the subscriber builds a new one.
 */
export class BayeuxSession {
  clientId: string | null = null;
  private nextId = 1;
  private connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
  private readonly cookies = new Map<string, string>();

  constructor(private readonly opts: BayeuxSessionOptions) {}

  async handshake(signal: AbortSignal): Promise<void> {
    const [reply] = await this.exchange(
      [{ channel: '/meta/handshake', version: '1.0', minimumVersion: '1.0', supportedConnectionTypes: ['long-polling'] }],
      this.opts.requestTimeoutMs,
      signal,
    );
    if (!reply?.successful || !reply.clientId) throw failureOf(reply ?? { error: 'empty handshake reply' });
    this.clientId = reply.clientId;
  }

  /** Subscribes with `ext.replay = {channel: replay}` (-1 new only, -2 all retained, N after N). */
  async subscribe(channel: string, replay: number, signal: AbortSignal): Promise<void> {
    const replies = await this.exchange(
      [{ channel: '/meta/subscribe', clientId: this.clientId, subscription: channel, ext: { replay: { [channel]: replay } } }],
      this.opts.requestTimeoutMs,
      signal,
    );
    const reply = replies.find((r) => r.channel === '/meta/subscribe');
    if (!reply?.successful) throw failureOf(reply ?? { error: 'no subscribe reply' });
  }

  /** One long poll: held by the server up to its advice.timeout, answered early when events arrive. */
  async connect(channel: string, signal: AbortSignal): Promise<ConnectResult> {
    const timeout = this.connectTimeoutMs + Math.max(10_000, this.connectTimeoutMs * 0.2);
    const replies = await this.exchange(
      [{ channel: '/meta/connect', clientId: this.clientId, connectionType: 'long-polling' }],
      timeout,
      signal,
    );
    const result: ConnectResult = { events: [], unreadable: [] };
    for (const message of replies) {
      if (message.channel === '/meta/connect') {
        if (message.advice) result.advice = message.advice;
        if (typeof message.advice?.timeout === 'number' && message.advice.timeout > 0) {
          this.connectTimeoutMs = message.advice.timeout;
        }
        if (!message.successful) result.failure = failureOf(message);
      } else if (message.channel === channel) {
        const data = eventDataSchema.safeParse(message.data);
        if (!data.success) {
          result.unreadable.push(data.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          continue;
        }
        result.events.push({
          channel,
          replayId: data.data.event.replayId,
          payload: data.data.payload,
          ...(data.data.schema !== undefined ? { schema: data.data.schema } : {}),
          ...(data.data.event.EventUuid !== undefined ? { eventUuid: data.data.event.EventUuid } : {}),
        });
      }
    }
    if (!replies.some((r) => r.channel === '/meta/connect')) {
      result.failure = new BayeuxError('network', 'connect response carried no /meta/connect reply');
    }
    return result;
  }

  /** Best effort: frees the server-side client (and its slot under the org's client limit). */
  async disconnect(): Promise<void> {
    if (!this.clientId) return;
    const clientId = this.clientId;
    this.clientId = null;
    try {
      await this.exchange([{ channel: '/meta/disconnect', clientId }], 2_000, new AbortController().signal);
    } catch {
      // The session is being thrown away; the server will expire it anyway.
    }
  }

  private async exchange(messages: Record<string, unknown>[], timeoutMs: number, signal: AbortSignal): Promise<BayeuxReply[]> {
    const body = messages.map((m) => ({ ...m, id: String(this.nextId++) }));
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Authorization: `OAuth ${this.opts.accessToken}`,
    };
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // One controller per request, released afterwards: a stream runs for weeks, nothing may pile up on `signal`.
    const request = new AbortController();
    const onAbort = () => request.abort(signal.reason);
    const timer = setTimeout(() => request.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    let res: Response;
    let text: string;
    try {
      if (signal.aborted) throw signal.reason;
      res = await this.opts.fetch(this.opts.endpoint, { method: 'POST', headers, body: JSON.stringify(body), signal: request.signal });
      text = await res.text();
    } catch (err) {
      if (signal.aborted) throw signal.reason ?? err;
      throw new BayeuxError('network', `request to ${this.opts.endpoint} failed: ${describe(request.signal.reason ?? err)}`);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
    this.storeCookies(res.headers);
    if (res.status === 401) throw new BayeuxError('auth', `HTTP 401 from ${this.opts.endpoint}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new BayeuxError('network', `HTTP ${res.status} from ${this.opts.endpoint} with a non-JSON body`);
    }
    const replies = bayeuxBodySchema.safeParse(parsed);
    if (!replies.success) throw new BayeuxError('network', `HTTP ${res.status}: the body is not a Bayeux message array`);
    if (res.status >= 500) throw new BayeuxError('network', `HTTP ${res.status} from ${this.opts.endpoint}`);
    if (res.status >= 400 && !replies.data.some((r) => r.error)) {
      throw new BayeuxError('rejected', `HTTP ${res.status} from ${this.opts.endpoint}`);
    }
    return replies.data;
  }

  private storeCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? err.message;
  }
  return String(err);
}
