import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from '../test-support.js';

let clock = Date.parse('2026-06-15T12:00:00Z');
let t: TestOrg;
let ids: Record<string, string[]>;

beforeAll(async () => {
  t = await startTestOrg({ now: () => clock, knobs: { queryBatchSize: 200 } });
  clock = Date.parse('2026-06-01T09:00:00Z');
  const [old] = t.sf.org.seed('Account', [{ Name: 'Old Corp', Industry: 'Banking', AnnualRevenue: 10 }]);
  clock = Date.parse('2026-06-15T08:00:00Z');
  ids = t.sf.org.seedAll({
    Account: [
      {
        Name: 'Acme',
        Industry: 'Technology',
        AnnualRevenue: 500,
        NetSuite_Internal_Id__c: 'ns-1',
        BillingCity: 'Paris',
      },
      { Name: 'acme labs', Industry: 'Technology', AnnualRevenue: 50 },
      { Name: "O'Brien & Co", Industry: null, AnnualRevenue: null },
    ],
  });
  ids.Old = [old!];
  const [acme, labs] = ids.Account!;
  ids.Contact = t.sf.org.seed('Contact', [
    { LastName: 'Zed', FirstName: 'Ann', AccountId: acme },
    { LastName: 'Young', AccountId: acme, Email: 'y@example.com' },
    { LastName: 'Xu', AccountId: labs },
    { LastName: 'Orphan' },
  ]);
  clock = Date.parse('2026-06-15T12:00:00Z');
});
afterAll(async () => {
  await t.sf.close();
});

type QueryBody = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: Array<Record<string, unknown>> };
async function query(soql: string, path = 'query'): Promise<QueryBody> {
  const r = await t.api(`${path}?q=${encodeURIComponent(soql)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as QueryBody;
}
async function queryError(soql: string): Promise<{ errorCode: string; message: string }> {
  const r = await t.api(`query?q=${encodeURIComponent(soql)}`);
  expect(r.status).toBe(400);
  return (r.body as Array<{ errorCode: string; message: string }>)[0]!;
}
const names = (b: QueryBody) => b.records.map((r) => r.Name ?? r.LastName);

describe('SOQL', () => {
  it('selects fields with attributes in the REST shape', async () => {
    const b = await query(`SELECT Id, Name FROM Account WHERE NetSuite_Internal_Id__c = 'ns-1'`);
    expect(b).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${ids.Account![0]}` },
          Id: ids.Account![0],
          Name: 'Acme',
        },
      ],
    });
  });

  it('filters with AND/OR/NOT, parentheses, IN, NOT IN, LIKE, null and comparisons', async () => {
    expect(names(await query(`SELECT Name FROM Account WHERE Name LIKE 'acme%' ORDER BY Name`))).toEqual([
      'Acme',
      'acme labs',
    ]);
    expect(names(await query(`SELECT Name FROM Account WHERE Industry = null`))).toEqual(["O'Brien & Co"]);
    expect(names(await query(`SELECT Name FROM Account WHERE Name = 'O\\'Brien & Co'`))).toEqual(["O'Brien & Co"]);
    expect(
      names(
        await query(
          `SELECT Name FROM Account WHERE Industry != null AND AnnualRevenue >= 50 ORDER BY AnnualRevenue DESC`,
        ),
      ),
    ).toEqual(['Acme', 'acme labs']);
    expect(
      names(
        await query(
          `SELECT Name FROM Account WHERE Industry IN ('Banking', 'Technology') AND NOT Name LIKE '%labs' ORDER BY Name`,
        ),
      ),
    ).toEqual(['Acme', 'Old Corp']);
    expect(names(await query(`SELECT Name FROM Account WHERE Industry NOT IN ('Technology') ORDER BY Name`))).toEqual([
      "O'Brien & Co",
      'Old Corp',
    ]);
    expect(
      names(
        await query(
          `SELECT Name FROM Account WHERE (AnnualRevenue < 20 OR AnnualRevenue > 100) AND Industry != 'Banking'`,
        ),
      ),
    ).toEqual(['Acme']);
    expect(
      names(
        await query(
          `SELECT Name FROM Account WHERE AnnualRevenue < 20 OR (AnnualRevenue > 100 AND Industry != 'Banking') ORDER BY Name`,
        ),
      ),
    ).toEqual(['Acme', 'Old Corp']);
    expect(names(await query(`SELECT Name FROM Account WHERE Id = '${ids.Account![1]!.slice(0, 15)}'`))).toEqual([
      'acme labs',
    ]);
  });

  it('filters on dates with literals and datetimes', async () => {
    expect(names(await query(`SELECT Name FROM Account WHERE CreatedDate = TODAY ORDER BY Name`))).toEqual([
      'Acme',
      'acme labs',
      "O'Brien & Co",
    ]);
    expect(names(await query(`SELECT Name FROM Account WHERE CreatedDate < LAST_N_DAYS:7`))).toEqual(['Old Corp']);
    expect(
      names(await query(`SELECT Name FROM Account WHERE CreatedDate = LAST_N_DAYS:30 AND CreatedDate < TODAY`)),
    ).toEqual(['Old Corp']);
    expect(
      names(
        await query(`SELECT Name FROM Account WHERE LastModifiedDate > 2026-06-10T00:00:00Z ORDER BY Name LIMIT 1`),
      ),
    ).toEqual(['Acme']);
    expect(
      names(await query(`SELECT Name FROM Account WHERE CreatedDate = THIS_MONTH AND CreatedDate = YESTERDAY`)),
    ).toEqual([]);
  });

  it('filters with date functions', async () => {
    expect(
      names(
        await query(
          `SELECT Name FROM Account WHERE CALENDAR_YEAR(CreatedDate) = 2026 AND DAY_IN_MONTH(CreatedDate) = 1`,
        ),
      ),
    ).toEqual(['Old Corp']);
    expect(
      names(await query(`SELECT Name FROM Account WHERE DAY_ONLY(CreatedDate) = 2026-06-15 ORDER BY Name LIMIT 1`)),
    ).toEqual(['Acme']);
    expect(
      names(
        await query(
          `SELECT Name FROM Account WHERE CALENDAR_MONTH(CreatedDate) IN (5, 6) AND HOUR_IN_DAY(CreatedDate) < 9 ORDER BY Name`,
        ),
      ),
    ).toEqual(['Acme', 'acme labs', "O'Brien & Co"]);
    expect((await queryError(`SELECT Name FROM Account WHERE CALENDAR_YEAR(Name) = 2026`)).errorCode).toBe(
      'INVALID_FIELD',
    );
    expect((await queryError(`SELECT Name FROM Account WHERE FISCAL_YEAR(CreatedDate) = 2026`)).errorCode).toBe(
      'MALFORMED_QUERY',
    );
  });

  it('returns parent fields as nested objects and child subqueries as nested results', async () => {
    const b = await query(
      `SELECT LastName, Account.Name, Account.Owner.Name FROM Contact WHERE LastName IN ('Zed', 'Orphan') ORDER BY LastName`,
    );
    expect(b.records[0]).toMatchObject({ LastName: 'Orphan', Account: null });
    expect(b.records[1]).toEqual({
      attributes: expect.objectContaining({ type: 'Contact' }),
      LastName: 'Zed',
      Account: {
        attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${ids.Account![0]}` },
        Name: 'Acme',
        Owner: { attributes: expect.objectContaining({ type: 'User' }), Name: 'NetSuite Integration' },
      },
    });
    const p = await query(
      `SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Name LIKE 'acme%' OR Name = 'Old Corp' ORDER BY Name`,
    );
    expect(p.records[0]!.Contacts).toEqual({
      totalSize: 2,
      done: true,
      records: [
        { attributes: expect.objectContaining({ type: 'Contact' }), LastName: 'Young' },
        { attributes: expect.objectContaining({ type: 'Contact' }), LastName: 'Zed' },
      ],
    });
    expect(p.records[2]!.Contacts).toBeNull();
    const filtered = await query(
      `SELECT Name, (SELECT LastName FROM Contacts WHERE Email != null) FROM Account WHERE Name = 'Acme'`,
    );
    expect((filtered.records[0]!.Contacts as QueryBody).records.map((r) => r.LastName)).toEqual(['Young']);
    const semi = await query(
      `SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE LastName = 'Xu')`,
    );
    expect(names(semi)).toEqual(['acme labs']);
  });

  it('orders with NULLS FIRST/LAST, limits and offsets', async () => {
    expect(names(await query(`SELECT Name FROM Account ORDER BY AnnualRevenue ASC NULLS LAST`))).toEqual([
      'Old Corp',
      'acme labs',
      'Acme',
      "O'Brien & Co",
    ]);
    expect(names(await query(`SELECT Name FROM Account ORDER BY AnnualRevenue ASC`))[0]).toBe("O'Brien & Co");
    expect(names(await query(`SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1`))).toEqual([
      'acme labs',
      "O'Brien & Co",
    ]);
  });

  it('expands FIELDS(STANDARD|CUSTOM|ALL) and requires a LIMIT for ALL and CUSTOM', async () => {
    const std = await query(`SELECT FIELDS(STANDARD) FROM Account WHERE Name = 'Acme'`);
    expect(std.records[0]).toMatchObject({ Name: 'Acme', BillingAddress: expect.objectContaining({ city: 'Paris' }) });
    expect(std.records[0]).not.toHaveProperty('NetSuite_Internal_Id__c');
    const custom = await query(`SELECT Id, FIELDS(CUSTOM) FROM Account WHERE Name = 'Acme' LIMIT 1`);
    expect(
      Object.keys(custom.records[0]!)
        .filter((k) => k !== 'attributes' && k !== 'Id')
        .every((k) => k.endsWith('__c')),
    ).toBe(true);
    expect(custom.records[0]).toMatchObject({ NetSuite_Internal_Id__c: 'ns-1' });
    expect((await queryError(`SELECT FIELDS(ALL) FROM Account`)).message).toBe(
      'The SOQL FIELDS function must have a LIMIT of at most 200',
    );
  });

  it('counts and aggregates', async () => {
    expect(await query(`SELECT COUNT() FROM Contact WHERE AccountId != null`)).toEqual({
      totalSize: 3,
      done: true,
      records: [],
    });
    const agg = await query(
      `SELECT Industry, COUNT(Id), SUM(AnnualRevenue) total FROM Account WHERE Industry != null GROUP BY Industry`,
    );
    expect(agg.records).toEqual(
      expect.arrayContaining([
        { attributes: { type: 'AggregateResult' }, Industry: 'Technology', expr0: 2, total: 550 },
        { attributes: { type: 'AggregateResult' }, Industry: 'Banking', expr0: 1, total: 10 },
      ]),
    );
    const ordered = await query(
      `SELECT Industry, COUNT(Id) n FROM Account GROUP BY Industry HAVING COUNT(Id) >= 1 AND Industry != null ORDER BY COUNT(Id) DESC, Industry`,
    );
    expect(ordered.records.map((r) => [r.Industry, r.n])).toEqual([
      ['Technology', 2],
      ['Banking', 1],
    ]);
    const big = await query(`SELECT Industry FROM Account GROUP BY Industry HAVING SUM(AnnualRevenue) > 100`);
    expect(big.records.map((r) => r.Industry)).toEqual(['Technology']);
    expect((await queryError(`SELECT Industry FROM Account GROUP BY Industry HAVING Name = 'x'`)).message).toBe(
      'Field must be grouped or aggregated: Name',
    );
    const max = await query(`SELECT MAX(AnnualRevenue) FROM Account`);
    expect(max.records).toEqual([{ attributes: { type: 'AggregateResult' }, expr0: 500 }]);
  });

  it('pages through nextRecordsUrl (last path segment is the locator) and includes deleted rows in queryAll', async () => {
    t.sf.org.seed(
      'Product2',
      Array.from({ length: 450 }, (_, i) => ({ Name: `P${String(i).padStart(3, '0')}` })),
    );
    const first = await query(`SELECT Name FROM Product2 ORDER BY Name`);
    expect(first).toMatchObject({ totalSize: 450, done: false });
    expect(first.records.length).toBe(200);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[a-zA-Z0-9]{15}-200$/);
    const second = (await t.api(first.nextRecordsUrl!)).body as QueryBody;
    expect(second.records[0]!.Name).toBe('P200');
    const third = (await t.api(second.nextRecordsUrl!)).body as QueryBody;
    expect(third).toMatchObject({ totalSize: 450, done: true });
    expect(third.records.length).toBe(50);
    expect(third.nextRecordsUrl).toBeUndefined();
    const stale = await t.api(first.nextRecordsUrl!.replace(/-200$/, '-999').replace(/01g\w+/, '01g5g0000000999AAA'));
    expect((stale.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_QUERY_LOCATOR');
    const big = await t.api(`query?q=${encodeURIComponent('SELECT Name FROM Product2')}`, {
      headers: { 'sforce-query-options': 'batchSize=2000' },
    });
    expect((big.body as QueryBody).done).toBe(true);

    const orphan = ids.Contact![3]!;
    await t.api(`sobjects/Contact/${orphan}`, { method: 'DELETE' });
    expect(names(await query(`SELECT LastName FROM Contact WHERE LastName = 'Orphan'`))).toEqual([]);
    const all = await query(`SELECT LastName, IsDeleted FROM Contact WHERE LastName = 'Orphan'`, 'queryAll');
    expect(all.records).toEqual([expect.objectContaining({ LastName: 'Orphan', IsDeleted: true })]);
  });

  it('answers the real errors for bad SOQL', async () => {
    expect((await queryError('SELEC Id FROM Account')).errorCode).toBe('MALFORMED_QUERY');
    expect(await queryError('SELECT Id FROM Acount')).toEqual({
      errorCode: 'INVALID_TYPE',
      message:
        "sObject type 'Acount' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
    });
    expect(await queryError('SELECT Id, Nope__c FROM Account')).toEqual({
      errorCode: 'INVALID_FIELD',
      message:
        "No such column 'Nope__c' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    });
    expect((await queryError('SELECT Id FROM Contact WHERE Acount.Name = null')).message).toMatch(
      /^Didn't understand relationship 'Acount'/,
    );
    expect((await queryError('SELECT Id, (SELECT Id FROM Nopes) FROM Account')).errorCode).toBe('INVALID_TYPE');
    expect((await queryError(`SELECT Id FROM Account WHERE AnnualRevenue = '5'`)).message).toBe(
      "value of filter criterion for field 'AnnualRevenue' must be of type double and should not be enclosed in quotes",
    );
    expect((await queryError(`SELECT Id FROM Account WHERE CreatedDate = NEXT_FORTNIGHT`)).errorCode).toBe(
      'MALFORMED_QUERY',
    );
    const empty = await t.api('query');
    expect((empty.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('MALFORMED_QUERY');
  });
});
