import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { describe, expect, it } from 'vitest';
import { createNamespacer } from '../namespace.js';
import {
  and,
  contains,
  eq,
  gt,
  gte,
  inList,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  not,
  notIn,
  or,
  startsWith,
  endsWith,
} from './conditions.js';
import { createSoql, MAX_SOQL_LENGTH, soql } from './query.js';
import { dateLiteral, soqlDate } from './values.js';

describe('soql builder', () => {
  it('builds the documented example', () => {
    const q = soql
      .select(['Id', 'Name', 'Owner.Name'])
      .from('Account')
      .where(eq('NetSuite_Internal_Id__c', '42'), inList('Type', ['Customer', 'Partner']))
      .orderBy('Name')
      .orderBy('CreatedDate', 'DESC', 'LAST')
      .limit(10)
      .offset(20);
    expect(q.toSoql()).toBe(
      "SELECT Id, Name, Owner.Name FROM Account WHERE (NetSuite_Internal_Id__c = '42') AND (Type IN ('Customer', 'Partner')) " +
        'ORDER BY Name ASC, CreatedDate DESC NULLS LAST LIMIT 10 OFFSET 20',
    );
    expect(() => parseQuery(q.toSoql())).not.toThrow();
    expect(String(q)).toBe(q.toSoql());
  });

  it('renders every operator in a form a real SOQL parser accepts', () => {
    const q = soql
      .select(['Id'])
      .from('Order')
      .where(
        or(
          and(ne('Status', 'Draft'), lt('TotalAmount', 10.5), lte('EffectiveDate', soqlDate('2024-01-31'))),
          and(
            gt('LastModifiedDate', new Date('2024-01-01T00:00:00Z')),
            gte('CreatedDate', dateLiteral('LAST_N_DAYS', 3)),
          ),
          not(isNull('NetSuite_Sales_Order_Id__c')),
          isNotNull('OrderNumber'),
          notIn('Status', ['Cancelled']),
          like('Name', 'ACME%'),
          startsWith('Name', '50%_'),
          endsWith('Name', "o'"),
          contains('Description', 'x'),
          eq('IsDeleted', false),
        ),
      );
    const text = q.toSoql();
    expect(text).toContain("Name LIKE '50\\%\\_%'");
    expect(text).toContain("Name LIKE '%o\\''");
    expect(text).toContain('EffectiveDate <= 2024-01-31');
    expect(text).toContain('LastModifiedDate > 2024-01-01T00:00:00Z');
    expect(text).toContain('CreatedDate >= LAST_N_DAYS:3');
    expect(() => parseQuery(text)).not.toThrow();
  });

  it('skips optional conditions and ANDs successive where calls', () => {
    const since: Date | undefined = undefined;
    const q = soql
      .select(['Id'])
      .from('Account')
      .where(eq('Name', 'a'), since && gt('LastModifiedDate', since))
      .where(eq('Type', 'b'));
    expect(q.toSoql()).toBe("SELECT Id FROM Account WHERE (Name = 'a') AND (Type = 'b')");
  });

  it('supports COUNT() and child subqueries', () => {
    expect(soql.count().from('Account').where(isNotNull('NetSuite_Internal_Id__c')).toSoql()).toBe(
      'SELECT COUNT() FROM Account WHERE NetSuite_Internal_Id__c != null',
    );
    const q = soql.select(['Id', soql.select(['Id', 'Email']).from('Contacts').limit(5)]).from('Account');
    expect(q.toSoql()).toBe('SELECT Id, (SELECT Id, Email FROM Contacts LIMIT 5) FROM Account');
    expect(() => parseQuery(q.toSoql())).not.toThrow();
  });

  it.each([
    ['field with SOQL', () => soql.select(['Id, (SELECT Id FROM Contacts)']).from('Account')],
    ['field with space', () => soql.select(['Id FROM User --']).from('Account')],
    ['object with WHERE', () => soql.select(['Id']).from('Account WHERE Name != null')],
    ['object with dot', () => soql.select(['Id']).from('Account.Owner')],
    ['triple underscore', () => soql.select(['a___b']).from('Account')],
    ['quote in field', () => soql.select(['Id']).from('Account').where(eq("Name' OR '1'='1", 'x'))],
    ['order by injection', () => soql.select(['Id']).from('Account').orderBy('Name; DELETE')],
    [
      'bad direction',
      () =>
        soql
          .select(['Id'])
          .from('Account')
          .orderBy('Name', 'DESC LIMIT 1' as never),
    ],
    ['negative limit', () => soql.select(['Id']).from('Account').limit(-1)],
    ['fractional limit', () => soql.select(['Id']).from('Account').limit(1.5)],
    ['offset over 2000', () => soql.select(['Id']).from('Account').offset(2001)],
    ['empty select', () => soql.select([]).from('Account')],
    ['empty IN', () => soql.select(['Id']).from('Account').where(inList('Id', []))],
    [
      'null in IN',
      () =>
        soql
          .select(['Id'])
          .from('Account')
          .where(inList('Id', [null])),
    ],
    ['null with <', () => soql.select(['Id']).from('Account').where(lt('Amount', null))],
    ['six relationship hops', () => soql.select(['A.B.C.D.E.F.G']).from('Account')],
    [
      'raw condition object',
      () =>
        soql
          .select(['Id'])
          .from('Account')
          .where({ kind: 'raw' } as never),
    ],
    ['empty AND', () => soql.select(['Id']).from('Account').where(and())],
  ])('refuses %s with SF_INVALID_INPUT', (_label, build) => {
    expect(build).toThrowError(expect.objectContaining({ code: 'SF_INVALID_INPUT' }));
  });

  it('refuses a query without FROM and one longer than Salesforce accepts', () => {
    expect(() => soql.select(['Id']).toSoql()).toThrow(/no FROM/);
    const ids = Array.from({ length: 6000 }, (_, i) => `001000000000${String(i).padStart(6, '0')}`);
    expect(() => soql.select(['Id']).from('Account').where(inList('Id', ids)).toSoql()).toThrow(
      new RegExp(`at most ${MAX_SOQL_LENGTH}`),
    );
  });

  it('is immutable: a base query can be reused', () => {
    const base = soql.select(['Id']).from('Account');
    const a = base.where(eq('Name', 'a'));
    const b = base.limit(1);
    expect(base.toSoql()).toBe('SELECT Id FROM Account');
    expect(a.toSoql()).toBe("SELECT Id FROM Account WHERE Name = 'a'");
    expect(b.toSoql()).toBe('SELECT Id FROM Account LIMIT 1');
  });

  it('prefixes package names with the namespace, leaving standard and already-prefixed names alone', () => {
    const ns = createSoql(createNamespacer('nsc').toOrg);
    const q = ns
      .select(['Id', 'Name', 'Sync_Flow__r.Flow_Key__c', 'other__Foo__c', ns.select(['Id']).from('Mappings__r')])
      .from('Sync_Log__c')
      .where(eq('Outcome__c', 'Failed'), isNotNull('Account.NetSuite_Internal_Id__c'))
      .orderBy('Synced_At__c', 'DESC');
    expect(q.toSoql()).toBe(
      'SELECT Id, Name, nsc__Sync_Flow__r.nsc__Flow_Key__c, other__Foo__c, (SELECT Id FROM nsc__Mappings__r) FROM nsc__Sync_Log__c ' +
        "WHERE (nsc__Outcome__c = 'Failed') AND (Account.nsc__NetSuite_Internal_Id__c != null) ORDER BY nsc__Synced_At__c DESC",
    );
  });
});
