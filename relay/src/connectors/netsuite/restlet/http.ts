import { netSuiteErrorFrom, NetSuiteError, protocolError, timeoutError } from '../errors.js';
import type { Authorizer } from './authorizer.js';

export interface NsHttpOptions {
  authorizer: Authorizer;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface NsRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface NsResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Seconds or HTTP date of Retry-After, in ms. */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  if (Number.isFinite(s)) return s * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

/**
 * A NetSuite error from a RESTlet body (`{"error":{"code","message"}}`, message possibly a serialised
 * SuiteScriptError) or a REST web services body (`{"o:errorDetails":[{"detail","o:errorCode"}]}`).
 */
export function errorFromResponse(res: NsResponse, what: string): NetSuiteError {
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    json = undefined;
  }
  const retryAfter = retryAfterMs(res.headers.get('retry-after'));
  const restlet = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (restlet && typeof restlet === 'object') {
    let message = String(restlet.message ?? '');
    try {
      const inner = JSON.parse(message) as { message?: unknown };
      if (typeof inner.message === 'string') message = inner.message;
    } catch {
      /* plain text message */
    }
    return netSuiteErrorFrom({
      nsCode: String(restlet.code ?? ''),
      message: `${what}: ${message}`,
      httpStatus: res.status,
      retryAfterMs: retryAfter,
    });
  }
  const details = (
    json as { 'o:errorDetails'?: { detail?: string; 'o:errorCode'?: string; 'o:errorPath'?: string }[] } | undefined
  )?.['o:errorDetails'];
  if (Array.isArray(details) && details.length > 0) {
    const [first, ...rest] = details;
    const path = first?.['o:errorPath'] ? ` (${first['o:errorPath']})` : '';
    return netSuiteErrorFrom({
      nsCode: first?.['o:errorCode'],
      message: `${what}: ${first?.detail ?? 'error'}${path}`,
      httpStatus: res.status,
      retryAfterMs: retryAfter,
      details: rest.map((d) => ({ code: d['o:errorCode'] ?? '', message: d.detail ?? '' })),
    });
  }
  return netSuiteErrorFrom({
    message: `${what}: HTTP ${res.status}`,
    httpStatus: res.status,
    retryAfterMs: retryAfter,
  });
}

/** One authenticated request; a 401 with a bearer token re-mints the token and retries once. */
export async function nsFetch(opts: NsHttpOptions, req: NsRequest, what: string): Promise<NsResponse> {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  for (let attempt = 0; ; attempt++) {
    const authorization = await opts.authorizer.authorize(req.method, req.url);
    let res: Response;
    try {
      res = await doFetch(req.url, {
        method: req.method,
        headers: { accept: 'application/json', ...req.headers, authorization },
        body: req.body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
    } catch (e) {
      const err = e as Error;
      if (err.name === 'TimeoutError' || err.name === 'AbortError') throw timeoutError(timeoutMs, what, e);
      throw new NetSuiteError({ code: 'NS_UNAVAILABLE', message: `${what}: ${err.message}`, cause: e });
    }
    const out = { status: res.status, headers: res.headers, text: await res.text() };
    if (res.status === 401 && opts.authorizer.kind === 'oauth2' && attempt === 0) {
      opts.authorizer.invalidate();
      continue;
    }
    return out;
  }
}

export function parseJson(res: NsResponse, what: string): unknown {
  try {
    return JSON.parse(res.text);
  } catch (e) {
    throw protocolError(`${what}: the answer is not JSON (HTTP ${res.status})`, e);
  }
}
