import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from '../test-support.js';

let clock = Date.parse('2026-05-10T10:00:30Z');
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ now: () => clock });
});
afterAll(async () => {
  await t.sf.close();
});

describe('replication API (updated / deleted)', () => {
  it('lists ids updated and deleted in a window, in whole minutes', async () => {
    const [a, b] = t.sf.org.seed('Account', [{ Name: 'R1' }, { Name: 'R2' }]);
    clock = Date.parse('2026-05-10T10:05:10Z');
    await t.api(`sobjects/Account/${b}`, { method: 'DELETE' });
    clock = Date.parse('2026-05-10T10:09:45Z');
    const w = (start: string, end: string) => `start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`;
    const upd = await t.api(`sobjects/Account/updated/?${w('2026-05-10T10:00:00Z', '2026-05-10T10:04:00Z')}`);
    expect(upd.body).toEqual({ ids: [a], latestDateCovered: '2026-05-10T10:04:00.000+0000' });
    const del = await t.api(`sobjects/Account/deleted/?${w('2026-05-10T10:00:00+00:00', '2026-05-10T11:00:00Z')}`);
    expect(del.body).toEqual({
      deletedRecords: [{ id: b, deletedDate: '2026-05-10T10:05:10.000+0000' }],
      earliestDateAvailable: '2026-05-10T10:00:00.000+0000',
      latestDateCovered: '2026-05-10T10:09:00.000+0000',
    });
    const none = await t.api(`sobjects/Account/deleted?${w('2026-05-10T10:06:00Z', '2026-05-10T10:08:00Z')}`);
    expect((none.body as { deletedRecords: unknown[] }).deletedRecords).toEqual([]);
  });

  it('rejects missing, reversed and too old windows', async () => {
    expect(((await t.api('sobjects/Account/updated/')).body as Array<{ errorCode: string }>)[0]!.errorCode).toBe(
      'MISSING_ARGUMENT',
    );
    const reversed = await t.api(`sobjects/Account/updated/?start=2026-05-10T10:00:00Z&end=2026-05-10T09:00:00Z`);
    expect(reversed.body).toEqual([
      { errorCode: 'INVALID_REPLICATION_DATE', message: 'startDate must chronologically precede endDate' },
    ]);
    const old = await t.api(`sobjects/Account/deleted/?start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00Z`);
    expect((old.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_REPLICATION_DATE');
    expect((await t.api('sobjects/Nope__c/updated/?start=2026-05-10T10:00:00Z&end=2026-05-10T11:00:00Z')).status).toBe(
      404,
    );
  });
});
