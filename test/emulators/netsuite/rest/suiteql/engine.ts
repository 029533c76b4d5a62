import type { AccountState } from '../../state/account.js';
import { SuiteQlError, type Expr, type SelectStatement } from './ast.js';
import { parseSuiteQl } from './parser.js';
import { TABLES, type TableDef } from './tables.js';
import { compare, defaultDateText, formatDate, like, parseDate, type SqlValue } from './values.js';

export type ResultValue = string | number | null;
export type ResultRow = Record<string, ResultValue>;

type Row = Record<string, SqlValue>;

interface Scope {
  table: TableDef;
  alias?: string;
  params: readonly unknown[];
}

function column(scope: Scope, e: Extract<Expr, { kind: 'column' }>, row: Row): SqlValue {
  if (e.table && e.table !== scope.alias && e.table !== scope.table.name) {
    throw new SuiteQlError(`Unknown table alias ${e.table}.`);
  }
  if (!scope.table.columns.includes(e.name)) {
    throw new SuiteQlError(`Search error occurred: Field '${e.name}' for record '${scope.table.name}' was not found.`);
  }
  return row[e.name] ?? null;
}

function param(scope: Scope, index: number): SqlValue {
  const v = scope.params[index];
  if (v === undefined) throw new SuiteQlError(`No value was given for parameter ${index + 1}.`);
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v === null) return null;
  throw new SuiteQlError(`Parameter ${index + 1} must be a string, number or boolean.`);
}

function call(scope: Scope, e: Extract<Expr, { kind: 'call' }>, row: Row): SqlValue {
  const args = e.args.map((a) => value(scope, a, row));
  const arity = (n: number) => {
    if (args.length !== n) throw new SuiteQlError(`${e.name} takes ${n} argument(s).`);
  };
  switch (e.name) {
    case 'TO_CHAR': {
      arity(2);
      const [v, f] = args;
      if (v === null) return null;
      if (v instanceof Date) return formatDate(v, String(f));
      return String(v);
    }
    case 'TO_DATE':
    case 'TO_TIMESTAMP': {
      arity(2);
      const [v, f] = args;
      return v === null ? null : parseDate(String(v), String(f));
    }
    case 'UPPER':
    case 'LOWER': {
      arity(1);
      const v = args[0]!;
      if (v === null) return null;
      return e.name === 'UPPER' ? String(v).toUpperCase() : String(v).toLowerCase();
    }
    case 'NVL':
    case 'COALESCE':
      return args.find((a) => a !== null) ?? null;
    default:
      throw new SuiteQlError(`The function ${e.name} is not supported by the emulator's SuiteQL subset.`);
  }
}

function value(scope: Scope, e: Expr, row: Row): SqlValue {
  switch (e.kind) {
    case 'column':
      return column(scope, e, row);
    case 'literal':
      return e.value;
    case 'param':
      return param(scope, e.index);
    case 'call':
      return call(scope, e, row);
    default: {
      const t = truth(scope, e, row);
      return t === undefined ? null : t ? 'T' : 'F';
    }
  }
}

/** Three-valued logic: undefined is SQL UNKNOWN. */
function truth(scope: Scope, e: Expr, row: Row): boolean | undefined {
  switch (e.kind) {
    case 'and': {
      const l = truth(scope, e.left, row);
      const r = truth(scope, e.right, row);
      return l === false || r === false ? false : l === undefined || r === undefined ? undefined : true;
    }
    case 'or': {
      const l = truth(scope, e.left, row);
      const r = truth(scope, e.right, row);
      return l === true || r === true ? true : l === undefined || r === undefined ? undefined : false;
    }
    case 'not': {
      const t = truth(scope, e.expr, row);
      return t === undefined ? undefined : !t;
    }
    case 'compare': {
      const c = compare(value(scope, e.left, row), value(scope, e.right, row));
      if (c === undefined) return undefined;
      return { '=': c === 0, '!=': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[e.op];
    }
    case 'in': {
      const v = value(scope, e.expr, row);
      if (v === null) return undefined;
      const found = e.list.some((item) => compare(v, value(scope, item, row)) === 0);
      return e.negated ? !found : found;
    }
    case 'isNull': {
      const isNull = value(scope, e.expr, row) === null;
      return e.negated ? !isNull : isNull;
    }
    case 'like': {
      const v = value(scope, e.expr, row);
      const p = value(scope, e.pattern, row);
      if (v === null || p === null) return undefined;
      const m = like(String(v), String(p));
      return e.negated ? !m : m;
    }
    case 'between': {
      const v = value(scope, e.expr, row);
      const lo = compare(v, value(scope, e.low, row));
      const hi = compare(v, value(scope, e.high, row));
      if (lo === undefined || hi === undefined) return undefined;
      const inside = lo >= 0 && hi <= 0;
      return e.negated ? !inside : inside;
    }
    default: {
      const v = value(scope, e, row);
      if (v === null) return undefined;
      throw new SuiteQlError('A condition must compare values (for example `isinactive = \'F\'`).');
    }
  }
}

const output = (v: SqlValue): ResultValue => (v instanceof Date ? defaultDateText(v) : v);

export interface QueryResult {
  columns: string[];
  rows: ResultRow[];
}

/** Runs a parsed statement over the account; `params` fill `?` placeholders (N/query only). */
export function execute(statement: SelectStatement, state: AccountState, params: readonly unknown[] = []): QueryResult {
  const table = TABLES[statement.table];
  if (!table) throw new SuiteQlError(`Search error occurred: Record '${statement.table}' was not found.`);
  if (params.length !== statement.paramCount) {
    throw new SuiteQlError(`The query has ${statement.paramCount} parameter(s) but ${params.length} value(s) were given.`);
  }
  const scope: Scope = { table, alias: statement.alias, params };
  let rows = table.rows(state);
  // Validate every column reference even when there are no rows.
  const probe: Row = Object.fromEntries(table.columns.map((c) => [c, null]));
  if (statement.where) {
    truth(scope, statement.where, probe);
    rows = rows.filter((r) => truth(scope, statement.where!, r) === true);
  }
  for (const o of statement.orderBy) value(scope, o.expr, probe);
  rows.sort((a, b) => {
    for (const o of statement.orderBy) {
      const x = value(scope, o.expr, a);
      const y = value(scope, o.expr, b);
      // NetSuite (Oracle) sorts NULLs last ascending, first descending.
      const c = x === null && y === null ? 0 : x === null ? 1 : y === null ? -1 : compare(x, y)!;
      if (c !== 0) return o.descending ? -c : c;
    }
    return 0;
  });
  const items = statement.columns ?? table.columns.map((name) => ({ expr: { kind: 'column', name } as Expr, name }));
  for (const item of items) value(scope, item.expr, probe);
  let out = rows.map((r) => Object.fromEntries(items.map((item) => [item.name, output(value(scope, item.expr, r))])) as ResultRow);
  if (statement.distinct) {
    const seen = new Set<string>();
    out = out.filter((r) => {
      const key = JSON.stringify(r);
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }
  if (statement.fetchFirst !== undefined) out = out.slice(0, statement.fetchFirst);
  return { columns: items.map((i) => i.name), rows: out };
}

/** Parse and run. */
export function runSuiteQl(text: string, state: AccountState, params: readonly unknown[] = []): QueryResult {
  return execute(parseSuiteQl(text), state, params);
}
