/**
 * jsforce's own streaming client (faye 1.4) against the emulator's CometD server: the client the
 * field reports are about. If faye is happy here, the emulator speaks Salesforce's dialect.
 */
import jsforce from 'jsforce';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, sleep, startHarness, waitFor, type Harness } from './harness.js';

// TOOLCHAIN §5: the ESM directory import fails; require() the CommonJS module instead.
const { StreamingExtension } = createRequire(import.meta.url)('jsforce/lib/api/streaming.js') as typeof import('jsforce/lib/api/streaming.js');
const CHANNEL = '/event/Order_Event__e';

interface Received {
  payload: Record<string, unknown>;
  event: { replayId: number; EventUuid?: string };
  schema: string;
}
interface FayeClient {
  subscribe(channel: string, cb: (m: Received) => void): PromiseLike<unknown> & { cancel(): void };
  disconnect(): void;
}

let h: Harness;
const clients: FayeClient[] = [];

beforeAll(async () => {
  h = await startHarness({ knobs: { connectTimeoutMs: 1_000, sessionTimeoutMs: 5_000 } });
});
afterEach(() => {
  while (clients.length) clients.pop()!.disconnect();
});
afterAll(async () => h.close());

function fayeClient(token: string, replay: number, onAuthFailure: () => void = () => {}): FayeClient {
  const conn = new jsforce.Connection({ instanceUrl: h.baseUrl, accessToken: token, version: API_VERSION });
  const client = conn.streaming.createClient([
    new StreamingExtension.AuthFailure(onAuthFailure),
    new StreamingExtension.Replay(CHANNEL, replay),
  ]) as unknown as FayeClient;
  clients.push(client);
  return client;
}

function publish(tag: string): number {
  return h.bus.publish([CHANNEL], { CreatedDate: new Date().toISOString(), CreatedById: '005xx000001SwiUAAS', Tag__c: tag }).replayId;
}

describe('jsforce (faye) against the emulator', () => {
  it('replays retained events with -2, then receives live ones, in order, with the Salesforce data shape', async () => {
    h.bus.clear();
    const r1 = publish('old-1');
    const r2 = publish('old-2');
    const got: Received[] = [];
    const client = fayeClient(h.tokens.issue(), -2);
    await client.subscribe(CHANNEL, (m) => got.push(m));
    await waitFor(() => got.length >= 2);
    const r3 = publish('live');
    await waitFor(() => got.length >= 3);
    expect(got.map((m) => m.event.replayId)).toEqual([r1, r2, r3]);
    expect(got.map((m) => m.payload.Tag__c)).toEqual(['old-1', 'old-2', 'live']);
    expect(got[0]!.event.EventUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof got[0]!.schema).toBe('string');
  });

  it('with -1 receives only new events', async () => {
    publish('before');
    const got: Received[] = [];
    const client = fayeClient(h.tokens.issue(), -1);
    await client.subscribe(CHANNEL, (m) => got.push(m));
    const live = publish('after');
    await waitFor(() => got.length >= 1);
    await sleep(50);
    expect(got.map((m) => m.event.replayId)).toEqual([live]);
  });

  it('re-handshakes after a forced session drop (403::Unknown client) and resumes after the last replay id', async () => {
    const got: Received[] = [];
    const client = fayeClient(h.tokens.issue(), -1);
    await client.subscribe(CHANNEL, (m) => got.push(m));
    const a = publish('a');
    await waitFor(() => got.length >= 1);
    const before = h.cometd.clients().map((c) => c.clientId);
    h.bus.forceSessionDrop();
    const b = publish('b-during-drop');
    await waitFor(() => got.length >= 2, 8_000);
    const c = publish('c');
    await waitFor(() => got.length >= 3, 8_000);
    expect(got.map((m) => m.event.replayId)).toEqual([a, b, c]);
    const after = h.cometd.clients().map((cl) => cl.clientId);
    expect(after.some((id) => !before.includes(id))).toBe(true);
  });

  it('fires jsforce AuthFailure when the token expires (401::Authentication invalid, reconnect none)', async () => {
    const token = h.tokens.issue();
    let failures = 0;
    const client = fayeClient(token, -1, () => failures++);
    await client.subscribe(CHANNEL, () => {});
    h.tokens.expire(token);
    await waitFor(() => failures > 0, 5_000);
  });

  it('rejects a subscription with an unknown replay id (the 400 error reaches the faye errback)', async () => {
    const client = fayeClient(h.tokens.issue(), 987_654_321);
    const outcome = await new Promise<string>((resolve) => {
      client.subscribe(CHANNEL, () => {}).then(
        () => resolve('subscribed'),
        (err: unknown) => resolve(String((err as { message?: string }).message ?? err)),
      );
    });
    expect(outcome).toContain('The replayId {987654321} you provided was invalid');
  });
});
