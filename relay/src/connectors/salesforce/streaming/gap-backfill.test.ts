import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../logging/logger.js';
import type { InboxEntryInput } from '../../../pipeline/inbox-port.js';
import type { SoqlQuery } from '../soql/index.js';
import { createGapBackfill, PACKAGE_CDC_ENTITIES } from './gap-backfill.js';

function fakes(pages: Record<string, Record<string, unknown>[][]> = {}) {
  const queries: { soql: string; includeDeleted?: boolean }[] = [];
  const appended: InboxEntryInput[] = [];
  const lines: string[] = [];
  const backfill = createGapBackfill({
    salesforce: {
      queryPages: (query: SoqlQuery, opts) => {
        queries.push({ soql: query.toSoql(), includeDeleted: opts?.includeDeleted });
        const list = pages[query.sobject ?? ''] ?? [];
        return (async function* () {
          for (const p of list) yield p;
        })() as AsyncIterable<never>;
      },
    },
    inbox: { append: async (e) => (appended.push(...e), { inserted: e.length, duplicates: 0 }) },
    logger: createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(l) } }),
    now: () => Date.parse('2026-11-26T12:00:00Z'),
  });
  return { backfill, queries, appended, lines };
}

describe('createGapBackfill', () => {
  it('queries every object of the package channel since the gap (queryAll) and stores GAP_* change events', async () => {
    const { backfill, queries, appended } = fakes({
      Account: [[{ Id: '001A', LastModifiedDate: '2026-11-26T10:00:00.000+0000', IsDeleted: false }], [{ Id: '001B', LastModifiedDate: '2026-11-26T11:00:00.000+0000', IsDeleted: true }]],
    });
    await backfill({ channel: '/data/nsc__NetSuite_Connect__chn', lastReplayId: 12, since: new Date('2026-11-26T09:00:00Z') });
    expect(queries.map((q) => q.soql)).toEqual(
      PACKAGE_CDC_ENTITIES.map((e) => `SELECT Id, LastModifiedDate, IsDeleted FROM ${e} WHERE LastModifiedDate > 2026-11-26T09:00:00Z ORDER BY LastModifiedDate ASC`),
    );
    expect(queries.every((q) => q.includeDeleted)).toBe(true);
    expect(appended.map((e) => [e.sourceKey, e.recordId, (e.payload as { ChangeEventHeader: { changeType: string } }).ChangeEventHeader.changeType])).toEqual([
      ['gap:Account:001A:2026-11-26T10:00:00.000+0000', '001A', 'GAP_UPDATE'],
      ['gap:Account:001B:2026-11-26T11:00:00.000+0000', '001B', 'GAP_DELETE'],
    ]);
    expect(appended[0]).toMatchObject({ source: 'salesforce-cdc', recordType: 'Account', payload: { ChangeEventHeader: { entityName: 'Account', recordIds: ['001A'], commitTimestamp: Date.parse('2026-11-26T10:00:00.000Z') } } });
    expect(appended[0]).not.toHaveProperty('replayId'); // never moves a stream checkpoint
  });

  it('derives the object from a per-object channel and uses the retention window when the time is unknown', async () => {
    const { backfill, queries, lines } = fakes();
    await backfill({ channel: '/data/Invoice__ChangeEvent', lastReplayId: null, since: null });
    await backfill({ channel: '/data/AccountChangeEvent', lastReplayId: 1, since: new Date('2026-11-25T00:00:00Z') });
    expect(queries.map((q) => q.soql)).toEqual([
      'SELECT Id, LastModifiedDate, IsDeleted FROM Invoice__c WHERE LastModifiedDate > 2026-11-23T12:00:00Z ORDER BY LastModifiedDate ASC',
      'SELECT Id, LastModifiedDate, IsDeleted FROM Account WHERE LastModifiedDate > 2026-11-25T00:00:00Z ORDER BY LastModifiedDate ASC',
    ]);
    expect(lines.join('\n')).toContain('gap without a known time');
  });

  it('reports loudly that platform events cannot be re-read', async () => {
    const { backfill, queries, lines } = fakes();
    await backfill({ channel: '/event/NetSuite_Sync_Request__e', lastReplayId: 3, since: null });
    expect(queries).toEqual([]);
    expect(lines.some((l) => l.includes('"level":50') && l.includes('cannot be re-read'))).toBe(true);
  });
});
