import { z } from 'zod';

/** Calls a running relay's API (`--relay URL`, bearer token from `--token` or NSC_RELAY_TOKEN). */
export function relayApi(baseUrl: string, token: string | undefined) {
  if (!token) throw new Error('--relay needs a bearer token: pass --token or set NSC_RELAY_TOKEN');
  const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
  return async (method: 'GET' | 'POST', path: string): Promise<unknown> => {
    const res = await fetch(new URL(`/api/v1/${path}`, baseUrl), {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const parsed = errorBody.safeParse(body);
      throw new Error(
        parsed.success
          ? `${parsed.data.error.code}: ${parsed.data.error.message}`
          : `the relay answered HTTP ${res.status}`,
      );
    }
    return body;
  };
}
