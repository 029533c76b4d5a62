/**
 * The one way any source hands a change to the durable pipeline. A source acknowledges upstream
 * (advances a CometD checkpoint, answers a webhook 2xx) only after `append` has resolved.
 */
export type InboxSource = 'salesforce-cdc' | 'salesforce-event' | 'netsuite-webhook' | 'netsuite-poll' | 'manual';

export interface InboxEntryInput {
  source: InboxSource;
  /** Dedupe identity within the source: `channel:replayId`, an event uuid, a webhook id... */
  sourceKey: string;
  /** CometD channel, when the source is a Salesforce stream. */
  channel?: string;
  /** CometD replay id, when the source is a Salesforce stream. */
  replayId?: number;
  /** The record type as the source names it (`Account`, `customer`, ...). */
  recordType: string;
  /** The source record's id, when known. */
  recordId?: string;
  payload: unknown;
  receivedAt?: Date;
}

export interface AppendResult {
  inserted: number;
  duplicates: number;
}

export interface InboxPort {
  append(entries: readonly InboxEntryInput[]): Promise<AppendResult>;
}

/** Where a stream source resumes: the highest replay id stored for a channel (advanced in the same commit). */
export interface ReplayCheckpoints {
  lastReplayId(channel: string): Promise<number | undefined>;
  /** When the checkpoint's event was received (the `since` of a gap backfill), when known. */
  checkpointAt?(channel: string): Promise<Date | undefined>;
}
