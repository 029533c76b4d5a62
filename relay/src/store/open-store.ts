import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations.js';
import { openPgDb } from './pg-db.js';
import { sqlStore } from './sql-store.js';
import { openSqliteDb, type SqliteSynchronous } from './sqlite-db.js';
import type { Store } from './types.js';

export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by process ${pid}; the embedded store serves one process (use DATABASE_URL for replicas)`,
    );
    this.name = 'StoreLockedError';
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** One process per DATA_DIR: a pid lock file, taken over when its process is gone (crash, SIGKILL). */
function takeLock(dataDir: string): () => void {
  const file = join(dataDir, 'relay.lock');
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new StoreLockedError(dataDir, pid);
  } catch (err) {
    if (err instanceof StoreLockedError) throw err;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

export interface SqliteStoreOptions {
  dataDir: string;
  /** FULL (default): every commit fsynced before it resolves. See docs/pipeline.md, Durability. */
  synchronous?: SqliteSynchronous;
}

/** The embedded store: `<dataDir>/relay.db`, WAL, migrated on open, one process at a time. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  mkdirSync(options.dataDir, { recursive: true });
  const unlock = takeLock(options.dataDir);
  const db = openSqliteDb(join(options.dataDir, 'relay.db'), { synchronous: options.synchronous });
  try {
    const version = await migrate(db);
    return sqlStore(db, version, unlock);
  } catch (err) {
    await db.close();
    unlock();
    throw err;
  }
}

export interface PgStoreOptions {
  databaseUrl: string;
  /** Schema for every table (created when missing); default `public`. */
  schema?: string;
  poolSize?: number;
}

/** The PostgreSQL store, shared by replicas; migrations run under an advisory lock. */
export async function openPgStore(options: PgStoreOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  const db = openPgDb(options.databaseUrl, { schema, max: options.poolSize });
  try {
    if (schema !== 'public') {
      // replicas starting together may race here; the loser's "already exists" is harmless
      await db.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((err: { code?: string }) => {
        if (err.code !== '42P06' && err.code !== '23505') throw err;
      });
    }
    const version = await migrate(db);
    return sqlStore(db, version);
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** DATABASE_URL set → PostgreSQL; otherwise the embedded store in DATA_DIR. */
export function openStore(env: { DATA_DIR: string; DATABASE_URL?: string | undefined }): Promise<Store> {
  return env.DATABASE_URL ? openPgStore({ databaseUrl: env.DATABASE_URL }) : openSqliteStore({ dataDir: env.DATA_DIR });
}
