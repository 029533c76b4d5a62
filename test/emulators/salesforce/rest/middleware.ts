/**
 * The gate in front of `/services/data/vNN.0/*`: API version, session (401 INVALID_SESSION_ID), the
 * daily API counter (`Sforce-Limit-Info`, 403 REQUEST_LIMIT_EXCEEDED), latency and fault injection.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { SfError, invalidSession, notFound } from '../errors.js';
import { isSupportedVersion, type RestDeps, type RestEnv } from './context.js';

const JSON_TYPE = 'application/json;charset=UTF-8';

export function sfJson(c: Context, body: unknown, status = 200): Response {
  return c.body(JSON.stringify(body), status as 200, { 'Content-Type': JSON_TYPE });
}

/** `Sforce-Call-Options: client=<id>` names the client in CDC changeOrigin. */
function callOptionsClient(header: string | undefined): string | undefined {
  const m = /(?:^|,)\s*client=([^,]+)/.exec(header ?? '');
  return m?.[1]?.trim();
}

export function restGate(deps: RestDeps): MiddlewareHandler<RestEnv> {
  return async (c: Context<RestEnv>, next: Next) => {
    const { org } = deps;
    const version = isSupportedVersion(c.req.param('version') ?? '');
    if (version === undefined) throw notFound();
    const check = deps.tokens.checkHeader(c.req.header('authorization'));
    if (!check.ok) throw invalidSession();
    // A /composite subrequest was counted (and delayed, and dice-rolled) with its parent request.
    if (!org.inComposite()) {
      if (org.knobs.latencyMs > 0) await sleep(org.knobs.latencyMs);
      if (!org.countApiCall()) {
        c.header('Sforce-Limit-Info', org.limitInfo());
        throw new SfError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', 403);
      }
      c.header('Sforce-Limit-Info', org.limitInfo());
      if (org.knobs.faultRate > 0 && org.random() < org.knobs.faultRate) {
        throw new SfError('SERVER_UNAVAILABLE', 'Server temporarily unavailable, please try again later.', 503);
      }
    }
    c.set('session', check.session);
    c.set('apiVersion', version);
    c.set('dml', {
      userId: check.session.userId,
      clientId: callOptionsClient(c.req.header('sforce-call-options')) ?? check.session.clientId,
      apiVersion: version,
      viaApi: true,
    });
    await next();
  };
}

/** Handler for a known resource asked with a method it does not serve: 405 METHOD_NOT_ALLOWED. */
export function methodNotAllowed(allowed: string) {
  return (c: Context): Response => {
    throw new SfError('METHOD_NOT_ALLOWED', `HTTP Method '${c.req.method}' not allowed. Allowed are ${allowed}`, 405);
  };
}

/** Error funnel: SfError → its real body; anything else → UNKNOWN_EXCEPTION 500 (never a crash). */
export function errorResponse(c: Context, err: unknown): Response {
  if (err instanceof SfError) return sfJson(c, err.toBody(), err.status);
  const errorId = `${Math.floor(Math.random() * 1e9)}-${Math.floor(Math.random() * 1e5)} (${Math.floor(Math.random() * 1e9)})`;
  return sfJson(
    c,
    [
      {
        errorCode: 'UNKNOWN_EXCEPTION',
        message: `An unexpected error occurred. Please include this ErrorId if you contact support: ${errorId}`,
      },
    ],
    500,
  );
}
