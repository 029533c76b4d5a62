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

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

async function scalar(q: Sql, sql: string, params: (string | number)[] = []): Promise<number | null> {
  const rows = await q.all<{ v: number | string | null }>(sql, params);
  const v = rows[0]?.v;
  return v === null || v === undefined ? null : Number(v);
}

export async function queueCounts(db: Db): Promise<QueueCounts> {
  const inboxPending = (await scalar(db, `SELECT COUNT(*) AS v FROM inbox WHERE status = 'pending'`)) ?? 0;
  const ready = (await scalar(db, `SELECT COUNT(*) AS v FROM work WHERE status = 'ready'`)) ?? 0;
  const inFlight = (await scalar(db, `SELECT COUNT(*) AS v FROM work WHERE status = 'claimed'`)) ?? 0;
  const dlqOpen = (await scalar(db, `SELECT COUNT(*) AS v FROM dlq WHERE status = 'open'`)) ?? 0;
  const oldestWork = await scalar(db, `SELECT MIN(created_at) AS v FROM work WHERE status IN ('ready', 'claimed')`);
  const oldestInbox = await scalar(db, `SELECT MIN(stored_at) AS v FROM inbox WHERE status = 'pending'`);
  const candidates = [oldestWork, oldestInbox].filter((v): v is number => v !== null);
  return { inboxPending, ready, inFlight, dlqOpen, oldestPendingAt: candidates.length ? Math.min(...candidates) : null };
}

export async function syncSummary(db: Db, now: number, since?: number): Promise<SyncSummary> {
  const byFlow = await db.all<{ flow: string; outcome: string; count: number | string }>(
    `SELECT COALESCE(flow, '(none)') AS flow, outcome, COUNT(*) AS count FROM sync_log
     WHERE at >= ? GROUP BY COALESCE(flow, '(none)'), outcome ORDER BY 1, 2`,
    [since ?? 0],
  );
  const counts = await queueCounts(db);
  const retrying = (await scalar(db, `SELECT COUNT(*) AS v FROM work WHERE status = 'ready' AND attempts > 0`)) ?? 0;
  return {
    generatedAt: new Date(now).toISOString(),
    since: iso(since),
    byFlow: byFlow.map((r) => ({ flow: r.flow, outcome: r.outcome, count: Number(r.count) })),
    pending: { inbox: counts.inboxPending, ready: counts.ready, inFlight: counts.inFlight, retrying },
    oldestPendingAt: iso(counts.oldestPendingAt),
    lagSeconds: counts.oldestPendingAt === null ? 0 : Math.max(0, (now - counts.oldestPendingAt) / 1000),
    dlq: { open: counts.dlqOpen },
  };
}
