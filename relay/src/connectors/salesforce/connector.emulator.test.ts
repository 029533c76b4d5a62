/**
 * The connector against the Salesforce org emulator (test/emulators/salesforce) over real HTTP: the
 * emulator's schema is the standard objects plus this package's force-app metadata, so a field the
 * package lacks fails here as it would in a real org.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../../test/emulators/salesforce/index.js';
import { parseEnv } from '../../config/env.js';
import {
  createSalesforceConnectorFromEnv,
  eq,
  inList,
  isNotNull,
  type SalesforceAuth,
  type SalesforceConnector,
} from './index.js';

let sf: SalesforceEmulator;
let auth: SalesforceAuth;
let port: SalesforceConnector;
let logins = 0;

beforeAll(async () => {
  sf = await startSalesforceEmulator({ port: 0 });
  const built = createSalesforceConnectorFromEnv(parseEnv({ ...sf.env, SF_API_VERSION: '62.0' }), {
    authOptions: { onLogin: () => void (logins += 1) },
  });
  if (!built) throw new Error('connector not configured from the emulator env');
  ({ auth, salesforce: port } = built);
});
afterAll(() => sf?.close());
beforeEach(() => {
  sf.org.setKnobs({ rowLockFaultRate: 0, faultRate: 0, queryBatchSize: 2000, dailyApiLimit: 100_000 });
  sf.org.resetApiUsage();
});

describe('Salesforce connector ⇄ emulator', () => {
  it('runs on an emulator that loaded the whole package data model', () => {
    expect(sf.org.schemaProblems()).toEqual([]);
    expect(sf.org.cdcEntities().sort()).toEqual(['Account', 'Contact', 'Opportunity', 'Order', 'Product2']);
  });

  it('logs in with the JWT bearer flow and gets the emulator instance', async () => {
    const s = await auth.session();
    expect(s.instanceUrl).toBe(sf.url);
    expect(s.accessToken).toMatch(/!/);
  });

  it('logs in again after a forced token expiry and completes the call', async () => {
    const { id } = await port.create('Account', { Name: 'Expiry Co' });
    const before = logins;
    expect(sf.org.expireAllTokens()).toBeGreaterThan(0);
    expect(await port.getById('Account', id, ['Name'])).toMatchObject({ Id: id, Name: 'Expiry Co' });
    expect(logins).toBe(before + 1);
  });

  it('creates, reads and updates an account with the package NetSuite fields', async () => {
    const { id } = await port.create('Account', { Name: 'Acme Corp' });
    await port.update('Account', id, {
      NetSuite_Balance__c: 1250.5,
      NetSuite_Credit_Hold__c: '_off',
      NetSuite_Sync_Status__c: 'Synced',
      NetSuite_Last_Sync__c: '2026-01-02T03:04:05.000Z',
    });
    const rec = await port.getById('Account', id, [
      'Name',
      'NetSuite_Balance__c',
      'NetSuite_Credit_Hold__c',
      'NetSuite_Sync_Status__c',
    ]);
    expect(rec).toMatchObject({
      Name: 'Acme Corp',
      NetSuite_Balance__c: 1250.5,
      NetSuite_Credit_Hold__c: '_off',
      NetSuite_Sync_Status__c: 'Synced',
    });
    expect(sf.org.record(id)).toMatchObject({ NetSuite_Balance__c: 1250.5 });
  });

  it('rejects what a real org rejects, as typed permanent errors', async () => {
    const { id } = await port.create('Account', { Name: 'Strict Co' });
    await expect(port.update('Account', id, { NetSuite_Credit_Hold__c: 'maybe' })).rejects.toMatchObject({
      code: 'SF_VALIDATION',
      sfCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      retryable: false,
    });
    await expect(port.update('Account', id, { Not_In_Package__c: 'x' })).rejects.toMatchObject({
      code: 'SF_INVALID_FIELD',
      retryable: false,
    });
    await expect(port.create('Account', {})).rejects.toMatchObject({
      code: 'SF_VALIDATION',
      sfCode: 'REQUIRED_FIELD_MISSING',
    });
  });

  it('upserts by the NetSuite internal id: created, then updated', async () => {
    const first = await port.upsert('Account', 'NetSuite_Internal_Id__c', '9001', { Name: 'Upsert Co' });
    const second = await port.upsert('Account', 'NetSuite_Internal_Id__c', '9001', { Name: 'Upsert Co 2' });
    expect(first).toMatchObject({ created: true, id: expect.any(String) });
    expect(second).toMatchObject({ created: false, id: first.id });
    const rows = await port.query(
      port.soql.select(['Id', 'Name']).from('Account').where(eq('NetSuite_Internal_Id__c', '9001')),
    );
    expect(rows).toEqual([{ Id: first.id, Name: 'Upsert Co 2' }]);
  });

  it('writes 450 records in three collection calls (200/200/50) and reports the failing one individually', async () => {
    const input: Record<string, unknown>[] = Array.from({ length: 450 }, (_, i) => ({
      Name: `Bulk ${i}`,
      NetSuite_Internal_Id__c: `B-${i}`,
    }));
    input[333] = { NetSuite_Internal_Id__c: 'B-333' };
    const results = await port.createMany('Account', input);
    expect(sf.org.apiUsage().used).toBe(3);
    expect(results.map((r) => r.index)).toEqual(input.map((_, i) => i));
    const failed = results.filter((r) => !r.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      index: 333,
      error: { code: 'SF_VALIDATION', sfCode: 'REQUIRED_FIELD_MISSING', record: { index: 333 } },
    });
    const upserted = await port.upsertMany(
      'Account',
      'NetSuite_Internal_Id__c',
      input.slice(0, 5).map((r, i) => ({ ...r, Name: `Bulk ${i} v2` })),
    );
    expect(upserted.every((r) => r.ok && r.created === false)).toBe(true);
  });

  it('deletes records and finds them again with includeDeleted (queryAll)', async () => {
    const made = await port.createMany('Account', [
      { Name: 'Gone 1', NetSuite_Entity_Id__c: 'GONE' },
      { Name: 'Gone 2', NetSuite_Entity_Id__c: 'GONE' },
    ]);
    const ids = made.map((r) => (r.ok ? r.id : ''));
    await port.delete('Account', ids[0]!);
    const results = await port.deleteMany([ids[1]!, ids[0]!]);
    expect(results[0]).toMatchObject({ index: 0, ok: true, id: ids[1] });
    expect(results[1]).toMatchObject({ index: 1, ok: false, error: { retryable: false } });
    const q = port.soql.select(['Id', 'IsDeleted']).from('Account').where(eq('NetSuite_Entity_Id__c', 'GONE'));
    expect(await port.query(q)).toEqual([]);
    const all = await port.query(q, { includeDeleted: true });
    expect(all.map((r) => r.IsDeleted)).toEqual([true, true]);
  });

  it('pages through query results via nextRecordsUrl', async () => {
    sf.org.setKnobs({ queryBatchSize: 200 });
    const ids = await port.createMany(
      'Account',
      Array.from({ length: 410 }, (_, i) => ({ Name: `Page ${i}`, NetSuite_Entity_Id__c: 'PAGED' })),
    );
    expect(ids.every((r) => r.ok)).toBe(true);
    sf.org.resetApiUsage();
    const q = port.soql
      .select(['Id', 'Name'])
      .from('Account')
      .where(eq('NetSuite_Entity_Id__c', 'PAGED'))
      .orderBy('Name');
    const rows = await port.query(q);
    expect(rows).toHaveLength(410);
    expect(sf.org.apiUsage().used).toBe(3);
    expect(await port.count(port.soql.count().from('Account').where(eq('NetSuite_Entity_Id__c', 'PAGED')))).toBe(410);
    const some = await port.query(
      port.soql
        .select(['Id'])
        .from('Account')
        .where(inList('Name', ['Page 1', "Page 2' OR Name != '"]), isNotNull('Name')),
    );
    expect(some).toHaveLength(1);
  });

  it('classifies row locks and a spent daily limit as retryable', async () => {
    sf.org.setKnobs({ rowLockFaultRate: 1 });
    const locked = await port.createMany('Account', [{ Name: 'L1' }, { Name: 'L2' }]);
    expect(locked.every((r) => !r.ok && r.error.code === 'SF_ROW_LOCK' && r.error.retryable)).toBe(true);
    sf.org.setKnobs({ rowLockFaultRate: 0, dailyApiLimit: sf.org.apiUsage().used + 1 });
    await port.count(port.soql.count().from('Account'));
    const err = await port.count(port.soql.count().from('Account')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SF_REQUEST_LIMIT', retryable: true, retryAfterMs: expect.any(Number) });
  });

  it('names the relay in the CDC changeOrigin of its own writes (echo detection)', async () => {
    const built = createSalesforceConnectorFromEnv(parseEnv({ ...sf.env }), {
      port: { callClient: 'NetSuiteConnect' },
    });
    const { id } = await built!.salesforce.create('Account', { Name: 'Echo Co' });
    const events = sf.org.bus.retained('/data/NetSuite_Connect__chn');
    const mine = events.filter((e) => JSON.stringify(e.data).includes(id));
    expect(mine).toHaveLength(1);
    const header = (
      mine[0]!.data as unknown as { payload: { ChangeEventHeader: { changeType: string; changeOrigin: string } } }
    ).payload.ChangeEventHeader;
    expect(header.changeType).toBe('CREATE');
    expect(header.changeOrigin).toContain('client=NetSuiteConnect');
  });

  it('publishes the sync-request platform event and describes package fields', async () => {
    const res = await port.publish('NetSuite_Sync_Request__e', {
      Record_Id__c: '001000000000001AAA',
      Object_Name__c: 'Account',
      Action__c: 'sync',
      Request_Id__c: 'req-1',
    });
    expect(res.eventUuid).toMatch(/^[0-9a-f-]{36}$/);
    const d = await port.describe('Account');
    expect(d.fields.find((f) => f.name === 'NetSuite_Internal_Id__c')).toMatchObject({
      externalId: true,
      unique: true,
    });
  });
});
