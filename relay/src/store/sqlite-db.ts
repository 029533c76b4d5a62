import Database from 'better-sqlite3';
import type { Db, Sql, SqlValue } from './db.js';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

/**
 * better-sqlite3 behind the async `Db` surface. One connection, so an async mutex serialises every
 * statement and transaction: an open transaction never absorbs another task's statements.
 * WAL journal; `synchronous=FULL` by default so that every commit (inbox appends acknowledged
 * upstream, completions) is fsynced before the promise resolves (see docs/pipeline.md, Durability).
 */
export function openSqliteDb(file: string, options: { synchronous?: SqliteSynchronous } = {}): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const direct: Sql = {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => {
      const s = prepare(sql);
      if (s.reader) return s.all(...params) as T[];
      s.run(...params);
      return [] as T[];
    },
    run: async (sql: string, params: readonly SqlValue[] = []) => prepare(sql).run(...params).changes,
  };

  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  let closed = false;

  return {
    dialect: 'sqlite',
    all: (sql, params) => exclusive(() => direct.all(sql, params)),
    run: (sql, params) => exclusive(() => direct.run(sql, params)),
    tx: (fn) =>
      exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(direct);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () =>
      exclusive(async () => {
        if (closed) return;
        closed = true;
        db.close();
      }),
  };
}
