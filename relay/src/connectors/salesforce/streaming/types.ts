import type { Logger } from '../../../logging/logger.js';

/** What the subscriber needs from the Salesforce login (the REST connector's JWT session provides it). */
export interface SalesforceAuth {
  /** A current access token and the org's instance URL (re-login happens inside when needed). */
  session(): Promise<{ accessToken: string; instanceUrl: string }>;
  /** Marks a token as dead (Salesforce said `401::Authentication invalid`); the next session() logs in again. */
  invalidate(accessToken: string): void;
}

/** Where to resume: the replay id of the last event the pipeline stored, and that event's time. */
export interface StreamCheckpoint {
  replayId: number | null;
  at?: Date;
}

/** One event as Salesforce delivered it on a channel. */
export interface StreamEvent {
  channel: string;
  replayId: number;
  payload: Record<string, unknown>;
  schema?: string;
  /** Platform events only. */
  eventUuid?: string;
}

/**
 * Salesforce could not replay from the stored checkpoint (older than retention, or unknown), or the
 * stream restarted from "new events only" without a replay id. Changes after `since` may be missing:
 * the pipeline should backfill by query (`LastModifiedDate > since`). `since` is null when nothing
 * is known (no checkpoint time was ever supplied).
 */
export interface StreamGap {
  channel: string;
  lastReplayId: number | null;
  since: Date | null;
}

export type SubscriberStatus = 'idle' | 'connecting' | 'subscribed' | 'backoff' | 'stopped';

export interface SubscriberState {
  channel: string;
  status: SubscriberStatus;
  /** The checkpoint: replay id of the last event whose onEvent resolved. */
  replayId: number | null;
  checkpointAt: Date | null;
  lastEventAt: Date | null;
  lastError: string | null;
  counters: {
    events: number;
    handshakes: number;
    gaps: number;
    authRenewals: number;
    unknownClientRecoveries: number;
    watchdogRestarts: number;
    /** Network faults, timeouts, 5xx, server busy, client limit, other rejections: retried with backoff. */
    networkRetries: number;
    /** auth.session() failed (JWT login refused or unreachable): retried with backoff. */
    loginFailures: number;
    onEventFailures: number;
  };
}

export interface SubscriberOptions {
  auth: SalesforceAuth;
  /** `/data/ChangeEvents`, `/data/AccountChangeEvent`, `/event/NetSuite_Sync_Request__e`, ... */
  channel: string;
  /** `62.0` (no `v`). */
  apiVersion: string;
  checkpoint: StreamCheckpoint;
  /** Stores the event durably; the replay id becomes the checkpoint only after this resolves. */
  onEvent(event: StreamEvent): Promise<void>;
  onGap(gap: StreamGap): Promise<void>;
  logger: Logger;
  /** Restart a stream that delivered no event for this long (default 15 min). */
  watchdogMs?: number;
  now?: () => number;
  /** Replay value when the checkpoint has no replay id: -1 new events only (default), -2 all retained. */
  replayWithoutCheckpoint?: -1 | -2;
  /** Backoff on failures (cockatiel exponential with decorrelated jitter). */
  backoff?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Timeout of handshake/subscribe/disconnect requests (default 30 s); connects use the server's advice. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

export interface Subscriber {
  start(): Promise<void>;
  stop(): Promise<void>;
  state(): SubscriberState;
}
