import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from '../test-support.js';

let t: TestOrg;
let rolls: number[] = [];
beforeAll(async () => {
  // Deterministic randomness for the fault knobs: tests push the next values.
  t = await startTestOrg({ random: () => rolls.shift() ?? 0.99 });
});
afterAll(async () => {
  await t.sf.close();
});

describe('platform event publish', () => {
  it('answers 201 with OPERATION_ENQUEUED carrying the EventUuid, and the event reaches the bus', async () => {
    const r = await t.api('sobjects/NetSuite_Sync_Request__e', {
      method: 'POST',
      json: { Record_Id__c: '0015g0000000001AAA', Action__c: 'sync' },
    });
    expect(r.status).toBe(201);
    const body = r.body as {
      id: string;
      success: boolean;
      errors: Array<{ statusCode: string; message: string; fields: string[] }>;
    };
    expect(body.id).toMatch(/^e00[a-zA-Z0-9]{15}$/);
    expect(body.success).toBe(true);
    expect(body.errors).toEqual([
      { statusCode: 'OPERATION_ENQUEUED', message: expect.stringMatching(/^[0-9a-f-]{36}$/), fields: [] },
    ]);
    const [event] = t.sf.org.bus.retained('/event/NetSuite_Sync_Request__e');
    expect(event!.data.event).toEqual({ EventUuid: body.errors[0]!.message, replayId: expect.any(Number) });
    expect(event!.data.payload).toEqual({
      CreatedDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      CreatedById: t.sf.org.userId,
      Record_Id__c: '0015g0000000001AAA',
      Action__c: 'sync',
    });
  });

  it('accepts the documented trailing slash (POST /sobjects/X__e/)', async () => {
    const r = await t.api('sobjects/NetSuite_Sync_Request__e/', { method: 'POST', json: { Record_Id__c: 'x' } });
    expect(r.status).toBe(201);
    expect((await t.api('sobjects/Account/describe/')).status).toBe(200);
  });

  it('rejects a missing required field and unknown fields, and publishes nothing', async () => {
    const before = t.sf.org.bus.retained('/event/NetSuite_Sync_Request__e').length;
    const missing = await t.api('sobjects/NetSuite_Sync_Request__e', { method: 'POST', json: { Action__c: 'x' } });
    expect(missing.body).toEqual([
      {
        message: 'Required fields are missing: [Record_Id__c]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['Record_Id__c'],
      },
    ]);
    const unknown = await t.api('sobjects/NetSuite_Sync_Request__e', {
      method: 'POST',
      json: { Record_Id__c: 'x', Nope__c: 1 },
    });
    expect((unknown.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_FIELD');
    expect(t.sf.org.bus.retained('/event/NetSuite_Sync_Request__e').length).toBe(before);
    const q = await t.api(`query?q=${encodeURIComponent('SELECT Id FROM NetSuite_Sync_Request__e')}`);
    expect((q.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_TYPE_FOR_OPERATION');
  });
});

describe('describe, versions and resources', () => {
  it('lists versions without a session', async () => {
    const r = await fetch(`${t.sf.url}/services/data`);
    const list = (await r.json()) as Array<{ version: string; url: string; label: string }>;
    expect(list).toContainEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
    expect(list).toContainEqual({ label: "Spring '26", url: '/services/data/v66.0', version: '66.0' });
  });

  it('answers 404 NOT_FOUND for an unsupported version or path', async () => {
    expect((await t.api('/services/data/v20.0/sobjects')).status).toBe(404);
    const r = await t.api('/services/data/v62.0/nope');
    expect(r).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    });
  });

  it('answers 405 METHOD_NOT_ALLOWED for a known resource and a method it does not serve', async () => {
    const r = await t.api('sobjects/Account', { method: 'PUT', json: {} });
    expect(r).toMatchObject({
      status: 405,
      body: [{ errorCode: 'METHOD_NOT_ALLOWED', message: "HTTP Method 'PUT' not allowed. Allowed are HEAD,GET,POST" }],
    });
    expect((await t.api('query?q=x', { method: 'POST' })).status).toBe(405);
    expect((await t.api('composite/sobjects', { method: 'GET' })).status).toBe(405);
    expect((await t.api('sobjects/Account/describe')).status).toBe(200);
  });

  it('describes an object with fields, picklists and child relationships', async () => {
    const r = await t.api('sobjects/Account/describe');
    const d = r.body as {
      name: string;
      keyPrefix: string;
      fields: Array<Record<string, unknown>>;
      childRelationships: Array<Record<string, unknown>>;
    };
    expect(d).toMatchObject({ name: 'Account', keyPrefix: '001', createable: true, custom: false });
    const name = d.fields.find((f) => f.name === 'Name')!;
    expect(name).toMatchObject({ type: 'string', length: 255, nillable: false, createable: true, nameField: true });
    const status = d.fields.find((f) => f.name === 'NetSuite_Sync_Status__c')!;
    expect(status).toMatchObject({ type: 'picklist', restrictedPicklist: true, custom: true });
    expect(status.picklistValues).toContainEqual({
      active: true,
      defaultValue: true,
      label: 'Pending',
      validFor: null,
      value: 'Pending',
    });
    expect(d.fields.find((f) => f.name === 'NetSuite_Internal_Id__c')).toMatchObject({
      externalId: true,
      unique: true,
      idLookup: true,
    });
    expect(d.fields.find((f) => f.name === 'BillingCity')).toMatchObject({ compoundFieldName: 'BillingAddress' });
    expect(d.childRelationships).toContainEqual(
      expect.objectContaining({ relationshipName: 'Contacts', childSObject: 'Contact', field: 'AccountId' }),
    );
    expect(d.childRelationships).toContainEqual(
      expect.objectContaining({ relationshipName: 'NetSuite_Invoices__r', cascadeDelete: true }),
    );
    const global = await t.api('sobjects');
    const names = (global.body as { sobjects: Array<{ name: string }> }).sobjects.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Account',
        'Order',
        'OrderItem',
        'PricebookEntry',
        'Sync_Log__c',
        'NetSuite_Sync_Request__e',
      ]),
    );
    expect((await t.api('sobjects/Nope__c/describe')).status).toBe(404);
  });
});

describe('API limits and faults', () => {
  it('counts calls in Sforce-Limit-Info, reports /limits and answers 403 REQUEST_LIMIT_EXCEEDED when spent', async () => {
    t.sf.org.resetApiUsage();
    t.sf.org.setKnobs({ dailyApiLimit: 3 });
    const a = await t.api('sobjects');
    expect(a.headers.get('sforce-limit-info')).toBe('api-usage=1/3');
    const limits = await t.api('limits');
    expect((limits.body as { DailyApiRequests: unknown }).DailyApiRequests).toEqual({ Max: 3, Remaining: 1 });
    await t.api('sobjects');
    const spent = await t.api('sobjects');
    expect(spent.status).toBe(403);
    expect(spent.body).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    expect(spent.headers.get('sforce-limit-info')).toBe('api-usage=3/3');
    expect((await fetch(`${t.sf.url}/services/data`)).status).toBe(200); // not counted
    t.sf.org.setKnobs({ dailyApiLimit: 100_000 });
    t.sf.org.resetApiUsage();
    expect(t.sf.org.apiUsage()).toEqual({ used: 0, max: 100_000 });
  });

  it('keeps Sforce-Limit-Info on error answers and delays answers by the latency knob', async () => {
    const bad = await t.api('sobjects/Account', { method: 'POST', json: {} });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
    t.sf.org.setKnobs({ latencyMs: 60 });
    const started = performance.now();
    await t.api('limits');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    t.sf.org.setKnobs({ latencyMs: 0 });
  });

  it('injects UNABLE_TO_LOCK_ROW on DML and 503 on the fault-rate knob', async () => {
    t.sf.org.setKnobs({ rowLockFaultRate: 0.5 });
    rolls = [0.1];
    const locked = await t.api('sobjects/Account', { method: 'POST', json: { Name: 'Locked' } });
    expect(locked.status).toBe(400);
    expect(locked.body).toEqual([
      {
        errorCode: 'UNABLE_TO_LOCK_ROW',
        message: expect.stringMatching(/^unable to obtain exclusive access to this record or 1 records: 001/),
        fields: [],
      },
    ]);
    expect(t.sf.org.records('Account').some((a) => a.Name === 'Locked')).toBe(false);
    t.sf.org.setKnobs({ rowLockFaultRate: 0, faultRate: 0.5 });
    rolls = [0.2];
    const down = await t.api('sobjects');
    expect(down.status).toBe(503);
    expect((down.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('SERVER_UNAVAILABLE');
    t.sf.org.setKnobs({ faultRate: 0 });
  });
});
