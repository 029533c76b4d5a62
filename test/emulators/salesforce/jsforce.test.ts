/** A real client agrees: jsforce 3 drives the emulator over HTTP (auth, query, CRUD, upsert, collections). */
import { readFile } from 'node:fs/promises';
import { Connection } from 'jsforce';
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_BEARER } from './auth/oauth-routes.js';
import { startTestOrg, type TestOrg } from './test-support.js';

let t: TestOrg;
let conn: Connection;

async function mintAssertion(): Promise<string> {
  const key = await importPKCS8(await readFile(t.sf.env.SF_PRIVATE_KEY_FILE, 'utf8'), 'RS256');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(t.sf.env.SF_CLIENT_ID)
    .setSubject(t.sf.env.SF_USERNAME)
    .setAudience(t.sf.env.SF_LOGIN_URL)
    .setExpirationTime('3m')
    .sign(key);
}

beforeAll(async () => {
  t = await startTestOrg();
  conn = new Connection({ loginUrl: t.sf.env.SF_LOGIN_URL, version: '62.0' });
  await conn.authorize({ grant_type: JWT_BEARER, assertion: await mintAssertion() });
});
afterAll(async () => {
  await t.sf.close();
});

describe('jsforce against the emulator', () => {
  it('logs in with the JWT bearer grant and knows the org and user', () => {
    expect(conn.instanceUrl).toBe(t.sf.url);
    expect(conn.userInfo).toMatchObject({ id: t.sf.org.userId, organizationId: t.sf.org.orgId });
  });

  it('creates, retrieves, updates, upserts and deletes through sobject()', async () => {
    const created = await conn.sobject('Account').create({ Name: 'JS Co', NetSuite_Internal_Id__c: 'js-1' });
    expect(created).toMatchObject({ success: true, id: expect.stringMatching(/^001/) });
    const rec = await conn.sobject('Account').retrieve(created.id!);
    expect(rec).toMatchObject({ Name: 'JS Co', Id: created.id });
    const updated = await conn.sobject('Account').update({ Id: created.id!, Name: 'JS Co 2' });
    expect(updated).toMatchObject({ success: true, id: created.id });
    const upd = await conn
      .sobject('Account')
      .upsert({ NetSuite_Internal_Id__c: 'js-1', Phone: '555' }, 'NetSuite_Internal_Id__c');
    expect(upd).toMatchObject({ success: true, created: false, id: created.id });
    const ins = await conn
      .sobject('Account')
      .upsert({ NetSuite_Internal_Id__c: 'js-2', Name: 'New via upsert' }, 'NetSuite_Internal_Id__c');
    expect(ins).toMatchObject({ success: true, created: true });
    expect(t.sf.org.record(created.id!)).toMatchObject({ Name: 'JS Co 2', Phone: '555' });
    const del = await conn.sobject('Account').destroy(created.id!);
    expect(del).toMatchObject({ success: true, id: created.id });
  });

  it('surfaces Salesforce errors as jsforce errors named by errorCode', async () => {
    await expect(conn.sobject('Account').create({ Website: 'x' })).rejects.toMatchObject({
      name: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [Name]',
    });
    await expect(conn.query('SELECT Nope__c FROM Account')).rejects.toMatchObject({ name: 'INVALID_FIELD' });
    t.sf.org.seed('Account', [
      { Name: 'm1', NetSuite_Legacy_Code__c: 'js-twice' },
      { Name: 'm2', NetSuite_Legacy_Code__c: 'js-twice' },
    ]);
    await expect(
      conn.sobject('Account').upsert({ NetSuite_Legacy_Code__c: 'js-twice', Name: 'x' }, 'NetSuite_Legacy_Code__c'),
    ).rejects.toMatchObject({
      name: 'MULTIPLE_CHOICES',
    });
  });

  it('uses sObject collections for arrays, with per-record results and allOrNone', async () => {
    const results = await conn
      .sobject('Contact')
      .create([{ LastName: 'A' }, { FirstName: 'no last name' }, { LastName: 'C' }], { allOrNone: false });
    expect(results.map((r) => r.success)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ errors: [expect.objectContaining({ statusCode: 'REQUIRED_FIELD_MISSING' })] });
    const rolled = await conn.sobject('Contact').create([{ LastName: 'D' }, { FirstName: 'bad' }], { allOrNone: true });
    expect(rolled.every((r) => !r.success)).toBe(true);
    const ups = await conn.sobject('Account').upsert(
      [
        { NetSuite_Internal_Id__c: 'js-c1', Name: 'C1' },
        { NetSuite_Internal_Id__c: 'js-2', Name: 'C2 updated' },
      ],
      'NetSuite_Internal_Id__c',
    );
    expect(ups.map((r) => [r.success, (r as { created?: boolean }).created])).toEqual([
      [true, true],
      [true, false],
    ]);
  });

  it('retrieves, updates and destroys arrays through collections, and finds with conditions', async () => {
    const ids = t.sf.org.seed('Account', [{ Name: 'Arr1' }, { Name: 'Arr2' }]);
    const recs = await conn.sobject('Account').retrieve(ids, { fields: ['Name'] });
    expect(recs.map((r) => (r as { Name: string }).Name)).toEqual(['Arr1', 'Arr2']);
    const upd = await conn.sobject('Account').update(ids.map((Id) => ({ Id, Phone: '1' })));
    expect(upd.map((r) => r.success)).toEqual([true, true]);
    const found = await conn
      .sobject('Account')
      .find({ Name: { $like: 'Arr%' }, Phone: '1' }, ['Id', 'Name'])
      .sort({ Name: -1 });
    expect(found.map((r) => r.Name)).toEqual(['Arr2', 'Arr1']);
    const del = await conn.sobject('Account').destroy(ids);
    expect(del.map((r) => r.success)).toEqual([true, true]);
    expect(t.sf.org.record(ids[0]!)?.IsDeleted).toBe(true);
    const since = new Date(Date.now() - 3_600_000);
    const until = new Date(Date.now() + 120_000);
    // The window covers whole minutes only (see replication.test.ts for contents with a fixed clock).
    const deleted = await conn.sobject('Account').deleted(since, until);
    expect(deleted).toMatchObject({
      deletedRecords: expect.any(Array),
      latestDateCovered: expect.stringMatching(/:00\.000\+0000$/),
    });
    const updated = await conn.sobject('Account').updated(since, until);
    expect(updated).toMatchObject({ ids: expect.any(Array), latestDateCovered: expect.any(String) });
  });

  it('queries with relationships and follows nextRecordsUrl with autoFetch', async () => {
    const [acct] = t.sf.org.seed('Account', [{ Name: 'Parent JS' }]);
    t.sf.org.seed('Contact', [{ LastName: 'Child', AccountId: acct }]);
    const r = await conn.query<{ Name: string; Contacts: { records: Array<{ LastName: string }> } }>(
      `SELECT Name, (SELECT LastName FROM Contacts) FROM Account WHERE Id = '${acct}'`,
    );
    expect(r.records[0]).toMatchObject({
      Name: 'Parent JS',
      Contacts: { records: [expect.objectContaining({ LastName: 'Child' })] },
    });
    t.sf.org.seed(
      'Product2',
      Array.from({ length: 2500 }, (_, i) => ({ Name: `JS-P${i}` })),
    );
    const all = await conn.query('SELECT Id FROM Product2', { autoFetch: true, maxFetch: 10_000 });
    expect(all.records.length).toBe(2500);
    expect(conn.limitInfo?.apiUsage?.used).toBe(t.sf.org.apiUsage().used);
  });

  it('re-logs in through refreshFn after the session expires', async () => {
    let refreshed = 0;
    const c2 = new Connection({
      instanceUrl: t.sf.url,
      accessToken: t.sf.org.issueToken(),
      version: '62.0',
      refreshFn: (_conn, callback) => {
        refreshed++;
        void mintAssertion()
          .then((assertion) =>
            fetch(`${t.sf.url}/services/oauth2/token`, {
              method: 'POST',
              body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }),
            }),
          )
          .then((res) => res.json() as Promise<{ access_token: string }>)
          .then(
            (body) => callback(null, body.access_token),
            (err: Error) => callback(err),
          );
      },
    });
    expect((await c2.query('SELECT COUNT() FROM Account')).totalSize).toBeGreaterThan(0);
    t.sf.org.expireAllTokens();
    expect((await c2.query('SELECT COUNT() FROM Account')).totalSize).toBeGreaterThan(0);
    expect(refreshed).toBe(1);
  });
});
