/**
 * OAuth 2.0 endpoints: the JWT bearer token grant (`POST /services/oauth2/token`), revoke, userinfo and
 * the identity URL (`/id/<orgId>/<userId>`), with Salesforce's success and `invalid_grant` bodies.
 */
import { createHmac } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import type { Org } from '../org.js';
import type { ConnectedApp } from './connected-app.js';
import type { TokenStore } from './token-store.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const SKEW_MS = 3 * 60 * 1000;
const STANDARD_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

export interface OAuthDeps {
  org: Org;
  app: ConnectedApp;
  tokens: TokenStore;
  /** The emulator's base URL (login URL = instance URL). */
  baseUrl: () => string;
  apiVersion: string;
}

function oauthError(c: Context, error: string, description: string, status: 400 | 401 = 400) {
  return c.json({ error, error_description: description }, status);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

type GrantCheck = { ok: true; userId: string } | { ok: false; error: string; description: string };

async function checkAssertion(deps: OAuthDeps, assertion: string): Promise<GrantCheck> {
  const invalid = { ok: false as const, error: 'invalid_grant', description: 'invalid assertion' };
  let claims: Record<string, unknown>;
  try {
    if (decodeProtectedHeader(assertion).alg !== 'RS256') return invalid;
    claims = decodeJwt(assertion);
  } catch {
    return invalid;
  }
  if (claims.iss !== deps.app.clientId) {
    return { ok: false, error: 'invalid_client_id', description: 'client identifier invalid' };
  }
  try {
    await compactVerify(assertion, deps.app.publicKey, { algorithms: ['RS256'] });
  } catch {
    return invalid;
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const accepted = [trimSlash(deps.baseUrl()), ...STANDARD_AUDIENCES];
  if (!audiences.some((a) => typeof a === 'string' && accepted.includes(trimSlash(a)))) {
    return { ok: false, error: 'invalid_grant', description: 'audience is invalid' };
  }
  const exp = Number(claims.exp);
  if (!Number.isFinite(exp) || exp * 1000 < deps.org.now() - SKEW_MS) {
    return { ok: false, error: 'invalid_grant', description: 'expired authorization code' };
  }
  const subject = typeof claims.prn === 'string' ? claims.prn : claims.sub;
  const user = [...deps.org.store.ofType('User')].find(
    (u) => typeof subject === 'string' && String(u.values.Username).toLowerCase() === subject.toLowerCase(),
  );
  if (user === undefined) {
    return { ok: false, error: 'invalid_grant', description: "user hasn't approved this consumer" };
  }
  if (user.values.IsActive !== true) return { ok: false, error: 'invalid_grant', description: 'user is inactive' };
  return { ok: true, userId: user.id };
}

function identity(deps: OAuthDeps, userId: string) {
  const base = trimSlash(deps.baseUrl());
  const user = deps.org.store.get(userId);
  const v = deps.apiVersion;
  const url = (path: string) => `${base}/services/data/v${v}/${path}`.replace(/\/$/, '/');
  return {
    id: `${base}/id/${deps.org.orgId}/${userId}`,
    asserted_user: true,
    user_id: userId,
    organization_id: deps.org.orgId,
    username: user?.values.Username ?? null,
    nick_name: user?.values.Alias ?? null,
    display_name: user?.values.Name ?? null,
    email: user?.values.Email ?? null,
    email_verified: true,
    first_name: user?.values.FirstName ?? null,
    last_name: user?.values.LastName ?? null,
    timezone: user?.values.TimeZoneSidKey ?? 'GMT',
    active: user?.values.IsActive === true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    last_modified_date: user?.values.LastModifiedDate ?? null,
    is_app_installed: true,
    urls: {
      rest: url(''),
      sobjects: url('sobjects/'),
      search: url('search/'),
      query: url('query/'),
      recent: url('recent/'),
      profile: `${base}/${userId}`,
      custom_domain: base,
    },
  };
}

export function oauthRoutes(deps: OAuthDeps): Hono {
  const app = new Hono({ strict: false });

  app.post('/services/oauth2/token', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const grantType = form.get('grant_type');
    if (grantType !== JWT_BEARER) return oauthError(c, 'unsupported_grant_type', 'grant type not supported');
    const assertion = form.get('assertion');
    if (assertion === null || assertion === '') return oauthError(c, 'invalid_grant', 'invalid assertion');
    const result = await checkAssertion(deps, assertion);
    if (!result.ok) return oauthError(c, result.error, result.description);
    const session = deps.tokens.issue(result.userId, deps.org.orgId, deps.app.clientId);
    const id = `${trimSlash(deps.baseUrl())}/id/${deps.org.orgId}/${result.userId}`;
    const issuedAt = String(session.issuedAt);
    return c.json({
      access_token: session.token,
      scope: 'web openid api id',
      instance_url: trimSlash(deps.baseUrl()),
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
      signature: createHmac('sha256', deps.app.privateKeyPem)
        .update(id + issuedAt)
        .digest('base64'),
    });
  });

  app.post('/services/oauth2/revoke', async (c) => {
    const token = new URLSearchParams(await c.req.text()).get('token') ?? c.req.query('token') ?? '';
    if (!deps.tokens.revoke(token)) return oauthError(c, 'unsupported_token_type', 'this token type is not supported');
    return c.body(null, 200);
  });

  const authed = (c: Context) => deps.tokens.checkHeader(c.req.header('authorization'));

  app.get('/services/oauth2/userinfo', (c) => {
    const check = authed(c);
    if (!check.ok) return c.text('Bad_OAuth_Token', 403);
    const id = identity(deps, check.session.userId);
    return c.json({
      sub: id.id,
      user_id: id.user_id,
      organization_id: id.organization_id,
      preferred_username: id.username,
      nickname: id.nick_name,
      name: id.display_name,
      email: id.email,
      email_verified: true,
      given_name: id.first_name,
      family_name: id.last_name,
      zoneinfo: id.timezone,
      active: id.active,
      user_type: id.user_type,
      language: id.language,
      locale: id.locale,
      utcOffset: id.utcOffset,
      updated_at: id.last_modified_date,
      urls: id.urls,
    });
  });

  app.get('/id/:orgId/:userId', (c) => {
    const check = authed(c);
    if (!check.ok) return c.text('Bad_OAuth_Token', 403);
    if (c.req.param('userId') !== check.session.userId || c.req.param('orgId') !== check.session.orgId) {
      return c.text('Bad_Id', 403);
    }
    return c.json(identity(deps, check.session.userId));
  });

  return app;
}
