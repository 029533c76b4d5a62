/**
 * The Salesforce emulator's Streaming API (CometD/Bayeux long-polling with the replay extension).
 * The emulator publishes CDC and platform events on an {@link EventBus} and mounts
 * {@link cometdRoutes} at `/cometd`. See docs/salesforce-streaming.md.
 */
export { EventBus, DEFAULT_RETENTION_MS } from './event-bus.js';
export type { EventBusOptions, EventData, PublishOptions, StoredEvent, ReplayStart } from './event-bus.js';
export { cometdRoutes, createCometdServer } from './cometd-routes.js';
export type { CometdOptions, CometdServer } from './cometd-routes.js';
export { DEFAULT_KNOBS } from './bayeux-server.js';
export type { StreamingKnobs, AuthResult, Authenticate, BayeuxReply } from './bayeux-server.js';
export { BayeuxErrors, MAX_REQUEST_BYTES } from './bayeux-errors.js';
export { streamingSettingsFromEnv } from './env-knobs.js';
