import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSalesforceAuth, type SalesforceAuthOptions } from './auth.js';
import { isSalesforceError } from './errors.js';
import { startFakeOrg, type FakeOrg } from './testing/fake-org.js';

let org: FakeOrg;
beforeAll(async () => {
  org = await startFakeOrg();
});
afterAll(() => org.close());
beforeEach(() => {
  org.logins = 0;
});

const authFor = (o: Partial<SalesforceAuthOptions> = {}) =>
  createSalesforceAuth({
    loginUrl: org.url,
    clientId: org.clientId,
    username: org.username,
    privateKey: org.privateKey,
    ...o,
  });

describe('Salesforce JWT bearer auth', () => {
  it('logs in once and serves the cached session, also to concurrent callers', async () => {
    const auth = authFor();
    const [a, b] = await Promise.all([auth.session(), auth.session()]);
    const c = await auth.session();
    expect(a).toEqual({ accessToken: expect.stringMatching(/^00D000000000001!/), instanceUrl: org.url });
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(org.logins).toBe(1);
  });

  it('logs in again before the session gets old (injectable clock)', async () => {
    let now = Date.now(); // also the JWT clock: the fake org checks exp against real time
    const auth = authFor({ now: () => now, maxSessionAgeMs: 60_000 });
    const first = await auth.session();
    now += 59_000;
    expect(await auth.session()).toBe(first);
    now += 2_000;
    const second = await auth.session();
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(org.logins).toBe(2);
  });

  it('invalidate drops only the token it names', async () => {
    const auth = authFor();
    const first = await auth.session();
    auth.invalidate(first.accessToken);
    const second = await auth.session();
    expect(second.accessToken).not.toBe(first.accessToken);
    auth.invalidate(first.accessToken); // a late 401 for the old token
    expect(await auth.session()).toBe(second);
    expect(org.logins).toBe(2);
  });

  it('reports a refused login as SF_AUTH_FAILED (not retryable), without the assertion, and does not cache it', async () => {
    const wrongKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const auth = authFor({ privateKey: wrongKey });
    const err = await auth.session().catch((e: unknown) => e);
    expect(isSalesforceError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'SF_AUTH_FAILED', sfCode: 'invalid_grant', httpStatus: 400, retryable: false });
    expect(String((err as Error).message)).toContain('int@example.com');
    expect(String((err as Error).message)).not.toMatch(/eyJ/);
    await expect(auth.session()).rejects.toMatchObject({ code: 'SF_AUTH_FAILED' });
    await expect(authFor({ username: 'someone@else' }).session()).rejects.toMatchObject({ code: 'SF_AUTH_FAILED' });
  });

  it('classifies an unreachable or failing token endpoint as retryable', async () => {
    await expect(authFor({ loginUrl: 'http://127.0.0.1:1' }).session()).rejects.toMatchObject({
      code: 'SF_UNAVAILABLE',
      retryable: true,
    });
    const failing = authFor({ fetch: async () => new Response('<html>down</html>', { status: 503 }) });
    await expect(failing.session()).rejects.toMatchObject({ code: 'SF_UNAVAILABLE', retryable: true, httpStatus: 503 });
    const slow = authFor({
      timeoutMs: 20,
      fetch: (_u, init) =>
        new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    });
    await expect(slow.session()).rejects.toMatchObject({ code: 'SF_TIMEOUT', retryable: true });
  });

  it('refuses a token answer without access_token or instance_url', async () => {
    const odd = authFor({ fetch: async () => new Response(JSON.stringify({ access_token: 'x' }), { status: 200 }) });
    await expect(odd.session()).rejects.toMatchObject({
      code: 'SF_PROTOCOL',
      message: expect.stringContaining('instance_url'),
    });
  });
});
