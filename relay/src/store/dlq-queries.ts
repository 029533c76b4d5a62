import { AppError, NotFoundError } from '../http/errors.js';
import type { Db, SqlValue } from './db.js';
import { intakeLock } from './inbox-queries.js';
import type { AttemptRecord, DlqEntry, DlqQuery, ReplayResult } from './types.js';

interface DlqRow {
  id: number;
  stage: DlqEntry['stage'];
  work_id: number | null;
  inbox_id: number | null;
  flow: string | null;
  source: string | null;
  record_type: string | null;
  source_id: string | null;
  target: string | null;
  operation: string | null;
  lane_key: string | null;
  idempotency_key: string | null;
  payload: string;
  reason: string;
  response: string | null;
  attempts: number;
  history: string;
  replayable: number;
  status: DlqEntry['status'];
  created_at: number;
  replayed_at: number | null;
}

const parse = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
};

const toEntry = (r: DlqRow): DlqEntry => ({
  id: Number(r.id),
  stage: r.stage,
  workId: r.work_id === null ? null : Number(r.work_id),
  inboxId: r.inbox_id === null ? null : Number(r.inbox_id),
  flow: r.flow,
  source: r.source,
  recordType: r.record_type,
  sourceId: r.source_id,
  target: r.target,
  operation: r.operation,
  laneKey: r.lane_key,
  idempotencyKey: r.idempotency_key,
  payload: parse(r.payload),
  reason: r.reason,
  response: parse(r.response),
  attempts: Number(r.attempts),
  history: parse(r.history) as AttemptRecord[],
  replayable: Number(r.replayable) === 1,
  status: r.status,
  createdAt: new Date(Number(r.created_at)).toISOString(),
  replayedAt: r.replayed_at === null ? null : new Date(Number(r.replayed_at)).toISOString(),
});

/** Newest first; `before` pages backwards by id. Filters are bound values on fixed columns. */
export async function listDlq(db: Db, query: DlqQuery): Promise<{ items: DlqEntry[]; nextCursor: number | null }> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const filter = (column: string, value: SqlValue | undefined, op = '=') => {
    if (value === undefined) return;
    where.push(`${column} ${op} ?`);
    params.push(value);
  };
  filter('status', query.status);
  filter('flow', query.flow);
  filter('target', query.target);
  filter('stage', query.stage);
  filter('id', query.before, '<');
  const rows = await db.all<DlqRow>(
    `SELECT * FROM dlq ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    [...params, query.limit + 1],
  );
  const items = rows.slice(0, query.limit).map(toEntry);
  const nextCursor = rows.length > query.limit ? (items.at(-1)?.id ?? null) : null;
  return { items, nextCursor };
}

export class DlqNotReplayableError extends AppError {
  constructor(message: string, details?: unknown) {
    super('DLQ_NOT_REPLAYABLE', message, 409, details);
  }
}

/**
 * Replays a dead letter: a delivery failure becomes a new work item at the tail of its lane (same
 * idempotency key, so the target never duplicates); a routing rejection sends its inbox entry back
 * to routing (after a flow was switched on or fixed). Intake rejections cannot be replayed.
 */
export async function replayDlq(db: Db, id: number, now: number): Promise<ReplayResult> {
  return db.tx(async (q) => {
    await intakeLock(db, q);
    const rows = await q.all<DlqRow>('SELECT * FROM dlq WHERE id = ?', [id]);
    const row = rows[0];
    if (!row) throw new NotFoundError(`No dead letter with id ${id}`, { id });
    if (row.status !== 'open') throw new DlqNotReplayableError(`Dead letter ${id} was already replayed`, { id });
    if (Number(row.replayable) !== 1) {
      throw new DlqNotReplayableError(`Dead letter ${id} cannot be replayed: ${row.reason}`, { id, stage: row.stage });
    }
    let result: ReplayResult;
    if (row.stage === 'deliver') {
      const work = await q.all<{ id: number }>('SELECT inbox_id, supersedable FROM work WHERE id = ?', [row.work_id]);
      const inserted = await q.all<{ id: number }>(
        `INSERT INTO work (inbox_id, flow, source, source_id, target, operation, lane_key, idempotency_key, payload,
           supersedable, status, attempts, next_attempt_at, created_at, updated_at, history)
         SELECT inbox_id, flow, source, source_id, target, operation, lane_key, idempotency_key, payload,
           supersedable, 'ready', 0, ?, ?, ?, '[]' FROM work WHERE id = ? RETURNING id`,
        [now, now, now, row.work_id],
      );
      if (!work[0] || !inserted[0]) throw new DlqNotReplayableError(`Work item of dead letter ${id} is gone`, { id });
      result = { dlqId: id, workId: Number(inserted[0].id) };
    } else {
      await q.run(`UPDATE inbox SET status = 'pending', reason = NULL WHERE id = ?`, [row.inbox_id]);
      result = { dlqId: id, inboxId: Number(row.inbox_id) };
    }
    await q.run(`UPDATE dlq SET status = 'replayed', replayed_at = ?, replay_ref = ? WHERE id = ?`, [
      now,
      result.workId ?? result.inboxId ?? null,
      id,
    ]);
    return result;
  });
}
