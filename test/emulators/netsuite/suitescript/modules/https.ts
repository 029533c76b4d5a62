import { Execution, options, required, ScriptError, type HostObject } from '../execution.js';

export const HTTPS_UNITS = 10;

export interface HttpsOptions {
  /** Payload/response timeout (NetSuite: 45 s → SSS_REQUEST_TIME_EXCEEDED). */
  timeoutMs?: number;
  /**
   * NetSuite's N/https only calls https:// URLs (SSS_INVALID_URL otherwise). Tests point scripts at a
   * relay on http://127.0.0.1, so plain http is allowed to loopback addresses unless this is true.
   */
  httpsOnly?: boolean;
  fetchImpl?: typeof fetch;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** N/https: real outbound HTTP from the script, 10 units per call, synchronous to the script. */
export function httpsModule(opts: HttpsOptions = {}) {
  const doFetch = opts.fetchImpl ?? fetch;
  return (exec: Execution): HostObject => {
    const request = async (method: string, args: unknown[]) => {
      const o = options(args, `https.${method.toLowerCase()}`);
      const url = String(required(o, 'url', `https.${method.toLowerCase()}`));
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new ScriptError('SSS_INVALID_URL', `The URL must be a fully qualified HTTPS URL: ${url}`);
      }
      const allowed = parsed.protocol === 'https:' || (!opts.httpsOnly && parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname));
      if (!allowed) throw new ScriptError('SSS_INVALID_URL', `The URL must be a fully qualified HTTPS URL: ${url}`);
      exec.usage.spend(HTTPS_UNITS, `https.${method.toLowerCase()}`);
      const headers = Object.fromEntries(Object.entries((o.headers as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]));
      const body = o.body === undefined || method === 'GET' ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      try {
        const res = await doFetch(url, { method, headers, body, signal: AbortSignal.timeout(opts.timeoutMs ?? 45_000), redirect: 'manual' });
        const text = await res.text();
        return { code: res.status, body: text, headers: Object.fromEntries(res.headers.entries()) };
      } catch (e) {
        const err = e as Error;
        if (err.name === 'TimeoutError' || err.name === 'AbortError') {
          throw new ScriptError('SSS_REQUEST_TIME_EXCEEDED', 'The host you are trying to connect to has exceeded the maximum allowed response time.');
        }
        throw new ScriptError('SSS_CONNECTION_CLOSED', `The connection was closed because it was reset or the server is unreachable (${url}).`);
      }
    };
    return {
      label: 'N/https',
      props: () => ({ Method: { GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE', HEAD: 'HEAD' } }),
      methods: {
        get: (...a) => request('GET', a),
        post: (...a) => request('POST', a),
        put: (...a) => request('PUT', a),
        delete: (...a) => request('DELETE', a),
        request: (...a) => request(String(options(a, 'https.request').method ?? 'GET').toUpperCase(), a),
      },
    };
  };
}
