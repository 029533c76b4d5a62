/**
 * Runs SOQL against the org: parsed with @jetstreamapp/soql-parser-js (never regexes), validated
 * against the schema (INVALID_TYPE / INVALID_FIELD / MALFORMED_QUERY), then filtered, sorted, limited
 * and projected into REST-shaped records with parent objects and child subquery results.
 */
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { SfError } from '../errors.js';
import type { Org } from '../org.js';
import { attributes } from '../rest/records.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import type { FieldValues, StoredRecord } from '../store/org-store.js';
import { aggregate, isAggregateQuery } from './aggregate.js';
import { dateFunction } from './functions.js';
import { ownerRecord, readPath, resolvePath, type PathRef } from './paths.js';
import {
  buildPredicate,
  compare,
  flattenWhere,
  includes,
  literalFor,
  type Predicate,
  type RawCondition,
  type RawWhere,
} from './where.js';

/** The parts of a parsed query (or subquery) we use; the parser's own types are wider. */
export interface QuerySpec {
  fields?: Array<Record<string, unknown>>;
  sObject?: string;
  relationshipName?: string;
  where?: RawWhere;
  orderBy?: OrderItem | OrderItem[];
  groupBy?: unknown;
  limit?: number;
  offset?: number;
}
interface OrderItem {
  field?: string;
  order?: string;
  nulls?: string;
}

export interface QueryResult {
  totalSize: number;
  records: FieldValues[];
}

type Writer = (rec: StoredRecord, out: FieldValues) => void;

export const invalidType = (name: string): SfError =>
  new SfError(
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    400,
  );

export class SoqlEngine {
  constructor(
    private readonly org: Org,
    private readonly version: string,
    private readonly includeDeleted = false,
  ) {}

  run(soql: string): QueryResult {
    let spec: QuerySpec;
    try {
      spec = parseQuery(soql) as unknown as QuerySpec;
    } catch (e) {
      throw new SfError('MALFORMED_QUERY', String((e as Error).message).split('\n')[0] ?? 'malformed query', 400);
    }
    const obj = this.org.schema.get(spec.sObject ?? '');
    if (obj === undefined) throw invalidType(spec.sObject ?? '');
    if (obj.kind === 'platformEvent') {
      throw new SfError('INVALID_TYPE_FOR_OPERATION', `entity type ${obj.name} does not support query`, 400);
    }
    if (isAggregateQuery(spec)) {
      const rows = this.filter(obj, spec, [...this.org.store.ofType(obj.name, this.includeDeleted)]);
      return aggregate(this.org, obj, spec, rows, (path) => resolvePath(this.org.schema, obj, path));
    }
    const records = this.select(obj, spec, [...this.org.store.ofType(obj.name, this.includeDeleted)]);
    return { totalSize: records.length, records };
  }

  /** WHERE only (used by aggregates and subqueries). */
  filter(obj: ObjectDef, spec: QuerySpec, rows: StoredRecord[]): StoredRecord[] {
    if (spec.where === undefined) return rows;
    const predicate = buildPredicate(flattenWhere(spec.where), (c) => this.condition(obj, c));
    return rows.filter(predicate);
  }

  /** `FIELDS(ALL|STANDARD|CUSTOM)` expands to plain fields; ALL and CUSTOM need LIMIT ≤ 200. */
  private expandFields(obj: ObjectDef, spec: QuerySpec): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    for (const f of spec.fields ?? []) {
      if (f.type !== 'FieldFunctionExpression' || String(f.functionName).toUpperCase() !== 'FIELDS') {
        out.push(f);
        continue;
      }
      const kind = String((f.parameters as unknown[])[0] ?? '').toUpperCase();
      if (!['ALL', 'STANDARD', 'CUSTOM'].includes(kind)) {
        throw new SfError('MALFORMED_QUERY', `FIELDS(${kind}) is not valid: use ALL, STANDARD or CUSTOM`, 400);
      }
      if (kind !== 'STANDARD' && (spec.limit === undefined || spec.limit > 200)) {
        throw new SfError('MALFORMED_QUERY', 'The SOQL FIELDS function must have a LIMIT of at most 200', 400);
      }
      for (const def of obj.fields.values()) {
        if (kind === 'ALL' || (kind === 'CUSTOM') === def.custom) out.push({ type: 'Field', field: def.name });
      }
    }
    return out;
  }

  select(obj: ObjectDef, spec: QuerySpec, all: StoredRecord[]): FieldValues[] {
    const writers = this.expandFields(obj, spec).map((f) => this.writer(obj, f));
    let rows = this.filter(obj, spec, all);
    rows = this.sort(obj, spec, rows);
    const offset = spec.offset ?? 0;
    if (offset > 2000) throw new SfError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is 2000`, 400);
    rows = rows.slice(offset, spec.limit === undefined ? undefined : offset + spec.limit);
    return rows.map((rec) => {
      const out: FieldValues = { attributes: attributes(this.version, obj.name, rec.id) };
      for (const w of writers) w(rec, out);
      return out;
    });
  }

  private condition(obj: ObjectDef, c: RawCondition): Predicate {
    const store = this.org.store;
    let field: FieldDef;
    let read: (rec: StoredRecord) => unknown;
    if (c.fn !== undefined) {
      const fn = c.fn as { functionName?: string; parameters?: unknown[]; rawValue?: string };
      const param = fn.parameters?.[0];
      if (typeof param !== 'string' || fn.parameters?.length !== 1) {
        throw new SfError('MALFORMED_QUERY', `Unsupported expression in WHERE: ${fn.rawValue ?? ''}`, 400);
      }
      const ref = resolvePath(this.org.schema, obj, param);
      const applied = dateFunction(fn.functionName ?? '', ref.field);
      field = applied.resultField;
      read = (rec) => applied.apply(readPath(store, rec, ref));
    } else if (c.field !== undefined) {
      const ref = resolvePath(this.org.schema, obj, c.field);
      field = ref.field;
      read = (rec) => readPath(store, rec, ref);
    } else {
      throw new SfError('MALFORMED_QUERY', 'unexpected token in WHERE clause', 400);
    }
    const op = c.operator.toUpperCase();
    if (c.literalType === 'SUBQUERY') {
      const ids = this.semiJoin(c.valueQuery as QuerySpec);
      return (rec) => {
        const v = read(rec);
        const hit = typeof v === 'string' && ids.has(v);
        return op === 'NOT IN' ? !hit : hit;
      };
    }
    const raws = Array.isArray(c.value) ? c.value : [c.value ?? ''];
    const lits = raws.map((r) => literalFor(field, r, this.org.now()));
    if (op === 'INCLUDES' || op === 'EXCLUDES') {
      const strings = lits.map((l) => (l.kind === 'string' ? l.value : ''));
      return (rec) => includes(read(rec), strings) === (op === 'INCLUDES');
    }
    if (op === 'IN') return (rec) => lits.some((l) => compare(field, read(rec), '=', l));
    if (op === 'NOT IN') return (rec) => lits.every((l) => compare(field, read(rec), '!=', l));
    const lit = lits[0]!;
    return (rec) => compare(field, read(rec), op, lit);
  }

  /** `Id IN (SELECT AccountId FROM Contact WHERE ...)`: the set of ids the inner query selects. */
  private semiJoin(inner: QuerySpec): Set<string> {
    const obj = this.org.schema.get(inner.sObject ?? '');
    if (obj === undefined) throw invalidType(inner.sObject ?? '');
    const field = inner.fields?.[0];
    if (inner.fields?.length !== 1 || field?.type !== 'Field') {
      throw new SfError('MALFORMED_QUERY', 'semi join sub-selects must select exactly one id field', 400);
    }
    const ref = resolvePath(this.org.schema, obj, String(field.field));
    const rows = this.filter(obj, inner, [...this.org.store.ofType(obj.name)]);
    const out = new Set<string>();
    for (const r of rows) {
      const v = readPath(this.org.store, r, ref);
      if (typeof v === 'string') out.add(v);
    }
    return out;
  }

  private sort(obj: ObjectDef, spec: QuerySpec, rows: StoredRecord[]): StoredRecord[] {
    if (spec.orderBy === undefined) return rows;
    const items = Array.isArray(spec.orderBy) ? spec.orderBy : [spec.orderBy];
    const keys = items.map((o) => {
      if (o.field === undefined)
        throw new SfError('MALFORMED_QUERY', 'ORDER BY functions are not supported by this emulator', 400);
      const desc = o.order?.toUpperCase() === 'DESC';
      const nullsFirst = o.nulls === undefined ? !desc : o.nulls.toUpperCase() === 'FIRST';
      return { ref: resolvePath(this.org.schema, obj, o.field), desc, nullsFirst };
    });
    const store = this.org.store;
    return [...rows].sort((a, b) => {
      for (const k of keys) {
        const va = readPath(store, a, k.ref);
        const vb = readPath(store, b, k.ref);
        if (va === vb) continue;
        if (va === null) return k.nullsFirst ? -1 : 1;
        if (vb === null) return k.nullsFirst ? 1 : -1;
        const x = typeof va === 'string' ? va.toLowerCase() : (va as number);
        const y = typeof vb === 'string' ? vb.toLowerCase() : (vb as number);
        if (x === y) continue;
        return (x < y ? -1 : 1) * (k.desc ? -1 : 1);
      }
      return 0;
    });
  }

  private writer(obj: ObjectDef, item: Record<string, unknown>): Writer {
    const store = this.org.store;
    switch (item.type) {
      case 'Field': {
        const ref = resolvePath(this.org.schema, obj, String(item.field));
        return (rec, out) => {
          out[ref.field.name] = readPath(store, rec, ref);
        };
      }
      case 'FieldRelationship': {
        const path = [...(item.relationships as string[]), String(item.field)].join('.');
        const ref = resolvePath(this.org.schema, obj, path);
        if (ref.steps.length === 0) {
          return (rec, out) => {
            out[ref.field.name] = readPath(store, rec, ref);
          };
        }
        return (rec, out) => this.writeNested(rec, out, ref);
      }
      case 'FieldSubquery':
        return this.subqueryWriter(obj, item.subquery as QuerySpec);
      default:
        throw new SfError(
          'MALFORMED_QUERY',
          `${String(item.rawValue ?? item.type)}: this field expression is not supported by this emulator`,
          400,
        );
    }
  }

  /** Parent fields become nested objects with their own attributes, or null when the lookup is empty. */
  private writeNested(rec: StoredRecord, out: FieldValues, ref: PathRef): void {
    let target = out;
    let current: StoredRecord | undefined = rec;
    for (const [i, step] of ref.steps.entries()) {
      const name = ref.names[i]!;
      const id: unknown = current?.values[step.field.name];
      current = typeof id === 'string' ? this.org.store.get(id) : undefined;
      if (current === undefined) {
        if (!(name in target)) target[name] = null;
        return;
      }
      if (target[name] === null) return;
      target[name] ??= { attributes: attributes(this.version, step.target.name, current.id) };
      target = target[name] as FieldValues;
    }
    const owner = ownerRecord(this.org.store, rec, ref);
    target[ref.field.name] = owner === undefined ? null : readPath(this.org.store, rec, ref);
  }

  private subqueryWriter(parent: ObjectDef, sub: QuerySpec): Writer {
    const relName = sub.relationshipName ?? '';
    const rel = this.org.schema.childRelationship(parent, relName);
    const child = rel === undefined ? undefined : this.org.schema.get(rel.childSObject);
    if (rel === undefined || child === undefined) {
      throw new SfError(
        'INVALID_TYPE',
        `Didn't understand relationship '${relName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        400,
      );
    }
    // Validate the subquery once, even when no parent row matches.
    this.select(child, sub, []);
    return (rec, out) => {
      const children = [...this.org.store.ofType(child.name)].filter((c) => c.values[rel.field] === rec.id);
      const records = this.select(child, sub, children);
      out[rel.relationshipName] = records.length === 0 ? null : { totalSize: records.length, done: true, records };
    };
  }
}
