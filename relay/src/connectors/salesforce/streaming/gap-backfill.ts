import type { Logger } from '../../../logging/logger.js';
import type { InboxEntryInput, InboxPort } from '../../../pipeline/inbox-port.js';
import type { SalesforcePort } from '../port.js';
import { createSoql, gt, type SoqlBuilder } from '../soql/index.js';
import type { StreamGap } from './types.js';

/** The objects the package's CDC channel carries (force-app `platformEventChannelMembers`). */
export const PACKAGE_CDC_ENTITIES = ['Account', 'Contact', 'Opportunity', 'Order', 'Product2'] as const;

export interface GapBackfillOptions {
  salesforce: Pick<SalesforcePort, 'queryPages'>;
  /** Builder writing the org's names (the connector's `soql`); defaults to unprefixed names. */
  soql?: SoqlBuilder;
  inbox: InboxPort;
  logger: Logger;
  /** Entities of a custom channel (`NetSuite_Connect__chn`, with or without prefix) or of `/data/ChangeEvents`. */
  channelEntities?: Record<string, readonly string[]>;
  /** Window used when the gap has no `since` (default 72 h, the replay retention). */
  unknownSinceWindowMs?: number;
  now?: () => number;
}

/**
 * The `onGap` handler: re-reads what changed while the stream could not be replayed and stores it as
 * Salesforce gap events. For each object the channel carries it queries
 * `SELECT Id, LastModifiedDate, IsDeleted FROM <object> WHERE LastModifiedDate > <since>` (queryAll,
 * so deletions are found) and appends one `GAP_UPDATE` / `GAP_DELETE` change event per record — the
 * shape Salesforce itself sends when it cannot deliver a change (header only: re-read the record by id).
 * Keys are `gap:<object>:<id>:<LastModifiedDate>`, so a second backfill of the same window adds nothing.
 */
export function createGapBackfill(opts: GapBackfillOptions): (gap: StreamGap) => Promise<void> {
  const soql = opts.soql ?? createSoql();
  const now = opts.now ?? Date.now;
  const channelEntities: Record<string, readonly string[]> = {
    NetSuite_Connect__chn: PACKAGE_CDC_ENTITIES,
    ChangeEvents: PACKAGE_CDC_ENTITIES,
    ...opts.channelEntities,
  };
  const log = opts.logger.child({ component: 'salesforce-gap-backfill' });

  return async (gap) => {
    const entities = entitiesOf(gap.channel, channelEntities);
    if (entities.length === 0) {
      log.error(
        { channel: gap.channel, since: gap.since?.toISOString() ?? null, lastReplayId: gap.lastReplayId },
        'events of this channel cannot be re-read after a replay gap; those published in the gap are lost',
      );
      return;
    }
    const since = gap.since ?? new Date(now() - (opts.unknownSinceWindowMs ?? 72 * 3600_000));
    if (!gap.since) log.warn({ channel: gap.channel, since: since.toISOString() }, 'gap without a known time; backfilling the retention window');
    for (const entity of entities) {
      const query = soql
        .select(['Id', 'LastModifiedDate', 'IsDeleted'])
        .from(entity)
        .where(gt('LastModifiedDate', since))
        .orderBy('LastModifiedDate');
      let stored = 0;
      for await (const page of opts.salesforce.queryPages(query, { includeDeleted: true })) {
        const entries = page.flatMap((r) => gapEntry(entity, r, now()));
        if (entries.length) await opts.inbox.append(entries);
        stored += entries.length;
      }
      log.info({ channel: gap.channel, entity, since: since.toISOString(), records: stored }, 'backfilled a stream gap');
    }
  };
}

function gapEntry(entity: string, record: Record<string, unknown>, receivedAt: number): InboxEntryInput[] {
  const id = typeof record.Id === 'string' ? record.Id : undefined;
  if (!id) return [];
  const modified = typeof record.LastModifiedDate === 'string' ? record.LastModifiedDate : '';
  const committed = Date.parse(modified);
  return [
    {
      source: 'salesforce-cdc',
      sourceKey: `gap:${entity}:${id}:${modified}`,
      recordType: entity,
      recordId: id,
      receivedAt: new Date(receivedAt),
      payload: {
        ChangeEventHeader: {
          entityName: entity,
          recordIds: [id],
          changeType: record.IsDeleted === true ? 'GAP_DELETE' : 'GAP_UPDATE',
          changeOrigin: '',
          transactionKey: '',
          sequenceNumber: 1,
          commitTimestamp: Number.isNaN(committed) ? receivedAt : committed,
          commitNumber: 0,
          commitUser: '',
          changedFields: [],
          diffFields: [],
          nulledFields: [],
        },
      },
    },
  ];
}

/** `/data/AccountChangeEvent` → Account, `/data/X__ChangeEvent` → X__c, custom channels from the map, events → none. */
function entitiesOf(channel: string, map: Record<string, readonly string[]>): readonly string[] {
  if (!channel.startsWith('/data/')) return [];
  const name = channel.slice('/data/'.length);
  const unprefixed = name.replace(/^[A-Za-z0-9]+__(?=.+__chn$)/, '');
  if (map[name]) return map[name]!;
  if (map[unprefixed]) return map[unprefixed]!;
  if (name.endsWith('__ChangeEvent')) return [`${name.slice(0, -'__ChangeEvent'.length)}__c`];
  if (name.endsWith('ChangeEvent')) return [name.slice(0, -'ChangeEvent'.length)];
  return [];
}
