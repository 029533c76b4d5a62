import type { InboxPort, ReplayCheckpoints } from '../../../pipeline/inbox-port.js';
import type { Logger } from '../../../logging/logger.js';
import { createNamespacer } from '../namespace.js';
import { toInboxEntries } from './inbox-entry.js';
import { createSubscriber } from './subscriber.js';
import type { SalesforceAuth, StreamGap, Subscriber, SubscriberOptions, SubscriberState } from './types.js';

/** The package's channels: its custom CDC channel (Account, Contact, Opportunity, Order, Product2) and the sync-request event. */
export function defaultChannels(namespace?: string): string[] {
  const ns = createNamespacer(namespace);
  return [`/data/${ns.toOrg('NetSuite_Connect__chn')}`, `/event/${ns.toOrg('NetSuite_Sync_Request__e')}`];
}

export interface SalesforceStreamsOptions {
  auth: SalesforceAuth;
  apiVersion: string;
  /** Defaults to {@link defaultChannels}. */
  channels?: string[];
  namespace?: string;
  /** The durable inbox: events are appended there before their replay id counts as the checkpoint. */
  inbox: InboxPort & ReplayCheckpoints;
  /**
   * Time of the last stored event of a channel, when the store can tell (becomes `checkpoint.at`, the
   * `since` of a gap). Without it a gap found at start has `since: null`.
   */
  checkpointAt?(channel: string): Promise<Date | undefined>;
  /** Backfill trigger: query changes since `gap.since` (LastModifiedDate) for the channel's objects (see createGapBackfill). */
  onGap(gap: StreamGap): Promise<void>;
  logger: Logger;
  /** Passed to every subscriber (watchdogMs, backoff, replayWithoutCheckpoint, fetch, now, ...). */
  subscriber?: Partial<Omit<SubscriberOptions, 'auth' | 'channel' | 'apiVersion' | 'checkpoint' | 'onEvent' | 'onGap' | 'logger'>>;
}

export interface SalesforceStreams {
  start(): Promise<void>;
  stop(): Promise<void>;
  states(): SubscriberState[];
}

/**
 * One subscriber per channel, each resuming from the inbox's stored checkpoint and appending every
 * event to the inbox (the checkpoint advances in the same commit as the entry).
 */
export function createSalesforceStreams(opts: SalesforceStreamsOptions): SalesforceStreams {
  const channels = opts.channels ?? defaultChannels(opts.namespace);
  const now = opts.subscriber?.now ?? Date.now;
  let subscribers: Subscriber[] = [];
  return {
    async start() {
      if (subscribers.length) return;
      for (const channel of channels) {
        const replayId = (await opts.inbox.lastReplayId(channel)) ?? null;
        const at = await opts.checkpointAt?.(channel);
        const subscriber = createSubscriber({
          ...opts.subscriber,
          auth: opts.auth,
          channel,
          apiVersion: opts.apiVersion,
          checkpoint: at ? { replayId, at } : { replayId },
          onEvent: async (event) => {
            await opts.inbox.append(toInboxEntries(event, new Date(now())));
          },
          onGap: opts.onGap,
          logger: opts.logger,
        });
        subscribers.push(subscriber);
        await subscriber.start();
      }
    },
    async stop() {
      await Promise.all(subscribers.map((s) => s.stop()));
      subscribers = [];
    },
    states: () => subscribers.map((s) => s.state()),
  };
}
