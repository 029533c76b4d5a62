/**
 * The `error` strings Salesforce's CometD server puts in failed Bayeux replies, verbatim from
 * shared/reference/salesforce/PROTOCOL-NOTES.md §1.5 (traces and the streaming error-code docs).
 */
export const BayeuxErrors = {
  unknownClient: '403::Unknown client',
  authInvalid: '401::Authentication invalid',
  handshakeDenied: '403::Handshake denied',
  requiresAuth: '401::Request requires authentication',
  orgClientLimit: '403::Organization concurrent user limit exceeded',
  versionMandatory: "400::API version in the URI is mandatory. URI format: '/cometd/68.0'",
  versionUnsupported:
    "400::Unsupported API version. Only API versions '37.0' and later are supported. URI format: '/cometd/68.0'",
  channelNotSpecified: '400::Channel name not specified',
  channelLeadingSlash: "400::Channel subscriptions must start with a leading '/'",
  channelDoesNotExist: (channel: string) => `400::The channel you requested to subscribe to does not exist {${channel}}`,
  invalidReplayId: (replayId: unknown) =>
    `400::The replayId {${String(replayId)}} you provided was invalid. Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`,
  replayChannelNotInMap: (channel: string, map: Record<string, unknown>) =>
    `400::The replayId for channel {${channel}} wasn't found using the provided replay ID map {{${Object.entries(map)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')}}}. Ensure that the channel name you provided in the replay map is valid and matches the channel name used for subscribing.`,
  invalidConnectionType: (type: string) => `400::Invalid connection type {${type}}`,
  // Below: emulator wording in the Salesforce style where no trace exists (PROTOCOL-NOTES §8 "not verified").
  notSubscribed: (channel: string) => `400::Not subscribed to channel {${channel}}`,
  publishDenied: (channel: string) => `403::Publish denied {${channel}}`,
  unknownMetaChannel: (channel: string) => `400::Unknown meta channel {${channel}}`,
  invalidMessage: (detail: string) => `400::Invalid message: ${detail}`,
  invalidJson: '400::Invalid JSON in request body',
  bareObject: '400::The request body must be a JSON array of Bayeux messages',
} as const;

export const ADVICE_HANDSHAKE = { reconnect: 'handshake', interval: 0 } as const;
export const ADVICE_NONE = { reconnect: 'none', interval: 0 } as const;

/** Largest POST body Salesforce accepts on /cometd (bytes); larger → HTTP 413. */
export const MAX_REQUEST_BYTES = 32_768;
