import type { PartyDirectory, PartyRecorder } from '../mapping/anomaly/adapters.js';
import type { HistoryPort, HistoryRecorder } from '../mapping/anomaly/history.js';
import type { AcceptedMapping, AcceptedMappingsPort } from '../mapping/suggest/memory.js';
import type { InboxSource } from '../pipeline/inbox-port.js';

/** An inbox entry after the intake checks, ready to be stored (payload already serialised). */
export interface PreparedInboxEntry {
  source: InboxSource;
  sourceKey: string;
  channel?: string;
  replayId?: number;
  recordType: string;
  recordId?: string;
  payloadJson: string;
  payloadBytes: number;
  receivedAt: number;
  /** Set when the intake checks refused the payload (oversized, not serialisable): stored + dead-lettered. */
  rejectReason?: string;
}

export interface InboxRow {
  id: number;
  source: InboxSource;
  sourceKey: string;
  recordType: string;
  recordId: string | null;
  payload: unknown;
  receivedAt: number;
}

/** One unit of work a flow planned from an inbox entry. */
export interface WorkSpec {
  flow: string;
  target: string;
  operation: string;
  /** The target record this change is for; changes with one lane key apply in order, one at a time. */
  laneKey: string;
  /** Carried to the target (NetSuite externalId / Salesforce external id) so a resend never duplicates. */
  idempotencyKey: string;
  payload: unknown;
  /** True when the payload is a full snapshot, so a later supersedable change to the lane replaces it. */
  supersedable?: boolean;
}

export type RouteDecision =
  | { kind: 'work'; items: WorkSpec[] }
  | { kind: 'skip'; flow?: string; reason: string }
  | { kind: 'reject'; flow?: string; reason: string };

export interface AttemptRecord {
  at: number;
  outcome: 'ok' | 'transient' | 'permanent' | 'unconfirmed' | 'handed-back';
  code?: string;
  message?: string;
  retryAfterMs?: number;
  durationMs?: number;
}

export interface ClaimedItem {
  id: number;
  inboxId: number | null;
  flow: string;
  source: string;
  sourceId: string | null;
  target: string;
  operation: string;
  laneKey: string;
  idempotencyKey: string;
  payload: unknown;
  attempts: number;
  createdAt: number;
  /** When the item became ready (creation, or the end of its last backoff): linger counts from here. */
  readyAt: number;
  firstAttemptAt: number;
  /** Ids of earlier changes to the same record that this one superseded in this claim. */
  supersedes: number[];
}

export type ItemOutcome =
  | { id: number; kind: 'done'; targetId?: string; attempt: AttemptRecord }
  | { id: number; kind: 'retry'; nextAttemptAt: number; attempt: AttemptRecord }
  | { id: number; kind: 'dead'; reason: string; response?: unknown; attempt: AttemptRecord }
  /** Hand back without counting an attempt (shutdown, open circuit): ready again at `notBefore`. */
  | { id: number; kind: 'release'; notBefore: number; note: string };

export interface ClaimOptions {
  owner: string;
  limit: number;
  leaseMs: number;
  now: number;
  /** Only these operations are claimed (registered ones whose target's circuit is not open). */
  operations: readonly string[];
}

export interface CompleteResult {
  completed: number;
  /** Items whose lease this owner no longer held (another worker took them over): left untouched. */
  lost: number[];
}

export type DlqStatus = 'open' | 'replayed';

export interface DlqEntry {
  id: number;
  stage: 'intake' | 'route' | 'deliver';
  workId: number | null;
  inboxId: number | null;
  flow: string | null;
  source: string | null;
  recordType: string | null;
  sourceId: string | null;
  target: string | null;
  operation: string | null;
  laneKey: string | null;
  idempotencyKey: string | null;
  payload: unknown;
  reason: string;
  response: unknown;
  attempts: number;
  history: AttemptRecord[];
  replayable: boolean;
  status: DlqStatus;
  createdAt: string;
  replayedAt: string | null;
}

export interface DlqQuery {
  limit: number;
  /** Entries with an id below this one (the `nextCursor` of the previous page). */
  before?: number;
  status?: DlqStatus;
  flow?: string;
  target?: string;
  stage?: DlqEntry['stage'];
}

export interface ReplayResult {
  dlqId: number;
  /** The new work item (deliver stage) or the inbox entry routed again (route stage). */
  workId?: number;
  inboxId?: number;
}

export interface SyncSummary {
  generatedAt: string;
  since: string | null;
  byFlow: { flow: string; outcome: string; count: number }[];
  pending: { inbox: number; ready: number; inFlight: number; retrying: number };
  oldestPendingAt: string | null;
  lagSeconds: number;
  dlq: { open: number };
}

export interface QueueCounts {
  inboxPending: number;
  ready: number;
  /** Ready items that already failed at least once (backing off). */
  retrying: number;
  inFlight: number;
  dlqOpen: number;
  oldestPendingAt: number | null;
}

/** Slots of a concurrency limit held in the store (PostgreSQL: shared by every replica). */
export interface LeaseBackend {
  ensure(name: string, max: number, now: number): Promise<void>;
  acquire(name: string, owner: string, leaseMs: number, now: number): Promise<number | undefined>;
  release(name: string, slot: number, owner: string): Promise<void>;
  /** Extends the expiry of slots this owner holds (calls still running). */
  renew(name: string, owner: string, slots: readonly number[], until: number): Promise<number>;
  level(name: string): Promise<number>;
  /** Halves the level (not below 1) unless it was changed within `cooldownMs`. */
  decrease(name: string, now: number, cooldownMs: number): Promise<number>;
  /** One step up (not above max) when there was no fault for `calmMs`. */
  increase(name: string, now: number, calmMs: number): Promise<number>;
}

/** Accepted field mappings kept in the store (`accepted_mappings`); writes count one acceptance each. */
export interface DurableAcceptedMappings extends AcceptedMappingsPort {
  record(m: Omit<AcceptedMapping, 'count'>): Promise<void>;
  recordMany(ms: readonly Omit<AcceptedMapping, 'count'>[]): Promise<void>;
}

/** Order history and customer currencies kept in the store; `points` is bounded (HISTORY_POINTS_LIMIT). */
export interface DurableHistory extends HistoryPort, HistoryRecorder {}

/** Known parties kept in the store with a blocking index; `candidates` is bounded (PARTY_CANDIDATES_LIMIT). */
export interface DurablePartyDirectory extends PartyDirectory, PartyRecorder {}

/** The durable store port: one interface, two adapters (embedded SQLite, PostgreSQL). */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** True when several processes share the store (PostgreSQL): limits must then be held in it. */
  readonly shared: boolean;
  readonly schemaVersion: number;
  append(entries: readonly PreparedInboxEntry[], now: number): Promise<{ inserted: number; duplicates: number }>;
  lastReplayId(channel: string): Promise<number | undefined>;
  /** The checkpoint of a channel and when its event was received (ms). */
  checkpoint(channel: string): Promise<{ replayId: number; receivedAt: number } | undefined>;
  /** Routes pending inbox entries in id order through `decide`, atomically with their work items. */
  route(limit: number, decide: (row: InboxRow) => RouteDecision, now: number): Promise<number>;
  claim(options: ClaimOptions): Promise<ClaimedItem[]>;
  extendLeases(owner: string, ids: readonly number[], until: number): Promise<number>;
  complete(owner: string, outcomes: readonly ItemOutcome[], now: number): Promise<CompleteResult>;
  /** Makes claims whose lease expired claimable again (a crashed worker's items). */
  reclaimExpired(now: number): Promise<number>;
  /** At start: the embedded store (one process) takes back every claim; PostgreSQL only expired ones. */
  recover(now: number): Promise<number>;
  /**
   * Deletes finished history older than `before`: done/superseded work, sync-log rows, routed/skipped
   * inbox entries (their keys are the dedupe window, so keep it longer than any source redelivers) and
   * replayed dead letters. Unfinished work, open dead letters and what they replay from stay.
   */
  purge(before: number): Promise<number>;
  listDlq(query: DlqQuery): Promise<{ items: DlqEntry[]; nextCursor: number | null }>;
  replayDlq(id: number, now: number): Promise<ReplayResult>;
  summary(now: number, since?: number): Promise<SyncSummary>;
  counts(now: number): Promise<QueueCounts>;
  /** What the mapping engine remembers: accepted mappings (suggestions), order history and parties (anomalies). */
  readonly mappingMemory: DurableAcceptedMappings;
  readonly orderHistory: DurableHistory;
  readonly parties: DurablePartyDirectory;
  /** Present on PostgreSQL only: the embedded store runs one process, so its limits live in memory. */
  leases?: LeaseBackend;
  ping(): Promise<void>;
  close(): Promise<void>;
}
