/** Shared setup for the emulator's own tests: an emulator on port 0 over the fixture metadata. */
import { fileURLToPath } from 'node:url';
import { startSalesforceEmulator, type SalesforceEmulator, type SalesforceEmulatorOptions } from './index.js';

export const FIXTURE_METADATA = fileURLToPath(new URL('./fixtures/force-app', import.meta.url));

export interface TestOrg {
  sf: SalesforceEmulator;
  token: string;
  /** fetch against the emulator with the session; `path` may start at /services/data/v62.0 or be relative to it. */
  api(
    path: string,
    init?: RequestInit & { json?: unknown },
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
}

export async function startTestOrg(opts: SalesforceEmulatorOptions = {}): Promise<TestOrg> {
  const sf = await startSalesforceEmulator({ metadataDir: FIXTURE_METADATA, env: {}, ...opts });
  const token = sf.org.issueToken();
  const api: TestOrg['api'] = async (path, init = {}) => {
    const url = path.startsWith('/') ? `${sf.url}${path}` : `${sf.url}/services/data/v62.0/${path}`;
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const res = await fetch(url, { ...init, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return { sf, token, api };
}
