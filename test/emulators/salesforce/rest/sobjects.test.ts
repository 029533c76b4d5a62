import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from '../test-support.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(async () => {
  await t.sf.close();
});

const create = (type: string, json: unknown) => t.api(`sobjects/${type}`, { method: 'POST', json });
const idOf = (r: { body: unknown }) => (r.body as { id: string }).id;

describe('sObject CRUD', () => {
  it('creates (201), reads, updates (204) and deletes (204) a record', async () => {
    const c = await create('Account', { Name: 'Acme', BillingCity: 'Paris', AnnualRevenue: 1200 });
    expect(c.status).toBe(201);
    expect(c.body).toEqual({ id: expect.stringMatching(/^001[a-zA-Z0-9]{15}$/), success: true, errors: [] });
    const id = idOf(c);
    const read = await t.api(`sobjects/Account/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${id}` },
      Id: id,
      Name: 'Acme',
      AnnualRevenue: 1200,
      BillingAddress: { city: 'Paris', street: null },
      IsDeleted: false,
      OwnerId: t.sf.org.userId,
      NetSuite_Sync_Status__c: 'Pending',
      CreatedDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
    });
    const only = await t.api(`sobjects/Account/${id.slice(0, 15)}?fields=Name,BillingCity`);
    expect(Object.keys(only.body as object)).toEqual(['attributes', 'Name', 'BillingCity']);
    const u = await t.api(`sobjects/Account/${id}`, { method: 'PATCH', json: { Name: 'Acme 2' } });
    expect(u.status).toBe(204);
    expect(u.body).toBeNull();
    expect(t.sf.org.record(id)?.Name).toBe('Acme 2');
    expect((await t.api(`sobjects/Account/${id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await t.api(`sobjects/Account/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual([{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]);
    const again = await t.api(`sobjects/Account/${id}`, { method: 'PATCH', json: { Name: 'x' } });
    expect(again.body).toEqual([{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]);
  });

  it('fills derived values: full name, auto numbers, custom auto-number names', async () => {
    const acct = idOf(await create('Account', { Name: 'Derive Co' }));
    const contact = idOf(await create('Contact', { FirstName: 'Ada', LastName: 'Lovelace', AccountId: acct }));
    expect(t.sf.org.record(contact)?.Name).toBe('Ada Lovelace');
    const order = idOf(await create('Order', { AccountId: acct, EffectiveDate: '2026-01-15' }));
    expect(t.sf.org.record(order)).toMatchObject({ Status: 'Draft', OrderNumber: expect.stringMatching(/^\d{8}$/) });
    const log = idOf(await create('Sync_Log__c', { Message__c: 'ok' }));
    expect(t.sf.org.record(log)?.Name).toBe('SL-000001');
  });
});

describe('validation errors (real error JSON)', () => {
  it.each([
    [
      'REQUIRED_FIELD_MISSING',
      'Account',
      { Website: 'x.com' },
      400,
      [{ message: 'Required fields are missing: [Name]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Name'] }],
    ],
    [
      'REQUIRED_FIELD_MISSING (several)',
      'Opportunity',
      { Name: 'Deal' },
      400,
      [
        {
          message: 'Required fields are missing: [StageName, CloseDate]',
          errorCode: 'REQUIRED_FIELD_MISSING',
          fields: ['StageName', 'CloseDate'],
        },
      ],
    ],
    [
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'Account',
      { Name: 'A', NetSuite_Sync_Status__c: 'Maybe' },
      400,
      [
        {
          message: 'NetSuite Sync Status: bad value for restricted picklist field: Maybe',
          errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          fields: ['NetSuite_Sync_Status__c'],
        },
      ],
    ],
    [
      'STRING_TOO_LONG',
      'Account',
      { Name: 'A', NetSuite_Internal_Id__c: 'x'.repeat(21) },
      400,
      [
        {
          message: `NetSuite Internal ID: data value too large: ${'x'.repeat(21)} (max length=20)`,
          errorCode: 'STRING_TOO_LONG',
          fields: ['NetSuite_Internal_Id__c'],
        },
      ],
    ],
    [
      'INVALID_FIELD',
      'Account',
      { Name: 'A', Foo__c: 1 },
      400,
      [{ message: "No such column 'Foo__c' on sobject of type Account", errorCode: 'INVALID_FIELD' }],
    ],
    [
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      'Account',
      { Name: 'A', CreatedDate: '2020-01-01T00:00:00Z' },
      400,
      [expect.objectContaining({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['CreatedDate'] })],
    ],
    [
      'MALFORMED_ID on a lookup',
      'Contact',
      { LastName: 'X', AccountId: 'abc' },
      400,
      [{ message: 'Account ID: id value of incorrect type: abc', errorCode: 'MALFORMED_ID', fields: ['AccountId'] }],
    ],
    [
      'MALFORMED_ID for a wrong key prefix',
      'Contact',
      { LastName: 'X', AccountId: '0035g0000000001AAA' },
      400,
      [expect.objectContaining({ errorCode: 'MALFORMED_ID', fields: ['AccountId'] })],
    ],
    [
      'INVALID_CROSS_REFERENCE_KEY',
      'Contact',
      { LastName: 'X', AccountId: '0015g00000ZZZZZAAA' },
      400,
      [{ message: 'invalid cross reference id', errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['AccountId'] }],
    ],
    [
      'JSON_PARSER_ERROR for a wrong type',
      'Account',
      { Name: 'A', AnnualRevenue: 'lots' },
      400,
      [
        expect.objectContaining({
          errorCode: 'JSON_PARSER_ERROR',
          message: expect.stringContaining('Cannot deserialize instance of double from VALUE_STRING value lots'),
        }),
      ],
    ],
    [
      'INVALID_EMAIL_ADDRESS',
      'Contact',
      { LastName: 'X', Email: 'not-an-email' },
      400,
      [
        {
          message: 'Email: invalid email address: not-an-email',
          errorCode: 'INVALID_EMAIL_ADDRESS',
          fields: ['Email'],
        },
      ],
    ],
    [
      'NOT_FOUND for an unknown object',
      'Nope__c',
      { Name: 'A' },
      404,
      [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    ],
  ])('%s', async (_name, type, json, status, body) => {
    const r = await create(type, json);
    expect(r.status).toBe(status);
    expect(r.body).toEqual(body);
  });

  it('DUPLICATE_VALUE on a unique field (case-insensitive)', async () => {
    const first = idOf(await create('Account', { Name: 'A', NetSuite_Internal_Id__c: 'dup-1' }));
    const r = await create('Account', { Name: 'B', NetSuite_Internal_Id__c: 'DUP-1' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual([
      {
        message: `duplicate value found: NetSuite_Internal_Id__c duplicates value on record with id: ${first.slice(0, 15)}`,
        errorCode: 'DUPLICATE_VALUE',
        fields: [],
      },
    ]);
  });

  it('JSON_PARSER_ERROR for malformed JSON, an empty body and an array body', async () => {
    const bad = await t.api('sobjects/Account', {
      method: 'POST',
      body: '{"Name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([
      { errorCode: 'JSON_PARSER_ERROR', message: expect.stringMatching(/^Unexpected .* at \[line:1, column:\d+\]$/) },
    ]);
    const empty = await t.api('sobjects/Account', { method: 'POST', body: '' });
    expect((empty.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('JSON_PARSER_ERROR');
    const arr = await create('Account', [{ Name: 'x' }]);
    expect((arr.body as Array<{ message: string }>)[0]!.message).toContain(
      'Cannot deserialize instance of Account from START_ARRAY',
    );
  });

  it('REQUIRED_FIELD_MISSING when an update blanks a required field, and nothing is saved', async () => {
    const id = idOf(await create('Account', { Name: 'Keep' }));
    const r = await t.api(`sobjects/Account/${id}`, { method: 'PATCH', json: { Name: null, Phone: '123' } });
    expect(r.body).toEqual([
      { message: 'Required fields are missing: [Name]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Name'] },
    ]);
    expect(t.sf.org.record(id)).toMatchObject({ Name: 'Keep', Phone: null });
  });

  it('MALFORMED_ID, NOT_FOUND and external-id NOT_FOUND on record URLs', async () => {
    const patch = await t.api('sobjects/Account/0035g0000000001AAA', { method: 'PATCH', json: { Name: 'x' } });
    expect(patch).toMatchObject({
      status: 400,
      body: [{ errorCode: 'MALFORMED_ID', message: 'malformed id 0035g0000000001AAA', fields: [] }],
    });
    const missing = await t.api('sobjects/Account/0015g00000ZZZZZAAA');
    expect(missing).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    });
    // restforce fixture delete_error_response.json: a non-id segment is read as an external-id field.
    const delNotAnId = await t.api('sobjects/Account/rid', { method: 'DELETE' });
    expect(delNotAnId).toMatchObject({
      status: 404,
      body: [
        { message: 'Provided external ID field does not exist or is not accessible: rid', errorCode: 'NOT_FOUND' },
      ],
    });
    const notAnId = await t.api('sobjects/Account/hello');
    expect(notAnId.body).toEqual([
      { errorCode: 'NOT_FOUND', message: 'Provided external ID field does not exist or is not accessible: hello' },
    ]);
    const badField = await t.api('sobjects/Account/x?fields=Name,Nope');
    expect(badField.status).toBe(404);
  });

  it('sets a parent by its external id through the relationship name', async () => {
    await create('Account', { Name: 'Parent', NetSuite_Internal_Id__c: 'ns-parent' });
    const r = await create('Contact', { LastName: 'Kid', Account: { NetSuite_Internal_Id__c: 'ns-parent' } });
    expect(r.status).toBe(201);
    const missing = await create('Contact', { LastName: 'Kid', Account: { NetSuite_Internal_Id__c: 'nope' } });
    expect(missing.body).toEqual([
      {
        errorCode: 'INVALID_FIELD',
        message: 'Foreign key external ID: nope not found for field NetSuite_Internal_Id__c in entity Account',
        fields: [],
      },
    ]);
  });

  it('cascades deletes to master-detail children and clears plain lookups', async () => {
    const acct = idOf(await create('Account', { Name: 'Cascade' }));
    const inv = idOf(
      await create('NetSuite_Invoice__c', { Name: 'INV', Account__c: acct, Invoice_Number__c: 'INV-CASCADE' }),
    );
    const log = idOf(await create('Sync_Log__c', { Account__c: acct }));
    await t.api(`sobjects/Account/${acct}`, { method: 'DELETE' });
    expect(t.sf.org.record(inv)?.IsDeleted).toBe(true);
    expect(t.sf.org.record(log)).toMatchObject({ IsDeleted: false, Account__c: null });
  });
});

describe('upsert by external id', () => {
  it('creates (201, created:true), updates (200, created:false), 300 on several matches, 404 on an unknown field', async () => {
    const url = 'sobjects/Account/NetSuite_Internal_Id__c/ns-100';
    const c = await t.api(url, { method: 'PATCH', json: { Name: 'Upserted' } });
    expect(c.status).toBe(201);
    expect(c.body).toEqual({ id: expect.any(String), success: true, errors: [], created: true });
    const u = await t.api(url, { method: 'PATCH', json: { Name: 'Upserted 2' } });
    expect(u.status).toBe(200);
    expect(u.body).toEqual({ id: idOf(c), success: true, errors: [], created: false });
    expect(t.sf.org.record(idOf(c))).toMatchObject({ Name: 'Upserted 2', NetSuite_Internal_Id__c: 'ns-100' });
    const old = await t.api('/services/data/v45.0/sobjects/Account/NetSuite_Internal_Id__c/ns-100', {
      method: 'PATCH',
      json: { Name: 'v45' },
    });
    expect(old.status).toBe(204);

    // Legacy code is an external id without a unique constraint: two records may share a value.
    const a = idOf(await create('Account', { Name: 'L1', NetSuite_Legacy_Code__c: 'L-1' }));
    const b = idOf(await create('Account', { Name: 'L2', NetSuite_Legacy_Code__c: 'L-1' }));
    const multi = await t.api('sobjects/Account/NetSuite_Legacy_Code__c/L-1', { method: 'PATCH', json: { Name: 'x' } });
    expect(multi.status).toBe(300);
    expect(multi.body).toEqual([
      `/services/data/v62.0/sobjects/Account/${a}`,
      `/services/data/v62.0/sobjects/Account/${b}`,
    ]);

    const unknown = await t.api('sobjects/Account/Namez/1', { method: 'PATCH', json: { Name: 'x' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([
      { errorCode: 'NOT_FOUND', message: 'Provided external ID field does not exist or is not accessible: Namez' },
    ]);
    const notExternal = await t.api('sobjects/Account/Phone/1', { method: 'PATCH', json: { Name: 'x' } });
    expect(notExternal.status).toBe(404);
  });

  it('reads and deletes by external id', async () => {
    const id = idOf(await create('Account', { Name: 'ByExt', NetSuite_Internal_Id__c: 'ns-read' }));
    const r = await t.api('sobjects/Account/NetSuite_Internal_Id__c/ns-read?fields=Name');
    expect(r.body).toEqual({
      attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${id}` },
      Name: 'ByExt',
    });
    expect((await t.api('sobjects/Account/NetSuite_Internal_Id__c/ns-read', { method: 'DELETE' })).status).toBe(204);
    expect((await t.api('sobjects/Account/NetSuite_Internal_Id__c/ns-read')).status).toBe(404);
  });
});
