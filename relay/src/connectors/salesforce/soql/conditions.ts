/**
 * WHERE conditions as values, rendered only by `toSoql`: field names are checked API names, values are
 * literals from values.ts. There is no way to pass raw SOQL text into a condition.
 */
import { SalesforceError } from '../errors.js';
import { assertFieldPath } from './identifiers.js';
import { formatValue, quote, type SoqlValue } from './values.js';

/** Maps a field or object name to the org's name (namespace prefix); identity when unmanaged. */
export type NameMapper = (name: string) => string;
export const identityNames: NameMapper = (n) => n;

export interface Condition {
  readonly kind: 'condition';
  toSoql(names?: NameMapper): string;
}

const invalid = (message: string) => new SalesforceError({ code: 'SF_INVALID_INPUT', message });
const condition = (render: (names: NameMapper) => string): Condition => ({
  kind: 'condition',
  toSoql: (names = identityNames) => render(names),
});

type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';
function compare(op: Comparison, field: string, value: SoqlValue): Condition {
  assertFieldPath(field);
  if (value === null && op !== '=' && op !== '!=')
    throw invalid(`null can only be compared with = or != (field ${field})`);
  const literal = formatValue(value);
  return condition((names) => `${names(field)} ${op} ${literal}`);
}

export const eq = (field: string, value: SoqlValue) => compare('=', field, value);
export const ne = (field: string, value: SoqlValue) => compare('!=', field, value);
export const lt = (field: string, value: SoqlValue) => compare('<', field, value);
export const lte = (field: string, value: SoqlValue) => compare('<=', field, value);
export const gt = (field: string, value: SoqlValue) => compare('>', field, value);
export const gte = (field: string, value: SoqlValue) => compare('>=', field, value);
export const isNull = (field: string) => compare('=', field, null);
export const isNotNull = (field: string) => compare('!=', field, null);

function membership(op: 'IN' | 'NOT IN', field: string, values: readonly SoqlValue[]): Condition {
  assertFieldPath(field);
  if (!Array.isArray(values) || values.length === 0) {
    throw invalid(`${op} needs at least one value (field ${field}); skip the query when there is nothing to match`);
  }
  const literals = values.map((v) => {
    if (v === null) throw invalid(`${op} cannot hold null (field ${field}); use isNull`);
    return formatValue(v);
  });
  return condition((names) => `${names(field)} ${op} (${literals.join(', ')})`);
}
export const inList = (field: string, values: readonly SoqlValue[]) => membership('IN', field, values);
export const notIn = (field: string, values: readonly SoqlValue[]) => membership('NOT IN', field, values);

/** LIKE with a pattern written by the programmer: `%` and `_` stay wildcards, quotes are escaped. */
export function like(field: string, pattern: string): Condition {
  assertFieldPath(field);
  if (typeof pattern !== 'string') throw invalid(`LIKE needs a string pattern (field ${field})`);
  const literal = quote(pattern);
  return condition((names) => `${names(field)} LIKE ${literal}`);
}
/** LIKE for input values: the value's own `%` and `_` are matched literally. */
const likeValue = (field: string, value: string, prefix: string, suffix: string): Condition => {
  assertFieldPath(field);
  if (typeof value !== 'string') throw invalid(`LIKE needs a string value (field ${field})`);
  const literal = `'${prefix}${quote(value, { like: true }).slice(1, -1)}${suffix}'`;
  return condition((names) => `${names(field)} LIKE ${literal}`);
};
export const startsWith = (field: string, value: string) => likeValue(field, value, '', '%');
export const endsWith = (field: string, value: string) => likeValue(field, value, '%', '');
export const contains = (field: string, value: string) => likeValue(field, value, '%', '%');

function group(op: 'AND' | 'OR', parts: readonly (Condition | undefined | false)[]): Condition {
  const present = parts.filter((p): p is Condition => Boolean(p));
  for (const p of present) if (p.kind !== 'condition') throw invalid(`${op} takes conditions only`);
  if (present.length === 0) throw invalid(`${op} needs at least one condition`);
  if (present.length === 1) return present[0] as Condition;
  return condition((names) => present.map((p) => `(${p.toSoql(names)})`).join(` ${op} `));
}
/** AND of the given conditions; `undefined`/`false` entries are skipped (optional filters). */
export const and = (...parts: (Condition | undefined | false)[]) => group('AND', parts);
export const or = (...parts: (Condition | undefined | false)[]) => group('OR', parts);
export const not = (part: Condition): Condition => {
  if (part?.kind !== 'condition') throw invalid('NOT takes a condition');
  return condition((names) => `(NOT (${part.toSoql(names)}))`);
};
