import type { CredentialStore } from '../credentials.js';
import type { AccessTokens } from '../oauth2/access-tokens.js';
import { parseOAuthHeader, verifyOAuth1 } from './oauth1.js';

export interface AuthDeps {
  credentials: CredentialStore;
  tokens: AccessTokens;
  now: () => Date;
}

export type AuthResult = { ok: true; via: 'tba' | 'oauth2'; principal: string } | { ok: false; reason: string };

/**
 * Authenticates a RESTlet or REST web services request: OAuth 1.0a (TBA) or an OAuth 2.0 Bearer
 * token with the given scope. Every failure is the same "Invalid login attempt" to the client;
 * `reason` is for the emulator's diagnostics. Cookies are refused (NetSuite wants no session with
 * request-level credentials).
 */
export function authenticate(
  headers: { authorization?: string; cookie?: string },
  method: string,
  url: string,
  scope: 'restlets' | 'rest_webservices',
  deps: AuthDeps,
): AuthResult {
  if (headers.cookie) return { ok: false, reason: 'a Cookie header was sent with request-level credentials' };
  const auth = headers.authorization;
  if (!auth) return { ok: false, reason: 'no Authorization header' };
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth);
  if (bearer) {
    const check = deps.tokens.verify(bearer[1]!, scope, deps.now().getTime());
    return check.ok ? { ok: true, via: 'oauth2', principal: check.clientId } : check;
  }
  const oauth = parseOAuthHeader(auth);
  if (!oauth) return { ok: false, reason: 'Authorization is neither OAuth nor Bearer' };
  const check = verifyOAuth1(oauth, method, url, deps.credentials, deps.now());
  return check.ok ? { ok: true, via: 'tba', principal: check.tokenId } : check;
}
