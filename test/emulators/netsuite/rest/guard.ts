import type { Context, Next } from 'hono';
import type { CredentialStore } from '../credentials.js';
import type { Governance } from '../governance.js';
import type { AccessTokens } from '../oauth2/access-tokens.js';
import { authenticate } from '../restlet/request-auth.js';
import { REST_ERRORS, restError } from './errors.js';

export interface RestGuardDeps {
  credentials: CredentialStore;
  tokens: AccessTokens;
  governance: Governance;
  now: () => Date;
  onAuthFailure?: (reason: string) => void;
}

/** REST web services middleware: OAuth 1.0a or Bearer (scope rest_webservices), then the account concurrency limit and injected faults. */
export function restGuard(deps: RestGuardDeps) {
  return async (c: Context, next: Next) => {
    const auth = authenticate(
      { authorization: c.req.header('authorization'), cookie: c.req.header('cookie') },
      c.req.method,
      c.req.url,
      'rest_webservices',
      deps,
    );
    if (!auth.ok) {
      deps.onAuthFailure?.(auth.reason);
      return c.json(REST_ERRORS.invalidLogin(), 401);
    }
    const permit = deps.governance.tryAcquire('rest');
    if (!permit) return c.json(REST_ERRORS.concurrency(), 429);
    try {
      const fault = deps.governance.drawFault();
      if (fault === 'concurrency') return c.json(REST_ERRORS.concurrency(), 429);
      if (fault === '5xx') return c.json(restError(503, 'UNEXPECTED_ERROR', 'An unexpected error occurred.'), 503);
      if (fault === 'timeout') {
        await deps.governance.hold();
        return c.json(restError(500, 'UNEXPECTED_ERROR', 'The request timed out.'), 500);
      }
      if (fault === 'lock') return c.json(restError(400, 'RCRD_LOCKED_BY_WF', 'This record has been locked by a user defined workflow.'), 400);
      await deps.governance.delay(1);
      await next();
    } finally {
      permit.release();
    }
  };
}

/** JSON bodies only (NetSuite also takes application/vnd.oracle.resource+json). */
export function jsonContentType(c: Context): boolean {
  return /^application\/(vnd\.oracle\.resource\+)?json(\s*;|$)/i.test(c.req.header('content-type') ?? '');
}
