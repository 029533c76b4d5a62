import { placeholders, type Db, type Sql } from './db.js';
import { insertDlq, insertSyncLog } from './log-queries.js';
import type { AttemptRecord, ClaimOptions, ClaimedItem, CompleteResult, ItemOutcome } from './types.js';

const HISTORY_KEEP = 20;

interface WorkRow {
  id: number;
  inbox_id: number | null;
  flow: string;
  source: string;
  source_id: string | null;
  target: string;
  operation: string;
  lane_key: string;
  idempotency_key: string;
  payload: string;
  supersedable: number;
  status: string;
  attempts: number;
  next_attempt_at: number;
  lease_owner: string | null;
  created_at: number;
  first_attempt_at: number | null;
  history: string;
}

const COLUMNS = `id, inbox_id, flow, source, source_id, target, operation, lane_key, idempotency_key, payload,
  supersedable, status, attempts, next_attempt_at, lease_owner, created_at, first_attempt_at, history`;

/**
 * Claims lane heads: the oldest non-finished item of each lane, ready now, for an allowed operation.
 * A lane with an item in flight or backing off has no claimable head, so one record's changes apply in
 * order and never concurrently. PostgreSQL adds FOR UPDATE SKIP LOCKED so replicas never collide.
 * A supersedable head followed by supersedable changes of the same operation is coalesced to the last.
 */
export async function claimWork(db: Db, o: ClaimOptions): Promise<ClaimedItem[]> {
  if (o.operations.length === 0 || o.limit <= 0) return [];
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  return db.tx(async (q) => {
    const heads = await q.all<WorkRow>(
      `SELECT ${COLUMNS} FROM work w
       WHERE w.status = 'ready' AND w.next_attempt_at <= ? AND w.operation IN ${placeholders(o.operations.length)}
         AND NOT EXISTS (SELECT 1 FROM work p WHERE p.lane_key = w.lane_key AND p.status IN ('ready', 'claimed')
                         AND p.id < w.id)
       ORDER BY w.id LIMIT ?${lock}`,
      [o.now, ...o.operations, o.limit],
    );
    const claimIds: number[] = [];
    const supersedes = new Map<number, number[]>();
    const readyAt = new Map<number, number>();
    for (const head of heads) {
      let chosen = head.id;
      const replaced: number[] = [];
      if (Number(head.supersedable) === 1) {
        const next = await q.all<WorkRow>(
          `SELECT ${COLUMNS} FROM work WHERE lane_key = ? AND status = 'ready' AND id > ? ORDER BY id LIMIT 200${
            db.dialect === 'postgres' ? ' FOR UPDATE' : ''
          }`,
          [head.lane_key, head.id],
        );
        const run: WorkRow[] = [];
        for (const r of next) {
          if (r.operation !== head.operation || Number(r.supersedable) !== 1) break;
          run.push(r);
        }
        const last = run.at(-1);
        if (last) {
          chosen = last.id;
          for (const r of [head, ...run.slice(0, -1)]) {
            replaced.push(r.id);
            await supersede(q, r, last.id, o.now);
          }
        }
      }
      claimIds.push(chosen);
      supersedes.set(chosen, replaced);
      readyAt.set(chosen, Math.max(Number(head.next_attempt_at), Number(head.created_at)));
    }
    if (claimIds.length === 0) return [];
    const claimed = await q.all<WorkRow>(
      `UPDATE work SET status = 'claimed', lease_owner = ?, lease_until = ?, updated_at = ?,
         first_attempt_at = COALESCE(first_attempt_at, ?)
       WHERE id IN ${placeholders(claimIds.length)} RETURNING ${COLUMNS}`,
      [o.owner, o.now + o.leaseMs, o.now, o.now, ...claimIds],
    );
    return claimed
      .map((r) => ({
        id: Number(r.id),
        inboxId: r.inbox_id === null ? null : Number(r.inbox_id),
        flow: r.flow,
        source: r.source,
        sourceId: r.source_id,
        target: r.target,
        operation: r.operation,
        laneKey: r.lane_key,
        idempotencyKey: r.idempotency_key,
        payload: JSON.parse(r.payload) as unknown,
        attempts: Number(r.attempts),
        createdAt: Number(r.created_at),
        readyAt: readyAt.get(Number(r.id)) ?? Number(r.created_at),
        firstAttemptAt: Number(r.first_attempt_at ?? o.now),
        supersedes: supersedes.get(Number(r.id)) ?? [],
      }))
      .sort((a, b) => a.id - b.id);
  });
}

/** What identifies a work row in the sync log and the dead-letter queue. */
function rowIdentity(r: WorkRow) {
  return {
    workId: r.id,
    inboxId: r.inbox_id,
    flow: r.flow,
    source: r.source,
    sourceId: r.source_id,
    target: r.target,
    operation: r.operation,
    idempotencyKey: r.idempotency_key,
  };
}

async function supersede(q: Sql, r: WorkRow, by: number, now: number): Promise<void> {
  await q.run(
    `UPDATE work SET status = 'superseded', superseded_by = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL
     WHERE id = ?`,
    [by, now, r.id],
  );
  await insertSyncLog(q, {
    ...rowIdentity(r),
    outcome: 'superseded',
    reason: `superseded by a later change to the same record (work #${by})`,
    attempts: Number(r.attempts),
    now,
  });
}

export async function extendLeases(db: Db, owner: string, ids: readonly number[], until: number): Promise<number> {
  if (ids.length === 0) return 0;
  return db.run(
    `UPDATE work SET lease_until = ? WHERE status = 'claimed' AND lease_owner = ? AND id IN ${placeholders(ids.length)}`,
    [until, owner, ...ids],
  );
}

/** Records each item's outcome atomically: done + sync log, retry with its backoff, or dead letter. */
export async function completeWork(
  db: Db,
  owner: string,
  outcomes: readonly ItemOutcome[],
  now: number,
): Promise<CompleteResult> {
  if (outcomes.length === 0) return { completed: 0, lost: [] };
  return db.tx(async (q) => {
    const rows = await q.all<WorkRow>(
      `SELECT ${COLUMNS} FROM work WHERE id IN ${placeholders(outcomes.length)}`,
      outcomes.map((o) => o.id),
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const lost: number[] = [];
    let completed = 0;
    // rows in id order, as every other multi-row writer takes them, to keep lock waits short and acyclic
    for (const o of [...outcomes].sort((a, b) => a.id - b.id)) {
      const r = byId.get(o.id);
      if (!r || r.status !== 'claimed' || r.lease_owner !== owner) {
        lost.push(o.id);
        continue;
      }
      completed++;
      const record: AttemptRecord =
        o.kind === 'release' ? { at: now, outcome: 'handed-back', message: o.note } : o.attempt;
      const history = JSON.stringify([...(JSON.parse(r.history) as AttemptRecord[]), record].slice(-HISTORY_KEEP));
      const attempts = Number(r.attempts) + (o.kind === 'release' ? 0 : 1);
      const durationMs = now - Number(r.first_attempt_at ?? now);
      const log = {
        ...rowIdentity(r),
        attempts,
        durationMs,
        now,
      };
      if (o.kind === 'done') {
        await q.run(
          `UPDATE work SET status = 'done', attempts = ?, history = ?, target_id = ?, lease_owner = NULL,
             lease_until = NULL, updated_at = ? WHERE id = ?`,
          [attempts, history, o.targetId ?? null, now, r.id],
        );
        await insertSyncLog(q, { ...log, targetId: o.targetId ?? null, outcome: 'applied' });
      } else if (o.kind === 'retry' || o.kind === 'release') {
        const at = o.kind === 'retry' ? o.nextAttemptAt : o.notBefore;
        await q.run(
          `UPDATE work SET status = 'ready', attempts = ?, history = ?, next_attempt_at = ?, last_error = ?,
             lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?`,
          [attempts, history, at, record.message ?? null, now, r.id],
        );
      } else {
        await q.run(
          `UPDATE work SET status = 'dead', attempts = ?, history = ?, last_error = ?, lease_owner = NULL,
             lease_until = NULL, updated_at = ? WHERE id = ?`,
          [attempts, history, o.reason, now, r.id],
        );
        await insertDlq(q, {
          stage: 'deliver',
          ...rowIdentity(r),
          laneKey: r.lane_key,
          payload: r.payload,
          reason: o.reason,
          response: o.response,
          attempts,
          history,
          replayable: true,
          now,
        });
        await insertSyncLog(q, { ...log, outcome: 'dead', reason: o.reason });
      }
    }
    return { completed, lost };
  });
}

export async function reclaimExpired(db: Db, now: number): Promise<number> {
  return db.run(
    `UPDATE work SET status = 'ready', lease_owner = NULL, lease_until = NULL, updated_at = ?
     WHERE status = 'claimed' AND lease_until < ?`,
    [now, now],
  );
}

/** Every claim back to ready (only for the embedded store, which one process owns). */
export async function reclaimAll(db: Db, now: number): Promise<number> {
  return db.run(
    `UPDATE work SET status = 'ready', lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE status = 'claimed'`,
    [now],
  );
}

export async function purgeBefore(db: Db, before: number): Promise<number> {
  return db.tx(async (q) => {
    let n = await q.run(`DELETE FROM work WHERE status IN ('done', 'superseded') AND updated_at < ?`, [before]);
    n += await q.run('DELETE FROM sync_log WHERE at < ?', [before]);
    n += await q.run(
      `DELETE FROM inbox WHERE status IN ('routed', 'skipped') AND stored_at < ?
      AND NOT EXISTS (SELECT 1 FROM work w WHERE w.inbox_id = inbox.id AND w.status IN ('ready', 'claimed', 'dead'))`,
      [before],
    );
    n += await q.run(`DELETE FROM dlq WHERE status = 'replayed' AND replayed_at < ?`, [before]);
    return n;
  });
}
