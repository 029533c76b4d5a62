import { describe, expect, it } from 'vitest';
import { toInboxEntries } from './inbox-entry.js';

const at = new Date('2026-11-26T21:00:00Z');

describe('toInboxEntries', () => {
  it('maps a single-record CDC event to one salesforce-cdc entry keyed channel:replayId', () => {
    const payload = { ChangeEventHeader: { entityName: 'Account', recordIds: ['001xx000003DGb2AAG'], changeType: 'UPDATE' }, Name: 'A' };
    expect(toInboxEntries({ channel: '/data/AccountChangeEvent', replayId: 42, payload }, at)).toEqual([
      { source: 'salesforce-cdc', sourceKey: '/data/AccountChangeEvent:42', channel: '/data/AccountChangeEvent', replayId: 42, recordType: 'Account', recordId: '001xx000003DGb2AAG', payload, receivedAt: at },
    ]);
  });

  it('splits a multi-record CDC event into one entry per record with distinct keys', () => {
    const payload = { ChangeEventHeader: { entityName: 'Contact', recordIds: ['003A', '003B'] } };
    const entries = toInboxEntries({ channel: '/data/ChangeEvents', replayId: 7, payload }, at);
    expect(entries.map((e) => [e.sourceKey, e.recordId, e.recordType])).toEqual([
      ['/data/ChangeEvents:7:003A', '003A', 'Contact'],
      ['/data/ChangeEvents:7:003B', '003B', 'Contact'],
    ]);
    expect(entries.every((e) => e.replayId === 7 && e.channel === '/data/ChangeEvents')).toBe(true);
  });

  it('keeps a GAP_OVERFLOW (no record ids) and an unreadable header instead of dropping them', () => {
    const overflow = toInboxEntries({ channel: '/data/OrderChangeEvent', replayId: 9, payload: { ChangeEventHeader: { entityName: 'Order', changeType: 'GAP_OVERFLOW' } } }, at);
    expect(overflow).toHaveLength(1);
    expect(overflow[0]).toMatchObject({ recordType: 'Order', sourceKey: '/data/OrderChangeEvent:9' });
    expect(overflow[0]).not.toHaveProperty('recordId');
    expect(toInboxEntries({ channel: '/data/Invoice__ChangeEvent', replayId: 1, payload: {} }, at)[0]!.recordType).toBe('Invoice__c');
    expect(toInboxEntries({ channel: '/data/Product2ChangeEvent', replayId: 2, payload: { ChangeEventHeader: 'junk' } }, at)[0]!.recordType).toBe('Product2');
  });

  it('maps a platform event to one salesforce-event entry named after the event', () => {
    const [e] = toInboxEntries({ channel: '/event/NetSuite_Sync_Request__e', replayId: 5, payload: { Record_Id__c: '001' }, eventUuid: 'u' }, at);
    expect(e).toMatchObject({ source: 'salesforce-event', sourceKey: '/event/NetSuite_Sync_Request__e:5', recordType: 'NetSuite_Sync_Request__e', replayId: 5 });
  });
});
