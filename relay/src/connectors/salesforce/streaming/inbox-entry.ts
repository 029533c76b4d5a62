import type { InboxEntryInput } from '../../../pipeline/inbox-port.js';
import type { StreamEvent } from './types.js';

/**
 * Turns one CometD event into inbox entries. A CDC event names its records in
 * `ChangeEventHeader.recordIds` (several when one transaction changed several records the same way):
 * one entry per record so each lands in its own lane. Platform events become one entry.
 * Source keys are `channel:replayId` (suffixed `:recordId` when an event covers several records), so a
 * replayed event is a duplicate, never a second entry. Never throws: what cannot be read is still
 * stored (recordType from the channel) for the pipeline to classify.
 */
export function toInboxEntries(event: StreamEvent, receivedAt: Date = new Date()): InboxEntryInput[] {
  const base = { channel: event.channel, replayId: event.replayId, payload: event.payload, receivedAt };
  const key = `${event.channel}:${event.replayId}`;
  if (!event.channel.startsWith('/data/')) {
    return [{ ...base, source: 'salesforce-event', sourceKey: key, recordType: eventName(event.channel) }];
  }
  const header = readHeader(event.payload.ChangeEventHeader);
  const recordType = header.entityName ?? entityFromChannel(event.channel);
  if (header.recordIds.length <= 1) {
    const recordId = header.recordIds[0];
    return [{ ...base, source: 'salesforce-cdc', sourceKey: key, recordType, ...(recordId ? { recordId } : {}) }];
  }
  return header.recordIds.map((recordId) => ({
    ...base,
    source: 'salesforce-cdc' as const,
    sourceKey: `${key}:${recordId}`,
    recordType,
    recordId,
  }));
}

function readHeader(value: unknown): { entityName?: string; recordIds: string[] } {
  if (typeof value !== 'object' || value === null) return { recordIds: [] };
  const h = value as { entityName?: unknown; recordIds?: unknown };
  return {
    ...(typeof h.entityName === 'string' && h.entityName ? { entityName: h.entityName } : {}),
    recordIds: Array.isArray(h.recordIds) ? h.recordIds.filter((r): r is string => typeof r === 'string' && r !== '') : [],
  };
}

/** `/data/AccountChangeEvent` → `Account`, `/data/Invoice__ChangeEvent` → `Invoice__c`, else the channel's last segment. */
function entityFromChannel(channel: string): string {
  const last = channel.split('/').pop() ?? channel;
  if (last.endsWith('__ChangeEvent')) return `${last.slice(0, -'__ChangeEvent'.length)}__c`;
  if (last.endsWith('ChangeEvent') && last !== 'ChangeEvent' && last !== 'ChangeEvents') return last.slice(0, -'ChangeEvent'.length);
  return last;
}

/** `/event/NetSuite_Sync_Request__e` → `NetSuite_Sync_Request__e`. */
function eventName(channel: string): string {
  return channel.split('/').pop() || channel;
}
