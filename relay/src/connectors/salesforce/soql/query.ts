/**
 * The SOQL query builder:
 *   soql.select(['Id', 'Name']).from('Account').where(eq('NetSuite_Internal_Id__c', id)).orderBy('Name').limit(10)
 * Immutable: every call returns a new builder. `toSoql()` renders; with a namespace every custom name
 * (`X__c`, `X__r`, `X__e`) gets the package prefix (`nsc__X__c`).
 */
import { SalesforceError } from '../errors.js';
import { and, identityNames, type Condition, type NameMapper } from './conditions.js';
import { assertFieldPath, assertIdentifier } from './identifiers.js';

/** Salesforce's default maximum SOQL statement length. */
export const MAX_SOQL_LENGTH = 100_000;
const MAX_OFFSET = 2000;

export type SelectItem = string | SoqlQuery;

interface OrderItem {
  field: string;
  direction: 'ASC' | 'DESC';
  nulls?: 'FIRST' | 'LAST';
}

interface State {
  fields: readonly SelectItem[];
  count: boolean;
  from?: string;
  where?: Condition;
  orderBy: readonly OrderItem[];
  limit?: number;
  offset?: number;
}

const invalid = (message: string) => new SalesforceError({ code: 'SF_INVALID_INPUT', message });

export class SoqlQuery {
  readonly kind = 'soql' as const;
  private constructor(
    private readonly state: State,
    private readonly names: NameMapper,
  ) {}

  static start(names: NameMapper, fields: readonly SelectItem[], count = false): SoqlQuery {
    if (!count) {
      if (!Array.isArray(fields) || fields.length === 0) throw invalid('SELECT needs at least one field');
      for (const f of fields) if (!(f instanceof SoqlQuery)) assertFieldPath(f);
    }
    return new SoqlQuery({ fields: [...fields], count, orderBy: [] }, names);
  }

  private with(patch: Partial<State>): SoqlQuery {
    return new SoqlQuery({ ...this.state, ...patch }, this.names);
  }

  from(sobject: string): SoqlQuery {
    return this.with({ from: assertIdentifier(sobject, 'sObject') });
  }

  /** Sets the WHERE clause; several calls are ANDed. */
  where(...conditions: (Condition | undefined | false)[]): SoqlQuery {
    const next = and(...conditions);
    return this.with({ where: this.state.where ? and(this.state.where, next) : next });
  }

  orderBy(field: string, direction: 'ASC' | 'DESC' = 'ASC', nulls?: 'FIRST' | 'LAST'): SoqlQuery {
    assertFieldPath(field);
    if (direction !== 'ASC' && direction !== 'DESC')
      throw invalid(`ORDER BY direction must be ASC or DESC (field ${field})`);
    if (nulls !== undefined && nulls !== 'FIRST' && nulls !== 'LAST')
      throw invalid(`NULLS must be FIRST or LAST (field ${field})`);
    return this.with({ orderBy: [...this.state.orderBy, { field, direction, nulls }] });
  }

  limit(n: number): SoqlQuery {
    if (!Number.isSafeInteger(n) || n < 1) throw invalid(`LIMIT must be a positive whole number, got ${String(n)}`);
    return this.with({ limit: n });
  }

  offset(n: number): SoqlQuery {
    if (!Number.isSafeInteger(n) || n < 0 || n > MAX_OFFSET)
      throw invalid(`OFFSET must be a whole number from 0 to ${MAX_OFFSET}, got ${String(n)}`);
    return this.with({ offset: n });
  }

  /** The sObject queried (unprefixed), for logging and result typing. */
  get sobject(): string | undefined {
    return this.state.from;
  }

  toSoql(): string {
    const s = this.state;
    const names = this.names;
    if (!s.from) throw invalid('The query has no FROM');
    const select = s.count
      ? 'COUNT()'
      : s.fields.map((f) => (f instanceof SoqlQuery ? `(${f.toSoql()})` : names(f))).join(', ');
    let text = `SELECT ${select} FROM ${names(s.from)}`;
    if (s.where) text += ` WHERE ${s.where.toSoql(names)}`;
    if (s.orderBy.length > 0) {
      text += ` ORDER BY ${s.orderBy.map((o) => `${names(o.field)} ${o.direction}${o.nulls ? ` NULLS ${o.nulls}` : ''}`).join(', ')}`;
    }
    if (s.limit !== undefined) text += ` LIMIT ${s.limit}`;
    if (s.offset !== undefined) text += ` OFFSET ${s.offset}`;
    if (text.length > MAX_SOQL_LENGTH) {
      throw invalid(
        `The query is ${text.length} characters long; Salesforce accepts at most ${MAX_SOQL_LENGTH} (split the IN list)`,
      );
    }
    return text;
  }

  toString(): string {
    return this.toSoql();
  }
}

export interface SoqlBuilder {
  select(fields: readonly SelectItem[]): SoqlQuery;
  /** `SELECT COUNT() FROM ...` (the answer's totalSize is the count). */
  count(): SoqlQuery;
}

export function createSoql(names: NameMapper = identityNames): SoqlBuilder {
  return {
    select: (fields) => SoqlQuery.start(names, fields),
    count: () => SoqlQuery.start(names, [], true),
  };
}

/** Unmanaged builder (no namespace). Use `createSoql(namespacer.toOrg)` for the packaged names. */
export const soql: SoqlBuilder = createSoql();
