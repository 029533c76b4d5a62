/** Aggregate queries: COUNT() and COUNT/COUNT_DISTINCT/SUM/AVG/MIN/MAX with optional GROUP BY. */
import { SfError } from '../errors.js';
import type { Org } from '../org.js';
import type { ObjectDef } from '../schema/types.js';
import type { FieldValues, StoredRecord } from '../store/org-store.js';
import { readPath, type PathRef } from './paths.js';
import type { QueryResult, QuerySpec } from './executor.js';

export function isAggregateQuery(spec: QuerySpec): boolean {
  return (
    spec.groupBy !== undefined ||
    (spec.fields ?? []).some((f) => f.isAggregateFn === true && f.functionName !== 'FIELDS')
  );
}

function groupFields(spec: QuerySpec): string[] {
  const g = spec.groupBy;
  const list = Array.isArray(g) ? g : g === undefined ? [] : [g];
  return list.map((x: { field?: string }) => {
    if (typeof x.field !== 'string')
      throw new SfError('MALFORMED_QUERY', 'GROUP BY expressions are not supported by this emulator', 400);
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
  obj: ObjectDef,
  spec: QuerySpec,
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
  const groups = new Map<string, StoredRecord[]>();
  for (const r of rows) {
    const key = JSON.stringify(groupBy.map((g) => readPath(org.store, r, g)));
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  if (groupBy.length === 0 && groups.size === 0) groups.set('[]', []);
  let expr = 0;
  const columns = fields.map((f) => {
    if (f.type === 'FieldFunctionExpression' && f.isAggregateFn === true) {
      const param = (f.parameters as string[])[0];
      const ref = param === undefined ? undefined : resolve(param);
      const name = typeof f.alias === 'string' ? f.alias : `expr${expr++}`;
      return { name, fn: String(f.functionName).toUpperCase(), ref };
    }
    if (f.type !== 'Field') throw new SfError('MALFORMED_QUERY', 'unsupported expression in aggregate query', 400);
    const ref = resolve(String(f.field));
    if (!groupBy.some((g) => g.field === ref.field && g.steps.length === ref.steps.length)) {
      throw new SfError('MALFORMED_QUERY', `Field must be grouped or aggregated: ${ref.field.name}`, 400);
    }
    return { name: ref.field.name, fn: undefined, ref };
  });
  const records: FieldValues[] = [];
  for (const members of groups.values()) {
    const out: FieldValues = { attributes: { type: 'AggregateResult' } };
    for (const col of columns) {
      if (col.fn === undefined)
        out[col.name] = members[0] === undefined ? null : readPath(org.store, members[0], col.ref!);
      else if (col.ref === undefined) out[col.name] = members.length;
      else
        out[col.name] = compute(
          col.fn,
          members.map((m) => readPath(org.store, m, col.ref!)),
        );
    }
    records.push(out);
  }
  const offset = spec.offset ?? 0;
  const page = records.slice(offset, spec.limit === undefined ? undefined : offset + spec.limit);
  return { totalSize: page.length, records: page };
}
