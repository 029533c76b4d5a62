import { netSuiteErrorFrom } from '../errors.js';
import type { Authorizer } from './authorizer.js';
import { errorFromResponse, nsFetch, parseJson } from './http.js';

export interface RestletClientOptions {
  /** NS_RESTLET_URL, or `https://<account-id lowercased, _→->.restlets.api.netsuite.com`. */
  baseUrl: string;
  authorizer: Authorizer;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface RestletCall {
  script: string;
  deploy: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Query parameters (GET/DELETE input); signed with TBA. */
  params?: Record<string, string>;
  /** JSON body (POST/PUT). */
  body?: unknown;
}

/** The RESTlet domain NetSuite derives from an account id (`1234567_SB1` → `1234567-sb1`). */
export const restletDomain = (accountId: string): string =>
  `https://${accountId.toLowerCase().replace(/_/g, '-')}.restlets.api.netsuite.com`;

/** Calls the project's RESTlets with TBA or OAuth 2.0, JSON in and out, errors as NetSuiteError. */
export class RestletClient {
  constructor(private readonly opts: RestletClientOptions) {}

  url(call: Pick<RestletCall, 'script' | 'deploy' | 'params'>): string {
    const u = new URL('/app/site/hosting/restlet.nl', this.opts.baseUrl);
    u.searchParams.set('script', call.script);
    u.searchParams.set('deploy', call.deploy);
    for (const [k, v] of Object.entries(call.params ?? {})) u.searchParams.set(k, v);
    return u.toString();
  }

  async call(call: RestletCall): Promise<unknown> {
    const what = `RESTlet ${call.script}`;
    const res = await nsFetch(
      this.opts,
      {
        method: call.method,
        url: this.url(call),
        headers: { 'content-type': 'application/json' },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      },
      what,
    );
    if (res.status === 206)
      throw netSuiteErrorFrom({ message: `${what}: NetSuite answered 206 (missing Content-Type)`, httpStatus: 206 });
    if (res.status < 200 || res.status >= 300) throw errorFromResponse(res, what);
    const parsed = parseJson(res, what);
    // The project's RESTlets return JSON text; NetSuite sends it as the body as-is.
    return typeof parsed === 'string' ? parseJson({ ...res, text: parsed }, what) : parsed;
  }
}
