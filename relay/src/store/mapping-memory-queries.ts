import type { System } from '../mapping/definition.js';
import type { AcceptedMapping } from '../mapping/suggest/memory.js';
import type { Db, Sql } from './db.js';
import type { DurableAcceptedMappings } from './types.js';

/** At most this many accepted pairs are read for one pair of systems (most accepted first). */
export const ACCEPTED_MAPPINGS_LIMIT = 5_000;

interface AcceptedRow {
  source_system: System;
  source_object: string;
  source_field: string;
  target_system: System;
  target_object: string;
  target_field: string;
  count: number;
}

type Acceptance = Omit<AcceptedMapping, 'count'>;

const upsert = (q: Sql, m: Acceptance, now: number) =>
  q.run(
    `INSERT INTO accepted_mappings (source_system, source_object, source_field, target_system, target_object, target_field,
       count, first_at, last_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT (source_system, target_system, source_object, target_object, source_field, target_field)
     DO UPDATE SET count = accepted_mappings.count + 1, last_at = excluded.last_at`,
    [m.sourceSystem, m.sourceObject, m.sourceField, m.targetSystem, m.targetObject, m.targetField, now, now],
  );

/**
 * Accepted field mappings, counted per (systems, objects, fields): each acceptance adds one. `accepted` returns
 * the pairs for two systems, most accepted first (the suggester prefers same-object pairs itself).
 */
export function acceptedMappings(db: Db, now: () => number = Date.now): DurableAcceptedMappings {
  return {
    accepted: async (sourceSystem, targetSystem) => {
      const rows = await db.all<AcceptedRow>(
        `SELECT source_system, source_object, source_field, target_system, target_object, target_field, count
         FROM accepted_mappings WHERE source_system = ? AND target_system = ?
         ORDER BY count DESC, last_at DESC, source_object, source_field, target_object, target_field LIMIT ?`,
        [sourceSystem, targetSystem, ACCEPTED_MAPPINGS_LIMIT],
      );
      return rows.map((r) => ({
        sourceSystem: r.source_system,
        sourceObject: r.source_object,
        sourceField: r.source_field,
        targetSystem: r.target_system,
        targetObject: r.target_object,
        targetField: r.target_field,
        count: Number(r.count),
      }));
    },
    record: async (m) => {
      await upsert(db, m, now());
    },
    recordMany: async (ms) => {
      if (!ms.length) return;
      const at = now();
      await db.tx(async (q) => {
        for (const m of ms) await upsert(q, m, at);
      });
    },
  };
}
