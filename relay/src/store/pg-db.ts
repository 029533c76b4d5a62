import pg from 'pg';
import type { Db, Sql, SqlValue } from './db.js';

/** `?` → `$n` (statements here never contain a literal question mark). */
export function toPgParams(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const int8AsNumber = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A `pg` pool behind the async `Db` surface; `schema` becomes the search_path of every connection. */
export function openPgDb(connectionString: string, options: { schema?: string; max?: number } = {}): Db {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 5,
    options: `-c search_path=${schema}`,
    types: int8AsNumber,
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const on = (c: pg.Pool | pg.PoolClient): Sql => ({
    all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      (await c.query(toPgParams(sql), params as SqlValue[])).rows as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) =>
      (await c.query(toPgParams(sql), params as SqlValue[])).rowCount ?? 0,
  });
  const direct = on(pool);
  return {
    dialect: 'postgres',
    all: direct.all,
    run: direct.run,
    tx: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
