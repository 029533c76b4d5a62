import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from '../test-support.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(async () => {
  await t.sf.close();
});

type Result = {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
};
const acct = (Name: string | null, extra: Record<string, unknown> = {}) => ({
  attributes: { type: 'Account' },
  Name,
  ...extra,
});
const post = (json: unknown) => t.api('composite/sobjects', { method: 'POST', json });
const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

describe('sObject collections', () => {
  it('creates with allOrNone=false: per-record results in order, the good ones saved', async () => {
    const before = t.sf.org.records('Account').length;
    const r = await post({ allOrNone: false, records: [acct('C1'), acct(null), acct('C3')] });
    expect(r.status).toBe(200);
    const res = r.body as Result[];
    expect(res[0]).toEqual({ id: expect.stringMatching(/^001/), success: true, errors: [] });
    expect(res[1]).toEqual({
      success: false,
      errors: [
        { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] },
      ],
    });
    expect(res[2]!.success).toBe(true);
    expect(t.sf.org.records('Account').length).toBe(before + 2);
  });

  it('creates with allOrNone=true: one failure rolls everything back', async () => {
    const before = t.sf.org.records('Account').length;
    const events = t.sf.org.bus.retained('/data/AccountChangeEvent').length;
    const r = await post({
      allOrNone: true,
      records: [acct('A1'), acct('A2', { NetSuite_Sync_Status__c: 'Bad' }), acct('A3')],
    });
    expect(r.status).toBe(200);
    const res = r.body as Result[];
    expect(res[0]).toEqual({ success: false, errors: [ROLLED_BACK] });
    expect(res[1]!.errors[0]!.statusCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(res[2]).toEqual({ success: false, errors: [ROLLED_BACK] });
    expect(t.sf.org.records('Account').length).toBe(before);
    expect(t.sf.org.bus.retained('/data/AccountChangeEvent').length).toBe(events); // no CDC for rolled-back work
  });

  it('creates mixed types and platform events in one request', async () => {
    const r = await post({
      allOrNone: true,
      records: [
        acct('Mixed'),
        { attributes: { type: 'NetSuite_Sync_Request__e' }, Record_Id__c: 'x' },
        { attributes: { type: 'Product2' }, Name: 'Widget' },
      ],
    });
    const res = r.body as Result[];
    expect(res.map((x) => x.success)).toEqual([true, true, true]);
    expect(res[1]!.errors[0]!.statusCode).toBe('OPERATION_ENQUEUED');
    expect(res[2]!.id).toMatch(/^01t/);
  });

  it('rejects per record: missing attributes.type and an Id on insert', async () => {
    const r = await post({ records: [{ Name: 'no type' }, acct('with id', { Id: '0015g0000000001AAA' })] });
    const res = r.body as Result[];
    expect(res[0]!.errors[0]).toEqual({
      statusCode: 'INVALID_TYPE',
      message: 'Must send a concrete entity type.',
      fields: [],
    });
    expect(res[1]!.errors[0]).toEqual({
      statusCode: 'INVALID_FIELD',
      message: 'cannot specify Id in an insert call',
      fields: ['Id'],
    });
  });

  it('rejects more than 200 records and malformed bodies as a whole', async () => {
    const many = Array.from({ length: 201 }, (_, i) => acct(`N${i}`));
    const r = await post({ records: many });
    expect(r.status).toBe(400);
    expect(r.body).toEqual([
      {
        errorCode: 'EXCEEDED_ID_LIMIT',
        message: 'record limit reached. cannot submit more than 200 records into this call',
      },
    ]);
    const ok = await post({ records: many.slice(0, 200) });
    expect((ok.body as Result[]).length).toBe(200);
    const bad = await post({ allOrNone: 'yes', records: [] });
    expect((bad.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('JSON_PARSER_ERROR');
    const broken = await t.api('composite/sobjects', {
      method: 'POST',
      body: '[',
      headers: { 'content-type': 'application/json' },
    });
    expect((broken.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('updates with allOrNone semantics and reports unknown ids', async () => {
    const [a, b] = t.sf.org.seed('Account', [{ Name: 'U1' }, { Name: 'U2' }]);
    const partial = await t.api('composite/sobjects', {
      method: 'PATCH',
      json: {
        allOrNone: false,
        records: [
          { attributes: { type: 'Account' }, id: a, Name: 'U1b' },
          { attributes: { type: 'Account' }, Name: 'no id' },
        ],
      },
    });
    const res = partial.body as Result[];
    expect(res[0]).toEqual({ id: a, success: true, errors: [] });
    expect(res[1]!.errors[0]).toEqual({
      statusCode: 'MISSING_ARGUMENT',
      message: 'Id not specified in an update call',
      fields: [],
    });
    const all = await t.api('composite/sobjects', {
      method: 'PATCH',
      json: {
        allOrNone: true,
        records: [
          { attributes: { type: 'Account' }, id: b, Name: 'U2b' },
          { attributes: { type: 'Account' }, id: b, Name: 'x'.repeat(256) },
        ],
      },
    });
    expect((all.body as Result[])[0]).toEqual({ success: false, errors: [ROLLED_BACK] });
    expect((all.body as Result[])[1]!.errors[0]!.statusCode).toBe('STRING_TOO_LONG');
    expect(t.sf.org.record(b!)?.Name).toBe('U2');
    expect(t.sf.org.record(a!)?.Name).toBe('U1b');
  });

  it('deletes by ids with per-record errors', async () => {
    const [a] = t.sf.org.seed('Account', [{ Name: 'D1' }]);
    const r = await t.api(`composite/sobjects?ids=${a},bogus,0015g00000ZZZZZAAA&allOrNone=false`, { method: 'DELETE' });
    const res = r.body as Result[];
    expect(res[0]).toEqual({ id: a, success: true, errors: [] });
    expect(res[1]!.errors[0]).toEqual({ statusCode: 'MALFORMED_ID', message: 'malformed id bogus', fields: [] });
    expect(res[2]!.errors[0]!.statusCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    const again = await t.api(`composite/sobjects?ids=${a}`, { method: 'DELETE' });
    expect((again.body as Result[])[0]!.errors[0]!.statusCode).toBe('ENTITY_IS_DELETED');
  });

  it('retrieves by ids with fields', async () => {
    const [a] = t.sf.org.seed('Account', [{ Name: 'R1', Phone: '555' }]);
    const r = await t.api(`composite/sobjects/Account?ids=${a},0015g00000ZZZZZAAA&fields=Name,Phone`);
    expect(r.body).toEqual([
      { attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${a}` }, Name: 'R1', Phone: '555' },
      null,
    ]);
    const viaPost = await t.api('composite/sobjects/Account', {
      method: 'POST',
      json: { ids: [a], fields: ['Phone'] },
    });
    expect(viaPost.body).toEqual([{ attributes: expect.objectContaining({ type: 'Account' }), Phone: '555' }]);
    const noFields = await t.api(`composite/sobjects/Account?ids=${a}`);
    expect((noFields.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('MISSING_ARGUMENT');
    const badField = await t.api('composite/sobjects/Account', {
      method: 'POST',
      json: { ids: [a], fields: ['Nope'] },
    });
    expect((badField.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_FIELD');
  });

  it('upserts by external id: created flags, duplicates in the request, several matches', async () => {
    t.sf.org.seed('Account', [{ Name: 'Existing', NetSuite_Internal_Id__c: 'ns-up-1' }]);
    const r = await t.api('composite/sobjects/Account/NetSuite_Internal_Id__c', {
      method: 'PATCH',
      json: {
        allOrNone: false,
        records: [
          acct('Updated', { NetSuite_Internal_Id__c: 'ns-up-1' }),
          acct('New', { NetSuite_Internal_Id__c: 'ns-up-2' }),
          acct('No key'),
        ],
      },
    });
    const res = r.body as Result[];
    expect(res[0]).toMatchObject({ success: true, created: false, errors: [] });
    expect(res[1]).toMatchObject({ success: true, created: true, errors: [] });
    expect(res[2]!.errors[0]).toEqual({
      statusCode: 'MISSING_ARGUMENT',
      message: 'NetSuite_Internal_Id__c not specified',
      fields: [],
    });
    const dup = await t.api('composite/sobjects/Account/NetSuite_Internal_Id__c', {
      method: 'PATCH',
      json: {
        records: [acct('d1', { NetSuite_Internal_Id__c: 'same' }), acct('d2', { NetSuite_Internal_Id__c: 'SAME' })],
      },
    });
    expect((dup.body as Result[]).map((x) => x.errors[0]?.statusCode)).toEqual(['DUPLICATE_VALUE', 'DUPLICATE_VALUE']);
    t.sf.org.seed('Account', [
      { Name: 'm1', NetSuite_Legacy_Code__c: 'twice' },
      { Name: 'm2', NetSuite_Legacy_Code__c: 'twice' },
    ]);
    const multi = await t.api('composite/sobjects/Account/NetSuite_Legacy_Code__c', {
      method: 'PATCH',
      json: { records: [acct('x', { NetSuite_Legacy_Code__c: 'twice' })] },
    });
    expect((multi.body as Result[])[0]!.errors[0]!.statusCode).toBe('DUPLICATE_EXTERNAL_ID');
    const unknown = await t.api('composite/sobjects/Account/Nope__c', { method: 'PATCH', json: { records: [] } });
    expect(unknown.status).toBe(404);
  });
});
