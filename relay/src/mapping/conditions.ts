import { z } from 'zod';
import { MappingError } from './errors.js';

/**
 * Sync_Flow__c.Conditions__c: JSON rules a source record must meet, e.g.
 * {"all":[{"field":"Type","op":"eq","value":"Customer"}]}. Compiled to a JSONata expression with every field
 * name checked and every value JSON-encoded, so nothing in the JSON can inject expression syntax.
 */
const leaf = z.strictObject({
  field: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'a field API name or dotted path'),
  op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'contains', 'startsWith', 'blank', 'notBlank']),
  value: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.boolean()]))]).optional(),
});
type Leaf = z.infer<typeof leaf>;
export type ConditionNode = Leaf | { all: ConditionNode[] } | { any: ConditionNode[] } | { not: ConditionNode };
export const conditionSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([leaf, z.strictObject({ all: z.array(conditionSchema).min(1) }), z.strictObject({ any: z.array(conditionSchema).min(1) }), z.strictObject({ not: conditionSchema })]),
);

const path = (f: string) => f.split('.').map((p) => `\`${p}\``).join('.');
const lit = (v: unknown) => JSON.stringify(v ?? null);

function compileNode(n: ConditionNode, depth: number): string {
  if (depth > 10) throw new RangeError('conditions nest deeper than 10 levels');
  if ('all' in n) return `(${n.all.map((c) => compileNode(c, depth + 1)).join(' and ')})`;
  if ('any' in n) return `(${n.any.map((c) => compileNode(c, depth + 1)).join(' or ')})`;
  if ('not' in n) return `$not(${compileNode(n.not, depth + 1)})`;
  const f = path(n.field);
  const isNum = typeof n.value === 'number';
  const cmp = (op: string) => (isNum ? `($number(${f}) ${op} ${lit(n.value)})` : `(${f} ${op} ${lit(n.value)})`);
  switch (n.op) {
    case 'eq':
      return typeof n.value === 'boolean' ? `(${f} = ${lit(n.value)})` : cmp('=');
    case 'ne':
      return `$not(${typeof n.value === 'boolean' ? `(${f} = ${lit(n.value)})` : cmp('=')})`;
    case 'gt':
      return cmp('>');
    case 'gte':
      return cmp('>=');
    case 'lt':
      return cmp('<');
    case 'lte':
      return cmp('<=');
    case 'in':
      return `(${f} in ${lit(Array.isArray(n.value) ? n.value : [n.value])})`;
    case 'notIn':
      return `$not(${f} in ${lit(Array.isArray(n.value) ? n.value : [n.value])})`;
    case 'contains':
      return `$contains($string(${f}), ${lit(String(n.value ?? ''))})`;
    case 'startsWith':
      return `($substring($string(${f}), 0, ${String(String(n.value ?? '').length)}) = ${lit(String(n.value ?? ''))})`;
    case 'blank':
      return `($not($exists(${f})) or ${f} = "" or ${f} = null)`;
    case 'notBlank':
      return `($exists(${f}) and ${f} != "" and ${f} != null)`;
  }
}

/** Validates the Conditions__c JSON and compiles it; errors name the flow and the field. */
export function compileConditions(json: unknown, flowKey: string): string {
  return compileNode(parseNode(json, 'Conditions__c', flowKey, 0), 0);
}

/** Walks the JSON itself so an error names the exact path (a zod union would only say "Invalid input"). */
function parseNode(v: unknown, path: string, flowKey: string, depth: number): ConditionNode {
  const fail = (p: string, msg: string) => new MappingError(flowKey, p, msg, 'MAPPING_MALFORMED');
  if (depth > 10) throw fail(path, 'conditions nest deeper than 10 levels');
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw fail(path, 'expected an object');
  const o = v as Record<string, unknown>;
  for (const k of ['all', 'any'] as const)
    if (k in o) {
      const list = o[k];
      if (!Array.isArray(list) || list.length === 0 || Object.keys(o).length !== 1) throw fail(`${path}.${k}`, `"${k}" takes a non-empty list and nothing beside it`);
      const nodes = list.map((c, i) => parseNode(c, `${path}.${k}.${i}`, flowKey, depth + 1));
      return k === 'all' ? { all: nodes } : { any: nodes };
    }
  if ('not' in o) return { not: parseNode(o.not, `${path}.not`, flowKey, depth + 1) };
  const r = leaf.safeParse(o);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw fail([path, ...(issue?.path ?? [])].join('.'), issue?.message ?? 'invalid');
  }
  return r.data;
}
