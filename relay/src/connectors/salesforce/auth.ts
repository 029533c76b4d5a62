/**
 * JWT bearer login with a token cache. One login at a time (concurrent callers share it); the cached
 * session is replaced before it gets old and as soon as a caller reports the token refused (401).
 *
 * The JWT bearer answer carries no expiry, so the cache uses a maximum session age (the org's session
 * timeout is 2 hours by default; we re-login well before).
 *
 * The streaming subscriber consumes exactly `SalesforceAuth` (`session()` / `invalidate(token)`).
 */
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { SalesforceError, fromTransportFailure, codeFor } from './errors.js';
import { audienceFor, createJwtAssertion } from './jwt.js';

export interface SalesforceSession {
  accessToken: string;
  instanceUrl: string;
}

export interface SalesforceAuth {
  session(): Promise<SalesforceSession>;
  /** Drops the cached session if it still holds this token (a late 401 never discards a newer token). */
  invalidate(accessToken: string): void;
}

export interface SalesforceAuthOptions {
  loginUrl: string;
  clientId: string;
  username: string;
  privateKey: KeyObject;
  /** JWT `aud`; defaults to the login URL. */
  audience?: string;
  /** Re-login when the session is this old (default 30 minutes). */
  maxSessionAgeMs?: number;
  /** Token endpoint timeout (default 30 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
  /** Called after each successful login (for metrics/logs; never gets the token). */
  onLogin?: (info: { instanceUrl: string; userId?: string; orgId?: string }) => void;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  instance_url: z.string().url(),
  id: z.string().optional(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
});

const oauthError = z.object({ error: z.string(), error_description: z.string().optional() });

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export function createSalesforceAuth(opts: SalesforceAuthOptions): SalesforceAuth {
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  const maxAge = opts.maxSessionAgeMs ?? 30 * 60_000;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const tokenUrl = `${audienceFor(opts.loginUrl)}/services/oauth2/token`;

  let cached: { session: SalesforceSession; at: number } | undefined;
  let inflight: Promise<SalesforceSession> | undefined;

  async function login(): Promise<SalesforceSession> {
    const assertion = await createJwtAssertion({
      clientId: opts.clientId,
      username: opts.username,
      audience: opts.audience ?? opts.loginUrl,
      privateKey: opts.privateKey,
      now: now(),
    });
    let res: Response;
    try {
      res = await doFetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw fromTransportFailure(err, 'Salesforce login');
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const parsed = oauthError.safeParse(body);
      const sfCode = parsed.success ? parsed.data.error : undefined;
      const code =
        res.status >= 500 || res.status === 429
          ? codeFor(undefined, res.status)
          : sfCode
            ? codeFor(sfCode)
            : 'SF_AUTH_FAILED';
      throw new SalesforceError({
        code: code === 'SF_ERROR' ? 'SF_AUTH_FAILED' : code,
        sfCode,
        httpStatus: res.status,
        message: parsed.success
          ? `Salesforce login for ${opts.username} refused: ${parsed.data.error}${parsed.data.error_description ? ` (${parsed.data.error_description})` : ''}`
          : `Salesforce login answered HTTP ${res.status}`,
      });
    }
    const parsed = tokenResponse.safeParse(body);
    if (!parsed.success) {
      throw new SalesforceError({
        code: 'SF_PROTOCOL',
        httpStatus: res.status,
        message: `Salesforce login answer is missing ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      });
    }
    const idParts = parsed.data.id?.split('/') ?? [];
    opts.onLogin?.({ instanceUrl: parsed.data.instance_url, orgId: idParts.at(-2), userId: idParts.at(-1) });
    return { accessToken: parsed.data.access_token, instanceUrl: parsed.data.instance_url.replace(/\/+$/, '') };
  }

  return {
    session() {
      if (cached && now() - cached.at < maxAge) return Promise.resolve(cached.session);
      if (!inflight) {
        const startedAt = now();
        inflight = login()
          .then((session) => {
            cached = { session, at: startedAt };
            return session;
          })
          .finally(() => {
            inflight = undefined;
          });
      }
      return inflight;
    },
    invalidate(accessToken: string) {
      if (cached?.session.accessToken === accessToken) cached = undefined;
    },
  };
}
