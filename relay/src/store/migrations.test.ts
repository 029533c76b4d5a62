import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { LATEST_VERSION, MIGRATIONS, migrate, type Migration } from './migrations.js';
import { openPgDb } from './pg-db.js';
import { openSqliteDb } from './sqlite-db.js';

const next: Migration = {
  version: LATEST_VERSION + 1,
  name: 'test: a note on work items',
  sqlite: 'ALTER TABLE work ADD COLUMN note TEXT',
  postgres: 'ALTER TABLE work ADD COLUMN note TEXT',
};

async function check(db: Db) {
  // a store created before the mapping tables existed (version 1) keeps its rows when it upgrades
  expect(await migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
  await db.run(
    `INSERT INTO checkpoints (channel, replay_id, updated_at) VALUES (?, ?, ?)`,
    ['/data/AccountChangeEvent', 42, 1],
  );
  expect(await migrate(db)).toBe(LATEST_VERSION);
  expect(await migrate(db)).toBe(LATEST_VERSION);
  expect(await db.all('SELECT replay_id FROM checkpoints')).toEqual([{ replay_id: 42 }]);
  for (const table of ['accepted_mappings', 'order_history', 'customer_currencies', 'parties', 'party_keys'])
    expect(await db.all(`SELECT COUNT(*) AS n FROM ${table}`)).toEqual([{ n: 0 }]);
  expect(await migrate(db, [...MIGRATIONS, next])).toBe(next.version);
  expect(await migrate(db, [...MIGRATIONS, next])).toBe(next.version);
  const applied = await db.all<{ version: number }>('SELECT version FROM nsc_migrations ORDER BY version');
  expect(applied.map((r) => Number(r.version))).toEqual([...MIGRATIONS.map((m) => m.version), next.version]);
  await db.run(`UPDATE work SET note = ? WHERE id = -1`, ['x']);
}

describe('migrations', () => {
  it('apply each version once, in order, on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsc-mig-'));
    const db = openSqliteDb(join(dir, 'relay.db'));
    try {
      await check(db);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'apply each version once, in order, on PostgreSQL (needs DATABASE_URL)',
    async () => {
      const schema = `nsc_test_${randomBytes(6).toString('hex')}`;
      const db = openPgDb(process.env.DATABASE_URL!, { schema, max: 2 });
      try {
        await db.run(`CREATE SCHEMA ${schema}`);
        await check(db);
      } finally {
        await db.run(`DROP SCHEMA ${schema} CASCADE`);
        await db.close();
      }
    },
  );
});
