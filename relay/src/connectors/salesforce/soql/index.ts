export { soql, createSoql, SoqlQuery, MAX_SOQL_LENGTH, type SoqlBuilder, type SelectItem } from './query.js';
export {
  eq,
  ne,
  lt,
  lte,
  gt,
  gte,
  isNull,
  isNotNull,
  inList,
  notIn,
  like,
  startsWith,
  endsWith,
  contains,
  and,
  or,
  not,
  type Condition,
  type NameMapper,
} from './conditions.js';
export {
  soqlDate,
  dateLiteral,
  escapeSoqlString,
  unescapeSoqlString,
  formatValue,
  formatDateTime,
  type SoqlValue,
  type SoqlDate,
  type SoqlDateLiteral,
} from './values.js';
export { assertIdentifier, assertFieldPath, assertRecordId, isIdentifier } from './identifiers.js';
