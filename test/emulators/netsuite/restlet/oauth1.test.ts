import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CredentialStore } from '../credentials.js';
import { oauthSignature, parseOAuthHeader, signatureBaseString, verifyOAuth1 } from './oauth1.js';

// Vectors computed with oauthlib from Oracle's example credentials (reference/netsuite/auth/tba-test-vectors.json).
const vectors = JSON.parse(readFileSync(new URL('./fixtures/tba-test-vectors.json', import.meta.url), 'utf8')) as {
  inputs: Record<string, string>;
  restletOAuth1: { method: string; url: string; realm: string; baseString: string; signature: string; authorizationHeader: string; oauthlibHeader: string }[];
};
const { inputs } = vectors;

function store(accountId: string) {
  const s = new CredentialStore(accountId);
  s.addIntegration(inputs.consumerKey!, inputs.consumerSecret!);
  s.addToken(inputs.tokenId!, inputs.tokenSecret!, inputs.consumerKey!);
  return s;
}
const at = new Date(Number(inputs.timestamp) * 1000);

describe('OAuth 1.0a verification (RESTlets, REST web services)', () => {
  it.each(vectors.restletOAuth1.map((v) => [v.method, v.url, v] as const))('reproduces the base string and signature for %s %s', (_m, _u, v) => {
    const header = parseOAuthHeader(v.authorizationHeader)!;
    expect(header.realm).toBe(v.realm);
    expect(signatureBaseString(v.method, v.url, header.params)).toBe(v.baseString);
    expect(oauthSignature(v.baseString, inputs.consumerSecret!, inputs.tokenSecret!)).toBe(v.signature);
  });

  it.each(vectors.restletOAuth1.map((v) => [v.url, v] as const))('accepts both header orderings once, then refuses the reused nonce (%s)', (_u, v) => {
    const s = store(v.realm);
    expect(verifyOAuth1(parseOAuthHeader(v.oauthlibHeader)!, v.method, v.url, s, at)).toEqual({ ok: true, tokenId: inputs.tokenId });
    expect(verifyOAuth1(parseOAuthHeader(v.authorizationHeader)!, v.method, v.url, s, at)).toMatchObject({ ok: false, reason: expect.stringMatching(/nonce already used/) });
  });

  const v = vectors.restletOAuth1[1]!; // realm 123456_SB1
  it.each([
    ['a lower-case realm', v.authorizationHeader.replace('123456_SB1', '123456_sb1'), v.url, /realm/],
    ['HMAC-SHA1', v.authorizationHeader.replace('HMAC-SHA256', 'HMAC-SHA1'), v.url, /signature method/],
    ['a changed query parameter', v.authorizationHeader, v.url.replace('id=42', 'id=43'), /signature mismatch/],
    ['oauth_version 2.0', v.authorizationHeader.replace('oauth_version="1.0"', 'oauth_version="2.0"'), v.url, /oauth_version/],
    ['a short nonce', v.authorizationHeader.replace('fjaLirsIcCGVZWzBX0pg', 'abc'), v.url, /nonce/],
  ])('refuses %s', (_what, header, url, reason) => {
    expect(verifyOAuth1(parseOAuthHeader(header)!, 'GET', url, store('123456_SB1'), at)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('refuses a stale timestamp and a revoked token', () => {
    const s = store('123456_SB1');
    const later = new Date(at.getTime() + 301_000);
    expect(verifyOAuth1(parseOAuthHeader(v.authorizationHeader)!, 'GET', v.url, s, later)).toMatchObject({ reason: expect.stringMatching(/skew/) });
    s.revokeToken(inputs.tokenId!);
    expect(verifyOAuth1(parseOAuthHeader(v.authorizationHeader)!, 'GET', v.url, s, at)).toMatchObject({ reason: expect.stringMatching(/revoked/) });
  });
});
