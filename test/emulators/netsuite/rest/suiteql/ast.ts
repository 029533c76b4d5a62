/** Abstract syntax of the SuiteQL subset the emulator runs (see parser.ts for the grammar). */

export type Expr =
  | { kind: 'column'; table?: string; name: string }
  | { kind: 'literal'; value: string | number | null }
  | { kind: 'param'; index: number }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'compare'; op: '=' | '!=' | '<' | '<=' | '>' | '>='; left: Expr; right: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'in'; expr: Expr; list: Expr[]; negated: boolean }
  | { kind: 'isNull'; expr: Expr; negated: boolean }
  | { kind: 'like'; expr: Expr; pattern: Expr; negated: boolean }
  | { kind: 'between'; expr: Expr; low: Expr; high: Expr; negated: boolean };

export interface SelectItem {
  expr: Expr;
  /** Output column name: the alias, or the column name, lower case. */
  name: string;
}

export interface SelectStatement {
  distinct: boolean;
  /** undefined for `SELECT *`. */
  columns?: SelectItem[];
  table: string;
  alias?: string;
  where?: Expr;
  orderBy: { expr: Expr; descending: boolean }[];
  /** FETCH FIRST n ROWS ONLY. */
  fetchFirst?: number;
  /** Number of `?` placeholders. */
  paramCount: number;
}

/** A query the emulator cannot run or that NetSuite would reject; the endpoints map it to their error shape. */
export class SuiteQlError extends Error {
  override readonly name = 'SuiteQlError';
}
