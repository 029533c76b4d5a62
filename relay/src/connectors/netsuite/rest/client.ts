import type { Authorizer } from '../restlet/authorizer.js';
import { errorFromResponse, nsFetch, parseJson, type NsResponse } from '../restlet/http.js';

export interface RestWebServicesOptions {
  /** NS_BASE_URL, or `https://<account-id lowercased, _→->.suitetalk.api.netsuite.com`. */
  baseUrl: string;
  authorizer: Authorizer;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export const suiteTalkDomain = (accountId: string): string =>
  `https://${accountId.toLowerCase().replace(/_/g, '-')}.suitetalk.api.netsuite.com`;

/** REST web services over HTTP: record service and SuiteQL; NetSuite errors become NetSuiteError. */
export class RestWebServicesClient {
  constructor(readonly opts: RestWebServicesOptions) {}

  url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const u = new URL(path, this.opts.baseUrl);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.toString();
  }

  async send(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    what: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<NsResponse> {
    const res = await nsFetch(
      this.opts,
      {
        method,
        url,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      what,
    );
    if (res.status < 200 || res.status >= 300) throw errorFromResponse(res, what);
    return res;
  }

  async json(
    method: 'GET' | 'POST',
    url: string,
    what: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<unknown> {
    return parseJson(await this.send(method, url, what, body, headers), what);
  }
}
