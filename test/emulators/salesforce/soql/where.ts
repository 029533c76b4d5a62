/**
 * WHERE clauses: the parser hands conditions as a chain with paren counts, so we flatten it to tokens
 * and rebuild precedence (NOT > AND > OR), then compile each condition into a predicate.
 */
import { SfError } from '../errors.js';
import { normalizeId } from '../ids.js';
import { parseDateTime } from '../store/values.js';
import type { FieldDef } from '../schema/types.js';
import type { StoredRecord } from '../store/org-store.js';
import { parseLiteral, type Literal } from './literals.js';

export type Predicate = (rec: StoredRecord) => boolean;

/** A condition as the parser returns it (only what we read). */
export interface RawCondition {
  field?: string;
  fn?: { rawValue?: string };
  operator: string;
  value?: string | string[];
  literalType?: string | string[];
  valueQuery?: unknown;
  openParen?: number;
  closeParen?: number;
}

export interface RawWhere {
  left?: RawCondition | null;
  operator?: string;
  right?: RawWhere;
}

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | RawCondition;

export function flattenWhere(node: RawWhere | undefined, out: Token[] = []): Token[] {
  if (node === undefined) return out;
  if (node.left) {
    for (let i = 0; i < (node.left.openParen ?? 0); i++) out.push('(');
    out.push(node.left);
    for (let i = 0; i < (node.left.closeParen ?? 0); i++) out.push(')');
  }
  if (node.operator !== undefined) out.push(node.operator.toUpperCase() as Token);
  if (node.right !== undefined) flattenWhere(node.right, out);
  return out;
}

/** Builds the predicate tree from tokens; `leaf` compiles one condition (over records or groups). */
export function buildPredicate<T = StoredRecord>(
  tokens: Token[],
  leaf: (c: RawCondition) => (x: T) => boolean,
): (x: T) => boolean {
  type P = (x: T) => boolean;
  let pos = 0;
  const bad = () => new SfError('MALFORMED_QUERY', 'unexpected token in WHERE clause', 400);
  const primary = (): P => {
    const t = tokens[pos++];
    if (t === 'NOT') {
      const inner = primary();
      return (r) => !inner(r);
    }
    if (t === '(') {
      const inner = or();
      if (tokens[pos++] !== ')') throw bad();
      return inner;
    }
    if (t === undefined || typeof t === 'string') throw bad();
    return leaf(t);
  };
  const and = (): P => {
    let left = primary();
    while (tokens[pos] === 'AND') {
      pos++;
      const l = left;
      const r = primary();
      left = (rec) => l(rec) && r(rec);
    }
    return left;
  };
  const or = (): P => {
    let left = and();
    while (tokens[pos] === 'OR') {
      pos++;
      const l = left;
      const r = and();
      left = (rec) => l(rec) || r(rec);
    }
    return left;
  };
  const result = or();
  if (pos !== tokens.length) throw bad();
  return result;
}

const NUMERIC = new Set(['double', 'currency', 'percent', 'int']);

function typeError(field: FieldDef, kind: string): SfError {
  return new SfError(
    'MALFORMED_QUERY',
    `value of filter criterion for field '${field.name}' must be of type ${kind} and should not be enclosed in quotes`,
    400,
  );
}

/** Checks a literal fits the field (a quoted number for a number field is a real MALFORMED_QUERY). */
export function literalFor(field: FieldDef, raw: string, now: number): Literal {
  const lit = parseLiteral(raw, now);
  if (lit.kind === 'null') return lit;
  if (NUMERIC.has(field.type) && lit.kind !== 'number') throw typeError(field, 'double');
  if (field.type === 'boolean' && lit.kind !== 'boolean') throw typeError(field, 'boolean');
  if ((field.type === 'date' || field.type === 'datetime') && lit.kind !== 'range') throw typeError(field, field.type);
  if ((field.type === 'id' || field.type === 'reference') && lit.kind === 'string') {
    const id = normalizeId(lit.value);
    return { kind: 'string', value: id ?? lit.value };
  }
  return lit;
}

function toMs(field: FieldDef, v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  return field.type === 'date' ? Date.parse(`${v}T00:00:00Z`) : parseDateTime(v);
}

function likeRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\' && i + 1 < pattern.length) re += pattern.charAt(++i).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '%') re += '.*';
    else if (ch === '_') re += '.';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

/** Compares a stored value with one literal under a comparison operator. */
export function compare(field: FieldDef, value: unknown, op: string, lit: Literal): boolean {
  if (lit.kind === 'null') {
    if (op === '=') return value === null || value === undefined;
    if (op === '!=' || op === '<>') return value !== null && value !== undefined;
    return false;
  }
  if (value === null || value === undefined) return op === '!=' || op === '<>';
  if (lit.kind === 'range') {
    const v = toMs(field, value);
    if (v === undefined) return false;
    switch (op) {
      case '=':
        return v >= lit.start && v < lit.end;
      case '!=':
      case '<>':
        return v < lit.start || v >= lit.end;
      case '<':
        return v < lit.start;
      case '<=':
        return v < lit.end;
      case '>':
        return v >= lit.end;
      case '>=':
        return v >= lit.start;
      default:
        return false;
    }
  }
  let a: string | number | boolean = value as string | number | boolean;
  let b: string | number | boolean = lit.value;
  if (typeof a === 'string' && typeof b === 'string') {
    if (op.toUpperCase() === 'LIKE') return likeRegex(b).test(a);
    const caseSensitive = field.type === 'id' || field.type === 'reference';
    if (!caseSensitive) {
      a = a.toLowerCase();
      b = b.toLowerCase();
    }
  }
  switch (op.toUpperCase()) {
    case '=':
      return a === b;
    case '!=':
    case '<>':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case 'LIKE':
      return false;
    default:
      throw new SfError('MALFORMED_QUERY', `unexpected token: '${op}'`, 400);
  }
}

/** INCLUDES / EXCLUDES on a multi-select picklist: each literal is `a;b` meaning all of a and b. */
export function includes(value: unknown, literals: string[]): boolean {
  if (typeof value !== 'string' || value === '') return false;
  const have = new Set(value.toLowerCase().split(';'));
  return literals.some((l) =>
    l
      .toLowerCase()
      .split(';')
      .every((part) => have.has(part)),
  );
}
