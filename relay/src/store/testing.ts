import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgStore, openSqliteStore } from './open-store.js';
import type { Store } from './types.js';

/** A store adapter under test: `open()` may be called several times (reopen = restart) on the same data. */
export interface AdapterUnderTest {
  name: 'sqlite' | 'postgres';
  /** Why the adapter is skipped here, or undefined when it runs. */
  skipReason?: string;
  setup(): Promise<void>;
  open(): Promise<Store>;
  teardown(): Promise<void>;
}

export function sqliteAdapter(): AdapterUnderTest {
  let dir = '';
  return {
    name: 'sqlite',
    setup: async () => {
      dir = mkdtempSync(join(tmpdir(), 'nsc-store-'));
    },
    open: () => openSqliteStore({ dataDir: dir }),
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * PostgreSQL from DATABASE_URL, in a schema unique to this run (`nsc_test_<random>`), dropped after.
 * Without DATABASE_URL it is skipped with a reason locally, and fails in CI (CI=true).
 */
export function postgresAdapter(): AdapterUnderTest {
  const url = process.env.DATABASE_URL;
  const schema = `nsc_test_${randomBytes(6).toString('hex')}`;
  const missing = 'DATABASE_URL is not set: the PostgreSQL adapter suite needs it (required in CI)';
  return {
    name: 'postgres',
    skipReason: url || process.env.CI === 'true' ? undefined : missing,
    setup: async () => {
      if (!url) throw new Error(`${missing}; CI=true, so this is a failure, not a skip`);
    },
    open: () => openPgStore({ databaseUrl: url ?? '', schema, poolSize: 4 }),
    teardown: async () => {
      if (!url) return;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export const adaptersUnderTest = (): AdapterUnderTest[] => [sqliteAdapter(), postgresAdapter()];
