import { describe, expect, it } from 'vitest';
import { BayeuxSession } from './bayeux-session.js';

type Call = { url: string; headers: Record<string, string>; body: Array<Record<string, unknown>> };

/** A scripted fetch: answers each POST with the next canned response and records what was sent. */
function scripted(responses: Array<{ status?: number; body: unknown; setCookie?: string[] } | Error>) {
  const calls: Call[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), headers: init!.headers as Record<string, string>, body: JSON.parse(String(init!.body)) });
    const next = responses.shift();
    if (!next) throw new Error('no scripted response left');
    if (next instanceof Error) throw next;
    const headers = new Headers({ 'content-type': 'application/json' });
    for (const c of next.setCookie ?? []) headers.append('set-cookie', c);
    return new Response(typeof next.body === 'string' ? next.body : JSON.stringify(next.body), { status: next.status ?? 200, headers });
  };
  return { calls, fetchFn };
}

const signal = new AbortController().signal;
const endpoint = 'http://sf.test/cometd/62.0';
const session = (fetchFn: typeof fetch) => new BayeuxSession({ endpoint, accessToken: 'TOKEN123456', requestTimeoutMs: 1_000, fetch: fetchFn });

describe('BayeuxSession', () => {
  it('handshakes, subscribes with the replay map and connects, sending OAuth auth, ids and cookies back', async () => {
    const { calls, fetchFn } = scripted([
      { body: [{ channel: '/meta/handshake', successful: true, clientId: 'abc123', ext: { replay: true } }], setCookie: ['BAYEUX_BROWSER=xyz; Path=/cometd/; HttpOnly'] },
      { body: [{ channel: '/meta/subscribe', successful: true, subscription: '/event/A__e' }] },
      {
        body: [
          { channel: '/event/A__e', data: { schema: 's1', payload: { X__c: 1 }, event: { replayId: 10, EventUuid: 'u1' } } },
          { channel: '/event/A__e', data: { payload: 'not an object', event: {} } },
          { channel: '/meta/connect', successful: true, advice: { reconnect: 'retry', interval: 0, timeout: 500 } },
        ],
      },
    ]);
    const s = session(fetchFn);
    await s.handshake(signal);
    expect(s.clientId).toBe('abc123');
    await s.subscribe('/event/A__e', 7, signal);
    const result = await s.connect('/event/A__e', signal);
    expect(calls.map((c) => c.body[0]!.channel)).toEqual(['/meta/handshake', '/meta/subscribe', '/meta/connect']);
    expect(calls.map((c) => c.body[0]!.id)).toEqual(['1', '2', '3']);
    expect(calls[0]!.headers.Authorization).toBe('OAuth TOKEN123456');
    expect(calls[0]!.body[0]).toMatchObject({ version: '1.0', supportedConnectionTypes: ['long-polling'] });
    expect(calls[1]!.body[0]).toMatchObject({ clientId: 'abc123', subscription: '/event/A__e', ext: { replay: { '/event/A__e': 7 } } });
    expect(calls[1]!.headers.Cookie).toBe('BAYEUX_BROWSER=xyz');
    expect(calls[2]!.body[0]).toMatchObject({ clientId: 'abc123', connectionType: 'long-polling' });
    expect(result.events).toEqual([{ channel: '/event/A__e', replayId: 10, payload: { X__c: 1 }, schema: 's1', eventUuid: 'u1' }]);
    expect(result.unreadable).toHaveLength(1);
    expect(result.failure).toBeUndefined();
    expect(result.advice).toMatchObject({ timeout: 500 });
  });

  it('returns delivered events together with a failed connect reply (events first, failure after)', async () => {
    const { fetchFn } = scripted([
      { body: [{ channel: '/meta/handshake', successful: true, clientId: 'c1' }] },
      {
        body: [
          { channel: '/event/A__e', data: { payload: {}, event: { replayId: 3 } } },
          { channel: '/meta/connect', successful: false, error: '403::Unknown client', advice: { reconnect: 'handshake' } },
        ],
      },
    ]);
    const s = session(fetchFn);
    await s.handshake(signal);
    const r = await s.connect('/event/A__e', signal);
    expect(r.events.map((e) => e.replayId)).toEqual([3]);
    expect(r.failure?.kind).toBe('unknown-client');
  });

  it('classifies transport failures', async () => {
    const cases: Array<[Parameters<typeof scripted>[0][number], string]> = [
      [new TypeError('fetch failed'), 'network'],
      [{ status: 502, body: '<html>Bad gateway</html>' }, 'network'],
      [{ status: 401, body: '' }, 'auth'],
      [{ status: 200, body: { not: 'an array' } }, 'network'],
      [{ status: 503, body: [{ channel: '/meta/handshake', successful: false, error: '503::busy' }] }, 'network'],
      [{ status: 200, body: [{ channel: '/meta/handshake', successful: false, error: '403::Handshake denied', ext: { sfdc: { failureReason: '401::Authentication invalid' } } }] }, 'auth'],
      [{ status: 200, body: [{ channel: '/meta/handshake', successful: false, error: '403::Organization concurrent user limit exceeded' }] }, 'client-limit'],
    ];
    for (const [response, kind] of cases) {
      const { fetchFn } = scripted([response]);
      await expect(session(fetchFn).handshake(signal)).rejects.toMatchObject({ kind });
    }
  });

  it('rethrows the abort reason when the caller aborts (watchdog/stop), not a network error', async () => {
    const controller = new AbortController();
    const reason = new Error('watchdog');
    const fetchFn: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const s = session(fetchFn);
    const pending = s.handshake(controller.signal);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('gives up on a request the server never answers (network error after the timeout)', async () => {
    const fetchFn: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const s = new BayeuxSession({ endpoint, accessToken: 'TOKEN123456', requestTimeoutMs: 50, fetch: fetchFn });
    await expect(s.handshake(signal)).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('no answer within 50 ms') });
  });

  it('rejects the replay id with a replay-invalid error on subscribe', async () => {
    const { fetchFn } = scripted([
      { body: [{ channel: '/meta/handshake', successful: true, clientId: 'c1' }] },
      { body: [{ channel: '/meta/subscribe', successful: false, error: '400::The replayId {5} you provided was invalid. Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.' }] },
    ]);
    const s = session(fetchFn);
    await s.handshake(signal);
    await expect(s.subscribe('/event/A__e', 5, signal)).rejects.toMatchObject({ kind: 'replay-invalid' });
  });
});
