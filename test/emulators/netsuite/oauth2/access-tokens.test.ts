import { describe, expect, it } from 'vitest';
import { AccessTokens, ACCESS_TOKEN_SECONDS } from './access-tokens.js';

describe('emulated OAuth 2.0 access tokens', () => {
  it('last 60 minutes, carry their scopes and can be revoked per client', () => {
    const tokens = new AccessTokens();
    const t0 = 1_000_000;
    const { token, expiresIn } = tokens.issue('client-a', ['restlets'], t0);
    expect(expiresIn).toBe(ACCESS_TOKEN_SECONDS);
    expect(tokens.verify(token, 'restlets', t0 + 59 * 60_000)).toEqual({ ok: true, clientId: 'client-a' });
    expect(tokens.verify(token, 'rest_webservices', t0)).toEqual({ ok: false, reason: 'token lacks the rest_webservices scope' });
    expect(tokens.verify(token, 'restlets', t0 + 60 * 60_000)).toEqual({ ok: false, reason: 'access token expired' });
    const other = tokens.issue('client-b', ['restlets'], t0).token;
    tokens.revokeClient('client-b');
    expect(tokens.verify(other, 'restlets', t0)).toEqual({ ok: false, reason: 'unknown access token' });
  });
});
