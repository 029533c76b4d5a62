import type { Db, Sql } from './db.js';
import type { QueueCounts, SyncSummary } from './types.js';

export type SyncOutcome = 'applied' | 'superseded' | 'dead' | 'rejected' | 'skipped';

export interface SyncLogInput {
  workId?: number | null;
  inboxId?: number | null;
  flow?: string | null;
  source?: string | null;
  sourceId?: string | null;
  target?: string | null;
  targetId?: string | null;
  operation?: string | null;
  idempotencyKey?: string | null;
  outcome: SyncOutcome;
  reason?: string | null;
  attempts: number;
  durationMs?: number | null;
  now: number;
}

export async function insertSyncLog(q: Sql, e: SyncLogInput): Promise<void> {
  await q.run(
    `INSERT INTO sync_log (work_id, inbox_id, flow, source, source_id, target, target_id, operation, idempotency_key,
       outcome, reason, attempts, duration_ms, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.workId ?? null,
      e.inboxId ?? null,
      e.flow ?? null,
      e.source ?? null,
      e.sourceId ?? null,
      e.target ?? null,
      e.targetId ?? null,
      e.operation ?? null,
      e.idempotencyKey ?? null,
      e.outcome,
      e.reason ?? null,
      e.attempts,
      e.durationMs ?? null,
      e.now,
    ],
  );
}

export interface DlqInput {
  stage: 'intake' | 'route' | 'deliver';
  workId?: number | null;
  inboxId?: number | null;
  flow?: string | null;
  source?: string | null;
  recordType?: string | null;
  sourceId?: string | null;
  target?: string | null;
  operation?: string | null;
  laneKey?: string | null;
  idempotencyKey?: string | null;
  /** Already JSON. */
  payload: string;
  reason: string;
  response?: unknown;
  attempts?: number;
  history?: string;
  replayable: boolean;
  now: number;
}

export async function insertDlq(q: Sql, e: DlqInput): Promise<void> {
  await q.run(
    `INSERT INTO dlq (stage, work_id, inbox_id, flow, source, record_type, source_id, target, operation, lane_key,
       idempotency_key, payload, reason, response, attempts, history, replayable, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
    [
      e.stage,
      e.workId ?? null,
      e.inboxId ?? null,
      e.flow ?? null,
      e.source ?? null,
      e.recordType ?? null,
      e.sourceId ?? null,
      e.target ?? null,
      e.operation ?? null,
      e.laneKey ?? null,
      e.idempotencyKey ?? null,
      e.payload,
      e.reason,
      e.response === undefined ? null : safeJson(e.response),
      e.attempts ?? 0,
      e.history ?? '[]',
      e.replayable ? 1 : 0,
      e.now,
    ],
  );
}

/** JSON for a target's answer; never throws (cycles, BigInt) and stays bounded. */
export function safeJson(value: unknown, maxChars = 16_384): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? 'null';
  } catch {
    s = JSON.stringify(String(value));
  }
  return s.length > maxChars ? JSON.stringify({ truncated: true, text: s.slice(0, maxChars) }) : s;
}

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();

/** One statement, so the counts are one consistent snapshot (an item is never counted twice or missed). */
export async function queueCounts(db: Db): Promise<QueueCounts> {
  const rows = await db.all<Record<string, number | string | null>>(
    `SELECT
       (SELECT COUNT(*) FROM inbox WHERE status = 'pending') AS inbox_pending,
       (SELECT COUNT(*) FROM work WHERE status = 'ready') AS ready,
       (SELECT COUNT(*) FROM work WHERE status = 'ready' AND attempts > 0) AS retrying,
       (SELECT COUNT(*) FROM work WHERE status = 'claimed') AS in_flight,
       (SELECT COUNT(*) FROM dlq WHERE status = 'open') AS dlq_open,
       (SELECT MIN(created_at) FROM work WHERE status IN ('ready', 'claimed')) AS oldest_work,
       (SELECT MIN(stored_at) FROM inbox WHERE status = 'pending') AS oldest_inbox`,
  );
  const r = rows[0] ?? {};
  const n = (k: string) => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  const candidates = [n('oldest_work'), n('oldest_inbox')].filter((v): v is number => v !== null);
  return {
    inboxPending: n('inbox_pending') ?? 0,
    ready: n('ready') ?? 0,
    retrying: n('retrying') ?? 0,
    inFlight: n('in_flight') ?? 0,
    dlqOpen: n('dlq_open') ?? 0,
    oldestPendingAt: candidates.length ? Math.min(...candidates) : null,
  };
}

export async function syncSummary(db: Db, now: number, since?: number): Promise<SyncSummary> {
  const byFlow = await db.all<{ flow: string; outcome: string; count: number | string }>(
    `SELECT COALESCE(flow, '(none)') AS flow, outcome, COUNT(*) AS count FROM sync_log
     WHERE at >= ? GROUP BY COALESCE(flow, '(none)'), outcome ORDER BY 1, 2`,
    [since ?? 0],
  );
  const counts = await queueCounts(db);
  return {
    generatedAt: new Date(now).toISOString(),
    since: iso(since),
    byFlow: byFlow.map((r) => ({ flow: r.flow, outcome: r.outcome, count: Number(r.count) })),
    pending: { inbox: counts.inboxPending, ready: counts.ready, inFlight: counts.inFlight, retrying: counts.retrying },
    oldestPendingAt: iso(counts.oldestPendingAt),
    lagSeconds: counts.oldestPendingAt === null ? 0 : Math.max(0, (now - counts.oldestPendingAt) / 1000),
    dlq: { open: counts.dlqOpen },
  };
}
