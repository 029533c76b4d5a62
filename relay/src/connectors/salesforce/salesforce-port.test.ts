import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSalesforceAuth } from './auth.js';
import { createSalesforcePort, type SalesforcePortOptions } from './salesforce-port.js';
import { eq } from './soql/conditions.js';
import { soql } from './soql/query.js';
import { startFakeOrg, type FakeOrg } from './testing/fake-org.js';

let org: FakeOrg;
beforeAll(async () => {
  org = await startFakeOrg();
});
afterAll(() => org.close());
beforeEach(() => {
  org.records.clear();
  org.calls = [];
  org.script = [];
  org.delayMs = 0;
  org.pageSize = 2000;
  org.failNames.clear();
});

const portFor = (o: Partial<SalesforcePortOptions> = {}) =>
  createSalesforcePort({
    auth: createSalesforceAuth({
      loginUrl: org.url,
      clientId: org.clientId,
      username: org.username,
      privateKey: org.privateKey,
    }),
    apiVersion: '62.0',
    ...o,
  });
const accounts = (n: number) => Array.from({ length: n }, (_, i) => ({ Name: `Acme ${i}` }));

describe('SalesforcePort over jsforce (fake org)', () => {
  it('creates, reads, updates and upserts single records', async () => {
    const sf = portFor();
    const { id } = await sf.create('Account', { Name: 'Acme', attributes: { type: 'ignored' } } as never);
    expect(await sf.getById('Account', id, ['Name'])).toEqual({ Id: id, Name: 'Acme' });
    await sf.update('Account', id, { Name: 'Acme 2' });
    expect(org.records.get('Account')?.[0]?.Name).toBe('Acme 2');
    expect(
      await sf.upsert('Account', 'NetSuite_Internal_Id__c', '42', { Name: 'N', NetSuite_Internal_Id__c: '42' }),
    ).toMatchObject({ created: true });
    expect(await sf.upsert('Account', 'NetSuite_Internal_Id__c', '42', { Name: 'N2' })).toMatchObject({
      created: false,
    });
    expect(await sf.getById('Account', '001000000000999AAA')).toBeUndefined();
  });

  it('refuses bad ids, names and records before any call', async () => {
    const sf = portFor();
    await sf.create('Account', { Name: 'warm-up' });
    org.calls = [];
    await expect(sf.getById('Account', "001' OR 1=1")).rejects.toMatchObject({
      code: 'SF_INVALID_INPUT',
      sfCode: 'MALFORMED_ID',
    });
    await expect(sf.create('Account/../../x', { Name: 'x' })).rejects.toMatchObject({ code: 'SF_INVALID_INPUT' });
    await expect(sf.create('Account', { 'Name, Id': 'x' })).rejects.toMatchObject({
      code: 'SF_INVALID_INPUT',
      message: expect.stringContaining('Name, Id'),
    });
    await expect(sf.upsert('Account', 'Ext__c', ' ', {})).rejects.toMatchObject({ code: 'SF_INVALID_INPUT' });
    await expect(sf.query('SELECT Id FROM Account' as never)).rejects.toMatchObject({ code: 'SF_INVALID_INPUT' });
    const forged = { kind: 'soql', toSoql: () => "SELECT Id FROM Account WHERE Name = '' OR Id != null" };
    await expect(sf.query(forged as never)).rejects.toMatchObject({ code: 'SF_INVALID_INPUT' });
    await expect(sf.publish('Account', {})).rejects.toMatchObject({ code: 'SF_INVALID_INPUT' });
    expect(org.calls).toEqual([]);
  });

  it('maps a single-record failure to a typed permanent error naming the field', async () => {
    await expect(portFor().create('Account', {})).rejects.toMatchObject({
      code: 'SF_VALIDATION',
      sfCode: 'REQUIRED_FIELD_MISSING',
      fields: ['Name'],
      retryable: false,
      httpStatus: 400,
    });
  });

  it('pages through every query result via nextRecordsUrl', async () => {
    const sf = portFor();
    await sf.createMany('Account', accounts(450));
    org.pageSize = 200;
    org.calls = [];
    const rows = await sf.query(soql.select(['Id', 'Name']).from('Account').where(eq('Name', "it's")));
    expect(rows).toHaveLength(450);
    expect(rows[449]).toEqual({ Id: expect.any(String), Name: 'Acme 449' });
    expect(rows[0]).not.toHaveProperty('attributes');
    expect(org.calls.map((c) => c.path.replace(/\?.*/, ''))).toEqual([
      '/services/data/v62.0/query',
      '/services/data/v62.0/query/01gFAKEAccount-200',
      '/services/data/v62.0/query/01gFAKEAccount-400',
    ]);
    const sizes: number[] = [];
    for await (const page of sf.queryPages(soql.select(['Id']).from('Account'))) sizes.push(page.length);
    expect(sizes).toEqual([200, 200, 50]);
    await expect(sf.query(soql.select(['Id']).from('Account'), { maxRecords: 300 })).rejects.toMatchObject({
      code: 'SF_INVALID_INPUT',
    });
    expect(await sf.count(soql.count().from('Account'))).toBe(450);
  });

  it('writes 450 records as 200/200/50 and reports the failing one individually, in input order', async () => {
    const sf = portFor();
    org.failNames.add('Acme 201');
    const input: Record<string, unknown>[] = accounts(450);
    input[17] = { Name: '' };
    const results = await sf.createMany('Account', input);
    expect(org.calls.map((c) => c.records)).toEqual([200, 200, 50]);
    expect(results).toHaveLength(450);
    expect(results.map((r) => r.index)).toEqual(input.map((_, i) => i));
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => r.index)).toEqual([17, 201]);
    expect(failed[0]).toMatchObject({
      error: {
        code: 'SF_VALIDATION',
        sfCode: 'REQUIRED_FIELD_MISSING',
        fields: ['Name'],
        record: { index: 17, sobject: 'Account' },
      },
    });
    expect(failed[1]).toMatchObject({
      error: { sfCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', retryable: false, record: { index: 201 } },
    });
    expect(org.records.get('Account')).toHaveLength(448);
  });

  it('updates and upserts collections, failing records without Id/external id locally', async () => {
    const sf = portFor();
    const created = await sf.createMany('Account', accounts(3));
    const ids = created.map((r) => (r.ok ? r.id : ''));
    org.calls = [];
    const updated = await sf.updateMany('Account', [
      { Id: ids[0], Name: 'U0' },
      { Name: 'no id' },
      { Id: ids[2], Name: 'U2' },
    ]);
    expect(updated.map((r) => r.ok)).toEqual([true, false, true]);
    expect(updated[1]).toMatchObject({ error: { code: 'SF_INVALID_INPUT', record: { index: 1 } } });
    expect(org.calls.map((c) => c.records)).toEqual([2]);
    const upserted = await sf.upsertMany('Account', 'NetSuite_Internal_Id__c', [
      { Name: 'A', NetSuite_Internal_Id__c: '1' },
      { Name: 'B' },
      { Name: 'C', NetSuite_Internal_Id__c: '1' },
    ]);
    expect(upserted).toMatchObject([
      { ok: true, created: true },
      { ok: false, error: { code: 'SF_INVALID_INPUT' } },
      { ok: true, created: false },
    ]);
  });

  it('deletes one record and collections of ids (200 per call, per-id results, bad ids not sent)', async () => {
    const sf = portFor();
    const created = await sf.createMany('Account', accounts(250));
    const ids = created.map((r) => (r.ok ? r.id : ''));
    await sf.delete('Account', ids[0]!);
    await expect(sf.delete('Account', ids[0]!)).rejects.toMatchObject({ code: 'SF_NOT_FOUND' });
    org.calls = [];
    const results = await sf.deleteMany([...ids, 'not-an-id']);
    expect(org.calls.map((c) => [c.method, c.records])).toEqual([
      ['DELETE', 200],
      ['DELETE', 50],
    ]);
    expect(results).toHaveLength(251);
    expect(results[0]).toMatchObject({
      index: 0,
      ok: false,
      error: { code: 'SF_NOT_FOUND', sfCode: 'ENTITY_IS_DELETED' },
    });
    expect(results.slice(1, 250).every((r) => r.ok)).toBe(true);
    expect(results[250]).toMatchObject({ index: 250, ok: false, error: { code: 'SF_INVALID_INPUT' } });
    expect(org.records.get('Account')).toEqual([]);
  });

  it('logs in again once on INVALID_SESSION_ID and retries the call', async () => {
    const sf = portFor();
    const { id } = await sf.create('Account', { Name: 'x' });
    const loginsBefore = org.logins;
    org.expireTokens();
    org.calls = [];
    expect(await sf.getById('Account', id)).toMatchObject({ Id: id });
    expect(org.logins).toBe(loginsBefore + 1);
    expect(org.calls).toHaveLength(1); // the refused call is answered by the auth middleware, before logging
  });

  it('gives up after one retry when the new session is refused too', async () => {
    const sf = portFor();
    await sf.create('Account', { Name: 'x' });
    const expired = { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
    org.script.push(expired, expired, expired);
    org.calls = [];
    await expect(sf.query(soql.select(['Id']).from('Account'))).rejects.toMatchObject({
      code: 'SF_SESSION_EXPIRED',
      httpStatus: 401,
    });
    expect(org.calls).toHaveLength(2);
  });

  it.each([
    [
      {
        status: 403,
        body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }],
        headers: { 'retry-after': '30' },
      },
      { code: 'SF_REQUEST_LIMIT', retryable: true, retryAfterMs: 30_000 },
    ],
    [
      {
        status: 403,
        body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }],
        headers: { 'sforce-limit-info': 'api-usage=15000/15000' },
      },
      { code: 'SF_REQUEST_LIMIT', retryAfterMs: 900_000 },
    ],
    [
      {
        status: 400,
        body: [{ errorCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' }],
      },
      { code: 'SF_ROW_LOCK', retryable: true },
    ],
    [
      { status: 503, body: '<html>Service Unavailable</html>', headers: { 'content-type': 'text/html' } },
      { code: 'SF_UNAVAILABLE', retryable: true, httpStatus: 503 },
    ],
    [
      { status: 500, body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred' }] },
      { code: 'SF_UNAVAILABLE', retryable: true },
    ],
    [
      { status: 400, body: [{ errorCode: 'INVALID_FIELD', message: "No such column 'Foo__c' on entity 'Account'" }] },
      { code: 'SF_INVALID_FIELD', retryable: false },
    ],
    [
      {
        status: 400,
        body: [
          { errorCode: 'MALFORMED_QUERY', message: 'unexpected token' },
          { errorCode: 'X', message: 'y' },
        ],
      },
      { code: 'SF_MALFORMED_QUERY', details: [{ sfCode: 'X', message: 'y' }] },
    ],
  ])('classifies a REST failure %#', async (scripted, expected) => {
    const sf = portFor();
    await sf.create('Account', { Name: 'warm-up' });
    org.script.push(scripted);
    await expect(sf.query(soql.select(['Id']).from('Account'))).rejects.toMatchObject(expected);
  });

  it('times out slow calls as SF_TIMEOUT', async () => {
    const sf = portFor({ timeoutMs: 50 });
    await sf.create('Account', { Name: 'x' });
    org.delayMs = 400;
    await expect(sf.query(soql.select(['Id']).from('Account'))).rejects.toMatchObject({
      code: 'SF_TIMEOUT',
      retryable: true,
    });
  });

  it('fails a whole chunk on a request-level error and skips the rest of the batch after a limit error', async () => {
    const sf = portFor();
    await sf.create('Account', { Name: 'warm-up' });
    org.calls = [];
    org.script.push(
      { status: 200, body: [] },
      { status: 403, body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'limit' }] },
    );
    const results = await sf.createMany('Account', accounts(450));
    expect(org.calls.map((c) => c.records)).toEqual([200, 200]);
    expect(results.slice(0, 200).every((r) => !r.ok && r.error.code === 'SF_PROTOCOL')).toBe(true);
    expect(results.slice(200).every((r) => !r.ok && r.error.code === 'SF_REQUEST_LIMIT' && r.error.retryable)).toBe(
      true,
    );
  });

  it('reports a 300 upsert as SF_MULTIPLE_MATCHES', async () => {
    const sf = portFor();
    org.records.set('Account', [
      { Id: '001000000000101AAA', Ext__c: 'd' },
      { Id: '001000000000102AAA', Ext__c: 'd' },
    ]);
    await expect(sf.upsert('Account', 'Ext__c', 'd', { Name: 'x' })).rejects.toMatchObject({
      code: 'SF_MULTIPLE_MATCHES',
      httpStatus: 300,
    });
  });

  it('sends Sforce-Call-Options client=<callClient> so change events show the relay as their origin', async () => {
    const sf = portFor({ callClient: 'NetSuiteConnect' });
    await sf.create('Account', { Name: 'echo' });
    expect(org.calls.at(-1)?.callOptions).toBe('client=NetSuiteConnect');
    expect(org.calls.at(-1)?.authorization).toMatch(/^Bearer 00D/);
  });

  it('publishes a platform event and returns its EventUuid', async () => {
    const sf = portFor();
    expect(await sf.publish('NetSuite_Sync_Request__e', { Record_Id__c: '001000000000001AAA' })).toEqual({
      id: 'e01xx0000000001AAA',
      eventUuid: '232fd30e-0a71-42bd-a97b-be0e329b2ded',
    });
  });

  it('caches describe per object for its TTL and notes API usage', async () => {
    let now = 0;
    const sf = portFor({ now: () => now, describeTtlMs: 1000 });
    org.describes = 0;
    const [a, b] = await Promise.all([sf.describe('Account'), sf.describe('Account')]);
    expect(a.fields.map((f) => f.name)).toEqual(['Id', 'Name']);
    expect(b).toBe(a);
    now = 1500;
    await sf.describe('Account');
    expect(org.describes).toBe(2);
    expect(sf.apiUsage()).toEqual({ used: 7, limit: 15000 });
  });

  it('adds the namespace on the wire and strips it from answers', async () => {
    const sf = portFor({ namespace: 'nsc' });
    const { id } = await sf.create('Account', { Name: 'N', NetSuite_Internal_Id__c: '7' });
    expect(org.records.get('Account')?.[0]).toMatchObject({ nsc__NetSuite_Internal_Id__c: '7' });
    expect(await sf.getById('Account', id)).toEqual({ Id: id, Name: 'N', NetSuite_Internal_Id__c: '7' });
    expect(sf.soql.select(['Id']).from('Sync_Log__c').toSoql()).toBe('SELECT Id FROM nsc__Sync_Log__c');
  });
});
