import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { MIGRATIONS, migrate, type Migration } from './migrations.js';
import { openPgDb } from './pg-db.js';
import { openSqliteDb } from './sqlite-db.js';

const v2: Migration = {
  version: 2,
  name: 'test: a note on work items',
  sqlite: 'ALTER TABLE work ADD COLUMN note TEXT',
  postgres: 'ALTER TABLE work ADD COLUMN note TEXT',
};

async function check(db: Db) {
  expect(await migrate(db)).toBe(1);
  expect(await migrate(db)).toBe(1);
  expect(await migrate(db, [...MIGRATIONS, v2])).toBe(2);
  expect(await migrate(db, [...MIGRATIONS, v2])).toBe(2);
  const applied = await db.all<{ version: number }>('SELECT version FROM nsc_migrations ORDER BY version');
  expect(applied.map((r) => Number(r.version))).toEqual([1, 2]);
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
