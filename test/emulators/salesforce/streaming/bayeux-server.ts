import { z } from 'zod';
import { ADVICE_HANDSHAKE, ADVICE_NONE, BayeuxErrors } from './bayeux-errors.js';
import { ClientRegistry, type BayeuxClient, type WakeReason } from './client-registry.js';
import type { EventBus } from './event-bus.js';

/** Runtime-tunable behaviour of the CometD server. The object is read live: mutate it in tests. */
export interface StreamingKnobs {
  /** How long an idle `/meta/connect` is held (Salesforce: 110 000 ms); also the advertised advice.timeout. */
  connectTimeoutMs?: number;
  /** A client that does not connect again within this time is forgotten (Salesforce: 40 000 ms). */
  sessionTimeoutMs?: number;
  /** Concurrent CometD clients per org (Salesforce: 20 DE … 2 000 UE). */
  maxClients?: number;
  /** Forced silence: connects never return events (they are kept, and flow again when this is cleared). */
  silent?: boolean;
  /** Cap on event messages in one connect reply; the rest wait for the next connect. */
  maxEventsPerConnect?: number;
}

export const DEFAULT_KNOBS = {
  connectTimeoutMs: 110_000,
  sessionTimeoutMs: 40_000,
  maxClients: 2_000,
  silent: false,
  maxEventsPerConnect: 1_000,
} as const satisfies Required<StreamingKnobs>;

export type AuthResult = { ok: true; userId: string; orgId: string } | { ok: false; reason: 'expired' | 'invalid' };
export type Authenticate = (authorizationHeader: string | undefined) => AuthResult;

export type BayeuxReply = Record<string, unknown>;

/** One incoming Bayeux message; unknown fields pass through untouched. */
const messageSchema = z.looseObject({
  channel: z.string().min(1),
  id: z.union([z.string(), z.number()]).optional(),
  clientId: z.string().optional(),
  subscription: z.string().optional(),
  connectionType: z.string().optional(),
  supportedConnectionTypes: z.array(z.string()).optional(),
  advice: z.looseObject({ timeout: z.number().optional() }).optional(),
  ext: z.record(z.string(), z.unknown()).optional(),
});
type BayeuxMessage = z.infer<typeof messageSchema>;

export interface RequestContext {
  /** Error for every message when the URL's API version is missing or unsupported. */
  versionError?: string;
  authorization: string | undefined;
  /** Aborted when the HTTP client goes away (releases a held connect). */
  signal?: AbortSignal;
}

/**
 * Salesforce's Bayeux server logic, transport-free: takes the messages of one POST and answers them.
 * Connects are held with timers; everything else answers at once.
 */
export class BayeuxServer {
  readonly registry: ClientRegistry;
  private readonly knob: () => Required<StreamingKnobs>;

  constructor(
    private readonly bus: EventBus,
    private readonly authenticate: Authenticate,
    knobs: StreamingKnobs,
    private readonly now: () => number,
  ) {
    this.knob = () => ({ ...DEFAULT_KNOBS, ...stripUndefined(knobs) });
    this.registry = new ClientRegistry(now, () => this.knob().sessionTimeoutMs);
  }

  /**
   * Answers one POST. Connects run after the other messages of the batch (faye sends
   * `[connect, subscribe]`): a subscription in the same batch counts before the connect decides to
   * hold. Replies keep the order of the request.
   */
  async handleBatch(raw: unknown[], ctx: RequestContext): Promise<BayeuxReply[]> {
    const slots: BayeuxReply[][] = new Array(raw.length);
    const isConnect = (item: unknown) => isRecord(item) && item.channel === '/meta/connect';
    for (const [i, item] of raw.entries()) if (!isConnect(item)) slots[i] = await this.handleOne(item, ctx);
    for (const [i, item] of raw.entries()) if (isConnect(item)) slots[i] = await this.handleOne(item, ctx);
    return slots.flat();
  }

  private async handleOne(item: unknown, ctx: RequestContext): Promise<BayeuxReply[]> {
    const parsed = messageSchema.safeParse(item);
    if (!parsed.success) {
      const channel = isRecord(item) && typeof item.channel === 'string' ? item.channel : undefined;
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'message';
      return [fail({ channel, id: isRecord(item) ? item.id : undefined }, BayeuxErrors.invalidMessage(`${where}: ${issue?.message ?? 'invalid'}`))];
    }
    const msg = parsed.data;
    if (ctx.versionError) return [fail(msg, ctx.versionError)];
    if (ctx.authorization === undefined || ctx.authorization.trim() === '') {
      return [fail(msg, BayeuxErrors.requiresAuth, { advice: ADVICE_NONE })];
    }
    const auth = this.authenticate(ctx.authorization);
    switch (msg.channel) {
      case '/meta/handshake':
        return [this.handshake(msg, auth)];
      case '/meta/connect':
        return this.connect(msg, auth, ctx);
      case '/meta/subscribe':
        return [this.withClient(msg, auth, (client) => this.subscribe(msg, client))];
      case '/meta/unsubscribe':
        return [this.withClient(msg, auth, (client) => this.unsubscribe(msg, client))];
      case '/meta/disconnect':
        return [this.withClient(msg, auth, (client) => this.disconnect(msg, client))];
      default:
        if (msg.channel.startsWith('/meta/')) return [fail(msg, BayeuxErrors.unknownMetaChannel(msg.channel))];
        return [fail(msg, BayeuxErrors.publishDenied(msg.channel))];
    }
  }

  private handshake(msg: BayeuxMessage, auth: AuthResult): BayeuxReply {
    if (!auth.ok) {
      return fail(msg, BayeuxErrors.handshakeDenied, {
        advice: { reconnect: 'none' },
        ext: { sfdc: { failureReason: BayeuxErrors.authInvalid }, replay: true },
      });
    }
    const types = msg.supportedConnectionTypes;
    if (types && !types.includes('long-polling')) {
      return fail(msg, BayeuxErrors.invalidConnectionType(types.join(',')));
    }
    if (this.registry.countForOrg(auth.orgId) >= this.knob().maxClients) {
      return fail(msg, BayeuxErrors.orgClientLimit);
    }
    const client = this.registry.create(auth.userId, auth.orgId);
    return {
      ext: { replay: true, 'payload.format': true },
      minimumVersion: '1.0',
      clientId: client.id,
      supportedConnectionTypes: ['long-polling'],
      channel: '/meta/handshake',
      ...idOf(msg),
      version: '1.0',
      successful: true,
    };
  }

  /** The live client of a non-handshake message, or the failure reply (token refused, unknown client). */
  private clientOf(msg: BayeuxMessage, auth: AuthResult): BayeuxClient | BayeuxReply {
    if (!auth.ok) {
      if (msg.clientId) this.registry.remove(msg.clientId);
      return fail(msg, BayeuxErrors.authInvalid, { advice: ADVICE_NONE });
    }
    const client = this.registry.get(msg.clientId);
    if (!client || client.userId !== auth.userId || client.orgId !== auth.orgId) {
      return fail(msg, BayeuxErrors.unknownClient, { advice: ADVICE_HANDSHAKE });
    }
    return client;
  }

  private withClient(msg: BayeuxMessage, auth: AuthResult, then: (client: BayeuxClient) => BayeuxReply): BayeuxReply {
    const client = this.clientOf(msg, auth);
    return isClient(client) ? then(client) : client;
  }

  private subscribe(msg: BayeuxMessage, client: BayeuxClient): BayeuxReply {
    const channel = msg.subscription;
    const base = { clientId: client.id, subscription: channel };
    if (!channel) return fail(msg, BayeuxErrors.channelNotSpecified, base);
    if (!channel.startsWith('/')) return fail(msg, BayeuxErrors.channelLeadingSlash, base);
    if (!this.bus.hasChannel(channel)) return fail(msg, BayeuxErrors.channelDoesNotExist(channel), base);
    const replayMap = msg.ext?.replay;
    let replay: unknown = -1;
    if (isRecord(replayMap) && Object.keys(replayMap).length > 0) {
      if (!(channel in replayMap)) return fail(msg, BayeuxErrors.replayChannelNotInMap(channel, replayMap), base);
      replay = replayMap[channel] ?? -1; // null is treated like "no replay id" (-1)
    }
    const start = typeof replay === 'number' ? this.bus.resolveReplay(channel, replay) : { ok: false as const };
    if (!start.ok) return fail(msg, BayeuxErrors.invalidReplayId(replay), base);
    client.subscriptions.set(channel, start.afterReplayId);
    return { clientId: client.id, channel: '/meta/subscribe', ...idOf(msg), subscription: channel, successful: true };
  }

  private unsubscribe(msg: BayeuxMessage, client: BayeuxClient): BayeuxReply {
    const channel = msg.subscription;
    const base = { clientId: client.id, subscription: channel };
    if (!channel) return fail(msg, BayeuxErrors.channelNotSpecified, base);
    if (!client.subscriptions.delete(channel)) return fail(msg, BayeuxErrors.notSubscribed(channel), base);
    return { clientId: client.id, channel: '/meta/unsubscribe', subscription: channel, ...idOf(msg), successful: true };
  }

  private disconnect(msg: BayeuxMessage, client: BayeuxClient): BayeuxReply {
    this.registry.remove(client.id, 'disconnected');
    return { channel: '/meta/disconnect', clientId: client.id, ...idOf(msg), successful: true };
  }

  private async connect(msg: BayeuxMessage, auth: AuthResult, ctx: RequestContext): Promise<BayeuxReply[]> {
    const client = this.clientOf(msg, auth);
    if (!isClient(client)) return [client];
    if (msg.connectionType !== undefined && msg.connectionType !== 'long-polling') {
      return [fail(msg, BayeuxErrors.invalidConnectionType(msg.connectionType), { clientId: client.id })];
    }
    client.held?.wake('replaced');

    const knobs = this.knob();
    const first = !client.connected;
    const immediate = first || msg.advice?.timeout === 0 || this.hasPending(client);
    const reason = immediate ? 'events' : await this.hold(client, knobs.connectTimeoutMs, ctx.signal);

    if (reason === 'dropped' || reason === 'disconnected') {
      return [fail(msg, BayeuxErrors.unknownClient, { advice: ADVICE_HANDSHAKE })];
    }
    // The token is re-validated when a connect completes (Salesforce re-checks it while connected).
    const recheck = this.authenticate(ctx.authorization);
    if (!recheck.ok) {
      this.registry.remove(client.id);
      return [fail(msg, BayeuxErrors.authInvalid, { clientId: client.id, advice: ADVICE_NONE })];
    }
    client.connected = true;
    client.lastConnectReplyAt = this.now();
    const events = reason === 'replaced' ? [] : this.drain(client, knobs.maxEventsPerConnect);
    const reply: BayeuxReply = { clientId: client.id, channel: '/meta/connect', ...idOf(msg), successful: true };
    if (first) reply.advice = { interval: 0, timeout: knobs.connectTimeoutMs, reconnect: 'retry' };
    return [...events, reply];
  }

  private hold(client: BayeuxClient, timeoutMs: number, signal?: AbortSignal): Promise<WakeReason> {
    return new Promise<WakeReason>((resolve) => {
      const unsubscribe = this.bus.onPublish((channels) => {
        if (channels.some((ch) => client.subscriptions.has(ch)) && this.hasPending(client)) done('events');
      });
      const onAbort = () => done('aborted');
      const timer = setTimeout(() => done('timeout'), timeoutMs);
      const held = { wake: (reason: WakeReason) => done(reason) };
      client.held = held;
      signal?.addEventListener('abort', onAbort, { once: true });
      function done(reason: WakeReason) {
        clearTimeout(timer);
        unsubscribe();
        signal?.removeEventListener('abort', onAbort);
        if (client.held === held) client.held = null;
        resolve(reason);
      }
    });
  }

  private hasPending(client: BayeuxClient): boolean {
    if (this.knob().silent) return false;
    for (const [channel, after] of client.subscriptions) {
      if (this.bus.hasEventsAfter(channel, after)) return true;
    }
    return false;
  }

  /** Pending events of every subscription, in replay-id order, advancing the client's cursors. */
  private drain(client: BayeuxClient, max: number): BayeuxReply[] {
    if (this.knob().silent) return [];
    const pending = [...client.subscriptions].flatMap(([channel, after]) => this.bus.eventsAfter(channel, after, max));
    pending.sort((a, b) => a.replayId - b.replayId);
    const batch = pending.slice(0, max);
    for (const e of batch) client.subscriptions.set(e.channel, e.replayId);
    return batch.map((e) => ({ data: structuredClone(e.data), channel: e.channel }));
  }
}

function isClient(v: BayeuxClient | BayeuxReply): v is BayeuxClient {
  return v instanceof Object && 'subscriptions' in v && v.subscriptions instanceof Map;
}

function idOf(msg: { id?: unknown }): { id?: string | number } {
  return typeof msg.id === 'string' || typeof msg.id === 'number' ? { id: msg.id } : {};
}

function fail(msg: { channel?: string; id?: unknown; clientId?: string }, error: string, extra: Record<string, unknown> = {}): BayeuxReply {
  return {
    ...(msg.clientId ? { clientId: msg.clientId } : {}),
    channel: msg.channel ?? null,
    ...idOf(msg),
    ...extra,
    error,
    successful: false,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
