import { placeholders, type Db } from './db.js';
import type { LeaseBackend } from './types.js';

/**
 * A concurrency limit held in PostgreSQL: `limiter_state` has the current level (shared, adapted by
 * every replica), `limiter_leases` one row per taken slot with an expiry, so a crashed replica's
 * slots free themselves. Acquire takes the lowest free slot below the level in one statement.
 */
export function pgLeaseBackend(db: Db): LeaseBackend {
  return {
    async ensure(name, max, now) {
      await db.run(
        `INSERT INTO limiter_state (name, level, max, calm_since, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET max = excluded.max, level = LEAST(limiter_state.level, excluded.max)`,
        [name, max, max, now, now],
      );
    },
    async acquire(name, owner, leaseMs, now) {
      const rows = await db.all<{ slot: number }>(
        `INSERT INTO limiter_leases (name, slot, owner, expires_at)
         SELECT ?, s.slot, ?, ?
         FROM limiter_state st, generate_series(0, st.level - 1) AS s(slot)
         WHERE st.name = ? AND NOT EXISTS (
           SELECT 1 FROM limiter_leases l WHERE l.name = st.name AND l.slot = s.slot AND l.expires_at > ?)
         ORDER BY s.slot LIMIT 1
         ON CONFLICT (name, slot) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
           WHERE limiter_leases.expires_at <= ?
         RETURNING slot`,
        [name, owner, now + leaseMs, name, now, now],
      );
      return rows[0] === undefined ? undefined : Number(rows[0].slot);
    },
    async release(name, slot, owner) {
      await db.run('DELETE FROM limiter_leases WHERE name = ? AND slot = ? AND owner = ?', [name, slot, owner]);
    },
    async renew(name, owner, slots, until) {
      if (slots.length === 0) return 0;
      return db.run(
        `UPDATE limiter_leases SET expires_at = ? WHERE name = ? AND owner = ? AND slot IN ${placeholders(slots.length)}`,
        [until, name, owner, ...slots],
      );
    },
    async level(name) {
      const rows = await db.all<{ level: number }>('SELECT level FROM limiter_state WHERE name = ?', [name]);
      return Number(rows[0]?.level ?? 1);
    },
    async decrease(name, now, cooldownMs) {
      const rows = await db.all<{ level: number }>(
        `UPDATE limiter_state SET level = GREATEST(1, level / 2), calm_since = ?, updated_at = ?
         WHERE name = ? AND updated_at <= ? RETURNING level`,
        [now, now, name, now - cooldownMs],
      );
      if (rows[0]) return Number(rows[0].level);
      await db.run('UPDATE limiter_state SET calm_since = ? WHERE name = ?', [now, name]);
      return this.level(name);
    },
    async increase(name, now, calmMs) {
      const rows = await db.all<{ level: number }>(
        `UPDATE limiter_state SET level = level + 1, calm_since = ?, updated_at = ?
         WHERE name = ? AND level < max AND calm_since <= ? RETURNING level`,
        [now, now, name, now - calmMs],
      );
      return rows[0] ? Number(rows[0].level) : this.level(name);
    },
  };
}
