import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { isNetSuiteError } from '../errors.js';
import { createOAuth2TokenProvider } from './token-provider.js';

const TOKEN_URL = 'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token';
const ec = generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const rsa = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

function fakeEndpoint(answer: (n: number) => Response) {
  const assertions: string[] = [];
  const fetchImpl: typeof fetch = async (_url, init) => {
    const form = new URLSearchParams(String(init?.body));
    assertions.push(form.get('client_assertion')!);
    return answer(assertions.length);
  };
  return { assertions, fetchImpl };
}
const ok = (n: number) =>
  new Response(JSON.stringify({ access_token: `tok-${n}`, expires_in: '3600', token_type: 'Bearer' }), { status: 200 });

describe('createOAuth2TokenProvider', () => {
  it('signs an ES256 assertion with the claims NetSuite requires', async () => {
    const clock = 1_800_000_000_000;
    const { assertions, fetchImpl } = fakeEndpoint(ok);
    const p = createOAuth2TokenProvider({
      tokenUrl: TOKEN_URL,
      clientId: 'client-1',
      certificateId: 'cert-1',
      privateKeyPem: ec.privateKey,
      fetch: fetchImpl,
      now: () => clock,
    });
    expect(await p.getToken()).toBe('tok-1');
    expect(decodeProtectedHeader(assertions[0]!)).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'cert-1' });
    const claims = decodeJwt(assertions[0]!);
    expect(claims).toMatchObject({
      iss: 'client-1',
      aud: TOKEN_URL,
      scope: 'restlets,rest_webservices',
      iat: clock / 1000,
    });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(3600);
  });

  it('uses PS256 for an RSA key (RS256 is not accepted by NetSuite)', async () => {
    const { assertions, fetchImpl } = fakeEndpoint(ok);
    await createOAuth2TokenProvider({
      tokenUrl: TOKEN_URL,
      clientId: 'c',
      certificateId: 'k',
      privateKeyPem: rsa.privateKey,
      fetch: fetchImpl,
    }).getToken();
    expect(decodeProtectedHeader(assertions[0]!).alg).toBe('PS256');
  });

  it('caches the token, shares one mint between concurrent callers and re-mints 5 minutes before expiry', async () => {
    let clock = 0;
    const { assertions, fetchImpl } = fakeEndpoint(ok);
    const p = createOAuth2TokenProvider({
      tokenUrl: TOKEN_URL,
      clientId: 'c',
      certificateId: 'k',
      privateKeyPem: ec.privateKey,
      fetch: fetchImpl,
      now: () => clock,
    });
    expect(await Promise.all([p.getToken(), p.getToken(), p.getToken()])).toEqual(['tok-1', 'tok-1', 'tok-1']);
    clock += 54 * 60_000;
    expect(await p.getToken()).toBe('tok-1');
    clock += 2 * 60_000;
    expect(await p.getToken()).toBe('tok-2');
    p.invalidate();
    expect(await p.getToken()).toBe('tok-3');
    expect(assertions).toHaveLength(3);
  });

  it('turns a refusal into a NetSuiteError without leaking the assertion', async () => {
    const { fetchImpl } = fakeEndpoint(() => new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400 }));
    const p = createOAuth2TokenProvider({
      tokenUrl: TOKEN_URL,
      clientId: 'c',
      certificateId: 'k',
      privateKeyPem: ec.privateKey,
      fetch: fetchImpl,
    });
    const err = await p.getToken().catch((e: unknown) => e);
    expect(isNetSuiteError(err)).toBe(true);
    expect(err).toMatchObject({
      code: 'NS_LOGIN_FAILED',
      httpStatus: 400,
      message: 'OAuth 2.0 token request refused: invalid_grant',
    });
  });
});
