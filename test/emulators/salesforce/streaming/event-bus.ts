import { createHash, randomUUID } from 'node:crypto';

/** 72 hours: retention of high-volume platform events and Change Data Capture events. */
export const DEFAULT_RETENTION_MS = 72 * 60 * 60 * 1000;

/** The `data` object of a delivered event, exactly as Salesforce sends it over CometD. */
export interface EventData {
  schema: string;
  payload: Record<string, unknown>;
  event: { replayId: number; EventUuid?: string };
}

export interface StoredEvent {
  channel: string;
  replayId: number;
  /** Emulator clock (ms) at publish time; retention is measured from here. */
  publishedAt: number;
  data: EventData;
}

export interface PublishOptions {
  /** Schema id; defaults to a stable hash of the channel (and the CDC entity name). */
  schema?: string;
  /** EventUuid; defaults to a fresh UUID on `/event/...` channels, absent on CDC channels. */
  eventUuid?: string;
}

export interface EventBusOptions {
  /** Retention window in ms (Salesforce: 72 h). Events older than this cannot be replayed. */
  retentionMs: number;
  now?: () => number;
  /** Channels that exist before anything is published (subscribing to others fails). */
  channels?: string[];
}

/** Result of resolving a subscribe-time replay value against what the bus retains. */
export type ReplayStart = { ok: true; afterReplayId: number } | { ok: false };

type PublishListener = (channels: readonly string[]) => void;
type DropListener = () => void;

/**
 * The emulator's event store: one ordered, retention-bounded log per channel. Replay ids come from
 * one bus-wide counter, so they increase on every channel but are not contiguous per channel (as in
 * a real org). The CometD server reads from here; the rest of the emulator only publishes.
 */
export class EventBus {
  readonly retentionMs: number;
  private readonly now: () => number;
  private readonly logs = new Map<string, StoredEvent[]>();
  private lastReplayId = 0;
  private readonly publishListeners = new Set<PublishListener>();
  private readonly dropListeners = new Set<DropListener>();

  constructor(options: EventBusOptions) {
    if (!Number.isFinite(options.retentionMs) || options.retentionMs <= 0) {
      throw new RangeError('EventBus: retentionMs must be a positive number of milliseconds');
    }
    this.retentionMs = options.retentionMs;
    this.now = options.now ?? Date.now;
    for (const channel of options.channels ?? []) this.defineChannel(channel);
  }

  /** Declares a channel so clients may subscribe to it before its first event. */
  defineChannel(channel: string): void {
    if (!channel.startsWith('/')) throw new RangeError(`EventBus: channel must start with '/': ${channel}`);
    if (!this.logs.has(channel)) this.logs.set(channel, []);
  }

  hasChannel(channel: string): boolean {
    return this.logs.has(channel);
  }

  channels(): string[] {
    return [...this.logs.keys()];
  }

  /**
   * Stores one event on every listed channel under one new replay id and wakes waiting clients.
   * `payload` is the event body (`ChangeEventHeader` + fields for CDC, fields + CreatedDate/CreatedById
   * for platform events).
   */
  publish(channels: string[], payload: Record<string, unknown>, options: PublishOptions = {}): { replayId: number } {
    if (channels.length === 0) throw new RangeError('EventBus.publish: at least one channel is required');
    const replayId = ++this.lastReplayId;
    const publishedAt = this.now();
    for (const channel of channels) {
      this.defineChannel(channel);
      const isPlatformEvent = channel.startsWith('/event/');
      const eventUuid = options.eventUuid ?? (isPlatformEvent ? randomUUID() : undefined);
      const data: EventData = {
        schema: options.schema ?? schemaIdFor(channel, payload),
        payload: structuredClone(payload),
        event: eventUuid ? { EventUuid: eventUuid, replayId } : { replayId },
      };
      this.logs.get(channel)!.push({ channel, replayId, publishedAt, data });
    }
    this.prune();
    for (const listener of this.publishListeners) listener(channels);
    return { replayId };
  }

  /** The highest replay id ever assigned (0 before the first event). */
  tip(): number {
    return this.lastReplayId;
  }

  /** Retained events of a channel, oldest first. */
  retained(channel: string): StoredEvent[] {
    this.prune();
    return [...(this.logs.get(channel) ?? [])];
  }

  /** Retained events of a channel with a replay id greater than `afterReplayId`, oldest first (at most `limit`). */
  eventsAfter(channel: string, afterReplayId: number, limit = Infinity): StoredEvent[] {
    this.prune();
    const log = this.logs.get(channel) ?? [];
    const from = firstAfter(log, afterReplayId);
    return log.slice(from, Number.isFinite(limit) ? from + limit : undefined);
  }

  /** Whether the channel retains any event after `afterReplayId` (cheap: a binary search). */
  hasEventsAfter(channel: string, afterReplayId: number): boolean {
    this.prune();
    const log = this.logs.get(channel) ?? [];
    return firstAfter(log, afterReplayId) < log.length;
  }

  /**
   * Resolves a replay value from `ext.replay`: -1 = new events only, -2 = everything retained,
   * N = after N, valid only while the event N is retained on that channel.
   */
  resolveReplay(channel: string, replay: number): ReplayStart {
    if (replay === -1) return { ok: true, afterReplayId: this.lastReplayId };
    if (replay === -2) return { ok: true, afterReplayId: 0 };
    if (!Number.isSafeInteger(replay) || replay <= 0) return { ok: false };
    const known = this.retained(channel).some((e) => e.replayId === replay);
    return known ? { ok: true, afterReplayId: replay } : { ok: false };
  }

  /** Drops events older than the retention window. Called on every read and publish. */
  prune(): void {
    const cutoff = this.now() - this.retentionMs;
    for (const [channel, log] of this.logs) {
      const firstKept = log.findIndex((e) => e.publishedAt > cutoff);
      if (firstKept === -1) this.logs.set(channel, []);
      else if (firstKept > 0) this.logs.set(channel, log.slice(firstKept));
    }
  }

  /** Forced session drop: every CometD client on every server using this bus gets `403::Unknown client`. */
  forceSessionDrop(): void {
    for (const listener of this.dropListeners) listener();
  }

  /** Removes every stored event (channels stay defined). */
  clear(): void {
    for (const channel of this.logs.keys()) this.logs.set(channel, []);
  }

  onPublish(listener: PublishListener): () => void {
    this.publishListeners.add(listener);
    return () => this.publishListeners.delete(listener);
  }

  onSessionDrop(listener: DropListener): () => void {
    this.dropListeners.add(listener);
    return () => this.dropListeners.delete(listener);
  }
}

/** Index of the first event with a replay id above `replayId` (logs are sorted by replay id). */
function firstAfter(log: readonly StoredEvent[], replayId: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid]!.replayId <= replayId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A 22-character base64url id, stable per event definition (channel, or CDC entity on a shared channel). */
function schemaIdFor(channel: string, payload: Record<string, unknown>): string {
  const header = payload.ChangeEventHeader as { entityName?: unknown } | undefined;
  const entity = typeof header?.entityName === 'string' ? header.entityName : '';
  const shape = `${channel}|${entity}`;
  return createHash('sha256').update(shape).digest('base64url').slice(0, 22);
}
