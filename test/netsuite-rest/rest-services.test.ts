import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tbaAuthorizer, type Authorizer } from '../../relay/src/connectors/netsuite/restlet/authorizer.js';
import { ACCOUNT_ID, startEmulator, type EmulatorHarness } from './harness.js';

let emu: EmulatorHarness;
let auth: Authorizer;
beforeAll(async () => {
  emu = await startEmulator({ userEvents: false });
  auth = tbaAuthorizer({
    accountId: ACCOUNT_ID,
    consumerKey: emu.secrets.consumerKey,
    consumerSecret: emu.secrets.consumerSecret,
    tokenId: emu.secrets.tokenId,
    tokenSecret: emu.secrets.tokenSecret,
  });
});
afterAll(() => emu.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const url = `${emu.url}${path}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: await auth.authorize(method, url), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
const errorCode = (json: Record<string, unknown> | undefined) => (json?.['o:errorDetails'] as { 'o:errorCode': string }[])[0]!['o:errorCode'];

describe('REST record service', () => {
  it('creates with 204 + Location, reads by id and by eid:, with references as { id, refName }', async () => {
    const created = await call('POST', '/services/rest/record/v1/customer', { companyName: 'Rest Co', externalId: 'REST-1', subsidiary: { id: '1' }, custentity_tier: 'gold' });
    expect(created.status).toBe(204);
    const location = created.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${emu.url}/services/rest/record/v1/customer/\\d+$`));
    const id = location.split('/').pop()!;
    const byId = await call('GET', `/services/rest/record/v1/customer/${id}`);
    expect(byId.json).toMatchObject({ id, externalId: 'REST-1', companyName: 'Rest Co', subsidiary: { id: '1', refName: expect.any(String) }, custentity_tier: 'gold' });
    const byEid = await call('GET', '/services/rest/record/v1/customer/eid:REST-1');
    expect(byEid.json!.id).toBe(id);
  });

  it('PATCHes (null clears a field), PUT eid: upserts, DELETE removes', async () => {
    const put = await call('PUT', '/services/rest/record/v1/customer/eid:REST-2', { companyName: 'Upserted', subsidiary: { id: '1' }, phone: '555' });
    expect(put.status).toBe(204);
    const again = await call('PUT', '/services/rest/record/v1/customer/eid:REST-2', { phone: '556' });
    expect(again.headers.get('location')).toBe(put.headers.get('location'));
    expect((await call('PATCH', '/services/rest/record/v1/customer/eid:REST-2', { phone: null, email: 'u@example.com' })).status).toBe(204);
    const read = await call('GET', '/services/rest/record/v1/customer/eid:REST-2');
    expect(read.json).toMatchObject({ email: 'u@example.com' });
    expect(read.json!.phone).toBeUndefined();
    expect((await call('DELETE', '/services/rest/record/v1/customer/eid:REST-2')).status).toBe(204);
    const gone = await call('GET', '/services/rest/record/v1/customer/eid:REST-2');
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ title: 'Not Found', status: 404 });
    expect(errorCode(gone.json)).toBe('NONEXISTENT_ID');
  });

  it('expands sublists only when asked', async () => {
    const item = emu.state.add('inventoryItem', { itemId: 'REST-W', rate: 3, subsidiaryList: { recordRef: [{ internalId: '1' }] } } as never);
    const cust = emu.state.add('customer', { companyName: 'Sublist Co', subsidiary: { internalId: '1' } });
    const so = await call('POST', '/services/rest/record/v1/salesOrder', { entity: { id: cust.internalId }, item: { items: [{ item: { id: item.internalId }, quantity: 3 }] } });
    expect(so.status).toBe(204);
    const path = new URL(so.headers.get('location')!).pathname;
    const plain = await call('GET', path);
    expect(plain.json!.item).toEqual({ links: [expect.objectContaining({ rel: 'self' })] });
    const expanded = await call('GET', `${path}?expandSubResources=true`);
    expect((expanded.json!.item as { items: { quantity: number }[] }).items[0]!.quantity).toBe(3);
  });

  it('answers NetSuite error bodies: validation, bad reference, unknown type, JSON and content type', async () => {
    const invalid = await call('POST', '/services/rest/record/v1/customer', { companyName: 'No Sub' });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ type: expect.stringContaining('rfc2616'), title: 'Bad Request', status: 400 });
    expect(errorCode(invalid.json)).toBe('USER_ERROR');
    const badRef = await call('POST', '/services/rest/record/v1/salesOrder', { entity: { id: '424242' }, item: { items: [] } });
    expect(errorCode(badRef.json)).toBe('INVALID_KEY_OR_REF');
    expect((await call('GET', '/services/rest/record/v1/spaceship/1')).status).toBe(404);
    const broken = await call('POST', '/services/rest/record/v1/customer', '{"companyName":');
    expect(broken.status).toBe(400);
    expect(errorCode(broken.json)).toBe('INVALID_CONTENT');
    const unknown = await call('PATCH', '/services/rest/record/v1/customer/eid:REST-1', { favouriteColour: 'teal' });
    expect(unknown.status).toBe(400);
    expect((unknown.json!['o:errorDetails'] as { 'o:errorPath': string }[])[0]!['o:errorPath']).toBe('favouriteColour');
    const text = await call('POST', '/services/rest/record/v1/customer', '{}', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('refuses a bad login with the REST 401 body and the concurrency limit with 429', async () => {
    const res = await fetch(`${emu.url}/services/rest/record/v1/customer/1`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ title: 'Unauthorized', status: 401 });
    expect(errorCode(body)).toBe('INVALID_LOGIN');
    emu.governance.set({ concurrency: 0 });
    try {
      const limited = await call('GET', '/services/rest/record/v1/customer/1');
      expect(limited.status).toBe(429);
      expect(errorCode(limited.json)).toBe('CONCURRENCY_LIMIT_EXCEEDED');
    } finally {
      emu.governance.reset();
    }
  });
});

describe('REST SuiteQL', () => {
  const suiteql = (q: string, query = '', headers: Record<string, string> = { prefer: 'transient' }) => call('POST', `/services/rest/query/v1/suiteql${query}`, { q }, headers);

  it('pages with limit/offset, links and hasMore; values are strings, NULLs left out', async () => {
    for (let i = 0; i < 7; i++) emu.state.add('customer', { companyName: `Page Co ${i}`, externalId: `PAGE-${i}`, subsidiary: { internalId: '1' } });
    const q = "SELECT id, externalid, email FROM customer WHERE externalid LIKE 'PAGE-%' ORDER BY externalid";
    const first = await suiteql(q, '?limit=5');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ count: 5, hasMore: true, offset: 0, totalResults: 7 });
    const items = first.json!.items as Record<string, unknown>[];
    expect(items[0]).toEqual({ links: [], id: expect.stringMatching(/^\d+$/), externalid: 'PAGE-0' });
    const next = (first.json!.links as { rel: string; href: string }[]).find((l) => l.rel === 'next')!;
    expect(new URL(next.href).searchParams.get('offset')).toBe('5');
    const second = await suiteql(q, '?limit=5&offset=5');
    expect(second.json).toMatchObject({ count: 2, hasMore: false, offset: 5 });
  });

  it("requires 'Prefer: transient' and reports query errors as INVALID_PARAMETER", async () => {
    const noPrefer = await suiteql('SELECT id FROM customer', '', {});
    expect(noPrefer.status).toBe(400);
    const bad = await suiteql('SELECT nosuch FROM customer');
    expect(bad.status).toBe(400);
    expect(errorCode(bad.json)).toBe('INVALID_PARAMETER');
    expect((bad.json!['o:errorDetails'] as { detail: string }[])[0]!.detail).toMatch(/^Invalid search query\. .*Field 'nosuch'/);
    expect((await suiteql('SELECT id FROM customer', '?limit=5000')).status).toBe(400);
  });
});
