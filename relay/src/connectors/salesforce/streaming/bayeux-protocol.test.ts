import { describe, expect, it } from 'vitest';
import { failureOf, isBayeuxError } from './bayeux-protocol.js';

describe('failureOf (Salesforce CometD error strings → recovery kind)', () => {
  const kind = (reply: Parameters<typeof failureOf>[0]) => failureOf(reply).kind;

  it('classifies the token failures as auth', () => {
    expect(kind({ channel: '/meta/connect', error: '401::Authentication invalid', advice: { reconnect: 'none', interval: 0 } })).toBe('auth');
    expect(kind({ channel: '/meta/handshake', error: '403::Handshake denied', advice: { reconnect: 'none' }, ext: { sfdc: { failureReason: '401::Authentication invalid' } } })).toBe('auth');
    expect(kind({ error: '401::Request requires authentication' })).toBe('auth');
  });

  it('classifies a forgotten session as unknown-client (also by advice alone)', () => {
    expect(kind({ error: '403::Unknown client', advice: { reconnect: 'handshake', interval: 0 } })).toBe('unknown-client');
    expect(kind({ error: '402::Something new', advice: { reconnect: 'handshake' } })).toBe('unknown-client');
  });

  it('recognises the replay-id rejection, the client limit and server-busy', () => {
    expect(kind({ error: '400::The replayId {82} you provided was invalid. Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.' })).toBe('replay-invalid');
    expect(kind({ error: '400::The replayId {82} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.' })).toBe('replay-invalid');
    expect(kind({ error: '403::Organization concurrent user limit exceeded' })).toBe('client-limit');
    expect(kind({ error: '503::Server is too busy. Try again later.' })).toBe('busy');
  });

  it('treats anything else as rejected and keeps the text (with the failure reason)', () => {
    const err = failureOf({ channel: '/meta/subscribe', error: '400::The channel you requested to subscribe to does not exist {/event/X__e}' });
    expect(err.kind).toBe('rejected');
    expect(err.message).toContain('does not exist {/event/X__e}');
    expect(err.bayeuxChannel).toBe('/meta/subscribe');
    expect(isBayeuxError(err)).toBe(true);
    expect(isBayeuxError(new Error('x'))).toBe(false);
    expect(failureOf({}).message).toMatch(/without error text/);
  });
});
