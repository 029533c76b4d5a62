import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { post, sleep, startHarness, waitFor, type Harness } from '../../../streaming/harness.js';
import { BayeuxErrors } from './bayeux-errors.js';

const PE = '/event/Order_Event__e';
const CDC = '/data/AccountChangeEvent';

let h: Harness;
let token: string;

beforeAll(async () => {
  h = await startHarness({ knobs: { connectTimeoutMs: 300, sessionTimeoutMs: 400 } });
});
afterAll(async () => h.close());
beforeEach(() => {
  h.cometd.dropSessions();
  h.bus.clear();
  h.knobs.silent = false;
  h.knobs.maxClients = undefined;
  h.knobs.connectTimeoutMs = 300;
  token = h.tokens.issue();
});

async function handshake(t = token): Promise<string> {
  const { body } = await post(h.endpoint, [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' }], { token: t });
  expect(body[0]).toMatchObject({ successful: true });
  return body[0]!.clientId as string;
}

async function subscribe(clientId: string, channel: string, replay?: unknown, t = token) {
  const msg: Record<string, unknown> = { channel: '/meta/subscribe', clientId, subscription: channel, id: '4' };
  if (replay !== undefined) msg.ext = { replay: { [channel]: replay } };
  return (await post(h.endpoint, [msg], { token: t })).body[0]!;
}

async function connect(clientId: string, t = token, extra: Record<string, unknown> = {}) {
  return (await post(h.endpoint, [{ channel: '/meta/connect', clientId, connectionType: 'long-polling', id: 'c', ...extra }], { token: t })).body;
}

function publish(n: number, channel = PE): number[] {
  return Array.from({ length: n }, (_, i) => h.bus.publish([channel], { CreatedDate: new Date().toISOString(), CreatedById: '005xx000001SwiUAAS', Seq__c: i }).replayId);
}

describe('CometD handshake', () => {
  it('answers like Salesforce: long-polling only, replay ext, base-36 client id, BAYEUX_BROWSER cookie without Secure on http', async () => {
    const res = await post(h.endpoint, [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['websocket', 'long-polling'], id: '1' }], { token, scheme: 'Bearer' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      channel: '/meta/handshake',
      id: '1',
      version: '1.0',
      minimumVersion: '1.0',
      successful: true,
      supportedConnectionTypes: ['long-polling'],
      ext: { replay: true, 'payload.format': true },
    });
    expect(res.body[0]!.clientId).toMatch(/^[0-9a-z]{27,31}$/);
    expect(res.body[0]).not.toHaveProperty('advice');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^BAYEUX_BROWSER=[^;]+; Path=\/cometd\/; HttpOnly$/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('accepts both OAuth and Bearer schemes and rejects a missing header', async () => {
    for (const scheme of ['OAuth', 'Bearer'] as const) {
      const { body } = await post(h.endpoint, [{ channel: '/meta/handshake', version: '1.0', id: '1' }], { token, scheme });
      expect(body[0]!.successful).toBe(true);
    }
    const { body } = await post(h.endpoint, [{ channel: '/meta/handshake', version: '1.0', id: '1' }]);
    expect(body[0]).toMatchObject({ successful: false, error: '401::Request requires authentication' });
  });

  it('denies a handshake with an expired token the way Salesforce does (403 Handshake denied, reason 401, reconnect none)', async () => {
    h.tokens.expire(token);
    const { body } = await post(h.endpoint, [{ channel: '/meta/handshake', version: '1.0', id: '1' }], { token });
    expect(body[0]).toEqual({
      channel: '/meta/handshake',
      id: '1',
      advice: { reconnect: 'none' },
      ext: { sfdc: { failureReason: '401::Authentication invalid' }, replay: true },
      error: '403::Handshake denied',
      successful: false,
    });
  });

  it('requires an API version ≥ 37.0 in the URI', async () => {
    const hs = [{ channel: '/meta/handshake', version: '1.0', id: '1' }];
    expect((await post(`${h.baseUrl}/cometd`, hs, { token })).body[0]!.error).toBe(BayeuxErrors.versionMandatory);
    expect((await post(`${h.baseUrl}/cometd/36.0`, hs, { token })).body[0]!.error).toBe(BayeuxErrors.versionUnsupported);
    expect((await post(`${h.baseUrl}/cometd/v62.0`, hs, { token })).body[0]!.error).toBe(BayeuxErrors.versionMandatory);
  });

  it('enforces the concurrent-client limit per org', async () => {
    h.knobs.maxClients = 2;
    await handshake();
    await handshake();
    const { body } = await post(h.endpoint, [{ channel: '/meta/handshake', version: '1.0', id: '1' }], { token });
    expect(body[0]).toMatchObject({ successful: false, error: '403::Organization concurrent user limit exceeded' });
    const other = h.tokens.issue('005xx000002AAAAAAA', '00Dxx0000009ZZZEAA');
    expect((await post(h.endpoint, [{ channel: '/meta/handshake', version: '1.0', id: '1' }], { token: other })).body[0]!.successful).toBe(true);
  });

  it('frees a slot when a client disconnects', async () => {
    h.knobs.maxClients = 1;
    const id = await handshake();
    const { body } = await post(h.endpoint, [{ channel: '/meta/disconnect', clientId: id, id: '9' }], { token });
    expect(body[0]).toEqual({ channel: '/meta/disconnect', clientId: id, id: '9', successful: true });
    await handshake();
  });
});

describe('CometD connect and delivery', () => {
  it('answers the first connect at once with advice, later idle connects after the hold without advice', async () => {
    const id = await handshake();
    const first = await connect(id);
    expect(first).toEqual([{ clientId: id, channel: '/meta/connect', id: 'c', successful: true, advice: { interval: 0, timeout: 300, reconnect: 'retry' } }]);
    const t0 = Date.now();
    const second = await connect(id);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    expect(second).toEqual([{ clientId: id, channel: '/meta/connect', id: 'c', successful: true }]);
  });

  it('advertises the Salesforce 110 s hold by default', async () => {
    const saved = h.knobs.connectTimeoutMs;
    h.knobs.connectTimeoutMs = undefined;
    try {
      const id = await handshake();
      expect((await connect(id))[0]!.advice).toEqual({ interval: 0, timeout: 110000, reconnect: 'retry' });
    } finally {
      h.knobs.connectTimeoutMs = saved;
    }
  });

  it('answers a held connect early when an event is published, with the event before the connect reply', async () => {
    h.knobs.connectTimeoutMs = 5_000; // long hold, so an early answer is unmistakable even on a busy machine
    const id = await handshake();
    await subscribe(id, PE, -1);
    await connect(id);
    const pending = connect(id);
    await sleep(50);
    const t0 = Date.now();
    const { replayId } = h.bus.publish([PE], { CreatedDate: '2026-11-26T21:00:00.000Z', CreatedById: '005xx000001SwiUAAS', Status__c: 'Open' });
    const body = await pending;
    h.knobs.connectTimeoutMs = 300;
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(body).toHaveLength(2);
    expect(body[0]).toMatchObject({
      channel: PE,
      data: { schema: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), payload: { Status__c: 'Open', CreatedById: '005xx000001SwiUAAS' }, event: { replayId, EventUuid: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
    });
    expect(body[1]).toMatchObject({ channel: '/meta/connect', successful: true });
  });

  it('answers several messages in one POST (subscribe + connect with advice.timeout 0, as faye batches them)', async () => {
    const id = await handshake();
    publish(1);
    const { body } = await post(
      h.endpoint,
      [
        { channel: '/meta/subscribe', clientId: id, subscription: PE, id: '2', ext: { replay: { [PE]: -2 } } },
        { channel: '/meta/subscribe', clientId: id, subscription: CDC, id: '3' },
        { channel: '/meta/connect', clientId: id, connectionType: 'long-polling', id: '4', advice: { timeout: 0 } },
      ],
      { token },
    );
    expect(body.map((m) => m.channel)).toEqual(['/meta/subscribe', '/meta/subscribe', PE, '/meta/connect']);
    expect(body[0]).toEqual({ clientId: id, channel: '/meta/subscribe', id: '2', subscription: PE, successful: true });
    expect(body[3]).toMatchObject({ id: '4', successful: true });
  });

  it('applies a subscribe batched after a connect before the connect holds (faye sends [connect, subscribe])', async () => {
    h.knobs.connectTimeoutMs = 5_000;
    const id = await handshake();
    await connect(id); // the first connect: from now on idle connects are held
    const ids = publish(2);
    const t0 = Date.now();
    const { body } = await post(
      h.endpoint,
      [
        { channel: '/meta/connect', clientId: id, connectionType: 'long-polling', id: '5' },
        { channel: '/meta/subscribe', clientId: id, subscription: PE, id: '6', ext: { replay: { [PE]: -2 } } },
      ],
      { token },
    );
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(body.map((m) => m.channel)).toEqual([PE, PE, '/meta/connect', '/meta/subscribe']);
    expect(body.slice(0, 2).map((m) => (m.data as { event: { replayId: number } }).event.replayId)).toEqual(ids);
  });

  it('delivers CDC events of several channels in replay-id order without EventUuid', async () => {
    const id = await handshake();
    await subscribe(id, PE, -1);
    await subscribe(id, CDC, -1);
    await connect(id);
    const header = { entityName: 'Account', changeType: 'UPDATE', recordIds: ['001xx000003DGb2AAG'] };
    const a = h.bus.publish([CDC], { ChangeEventHeader: header, Name: 'A' }).replayId;
    const b = publish(1)[0]!;
    const c = h.bus.publish([CDC], { ChangeEventHeader: header, Name: 'C' }).replayId;
    const body = await connect(id);
    const events = body.filter((m) => m.channel !== '/meta/connect') as Array<{ channel: string; data: { event: Record<string, unknown> } }>;
    expect(events.map((e) => e.data.event.replayId)).toEqual([a, b, c]);
    expect(events[0]!.data.event).toEqual({ replayId: a });
  });

  it('unsubscribe stops delivery', async () => {
    const id = await handshake();
    await subscribe(id, PE, -1);
    await connect(id);
    const { body } = await post(h.endpoint, [{ channel: '/meta/unsubscribe', clientId: id, subscription: PE, id: '9' }], { token });
    expect(body[0]).toEqual({ clientId: id, channel: '/meta/unsubscribe', subscription: PE, id: '9', successful: true });
    publish(1);
    expect(await connect(id)).toHaveLength(1);
  });

  it('caps the events of one connect reply (maxEventsPerConnect) and hands the rest to the next connect at once', async () => {
    h.knobs.maxEventsPerConnect = 2;
    h.knobs.connectTimeoutMs = 5_000;
    try {
      const ids = publish(5);
      const id = await handshake();
      await subscribe(id, PE, -2);
      const batches: number[][] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = Date.now();
        const body = await connect(id);
        expect(Date.now() - t0).toBeLessThan(2_000); // pending events: no hold
        batches.push(body.filter((m) => m.channel === PE).map((m) => (m.data as { event: { replayId: number } }).event.replayId));
      }
      expect(batches).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    } finally {
      h.knobs.maxEventsPerConnect = undefined;
      h.knobs.connectTimeoutMs = 300;
    }
  });

  it('forced silence holds connects without events; clearing it delivers them', async () => {
    const id = await handshake();
    await subscribe(id, PE, -1);
    await connect(id);
    h.knobs.silent = true;
    const [r] = publish(1);
    expect((await connect(id)).map((m) => m.channel)).toEqual(['/meta/connect']);
    h.knobs.silent = false;
    const body = await connect(id);
    expect((body[0]!.data as { event: { replayId: number } }).event.replayId).toBe(r);
  });
});

describe('CometD replay extension', () => {
  it('-1 replays nothing old, -2 everything retained, a stored id what follows it', async () => {
    const ids = publish(3);
    const replayed = async (replay: number) => {
      const id = await handshake();
      expect(await subscribe(id, PE, replay)).toMatchObject({ successful: true });
      return (await connect(id)).filter((m) => m.channel === PE).map((m) => (m.data as { event: { replayId: number } }).event.replayId);
    };
    expect(await replayed(-1)).toEqual([]);
    expect(await replayed(-2)).toEqual(ids);
    expect(await replayed(ids[0]!)).toEqual(ids.slice(1));
    expect(await replayed(ids[2]!)).toEqual([]);
  });

  it('rejects an unknown or expired replay id with the real 400 error', async () => {
    const [first] = publish(1);
    const id = await handshake();
    expect(await subscribe(id, PE, 999_999)).toEqual({
      clientId: id,
      channel: '/meta/subscribe',
      id: '4',
      subscription: PE,
      error: '400::The replayId {999999} you provided was invalid. Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.',
      successful: false,
    });
    h.clock.offsetMs += 73 * 3600_000; // past the 72 h retention
    try {
      const id2 = await handshake();
      expect((await subscribe(id2, PE, first)).error).toBe(BayeuxErrors.invalidReplayId(first));
      expect(await subscribe(id2, PE, -2)).toMatchObject({ successful: true });
      expect((await connect(id2)).filter((m) => m.channel === PE)).toEqual([]);
    } finally {
      h.clock.offsetMs = 0;
    }
  });

  it('rejects a replay map that does not name the subscribed channel', async () => {
    const id = await handshake();
    const { body } = await post(h.endpoint, [{ channel: '/meta/subscribe', clientId: id, subscription: PE, id: '4', ext: { replay: { '/event/Other__e': -1 } } }], { token });
    expect(body[0]!.error).toMatch(/^400::The replayId for channel \{\/event\/Order_Event__e\} wasn't found using the provided replay ID map \{\{\/event\/Other__e=-1\}\}/);
  });
});

describe('CometD errors and expiry', () => {
  it('rejects subscriptions to unknown or malformed channels', async () => {
    const id = await handshake();
    expect((await subscribe(id, '/event/Nope__e')).error).toBe('400::The channel you requested to subscribe to does not exist {/event/Nope__e}');
    expect((await subscribe(id, 'event/Order_Event__e')).error).toBe("400::Channel subscriptions must start with a leading '/'");
    const { body } = await post(h.endpoint, [{ channel: '/meta/subscribe', clientId: id, id: '5' }], { token });
    expect(body[0]).toMatchObject({ successful: false, error: '400::Channel name not specified' });
  });

  it('forgets a client that does not connect within the session timeout: 403::Unknown client, reconnect handshake', async () => {
    const id = await handshake();
    await connect(id);
    await sleep(500);
    expect(await connect(id)).toEqual([
      { clientId: id, channel: '/meta/connect', id: 'c', advice: { reconnect: 'handshake', interval: 0 }, error: '403::Unknown client', successful: false },
    ]);
  });

  it('answers an unknown clientId on every meta channel with 403::Unknown client', async () => {
    for (const channel of ['/meta/connect', '/meta/subscribe', '/meta/unsubscribe', '/meta/disconnect']) {
      const { body } = await post(h.endpoint, [{ channel, clientId: 'nosuchclient', subscription: PE, id: '1' }], { token });
      expect(body[0]).toMatchObject({ channel, error: '403::Unknown client', advice: { reconnect: 'handshake' }, successful: false });
    }
  });

  it('forced session drop answers a held connect and every later call with 403::Unknown client', async () => {
    const id = await handshake();
    await subscribe(id, PE, -1);
    await connect(id);
    const held = connect(id);
    await sleep(30);
    h.bus.forceSessionDrop();
    expect((await held)[0]).toMatchObject({ error: '403::Unknown client', successful: false });
    expect((await subscribe(id, PE, -1)).error).toBe('403::Unknown client');
  });

  it('answers 401::Authentication invalid with reconnect none once the token has expired', async () => {
    const id = await handshake();
    await connect(id);
    h.tokens.expire(token);
    expect(await connect(id)).toEqual([
      { clientId: id, channel: '/meta/connect', id: 'c', advice: { reconnect: 'none', interval: 0 }, error: '401::Authentication invalid', successful: false },
    ]);
  });

  it('re-validates the token when a held connect completes', async () => {
    const id = await handshake();
    await connect(id);
    const held = connect(id);
    await sleep(30);
    h.tokens.expire(token);
    expect((await held)[0]).toMatchObject({ error: '401::Authentication invalid', advice: { reconnect: 'none' } });
  });

  it('does not let another user take over a client id', async () => {
    const id = await handshake();
    const other = h.tokens.issue('005xx000009OTHERAA');
    expect((await connect(id, other))[0]).toMatchObject({ error: '403::Unknown client' });
  });

  it('refuses non long-polling connects', async () => {
    const id = await handshake();
    expect((await connect(id, token, { connectionType: 'websocket' }))[0]!.error).toBe('400::Invalid connection type {websocket}');
  });

  it('answers malformed input with Bayeux errors and keeps serving', async () => {
    const bad = await post(h.endpoint, null, { token, raw: '[{"channel":' });
    expect(bad.status).toBe(400);
    expect(bad.body[0]).toMatchObject({ successful: false, error: BayeuxErrors.invalidJson });
    const bare = await post(h.endpoint, { channel: '/meta/handshake', version: '1.0' }, { token });
    expect(bare.status).toBe(400);
    expect(bare.body[0]!.successful).toBe(false);
    const mixed = await post(h.endpoint, [42, { id: '7' }, { channel: '/meta/bogus', id: '8' }, { channel: '/event/Order_Event__e', data: {} }], { token });
    expect(mixed.status).toBe(200);
    expect(mixed.body.map((m) => m.successful)).toEqual([false, false, false, false]);
    expect(mixed.body[1]).toMatchObject({ id: '7', error: expect.stringMatching(/^400::Invalid message: channel/) });
    expect(mixed.body[3]!.error).toMatch(/^403::Publish denied/);
    const huge = await post(h.endpoint, null, { token, raw: `[${'"x",'.repeat(9000)}"x"]` });
    expect(huge.status).toBe(413);
    await handshake();
  });

  it('accepts the url-encoded message= form', async () => {
    const res = await fetch(h.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `OAuth ${token}` },
      body: new URLSearchParams({ message: JSON.stringify([{ channel: '/meta/handshake', version: '1.0', id: '1' }]) }).toString(),
    });
    expect(((await res.json()) as Array<{ successful: boolean }>)[0]!.successful).toBe(true);
  });

  it('refuses a WebSocket upgrade (never 101)', async () => {
    const status = await new Promise<number | string>((resolve, reject) => {
      const req = request(h.endpoint, {
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
          Authorization: `OAuth ${token}`,
        },
      });
      req.on('upgrade', (_res, socket) => {
        socket.destroy();
        resolve('upgraded');
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });

  it('lists live clients for introspection', async () => {
    const id = await handshake();
    await subscribe(id, PE, -1);
    await waitFor(() => h.cometd.clients().some((c) => c.clientId === id && PE in c.subscriptions));
  });
});
