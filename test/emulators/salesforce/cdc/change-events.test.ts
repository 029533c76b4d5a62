import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from '../test-support.js';

let clock = Date.parse('2026-03-01T10:00:00Z');
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ now: () => clock });
});
afterAll(async () => {
  await t.sf.close();
});

type Payload = Record<string, unknown> & { ChangeEventHeader: Record<string, unknown> };
const latest = (channel: string): { payload: Payload; replayId: number } => {
  const events = t.sf.org.bus.retained(channel);
  const e = events[events.length - 1]!;
  return { payload: e.data.payload as Payload, replayId: e.data.event.replayId };
};
const create = async (type: string, json: unknown, headers: Record<string, string> = {}) =>
  ((await t.api(`sobjects/${type}`, { method: 'POST', json, headers })).body as { id: string }).id;

describe('Change Data Capture', () => {
  it('publishes CREATE with all set fields, compound address and the API changeOrigin', async () => {
    clock += 1000;
    const id = await create('Account', {
      Name: 'CDC Co',
      BillingCity: 'Lyon',
      BillingCountry: 'France',
      NetSuite_Internal_Id__c: 'cdc-1',
    });
    const { payload } = latest('/data/AccountChangeEvent');
    expect(payload.ChangeEventHeader).toEqual({
      entityName: 'Account',
      recordIds: [id],
      changeType: 'CREATE',
      changeOrigin: 'com/salesforce/api/rest/62.0;client=emulator-test',
      transactionKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sequenceNumber: 1,
      commitTimestamp: clock,
      commitNumber: expect.any(Number),
      commitUser: t.sf.org.userId,
      nulledFields: [],
      diffFields: [],
      changedFields: [],
    });
    expect(payload).toMatchObject({
      Name: 'CDC Co',
      NetSuite_Internal_Id__c: 'cdc-1',
      OwnerId: t.sf.org.userId,
      CreatedById: t.sf.org.userId,
      CreatedDate: '2026-03-01T10:00:01.000Z',
      LastModifiedDate: '2026-03-01T10:00:01.000Z',
      BillingAddress: {
        Street: null,
        City: 'Lyon',
        State: null,
        PostalCode: null,
        Country: 'France',
        Latitude: null,
        Longitude: null,
        GeocodeAccuracy: null,
      },
    });
    expect(payload).not.toHaveProperty('Id');
    expect(payload).not.toHaveProperty('BillingCity');
    expect(payload).not.toHaveProperty('Phone'); // null fields are left out of CREATE
    // The same event goes to the shared and custom channels.
    expect(latest('/data/ChangeEvents').payload.ChangeEventHeader.recordIds).toEqual([id]);
    expect(latest('/data/NetSuite_Connect__chn').payload.ChangeEventHeader.recordIds).toEqual([id]);
  });

  it('publishes UPDATE with only the changed fields (+LastModifiedDate), compound components and nulls', async () => {
    const id = await create('Account', { Name: 'Upd', BillingCity: 'Lyon', Phone: '1', Website: 'a.com' });
    clock += 5000;
    await t.api(`sobjects/Account/${id}`, {
      method: 'PATCH',
      json: { BillingCity: 'Nice', Phone: null, Website: 'a.com' },
      headers: { 'Sforce-Call-Options': 'client=relay-writeback' },
    });
    const { payload } = latest('/data/AccountChangeEvent');
    expect(payload.ChangeEventHeader).toMatchObject({
      changeType: 'UPDATE',
      recordIds: [id],
      changeOrigin: 'com/salesforce/api/rest/62.0;client=relay-writeback',
      changedFields: ['BillingAddress.City', 'Phone', 'LastModifiedDate'],
    });
    const { ChangeEventHeader: _h, ...body } = payload;
    expect(body).toEqual({
      BillingAddress: { City: 'Nice' },
      Phone: null,
      LastModifiedDate: new Date(clock).toISOString(),
    });
  });

  it('carries compound Name for person objects', async () => {
    const id = await create('Contact', { FirstName: 'Grace', LastName: 'Hopper' });
    const created = latest('/data/ContactChangeEvent').payload;
    expect(created.Name).toEqual({
      Salutation: null,
      FirstName: 'Grace',
      MiddleName: null,
      LastName: 'Hopper',
      Suffix: null,
    });
    await t.api(`sobjects/Contact/${id}`, { method: 'PATCH', json: { LastName: 'Murray Hopper' } });
    const updated = latest('/data/ContactChangeEvent').payload;
    expect(updated.Name).toEqual({ LastName: 'Murray Hopper' });
    expect(updated.ChangeEventHeader.changedFields).toEqual(['Name.LastName', 'LastModifiedDate']);
  });

  it('publishes DELETE with the header only, cascaded children in the same transaction', async () => {
    const acct = await create('Account', { Name: 'Del' });
    await create('NetSuite_Invoice__c', { Name: 'I', Account__c: acct, Invoice_Number__c: 'CDC-DEL' });
    const before = t.sf.org.bus.retained('/data/ChangeEvents').length;
    await t.api(`sobjects/Account/${acct}`, { method: 'DELETE' });
    const events = t.sf.org.bus
      .retained('/data/ChangeEvents')
      .slice(before)
      .map((e) => e.data.payload as Payload);
    expect(
      events.map((e) => [
        e.ChangeEventHeader.entityName,
        e.ChangeEventHeader.changeType,
        e.ChangeEventHeader.sequenceNumber,
      ]),
    ).toEqual([
      ['NetSuite_Invoice__c', 'DELETE', 1],
      ['Account', 'DELETE', 2],
    ]);
    expect(events[0]!.ChangeEventHeader.transactionKey).toBe(events[1]!.ChangeEventHeader.transactionKey);
    expect(Object.keys(events[1]!)).toEqual(['ChangeEventHeader']);
    expect(latest('/data/NetSuite_Invoice__ChangeEvent').payload.ChangeEventHeader.changeType).toBe('DELETE');
  });

  it('publishes UNDELETE with every non-null field when a deleted record comes back', async () => {
    const id = await create('Account', { Name: 'Phoenix', Phone: '42' });
    await t.api(`sobjects/Account/${id}`, { method: 'DELETE' });
    t.sf.org.undelete(id);
    const { payload } = latest('/data/AccountChangeEvent');
    expect(payload.ChangeEventHeader).toMatchObject({ changeType: 'UNDELETE', recordIds: [id], changeOrigin: '' });
    expect(payload).toMatchObject({ Name: 'Phoenix', Phone: '42' });
    expect(t.sf.org.record(id)?.IsDeleted).toBe(false);
    expect(() => t.sf.org.undelete(id)).toThrow(/not a deleted record/);
  });

  it('merges records that got the same change in one transaction into one event with several recordIds', async () => {
    const [a, b, c] = t.sf.org.seed('Account', [{ Name: 'M1' }, { Name: 'M2' }, { Name: 'M3' }]);
    clock += 1000;
    const before = t.sf.org.bus.retained('/data/AccountChangeEvent').length;
    await t.api('composite/sobjects', {
      method: 'PATCH',
      json: {
        records: [
          { attributes: { type: 'Account' }, id: a, Rating: 'Hot' },
          { attributes: { type: 'Account' }, id: b, Rating: 'Hot' },
          { attributes: { type: 'Account' }, id: c, Rating: 'Cold' },
        ],
      },
    });
    const events = t.sf.org.bus
      .retained('/data/AccountChangeEvent')
      .slice(before)
      .map((e) => e.data.payload as Payload);
    expect(events.map((e) => [e.ChangeEventHeader.recordIds, e.Rating, e.ChangeEventHeader.sequenceNumber])).toEqual([
      [[a, b], 'Hot', 1],
      [[c], 'Cold', 2],
    ]);
  });

  it('gives one collection request one transaction with increasing sequence numbers', async () => {
    const before = t.sf.org.bus.retained('/data/AccountChangeEvent').length;
    await t.api('composite/sobjects', {
      method: 'POST',
      json: {
        records: [
          { attributes: { type: 'Account' }, Name: 'T1' },
          { attributes: { type: 'Account' }, Name: 'T2' },
        ],
      },
    });
    const headers = t.sf.org.bus
      .retained('/data/AccountChangeEvent')
      .slice(before)
      .map((e) => (e.data.payload as Payload).ChangeEventHeader);
    expect(headers.map((h) => h.sequenceNumber)).toEqual([1, 2]);
    expect(new Set(headers.map((h) => h.transactionKey)).size).toBe(1);
    expect(new Set(headers.map((h) => h.commitNumber)).size).toBe(1);
  });

  it('publishes nothing for entities outside the channel and marks seeded data with an empty origin', async () => {
    const total = t.sf.org.bus.retained('/data/ChangeEvents').length;
    await create('Case', { Subject: 'not selected' });
    await create('Lead', { LastName: 'L', Company: 'C' });
    expect(t.sf.org.bus.retained('/data/ChangeEvents').length).toBe(total);
    t.sf.org.seed('Product2', [{ Name: 'Seeded' }]);
    expect(latest('/data/Product2ChangeEvent').payload.ChangeEventHeader.changeOrigin).toBe('');
  });

  it('defines every CDC and platform-event channel up front so clients can subscribe before the first event', () => {
    const channels = t.sf.org.bus.channels();
    expect(channels).toEqual(
      expect.arrayContaining([
        '/data/OrderChangeEvent',
        '/data/OpportunityChangeEvent',
        '/event/NetSuite_Sync_Request__e',
      ]),
    );
    expect(t.sf.org.cdcEntities().sort()).toEqual([
      'Account',
      'Contact',
      'NetSuite_Invoice__c',
      'Opportunity',
      'Order',
      'Product2',
    ]);
  });
});
