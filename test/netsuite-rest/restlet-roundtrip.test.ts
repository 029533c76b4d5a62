import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNetSuiteError, type NetSuiteError } from '../../relay/src/connectors/netsuite/errors.js';
import { createOAuth2TokenProvider } from '../../relay/src/connectors/netsuite/oauth2/token-provider.js';
import { bearerAuthorizer, tbaAuthorizer, type Authorizer } from '../../relay/src/connectors/netsuite/restlet/authorizer.js';
import { RestletClient } from '../../relay/src/connectors/netsuite/restlet/client.js';
import { batchUpsert, getFinancialSummary } from '../../relay/src/connectors/netsuite/restlet/project-scripts.js';
import { TOKEN_PATH } from '../emulators/netsuite/oauth2/token-endpoint.js';
import { ACCOUNT_ID, seedCustomer, startEmulator, type EmulatorHarness } from './harness.js';

let emu: EmulatorHarness;
let seeded: ReturnType<typeof seedCustomer>;
let tokenRequests = 0;
const countingFetch: typeof fetch = (input, init) => {
  if (String(input).includes(TOKEN_PATH)) tokenRequests++;
  return fetch(input, init);
};

beforeAll(async () => {
  emu = await startEmulator({ userEvents: false });
  seeded = seedCustomer(emu.state);
});
afterAll(() => emu.close());

const tba = (): Authorizer =>
  tbaAuthorizer({
    accountId: ACCOUNT_ID,
    consumerKey: emu.secrets.consumerKey,
    consumerSecret: emu.secrets.consumerSecret,
    tokenId: emu.secrets.tokenId,
    tokenSecret: emu.secrets.tokenSecret,
  });
const oauth2 = (): Authorizer =>
  bearerAuthorizer(
    createOAuth2TokenProvider({
      tokenUrl: `${emu.url}${TOKEN_PATH}`,
      clientId: emu.secrets.clientId,
      certificateId: emu.secrets.certificateId,
      privateKeyPem: emu.secrets.privateKeyPem,
      fetch: countingFetch,
    }),
  );
const client = (authorizer: Authorizer) => new RestletClient({ baseUrl: emu.url, authorizer });

async function failure(p: Promise<unknown>): Promise<NetSuiteError> {
  try {
    await p;
  } catch (e) {
    if (isNetSuiteError(e)) return e;
    throw e;
  }
  throw new Error('expected a NetSuiteError');
}

describe.each([
  ['TBA (OAuth 1.0a)', tba],
  ['OAuth 2.0 M2M bearer', oauth2],
])('RESTlets through the emulator with %s', (_name, auth) => {
  it('answers the financial summary by external id and by internal id', async () => {
    const c = client(auth());
    const byExternal = await getFinancialSummary(c, { externalId: 'SF-ACME' });
    expect(byExternal.customer).toMatchObject({ id: seeded.customer.internalId, externalId: 'SF-ACME', companyName: 'Acme GmbH' });
    expect(byExternal.balance).toBe(150);
    expect(byExternal.overdueBalance).toBe(100);
    expect(byExternal.creditLimit).toBe(10000);
    expect(byExternal.openInvoices.map((i) => i.id)).toEqual([seeded.overdue.internalId, seeded.current.internalId]);
    expect(byExternal.openInvoices[0]).toMatchObject({ number: seeded.overdue.tranId, date: '2026-01-15', total: 100, remaining: 100, status: 'Open' });
    const byId = await getFinancialSummary(c, { customerId: seeded.customer.internalId! });
    expect(byId.openInvoices).toEqual(byExternal.openInvoices);
  });

  it('upserts a batch and reports per-record results', async () => {
    const externalId = `SF-BATCH-${_name.length}`;
    const result = await batchUpsert(client(auth()), 'customer', [
      { externalId, fields: { companyname: `Batch Co ${externalId}`, subsidiary: '1', email: 'batch@example.com' } },
      { externalId: 'SF-ACME', fields: { phone: '+49 30 1234' } },
      { externalId: `${externalId}-bad`, fields: { companyname: 'No Subsidiary' } },
    ]);
    expect(result.results.map((r) => r.status)).toEqual(['created', 'updated', 'error']);
    expect(result.results[2]!.error).toEqual({ code: 'USER_ERROR', message: 'Please enter value(s) for: Subsidiary' });
    expect(emu.state.find('customer', { externalId })).toMatchObject({ companyName: `Batch Co ${externalId}`, email: 'batch@example.com' });
    expect(emu.state.find('customer', { externalId: 'SF-ACME' })!.phone).toBe('+49 30 1234');
  });

  it("surfaces the script's own error with its code", async () => {
    const err = await failure(getFinancialSummary(client(auth()), { externalId: 'nobody' }));
    expect(err).toMatchObject({ nsCode: 'NSC_CUSTOMER_NOT_FOUND', httpStatus: 400, message: 'RESTlet customscript_nsc_financial_summary: No customer with external id nobody.' });
  });
});

describe('RESTlet rules the emulator enforces', () => {
  it('re-uses one OAuth 2.0 token for many calls', async () => {
    tokenRequests = 0;
    const c = client(oauth2());
    await getFinancialSummary(c, { externalId: 'SF-ACME' });
    await getFinancialSummary(c, { externalId: 'SF-ACME' });
    expect(tokenRequests).toBe(1);
  });

  it('refuses a wrong TBA secret and an unknown bearer token with 401 INVALID_LOGIN_ATTEMPT', async () => {
    const bad = tbaAuthorizer({ accountId: ACCOUNT_ID, consumerKey: emu.secrets.consumerKey, consumerSecret: 'x', tokenId: emu.secrets.tokenId, tokenSecret: 'y' });
    const err = await failure(getFinancialSummary(client(bad), { externalId: 'SF-ACME' }));
    expect(err).toMatchObject({ code: 'NS_LOGIN_FAILED', nsCode: 'INVALID_LOGIN_ATTEMPT', httpStatus: 401, retryable: false });
    expect(emu.rejections.at(-1)).toBe('signature mismatch');
    const res = await fetch(`${emu.url}/app/site/hosting/restlet.nl?script=1101&deploy=1`, { headers: { authorization: 'Bearer nope', 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.' } });
  });

  it('applies the Content-Type rules: missing → 206, unsupported → 415, malformed JSON → 400', async () => {
    const auth = tba();
    const c = client(auth);
    const url = c.url({ script: 'customscript_nsc_batch_upsert', deploy: 'customdeploy_nsc_batch_upsert' });
    // Bytes, not a string: fetch would add text/plain to a string body on its own.
    const send = async (headers: Record<string, string>, body: string) =>
      fetch(url, { method: 'POST', headers: { ...headers, authorization: await auth.authorize('POST', url) }, body: new TextEncoder().encode(body) });
    expect((await send({}, '{}')).status).toBe(206);
    const html = await send({ 'content-type': 'text/html' }, '<p/>');
    expect(html.status).toBe(415);
    const upper = await send({ 'content-type': 'Application/JSON' }, '{}');
    expect(upper.status).toBe(415);
    const broken = await send({ 'content-type': 'application/json' }, '{"recordType":');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('SYNTAX_ERROR');
  });

  it('answers SSS_INVALID_SCRIPTLET_ID for an unknown deployment', async () => {
    const err = await failure(client(tba()).call({ script: 'customscript_nope', deploy: '1', method: 'GET' }));
    expect(err).toMatchObject({ code: 'NS_NOT_FOUND', nsCode: 'SSS_INVALID_SCRIPTLET_ID', httpStatus: 400 });
  });

  it('answers 429 SSS_REQUEST_LIMIT_EXCEEDED past the account concurrency limit', async () => {
    emu.governance.set({ concurrency: 0 });
    try {
      const err = await failure(getFinancialSummary(client(tba()), { externalId: 'SF-ACME' }));
      expect(err).toMatchObject({ code: 'NS_CONCURRENCY_LIMIT', nsCode: 'SSS_REQUEST_LIMIT_EXCEEDED', httpStatus: 429, retryable: true });
    } finally {
      emu.governance.reset();
    }
  });
});

describe('OAuth 2.0 token endpoint', () => {
  const tokenUrl = () => `${emu.url}${TOKEN_PATH}`;
  async function assertion(overrides: { alg?: string; kid?: string; aud?: string; iss?: string; scope?: string; iat?: number; exp?: number; key?: string } = {}) {
    const alg = overrides.alg ?? 'ES256';
    const key = await importPKCS8(overrides.key ?? emu.secrets.privateKeyPem, alg);
    const iat = overrides.iat ?? Math.floor(Date.now() / 1000);
    return new SignJWT({ scope: overrides.scope ?? 'restlets,rest_webservices' })
      .setProtectedHeader({ alg, typ: 'JWT', kid: overrides.kid ?? emu.secrets.certificateId })
      .setIssuer(overrides.iss ?? emu.secrets.clientId)
      .setAudience(overrides.aud ?? tokenUrl())
      .setIssuedAt(iat)
      .setExpirationTime(overrides.exp ?? iat + 1800)
      .sign(key);
  }
  const post = (jwt: string, grant = 'client_credentials') =>
    fetch(tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: grant, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt }),
    });

  it('mints a 60-minute bearer token without a refresh token', async () => {
    const res = await post(await assertion());
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: '3600' });
    expect(body.refresh_token).toBeUndefined();
  });

  it('refuses RS256, a foreign key, a wrong audience, a wrong issuer, an unknown kid, a bad scope and a too-long lifetime', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const otherEc = generateKeyPairSync('ec', { namedCurve: 'prime256v1', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const iat = Math.floor(Date.now() / 1000);
    const cases: [Promise<string>, string][] = [
      [assertion({ alg: 'RS256', key: rsa.privateKey }), 'invalid_request'],
      [assertion({ key: otherEc.privateKey }), 'invalid_grant'],
      [assertion({ aud: 'https://example.com/token' }), 'invalid_grant'],
      [assertion({ iss: 'someone-else' }), 'invalid_grant'],
      [assertion({ kid: 'unknown-cert' }), 'invalid_client'],
      [assertion({ scope: 'everything' }), 'invalid_scope'],
      [assertion({ iat, exp: iat + 7200 }), 'invalid_grant'],
      [assertion({ iat: iat - 7200, exp: iat - 3700 }), 'invalid_grant'],
    ];
    for (const [jwt, error] of cases) {
      const res = await post(await jwt);
      expect([400, 401]).toContain(res.status);
      expect(await res.json()).toEqual({ error });
    }
    expect((await (await post(await assertion(), 'password')).json()) as unknown).toEqual({ error: 'unsupported_grant_type' });
  });
});
