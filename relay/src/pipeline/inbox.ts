import { z } from 'zod';
import { ValidationError } from '../http/errors.js';
import type { PreparedInboxEntry, Store } from '../store/types.js';
import type { AppendResult, InboxEntryInput, InboxPort, ReplayCheckpoints } from './inbox-port.js';
import type { PipelineMetrics } from './metrics.js';

const entrySchema = z.object({
  source: z.enum(['salesforce-cdc', 'salesforce-event', 'netsuite-webhook', 'netsuite-poll', 'manual']),
  sourceKey: z.string().min(1).max(512),
  channel: z.string().min(1).max(255).optional(),
  replayId: z.number().int().optional(),
  recordType: z.string().min(1).max(255),
  recordId: z.string().max(255).optional(),
  payload: z.unknown(),
  receivedAt: z.date().optional(),
});

export interface InboxOptions {
  /** Payloads larger than this (bytes of JSON) are recorded as rejected, not stored whole (default 256 KiB). */
  maxPayloadBytes?: number;
  now?: () => number;
  metrics?: PipelineMetrics;
  /** Called after entries were stored (wakes the worker). */
  onStored?: () => void;
}

/**
 * The durable inbox every source appends to. An entry is stored once per (source, sourceKey); the
 * promise resolves only after the commit (fsynced on the embedded store), so the source may then
 * acknowledge upstream. A payload that cannot be stored (oversized, not serialisable) is recorded with
 * the reason and dead-lettered, never silently dropped. A malformed envelope (a source bug) throws a
 * ValidationError naming the field and the entry, and nothing of that call is stored.
 */
export function createInbox(store: Store, options: InboxOptions = {}): InboxPort & ReplayCheckpoints {
  const maxBytes = options.maxPayloadBytes ?? 262_144;
  const now = options.now ?? Date.now;
  return {
    async append(entries: readonly InboxEntryInput[]): Promise<AppendResult> {
      if (entries.length === 0) return { inserted: 0, duplicates: 0 };
      const prepared = entries.map((raw, index) => prepare(raw, index, maxBytes, now()));
      const result = await store.append(prepared, now());
      if (options.metrics) {
        const source = prepared[0]!.source;
        const rejected = prepared.filter((p) => p.rejectReason).length;
        options.metrics.intake.inc({ source, result: 'stored' }, result.inserted - Math.min(rejected, result.inserted));
        if (rejected > 0) options.metrics.intake.inc({ source, result: 'rejected' }, rejected);
        if (result.duplicates > 0) options.metrics.intake.inc({ source, result: 'duplicate' }, result.duplicates);
      }
      if (result.inserted > 0) options.onStored?.();
      return result;
    },
    lastReplayId: (channel: string) => store.lastReplayId(channel),
    checkpointAt: async (channel: string) => {
      const c = await store.checkpoint(channel);
      return c ? new Date(c.receivedAt) : undefined;
    },
  };
}

function prepare(raw: InboxEntryInput, index: number, maxBytes: number, now: number): PreparedInboxEntry {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(entry)';
    throw new ValidationError(
      `inbox entry ${index} (${describe(raw)}): field "${field}" ${issue?.message ?? 'is invalid'}`,
      {
        index,
        field,
      },
    );
  }
  const e = parsed.data;
  const base = {
    source: e.source,
    sourceKey: e.sourceKey,
    channel: e.channel,
    replayId: e.replayId,
    recordType: e.recordType,
    recordId: e.recordId,
    receivedAt: (e.receivedAt ?? new Date(now)).getTime(),
  };
  let json: string | undefined;
  try {
    json = JSON.stringify(e.payload ?? null);
  } catch (err) {
    const reason = `payload of ${e.recordType} ${e.recordId ?? e.sourceKey} cannot be serialised: ${(err as Error).message}`;
    return {
      ...base,
      payloadJson: JSON.stringify({ unserialisable: String(e.payload) }),
      payloadBytes: 0,
      rejectReason: reason,
    };
  }
  const bytes = Buffer.byteLength(json);
  if (bytes > maxBytes) {
    return {
      ...base,
      payloadJson: JSON.stringify({ truncated: true, bytes, head: json.slice(0, 2_048) }),
      payloadBytes: bytes,
      rejectReason: `payload of ${e.recordType} ${e.recordId ?? e.sourceKey} is ${bytes} bytes, over the ${maxBytes}-byte limit`,
    };
  }
  return { ...base, payloadJson: json, payloadBytes: bytes };
}

const describe = (raw: unknown) => {
  const r = (raw ?? {}) as { source?: unknown; sourceKey?: unknown };
  return `source ${String(r.source)}, key ${String(r.sourceKey)}`;
};
