import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { SignJWT, importPKCS8 } from 'jose';

type KeyLike = CryptoKey | KeyObject;
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from '../test-support.js';
import { JWT_BEARER } from './oauth-routes.js';

let clock = Date.parse('2026-11-26T12:00:00Z');
let t: TestOrg;
let key: KeyLike;

beforeAll(async () => {
  t = await startTestOrg({ now: () => clock, knobs: { tokenLifetimeSec: 600 } });
  key = await importPKCS8(await readFile(t.sf.env.SF_PRIVATE_KEY_FILE, 'utf8'), 'RS256');
});
afterAll(async () => {
  await t.sf.close();
});

interface Claims {
  iss?: string;
  sub?: string;
  aud?: string;
  exp?: number;
}

async function assertion(claims: Claims = {}, signingKey: KeyLike = key): Promise<string> {
  const c = {
    iss: t.sf.env.SF_CLIENT_ID,
    sub: t.sf.env.SF_USERNAME,
    aud: t.sf.env.SF_LOGIN_URL,
    exp: Math.floor(clock / 1000) + 180,
    ...claims,
  };
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(c.iss)
    .setSubject(c.sub)
    .setAudience(c.aud)
    .setExpirationTime(c.exp)
    .sign(signingKey);
}

async function token(form: Record<string, string>) {
  const res = await fetch(`${t.sf.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('OAuth 2.0 JWT bearer', () => {
  it('writes the connected app key to a 0600 file and exposes the relay env', async () => {
    const info = await stat(t.sf.env.SF_PRIVATE_KEY_FILE);
    expect(info.mode & 0o777).toBe(0o600);
    expect(t.sf.env.SF_LOGIN_URL).toBe(t.sf.url);
    expect(t.sf.env.SF_CLIENT_ID).toMatch(/^3MVG9/);
  });

  it('answers a valid assertion with the real success body and a usable token', async () => {
    const r = await token({ grant_type: JWT_BEARER, assertion: await assertion() });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual([
      'access_token',
      'id',
      'instance_url',
      'issued_at',
      'scope',
      'signature',
      'token_type',
    ]);
    expect(r.body.access_token).toMatch(new RegExp(`^${t.sf.org.orgId.slice(0, 15)}!`));
    // Opaque like a real session id (`00D…!AQ…`, dots allowed), never a JWT whose header decodes to JSON.
    expect(r.body.access_token).toMatch(/^00D[A-Za-z0-9]{12}![A-Za-z0-9.]+$/);
    expect(() => JSON.parse(Buffer.from(r.body.access_token!.split('.')[0]!, 'base64url').toString('utf8'))).toThrow();
    expect(r.body.instance_url).toBe(t.sf.url);
    expect(r.body.id).toBe(`${t.sf.url}/id/${t.sf.org.orgId}/${t.sf.org.userId}`);
    expect(r.body).toMatchObject({ token_type: 'Bearer', scope: 'web openid api id', issued_at: String(clock) });
    const me = await fetch(r.body.id!, { headers: { authorization: `Bearer ${r.body.access_token}` } });
    expect(((await me.json()) as { username: string }).username).toBe(t.sf.env.SF_USERNAME);
    const info = await fetch(`${t.sf.url}/services/oauth2/userinfo`, {
      headers: { authorization: `Bearer ${r.body.access_token}` },
    });
    expect(((await info.json()) as { preferred_username: string }).preferred_username).toBe(t.sf.env.SF_USERNAME);
    const q = await fetch(`${t.sf.url}/services/data/v62.0/limits`, {
      headers: { authorization: `OAuth ${r.body.access_token}` },
    });
    expect(q.status).toBe(200);
  });

  it('accepts login.salesforce.com as audience', async () => {
    const r = await token({
      grant_type: JWT_BEARER,
      assertion: await assertion({ aud: 'https://login.salesforce.com' }),
    });
    expect(r.status).toBe(200);
  });

  it.each([
    ['wrong audience', { aud: 'https://example.com' }, 'invalid_grant', 'audience is invalid'],
    ['expired exp', { exp: Math.floor(clock / 1000) - 3600 }, 'invalid_grant', 'expired authorization code'],
    ['unknown user', { sub: 'nobody@example.com' }, 'invalid_grant', "user hasn't approved this consumer"],
    ['unknown client id', { iss: '3MVG9unknown' }, 'invalid_client_id', 'client identifier invalid'],
  ])('rejects %s', async (_name, claims, error, description) => {
    const r = await token({ grant_type: JWT_BEARER, assertion: await assertion(claims) });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error, error_description: description });
  });

  it('rejects an assertion signed by another key, a malformed one, a missing one and another grant type', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = await token({ grant_type: JWT_BEARER, assertion: await assertion({}, other) });
    expect(forged).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'invalid assertion' } });
    const garbage = await token({ grant_type: JWT_BEARER, assertion: 'not.a.jwt' });
    expect(garbage.body).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
    const missing = await token({ grant_type: JWT_BEARER });
    expect(missing.body.error).toBe('invalid_grant');
    const password = await token({ grant_type: 'password', username: 'x', password: 'y' });
    expect(password).toEqual({
      status: 400,
      body: { error: 'unsupported_grant_type', error_description: 'grant type not supported' },
    });
  });

  it('expires tokens after the lifetime knob and on forced expiry: 401 INVALID_SESSION_ID', async () => {
    const r = await token({ grant_type: JWT_BEARER, assertion: await assertion() });
    const call = () =>
      fetch(`${t.sf.url}/services/data/v62.0/sobjects`, {
        headers: { authorization: `Bearer ${r.body.access_token}` },
      });
    expect((await call()).status).toBe(200);
    clock += 601_000;
    const expired = await call();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);

    const fresh = await token({ grant_type: JWT_BEARER, assertion: await assertion() });
    const ok = await fetch(`${t.sf.url}/services/data/v62.0/limits`, {
      headers: { authorization: `Bearer ${fresh.body.access_token}` },
    });
    expect(ok.status).toBe(200);
    expect(t.sf.org.expireAllTokens()).toBeGreaterThan(0);
    const after = await fetch(`${t.sf.url}/services/data/v62.0/limits`, {
      headers: { authorization: `Bearer ${fresh.body.access_token}` },
    });
    expect(after.status).toBe(401);
  });

  it('answers 401 for a missing or unknown token', async () => {
    const none = await fetch(`${t.sf.url}/services/data/v62.0/sobjects`);
    expect(none.status).toBe(401);
    const bogus = await fetch(`${t.sf.url}/services/data/v62.0/sobjects`, {
      headers: { authorization: 'Bearer 00D!nope' },
    });
    expect(await bogus.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });
});
