import type { Db, Sql } from './db.js';
import type { InboxRow, PreparedInboxEntry, RouteDecision } from './types.js';
import { insertDlq, insertSyncLog } from './log-queries.js';

/** Advisory lock serialising intake, routing and replay across PostgreSQL replicas, so ids follow commit order. */
export const INTAKE_LOCK = 7_316_002;

export async function intakeLock(db: Db, q: Sql): Promise<void> {
  if (db.dialect === 'postgres') await q.all('SELECT pg_advisory_xact_lock(?)', [INTAKE_LOCK]);
}

/** Stores entries once each (dedupe on source + sourceKey) and advances replay checkpoints in the same commit. */
export async function appendEntries(db: Db, entries: readonly PreparedInboxEntry[], now: number) {
  return db.tx(async (q) => {
    await intakeLock(db, q);
    let inserted = 0;
    let duplicates = 0;
    const checkpoints = new Map<string, number>();
    for (const e of entries) {
      const rows = await q.all<{ id: number }>(
        `INSERT INTO inbox (source, source_key, channel, replay_id, record_type, record_id, payload, payload_bytes,
           received_at, stored_at, status, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source, source_key) DO NOTHING RETURNING id`,
        [
          e.source,
          e.sourceKey,
          e.channel ?? null,
          e.replayId ?? null,
          e.recordType,
          e.recordId ?? null,
          e.payloadJson,
          e.payloadBytes,
          e.receivedAt,
          now,
          e.rejectReason ? 'rejected' : 'pending',
          e.rejectReason ?? null,
        ],
      );
      const id = rows[0]?.id;
      if (id === undefined) duplicates++;
      else {
        inserted++;
        if (e.rejectReason) {
          await insertDlq(q, {
            stage: 'intake',
            inboxId: id,
            source: e.source,
            recordType: e.recordType,
            sourceId: e.recordId ?? null,
            payload: e.payloadJson,
            reason: e.rejectReason,
            replayable: false,
            now,
          });
          await insertSyncLog(q, {
            inboxId: id,
            source: e.source,
            sourceId: e.recordId ?? null,
            outcome: 'rejected',
            reason: e.rejectReason,
            attempts: 0,
            now,
          });
        }
      }
      if (e.channel !== undefined && e.replayId !== undefined) {
        checkpoints.set(e.channel, Math.max(checkpoints.get(e.channel) ?? -Infinity, e.replayId));
      }
    }
    for (const [channel, replayId] of checkpoints) {
      await q.run(
        `INSERT INTO checkpoints (channel, replay_id, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (channel) DO UPDATE SET replay_id = excluded.replay_id, updated_at = excluded.updated_at
         WHERE excluded.replay_id > checkpoints.replay_id`,
        [channel, replayId, now],
      );
    }
    return { inserted, duplicates };
  });
}

export async function lastReplayId(db: Db, channel: string): Promise<number | undefined> {
  const rows = await db.all<{ replay_id: number }>('SELECT replay_id FROM checkpoints WHERE channel = ?', [channel]);
  return rows[0] ? Number(rows[0].replay_id) : undefined;
}

/** The checkpoint and the receive time of the entry that set it (or when it was set, if that entry is gone). */
export async function checkpointOf(
  db: Db,
  channel: string,
): Promise<{ replayId: number; receivedAt: number } | undefined> {
  const rows = await db.all<{ replay_id: number; received_at: number | null; updated_at: number }>(
    `SELECT c.replay_id, c.updated_at,
       (SELECT MIN(i.received_at) FROM inbox i WHERE i.channel = c.channel AND i.replay_id = c.replay_id) AS received_at
     FROM checkpoints c WHERE c.channel = ?`,
    [channel],
  );
  const r = rows[0];
  return r ? { replayId: Number(r.replay_id), receivedAt: Number(r.received_at ?? r.updated_at) } : undefined;
}

interface InboxDbRow {
  id: number;
  source: InboxRow['source'];
  source_key: string;
  record_type: string;
  record_id: string | null;
  payload: string;
  received_at: number;
}

/** Routes pending entries (in id order) into work items, skips or rejections, one transaction. */
export async function routeEntries(
  db: Db,
  limit: number,
  decide: (row: InboxRow) => RouteDecision,
  now: number,
): Promise<number> {
  return db.tx(async (q) => {
    await intakeLock(db, q);
    const rows = await q.all<InboxDbRow>(
      `SELECT id, source, source_key, record_type, record_id, payload, received_at
       FROM inbox WHERE status = 'pending' ORDER BY id LIMIT ?`,
      [limit],
    );
    for (const r of rows) {
      const row: InboxRow = {
        id: r.id,
        source: r.source,
        sourceKey: r.source_key,
        recordType: r.record_type,
        recordId: r.record_id,
        payload: JSON.parse(r.payload) as unknown,
        receivedAt: Number(r.received_at),
      };
      let decision: RouteDecision;
      try {
        decision = decide(row);
      } catch (err) {
        decision = { kind: 'reject', reason: `routing failed: ${(err as Error).message}` };
      }
      const base = { inboxId: r.id, source: r.source, sourceId: r.record_id, attempts: 0, now };
      if (decision.kind === 'work') {
        for (const w of decision.items) {
          await q.run(
            `INSERT INTO work (inbox_id, flow, source, source_id, target, operation, lane_key, idempotency_key, payload,
               supersedable, status, attempts, next_attempt_at, created_at, updated_at, history)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ready', 0, ?, ?, ?, '[]')`,
            [
              r.id,
              w.flow,
              r.source,
              r.record_id,
              w.target,
              w.operation,
              w.laneKey,
              w.idempotencyKey,
              JSON.stringify(w.payload ?? null),
              w.supersedable ? 1 : 0,
              now,
              now,
              now,
            ],
          );
        }
        await q.run(`UPDATE inbox SET status = 'routed' WHERE id = ?`, [r.id]);
      } else if (decision.kind === 'skip') {
        await q.run(`UPDATE inbox SET status = 'skipped', reason = ? WHERE id = ?`, [decision.reason, r.id]);
        await insertSyncLog(q, { ...base, flow: decision.flow, outcome: 'skipped', reason: decision.reason });
      } else {
        await q.run(`UPDATE inbox SET status = 'rejected', reason = ? WHERE id = ?`, [decision.reason, r.id]);
        await insertDlq(q, {
          stage: 'route',
          inboxId: r.id,
          flow: decision.flow,
          source: r.source,
          recordType: r.record_type,
          sourceId: r.record_id,
          payload: r.payload,
          reason: decision.reason,
          replayable: true,
          now,
        });
        await insertSyncLog(q, { ...base, flow: decision.flow, outcome: 'rejected', reason: decision.reason });
      }
    }
    return rows.length;
  });
}
