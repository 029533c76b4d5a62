/**
 * The small SQL surface both store adapters share. Statements use `?` placeholders; the PostgreSQL
 * driver rewrites them to `$1..$n`. Every value is a bound parameter: no SQL is built from input.
 */
export type SqlValue = string | number | null;

export interface Sql {
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface Db extends Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one transaction (SQLite: BEGIN IMMEDIATE under the connection mutex). */
  tx<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `(?, ?, ?)` for an IN list of `n` values. */
export const placeholders = (n: number): string => `(${Array.from({ length: n }, () => '?').join(', ')})`;
