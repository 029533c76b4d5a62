/**
 * Aggregate queries: COUNT() and COUNT/COUNT_DISTINCT/SUM/AVG/MIN/MAX with optional GROUP BY, HAVING
 * and ORDER BY (on group fields or aggregate expressions).
 */
import { SfError } from '../errors.js';
import type { Org } from '../org.js';
import { fieldDef, type FieldDef, type ObjectDef } from '../schema/types.js';
import type { FieldValues, StoredRecord } from '../store/org-store.js';
import { readPath, type PathRef } from './paths.js';
import type { QueryResult, QuerySpec } from './executor.js';
import { buildPredicate, compare, flattenWhere, literalFor, type RawCondition, type RawWhere } from './where.js';

type Group = StoredRecord[];
interface FnRef {
  functionName?: string;
  parameters?: unknown[];
  rawValue?: string;
}
interface AggSpec extends QuerySpec {
  having?: RawWhere;
}

export function isAggregateQuery(spec: QuerySpec): boolean {
  return (
    spec.groupBy !== undefined ||
    (spec.fields ?? []).some((f) => f.isAggregateFn === true && String(f.functionName).toUpperCase() !== 'FIELDS')
  );
}

function groupFields(spec: QuerySpec): string[] {
  const g = spec.groupBy;
  const list = Array.isArray(g) ? g : g === undefined ? [] : [g];
  return list.map((x: { field?: string }) => {
    if (typeof x.field !== 'string') {
      throw new SfError('MALFORMED_QUERY', 'GROUP BY expressions are not supported by this emulator', 400);
    }
    return x.field;
  });
}

function compute(fn: string, values: unknown[]): unknown {
  const present = values.filter((v) => v !== null && v !== undefined);
  const nums = present.filter((v): v is number => typeof v === 'number');
  switch (fn) {
    case 'COUNT':
      return present.length;
    case 'COUNT_DISTINCT':
      return new Set(present.map((v) => (typeof v === 'string' ? v.toLowerCase() : v))).size;
    case 'SUM':
      return nums.length === 0 ? null : nums.reduce((a, b) => a + b, 0);
    case 'AVG':
      return nums.length === 0 ? null : nums.reduce((a, b) => a + b, 0) / nums.length;
    case 'MIN':
      return present.length === 0 ? null : present.reduce((a, b) => ((a as number) <= (b as number) ? a : b));
    case 'MAX':
      return present.length === 0 ? null : present.reduce((a, b) => ((a as number) >= (b as number) ? a : b));
    default:
      throw new SfError('MALFORMED_QUERY', `Unknown aggregate function ${fn}`, 400);
  }
}

export function aggregate(
  org: Org,
  _obj: ObjectDef,
  spec: AggSpec,
  rows: StoredRecord[],
  resolve: (path: string) => PathRef,
): QueryResult {
  const fields = spec.fields ?? [];
  const only = fields[0];
  if (
    fields.length === 1 &&
    only?.functionName === 'COUNT' &&
    (only.parameters as unknown[]).length === 0 &&
    spec.groupBy === undefined
  ) {
    const offset = spec.offset ?? 0;
    const n = Math.max(0, Math.min(rows.length - offset, spec.limit ?? Infinity));
    return { totalSize: n, records: [] };
  }
  const groupBy = groupFields(spec).map(resolve);
  const isGrouped = (ref: PathRef) => groupBy.some((g) => g.field === ref.field && g.steps.length === ref.steps.length);

  /** An aggregate expression (`SUM(Amount)`) or a group field, evaluated over one group. */
  const fnValue = (fn: FnRef): { field: FieldDef; value: (g: Group) => unknown } => {
    const name = String(fn.functionName).toUpperCase();
    const param = fn.parameters?.[0];
    const ref = typeof param === 'string' ? resolve(param) : undefined;
    const field = name.startsWith('COUNT') || ref === undefined ? fieldDef({ name: 'expr', type: 'int' }) : ref.field;
    return {
      field,
      value: (g) =>
        ref === undefined
          ? g.length
          : compute(
              name,
              g.map((m) => readPath(org.store, m, ref)),
            ),
    };
  };
  const groupValue = (path: string): { field: FieldDef; value: (g: Group) => unknown } => {
    const ref = resolve(path);
    if (!isGrouped(ref))
      throw new SfError('MALFORMED_QUERY', `Field must be grouped or aggregated: ${ref.field.name}`, 400);
    return { field: ref.field, value: (g) => (g[0] === undefined ? null : readPath(org.store, g[0], ref)) };
  };
  const expression = (c: { fn?: FnRef; field?: string }) =>
    c.fn !== undefined ? fnValue(c.fn) : groupValue(c.field ?? '');

  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = JSON.stringify(groupBy.map((g) => readPath(org.store, r, g)));
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  if (groupBy.length === 0 && groups.size === 0) groups.set('[]', []);
  let list = [...groups.values()];

  if (spec.having !== undefined) {
    const having = buildPredicate<Group>(flattenWhere(spec.having), (c: RawCondition) => {
      const e = expression(c as { fn?: FnRef; field?: string });
      const raws = Array.isArray(c.value) ? c.value : [c.value ?? ''];
      const lits = raws.map((r) => literalFor(e.field, r, org.now()));
      const op = c.operator.toUpperCase();
      if (op === 'IN') return (g) => lits.some((l) => compare(e.field, e.value(g), '=', l));
      if (op === 'NOT IN') return (g) => lits.every((l) => compare(e.field, e.value(g), '!=', l));
      return (g) => compare(e.field, e.value(g), op, lits[0]!);
    });
    list = list.filter(having);
  }

  if (spec.orderBy !== undefined) {
    const items = (Array.isArray(spec.orderBy) ? spec.orderBy : [spec.orderBy]) as Array<{
      field?: string;
      fn?: FnRef;
      order?: string;
      nulls?: string;
    }>;
    const keys = items.map((o) => {
      const desc = o.order?.toUpperCase() === 'DESC';
      return { e: expression(o), desc, nullsFirst: o.nulls === undefined ? !desc : o.nulls.toUpperCase() === 'FIRST' };
    });
    list.sort((a, b) => {
      for (const k of keys) {
        const va = k.e.value(a);
        const vb = k.e.value(b);
        if (va === vb) continue;
        if (va === null) return k.nullsFirst ? -1 : 1;
        if (vb === null) return k.nullsFirst ? 1 : -1;
        const x = typeof va === 'string' ? va.toLowerCase() : (va as number);
        const y = typeof vb === 'string' ? vb.toLowerCase() : (vb as number);
        if (x !== y) return (x < y ? -1 : 1) * (k.desc ? -1 : 1);
      }
      return 0;
    });
  }

  let expr = 0;
  const columns = fields.map((f) => {
    if (f.type === 'FieldFunctionExpression' && f.isAggregateFn === true) {
      const name = typeof f.alias === 'string' ? f.alias : `expr${expr++}`;
      return { name, e: fnValue(f as FnRef) };
    }
    if (f.type !== 'Field') throw new SfError('MALFORMED_QUERY', 'unsupported expression in aggregate query', 400);
    const e = groupValue(String(f.field));
    return { name: resolve(String(f.field)).field.name, e };
  });
  const records: FieldValues[] = list.map((members) => {
    const out: FieldValues = { attributes: { type: 'AggregateResult' } };
    for (const col of columns) out[col.name] = col.e.value(members);
    return out;
  });
  const offset = spec.offset ?? 0;
  const page = records.slice(offset, spec.limit === undefined ? undefined : offset + spec.limit);
  return { totalSize: page.length, records: page };
}
