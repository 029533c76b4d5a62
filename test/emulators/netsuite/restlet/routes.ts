import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Governance } from '../governance.js';
import type { AccessTokens } from '../oauth2/access-tokens.js';
import type { CredentialStore } from '../credentials.js';
import { findRestlet } from '../suitescript/deployments.js';
import type { SuiteScriptRuntime } from '../suitescript/runtime.js';
import { RESTLET_ERRORS, restletError } from './errors.js';
import { authenticate } from './request-auth.js';

export const RESTLET_PATH = '/app/site/hosting/restlet.nl';
const CONTENT_TYPES = ['application/json', 'application/xml', 'text/plain'];
const ENTRY: Record<string, string> = { GET: 'get', POST: 'post', PUT: 'put', DELETE: 'delete' };

export interface RestletRoutesDeps {
  credentials: CredentialStore;
  tokens: AccessTokens;
  governance: Governance;
  scripts: SuiteScriptRuntime;
  now?: () => Date;
  /** HTTP status of SSS_REQUEST_LIMIT_EXCEEDED: 429 (current) or 400 (2017.2 release notes). */
  concurrencyStatus?: 429 | 400;
  onAuthFailure?: (reason: string) => void;
}

/**
 * RESTlets at /app/site/hosting/restlet.nl?script=&deploy=: OAuth 1.0a or Bearer (scope restlets),
 * the account concurrency limit, Content-Type rules (required and case-sensitive: missing → 206,
 * other → 415), then the project's compiled script runs in the SuiteScript sandbox.
 */
export function restletRoutes(deps: RestletRoutesDeps): Hono {
  const now = deps.now ?? (() => new Date());
  const app = new Hono();

  app.on(['GET', 'POST', 'PUT', 'DELETE'], RESTLET_PATH, async (c) => {
    const method = c.req.method;
    const auth = authenticate(
      { authorization: c.req.header('authorization'), cookie: c.req.header('cookie') },
      method,
      c.req.url,
      'restlets',
      { credentials: deps.credentials, tokens: deps.tokens, now },
    );
    if (!auth.ok) {
      deps.onAuthFailure?.(auth.reason);
      return c.json(RESTLET_ERRORS.invalidLogin(), 401);
    }
    const permit = deps.governance.tryAcquire('restlet');
    if (!permit) return c.json(RESTLET_ERRORS.requestLimit(), deps.concurrencyStatus ?? 429);
    try {
      const fault = deps.governance.drawFault();
      if (fault === 'concurrency') return c.json(RESTLET_ERRORS.requestLimit(), deps.concurrencyStatus ?? 429);
      if (fault === '5xx') return c.json(restletError('UNEXPECTED_ERROR', 'An unexpected SuiteScript error has occurred'), 503);
      if (fault === 'timeout') {
        await deps.governance.hold();
        return c.json(restletError('SSS_REQUEST_TIME_EXCEEDED', 'The request timed out.'), 504);
      }
      if (fault === 'lock') return c.json(restletError('RCRD_LOCKED_BY_WF', 'This record has been locked by a user defined workflow.'), 400);
      await deps.governance.delay(1);
      return await run(c, method);
    } finally {
      permit.release();
    }
  });

  const run = async (c: Context, method: string) => {
    const deployment = findRestlet(c.req.query('script'), c.req.query('deploy'));
    if (!deployment) return c.json(RESTLET_ERRORS.invalidScriptlet(), 400);
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (contentType === '') return c.body(null, 206);
    if (!CONTENT_TYPES.includes(contentType)) {
      return c.json(restletError('INVALID_CONTENT_TYPE', `Invalid content type. You can only use application/json, application/xml or text/plain with RESTlets.`), 415);
    }
    if (contentType === 'application/xml') {
      return c.json(restletError('SSS_NOT_YET_SUPPORTED', 'emulator: XML request bodies are not emulated; use application/json or text/plain'), 415);
    }
    const text = await c.req.text();
    let input: unknown;
    if (method === 'GET' || method === 'DELETE') {
      if (text.length > 0) return c.json(restletError('INVALID_REQUEST', `A ${method} request cannot have a body.`), 400);
      input = Object.fromEntries(new URL(c.req.url).searchParams);
    } else if (contentType === 'application/json') {
      try {
        input = JSON.parse(text);
      } catch (e) {
        return c.json(restletError('SYNTAX_ERROR', `SyntaxError: ${(e as Error).message}`), 400);
      }
    } else input = text;

    const { outcome } = await deps.scripts.runRestlet(deployment, ENTRY[method]!, input);
    if (!outcome.ok && outcome.missingEntry) {
      return c.json(restletError('SSS_INVALID_REQUEST_METHOD', `The RESTlet does not implement ${method}.`), 405);
    }
    if (!outcome.ok) {
      const { error } = outcome;
      if (error.suiteScript) return c.json(restletError(error.name, error.json ?? JSON.stringify({ type: 'error.SuiteScriptError', name: error.name, message: error.message })), 400);
      return c.json(restletError('UNEXPECTED_ERROR', `${error.name}: ${error.message}`), 500 as ContentfulStatusCode);
    }
    const value = outcome.value;
    const body = typeof value === 'string' ? value : contentType === 'application/json' ? JSON.stringify(value ?? null) : String(value ?? '');
    return c.body(body, 200, { 'content-type': contentType === 'application/json' ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8' });
  };

  return app;
}
