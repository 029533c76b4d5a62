import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwtAssertion, loadPrivateKey, MAX_ASSERTION_TTL_SECONDS } from './jwt.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

describe('JWT bearer assertion', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('is RS256 with iss=client id, sub=username, aud=login URL and exp within 3 minutes', async () => {
    const jwt = await createJwtAssertion({
      clientId: '3MVG9-client',
      username: 'int@example.com',
      audience: 'https://login.salesforce.com/',
      privateKey: loadPrivateKey(pkcs8),
      now,
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256' });
    const { payload } = await jwtVerify(jwt, publicKey, {
      issuer: '3MVG9-client',
      subject: 'int@example.com',
      audience: 'https://login.salesforce.com',
      currentDate: new Date(now),
    });
    expect(payload.exp).toBe(now / 1000 + MAX_ASSERTION_TTL_SECONDS);
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iss', 'sub']);
  });

  it('never asks for more than 3 minutes and is rejected once expired', async () => {
    const jwt = await createJwtAssertion({
      clientId: 'c',
      username: 'u',
      audience: 'https://test.salesforce.com',
      privateKey: loadPrivateKey(pkcs1),
      now,
      ttlSeconds: 3600,
    });
    const { payload } = await jwtVerify(jwt, publicKey, { currentDate: new Date(now) });
    expect((payload.exp as number) - now / 1000).toBe(180);
    await expect(jwtVerify(jwt, publicKey, { currentDate: new Date(now + 181_000) })).rejects.toThrow(/exp/);
  });

  it('does not verify with another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const jwt = await createJwtAssertion({
      clientId: 'c',
      username: 'u',
      audience: 'https://x',
      privateKey: loadPrivateKey(pkcs8),
      now,
    });
    await expect(jwtVerify(jwt, other, { currentDate: new Date(now) })).rejects.toThrow(/signature/);
  });

  it('reads PKCS#1, PKCS#8 and escaped-newline keys, refuses garbage and non-RSA keys without echoing them', () => {
    expect(loadPrivateKey(pkcs1).asymmetricKeyType).toBe('rsa');
    expect(loadPrivateKey(pkcs8.replace(/\n/g, '\\n')).asymmetricKeyType).toBe('rsa');
    let err: unknown;
    try {
      loadPrivateKey('-----BEGIN PRIVATE KEY-----\nsecret-ish\n-----END PRIVATE KEY-----');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'SF_INVALID_INPUT' });
    expect(String((err as Error).message)).not.toContain('secret-ish');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => loadPrivateKey(ec)).toThrow(/RS256/);
  });
});
