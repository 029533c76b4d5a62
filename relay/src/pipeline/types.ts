import type { InboxRow, WorkSpec } from '../store/types.js';

/**
 * How flows plug into the pipeline. A `Flow` turns an inbox entry into work for target operations
 * (pure and synchronous: no I/O); a `TargetOperation` applies a batch of items and answers per item.
 */
export interface Flow {
  /** Stable name: shown in the sync log, the summary and the dead-letter queue. */
  name: string;
  /** Whether this flow takes entries of this source and record type. */
  accepts(entry: { source: string; recordType: string }): boolean;
  /** A flow that is off records a skip with its reason instead of planning work (default: on). */
  enabled?(): boolean;
  /**
   * Plans the work for one entry. Throw (ideally an error naming the field and the record) for bad
   * input: the entry goes to the dead-letter queue with that message. Return [] for "nothing to do".
   */
  plan(entry: InboxRow): PlannedWork[];
}

export type PlannedWork = Omit<WorkSpec, 'flow'>;

export interface BatchItem {
  workId: number;
  flow: string;
  laneKey: string;
  /** The idempotency key (NetSuite externalId / Salesforce external id): send it with the write. */
  idempotencyKey: string;
  payload: unknown;
  /** 1 for the first attempt. */
  attempt: number;
}

/** The target's answer for one item, matched to the item by its idempotency key. */
export type ItemResult =
  | { idempotencyKey: string; ok: true; targetId?: string; response?: unknown }
  /** `error` should carry `retryable: boolean` (and `retryAfterMs`); without it the error counts as transient. */
  | { idempotencyKey: string; ok: false; error: unknown; response?: unknown };

export interface TargetOperation {
  /** The system written to (`netsuite`, `salesforce`, ...): one circuit breaker per target. */
  target: string;
  /** Unique name, e.g. `netsuite.upsertList.customer`. */
  operation: string;
  /** The target's list limit for this operation (NetSuite list operations, Salesforce collections: 200). */
  maxBatch: number;
  /** Name of the concurrency limiter this operation takes a slot of (`netsuite`), if governed. */
  limiter?: string;
  /**
   * Applies the batch. Return one result per confirmed item; an item without a result is never
   * reported as success (it is retried). Throw for a failure of the whole call (network, 5xx, auth).
   */
  execute(items: readonly BatchItem[], context: { signal: AbortSignal }): Promise<readonly ItemResult[]>;
}
