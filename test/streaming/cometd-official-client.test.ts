/**
 * The official CometD JavaScript client (cometd + cometd-nodejs-client, long-polling forced) against
 * the emulator: a second, independent Bayeux implementation that must agree with faye.
 */
import { CometD, type Message } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startHarness, waitFor, type Harness } from './harness.js';

const CHANNEL = '/event/Order_Event__e';
let h: Harness;
const live: CometD[] = [];

beforeAll(async () => {
  adapt();
  h = await startHarness({ knobs: { connectTimeoutMs: 1_000, sessionTimeoutMs: 5_000 } });
});
afterEach(async () => {
  for (const c of live.splice(0)) {
    if (c.isDisconnected()) continue;
    await Promise.race([new Promise<void>((r) => c.disconnect(() => r())), sleep(500)]);
  }
});
afterAll(async () => h.close());

function client(token: string): CometD {
  const cometd = new CometD();
  cometd.unregisterTransport('websocket'); // Salesforce serves long-polling only
  cometd.configure({ url: h.endpoint, requestHeaders: { Authorization: `OAuth ${token}` }, appendMessageTypeToURL: false, logLevel: 'warn' });
  live.push(cometd);
  return cometd;
}

function handshake(cometd: CometD): Promise<Message> {
  return new Promise((resolve) => cometd.handshake((m) => resolve(m)));
}

function subscribe(cometd: CometD, replay: number, onData: (m: Message) => void): Promise<Message> {
  return new Promise((resolve) => cometd.subscribe(CHANNEL, onData, { ext: { replay: { [CHANNEL]: replay } } }, (m) => resolve(m)));
}

function publish(tag: string): number {
  return h.bus.publish([CHANNEL], { CreatedDate: new Date().toISOString(), CreatedById: '005xx000001SwiUAAS', Tag__c: tag }).replayId;
}

const replayIdOf = (m: Message) => (m.data as { event: { replayId: number } }).event.replayId;

describe('official CometD client against the emulator', () => {
  it('handshakes over long-polling and sees the replay extension advertised', async () => {
    const cometd = client(h.tokens.issue());
    const reply = await handshake(cometd);
    expect(reply.successful).toBe(true);
    expect(reply.supportedConnectionTypes).toEqual(['long-polling']);
    expect(reply.ext).toMatchObject({ replay: true });
    expect(cometd.getTransport()?.type).toBe('long-polling');
  });

  it('agrees with faye on -2 replay and live delivery order', async () => {
    h.bus.clear();
    const r1 = publish('one');
    const r2 = publish('two');
    const cometd = client(h.tokens.issue());
    await handshake(cometd);
    const got: Message[] = [];
    const sub = await subscribe(cometd, -2, (m) => got.push(m));
    expect(sub.successful).toBe(true);
    await waitFor(() => got.length >= 2);
    const r3 = publish('three');
    await waitFor(() => got.length >= 3);
    expect(got.map(replayIdOf)).toEqual([r1, r2, r3]);
    expect(got[2]!.data).toMatchObject({ payload: { Tag__c: 'three' }, event: { replayId: r3 } });
  });

  it('gets the real 400 error for an expired/unknown replay id', async () => {
    const cometd = client(h.tokens.issue());
    await handshake(cometd);
    const sub = await subscribe(cometd, 424_242, () => {});
    expect(sub.successful).toBe(false);
    expect(sub.error).toBe(
      '400::The replayId {424242} you provided was invalid. Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.',
    );
  });

  it('re-handshakes on 403::Unknown client after a forced drop and receives again once resubscribed', async () => {
    const cometd = client(h.tokens.issue());
    const got: Message[] = [];
    const handshakes: Message[] = [];
    const connectErrors: string[] = [];
    cometd.addListener('/meta/connect', (m) => {
      if (!m.successful && m.error) connectErrors.push(m.error);
    });
    cometd.addListener('/meta/handshake', (m) => {
      handshakes.push(m);
      // The CometD client forgets server-side subscriptions on re-handshake: subscribe again from the last id.
      if (m.successful && handshakes.length > 1) {
        const last = got.length ? replayIdOf(got[got.length - 1]!) : -1;
        cometd.subscribe(CHANNEL, (msg) => got.push(msg), { ext: { replay: { [CHANNEL]: last } } });
      }
    });
    await handshake(cometd);
    await subscribe(cometd, -1, (m) => got.push(m));
    const a = publish('a');
    await waitFor(() => got.length >= 1);
    h.bus.forceSessionDrop();
    await waitFor(() => handshakes.filter((m) => m.successful).length >= 2, 8_000);
    const b = publish('b');
    await waitFor(() => got.length >= 2, 8_000);
    await sleep(50);
    expect(connectErrors).toContain('403::Unknown client');
    expect(got.map(replayIdOf)).toEqual([a, b]);
  });

  it('stops on 401::Authentication invalid (reconnect none) once the token expires', async () => {
    const token = h.tokens.issue();
    const cometd = client(token);
    const errors: string[] = [];
    cometd.addListener('/meta/connect', (m) => {
      if (!m.successful && m.error) errors.push(m.error);
    });
    await handshake(cometd);
    h.tokens.expire(token);
    await waitFor(() => errors.includes('401::Authentication invalid'), 5_000);
    await waitFor(() => cometd.isDisconnected(), 5_000);
  });
});
