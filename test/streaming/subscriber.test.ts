/**
 * The relay's CometD subscriber against the emulator over real HTTP: ordering, checkpoint discipline,
 * and survival of every failure the field reports describe.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSubscriber,
  type SalesforceAuth,
  type StreamEvent,
  type StreamGap,
  type Subscriber,
  type SubscriberOptions,
} from '../../relay/src/connectors/salesforce/streaming/index.js';
import { createLogger } from '../../relay/src/logging/logger.js';
import { API_VERSION, sleep, startHarness, waitFor, type Harness } from './harness.js';

const CHANNEL = '/data/AccountChangeEvent';
let h: Harness;
const running: Subscriber[] = [];
let logLines: string[];

beforeAll(async () => {
  h = await startHarness({ knobs: { connectTimeoutMs: 200, sessionTimeoutMs: 2_000 } });
});
afterAll(async () => h.close());
beforeEach(() => {
  h.bus.clear();
  h.knobs.silent = false;
  h.clock.offsetMs = 0;
  logLines = [];
});
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
  h.cometd.dropSessions();
});

/** An auth source that mints tokens from the fake org and records invalidations. */
function fakeAuth(): SalesforceAuth & { invalidated: string[]; issued: string[]; current(): string | null } {
  let current: string | null = null;
  const invalidated: string[] = [];
  const issued: string[] = [];
  return {
    invalidated,
    issued,
    current: () => current,
    async session() {
      if (!current) {
        current = h.tokens.issue();
        issued.push(current);
      }
      return { accessToken: current, instanceUrl: h.baseUrl };
    },
    invalidate(token) {
      invalidated.push(token);
      if (current === token) current = null;
    },
  };
}

function subscriber(overrides: Partial<SubscriberOptions> & { received?: StreamEvent[]; gaps?: StreamGap[] } = {}) {
  const received = overrides.received ?? [];
  const gaps = overrides.gaps ?? [];
  const auth = (overrides.auth as ReturnType<typeof fakeAuth> | undefined) ?? fakeAuth();
  const s = createSubscriber({
    auth,
    channel: CHANNEL,
    apiVersion: API_VERSION,
    checkpoint: { replayId: null },
    onEvent: async (e) => {
      received.push(e);
    },
    onGap: async (g) => {
      gaps.push(g);
    },
    logger: createLogger({ level: 'debug', destination: { write: (line: string) => logLines.push(line) } }),
    watchdogMs: 60_000,
    backoff: { initialDelayMs: 10, maxDelayMs: 100 },
    now: () => Date.now() + h.clock.offsetMs,
    ...overrides,
  });
  running.push(s);
  return { s, received, gaps, auth };
}

function change(name: string, commitTimestamp = Date.now()): number {
  return h.bus.publish([CHANNEL], {
    ChangeEventHeader: { entityName: 'Account', changeType: 'UPDATE', recordIds: ['001xx000003DGb2AAG'], commitTimestamp, changedFields: ['Name'] },
    Name: name,
  }).replayId;
}

const ids = (events: StreamEvent[]) => events.map((e) => e.replayId);
const subscribed = (s: Subscriber) => waitFor(() => s.state().status === 'subscribed');

describe('Salesforce CometD subscriber', () => {
  it('delivers events in order from the tip and advances the checkpoint', async () => {
    const { s, received } = subscriber();
    await s.start();
    await subscribed(s);
    const published = [change('a'), change('b'), change('c')];
    await waitFor(() => received.length === 3);
    expect(ids(received)).toEqual(published);
    expect(received[0]).toMatchObject({ channel: CHANNEL, payload: { Name: 'a', ChangeEventHeader: { entityName: 'Account' } } });
    expect(received[0]!.schema).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const st = s.state();
    expect(st.replayId).toBe(published[2]);
    expect(st.counters.events).toBe(3);
    expect(st.checkpointAt).toBeInstanceOf(Date);
  });

  it('resumes after the supplied checkpoint', async () => {
    const [first, second, third] = [change('1'), change('2'), change('3')];
    const { s, received } = subscriber({ checkpoint: { replayId: first!, at: new Date() } });
    await s.start();
    await waitFor(() => received.length === 2);
    expect(ids(received)).toEqual([second, third]);
  });

  it('starts from all retained events with replayWithoutCheckpoint -2', async () => {
    const published = [change('x'), change('y')];
    const { s, received } = subscriber({ replayWithoutCheckpoint: -2 });
    await s.start();
    await waitFor(() => received.length === 2);
    expect(ids(received)).toEqual(published);
  });

  it('advances the checkpoint only after onEvent resolves; a throwing onEvent keeps it and gets the event again', async () => {
    let release!: () => void;
    let failNext = false;
    const calls: number[] = [];
    // The checkpoint as the failed event is delivered again (read then, not later: the retry can be quick).
    let checkpointAtRetry: number | null | undefined;
    const { s } = subscriber({
      onEvent: async (e) => {
        calls.push(e.replayId);
        if (e.replayId === failing && !failNext && calls.filter((id) => id === failing).length === 2) checkpointAtRetry = s.state().replayId;
        if (e.replayId === gated) await new Promise<void>((r) => (release = r));
        if (failNext && e.replayId === failing) {
          failNext = false;
          throw new Error('inbox unavailable');
        }
      },
    });
    await s.start();
    await subscribed(s);
    const gated = change('slow');
    let failing = -1;
    await waitFor(() => calls.includes(gated));
    await sleep(30);
    expect(s.state().replayId).toBeNull(); // still storing
    release();
    await waitFor(() => s.state().replayId === gated);

    failNext = true;
    failing = change('fails once');
    await waitFor(() => s.state().counters.onEventFailures === 1);
    await waitFor(() => s.state().replayId === failing, 5_000);
    expect(calls.filter((id) => id === failing)).toHaveLength(2);
    expect(checkpointAtRetry).toBe(gated);
  });

  it('survives token expiry: invalidates the token, logs in again and loses nothing', async () => {
    const { s, received, auth } = subscriber();
    await s.start();
    await subscribed(s);
    const a = change('before expiry');
    await waitFor(() => received.length === 1);
    const oldToken = auth.current()!;
    h.tokens.expire(oldToken);
    const b = change('during renewal');
    await waitFor(() => received.length === 2, 5_000);
    const c = change('after renewal');
    await waitFor(() => received.length === 3, 5_000);
    expect(ids(received)).toEqual([a, b, c]);
    expect(auth.invalidated).toContain(oldToken);
    expect(auth.issued.length).toBeGreaterThanOrEqual(2);
    expect(s.state().counters.authRenewals).toBeGreaterThanOrEqual(1);
  });

  it('survives a forced session drop (403::Unknown client): re-handshakes from the last checkpoint', async () => {
    const { s, received } = subscriber();
    await s.start();
    await subscribed(s);
    const a = change('a');
    await waitFor(() => received.length === 1);
    const handshakes = s.state().counters.handshakes;
    h.bus.forceSessionDrop();
    const b = change('b');
    await waitFor(() => received.length === 2, 5_000);
    expect(ids(received)).toEqual([a, b]);
    expect(s.state().counters.unknownClientRecoveries).toBeGreaterThanOrEqual(1);
    expect(s.state().counters.handshakes).toBeGreaterThan(handshakes);
  });

  it('reports a gap (not silence) when the stored replay id is past retention, then streams new events', async () => {
    const old = change('old', Date.parse('2026-11-20T10:00:00Z'));
    const at = new Date('2026-11-20T10:00:00Z');
    h.clock.offsetMs = 73 * 3600_000;
    const { s, received, gaps } = subscriber({ checkpoint: { replayId: old, at } });
    await s.start();
    await waitFor(() => gaps.length === 1);
    expect(gaps[0]).toEqual({ channel: CHANNEL, lastReplayId: old, since: at });
    await subscribed(s);
    const fresh = change('fresh');
    await waitFor(() => received.length === 1);
    expect(ids(received)).toEqual([fresh]);
    expect(s.state()).toMatchObject({ replayId: fresh, counters: { gaps: 1 } });
    expect(logLines.join('\n')).toMatch(/stream gap/);
  });

  it('reports the same gap again when onGap fails (the window never shrinks), then streams', async () => {
    const old = change('old');
    const at = new Date('2026-11-20T10:00:00Z');
    h.clock.offsetMs = 73 * 3600_000;
    const reported: StreamGap[] = [];
    let failures = 2;
    const { s, received } = subscriber({
      checkpoint: { replayId: old, at },
      onGap: async (g) => {
        reported.push(g);
        if (failures-- > 0) throw new Error('backfill query failed');
      },
    });
    await s.start();
    await subscribed(s);
    expect(reported).toHaveLength(3);
    expect(reported.every((g) => g.lastReplayId === old && g.since === at)).toBe(true);
    const fresh = change('fresh');
    await waitFor(() => received.length === 1);
    expect(ids(received)).toEqual([fresh]);
  });

  it('reports a gap since the time it went live when it has to restart at the tip without a replay id', async () => {
    const { s, gaps } = subscriber();
    await s.start();
    await subscribed(s);
    h.bus.forceSessionDrop();
    await waitFor(() => gaps.length === 1, 5_000);
    expect(gaps[0]!.lastReplayId).toBeNull();
    expect(gaps[0]!.since).toBeInstanceOf(Date);
  });

  it('restarts a stalled stream with the watchdog and then receives what it missed', async () => {
    const { s, received } = subscriber({ watchdogMs: 300 });
    await s.start();
    await subscribed(s);
    const a = change('a');
    await waitFor(() => received.length === 1);
    h.knobs.silent = true;
    const b = change('swallowed by the silent server');
    await waitFor(() => s.state().counters.watchdogRestarts >= 1, 5_000);
    expect(received).toHaveLength(1);
    h.knobs.silent = false;
    await waitFor(() => received.length === 2, 5_000);
    expect(ids(received)).toEqual([a, b]);
    expect(logLines.join('\n')).toMatch(/silent too long/);
  });

  it('backs off on network errors and recovers when the network returns', async () => {
    let failures = 3;
    const flakyFetch: typeof fetch = async (input, init) => {
      if (failures > 0) {
        failures--;
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      }
      return fetch(input, init);
    };
    const { s, received } = subscriber({ fetch: flakyFetch });
    await s.start();
    await subscribed(s);
    expect(s.state().counters.networkRetries).toBe(3);
    const a = change('after outage');
    await waitFor(() => received.length === 1);
    expect(ids(received)).toEqual([a]);
    expect(logLines.some((l) => l.includes('"to":"backoff"'))).toBe(true);
  });

  it('keeps retrying (logged as an error) when the channel does not exist, never dying silently', async () => {
    const { s } = subscriber({ channel: '/data/NoSuchChangeEvent' });
    await s.start();
    await waitFor(() => s.state().counters.networkRetries >= 2, 5_000);
    expect(s.state().lastError).toContain('does not exist {/data/NoSuchChangeEvent}');
    expect(logLines.some((l) => l.includes('"level":50') && l.includes('does not exist'))).toBe(true);
  });

  it('retries a failing login with backoff instead of giving up', async () => {
    const inner = fakeAuth();
    let refusals = 2;
    const auth: SalesforceAuth = {
      session: async () => {
        if (refusals-- > 0) throw new Error('invalid_grant: user hasn\'t approved this consumer');
        return inner.session();
      },
      invalidate: (t) => inner.invalidate(t),
    };
    const { s } = subscriber({ auth });
    await s.start();
    await subscribed(s);
    expect(s.state().counters.loginFailures).toBe(2);
    expect(logLines.some((l) => l.includes('"level":50') && l.includes('Salesforce login failed'))).toBe(true);
  });

  it('waits out the org concurrent-client limit and subscribes once a slot frees', async () => {
    h.knobs.maxClients = 0;
    try {
      const { s } = subscriber();
      await s.start();
      await waitFor(() => s.state().counters.networkRetries >= 2);
      expect(s.state().lastError).toContain('403::Organization concurrent user limit exceeded');
      h.knobs.maxClients = undefined;
      await subscribed(s);
    } finally {
      h.knobs.maxClients = undefined;
    }
  });

  it('never writes the access token to the logs', async () => {
    const { s, auth } = subscriber();
    await s.start();
    await subscribed(s);
    h.tokens.expire(auth.current()!);
    await waitFor(() => auth.issued.length >= 2, 5_000);
    await subscribed(s);
    const text = logLines.join('\n');
    expect(text.length).toBeGreaterThan(0);
    for (const token of auth.issued) expect(text).not.toContain(token);
  });

  it('stop() disconnects the client and ends the loop', async () => {
    const { s } = subscriber();
    await s.start();
    await subscribed(s);
    expect(h.cometd.clients()).toHaveLength(1);
    await s.stop();
    expect(s.state().status).toBe('stopped');
    await waitFor(() => h.cometd.clients().length === 0);
  });
});
