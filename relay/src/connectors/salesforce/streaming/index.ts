/**
 * Salesforce Streaming API (CometD) subscriber: one durable, self-healing client per channel.
 * See docs/salesforce-streaming.md for the recovery rules and how the pipeline wires it.
 */
export { createSubscriber } from './subscriber.js';
export { BayeuxError, isBayeuxError, type BayeuxFailureKind } from './bayeux-protocol.js';
export { BayeuxSession } from './bayeux-session.js';
export type {
  SalesforceAuth,
  StreamCheckpoint,
  StreamEvent,
  StreamGap,
  Subscriber,
  SubscriberOptions,
  SubscriberState,
  SubscriberStatus,
} from './types.js';
export { toInboxEntries } from './inbox-entry.js';
export { createSalesforceStreams, defaultChannels } from './stream-source.js';
export type { SalesforceStreams, SalesforceStreamsOptions } from './stream-source.js';
export { streamsReadinessCheck, registerStreamMetrics } from './stream-health.js';
export { createGapBackfill, PACKAGE_CDC_ENTITIES, type GapBackfillOptions } from './gap-backfill.js';
