import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialStore } from '../credentials.js';
import { defaultXsdDir } from '../xsd/index.js';
import { passportSignature, verifyPassport, type TokenPassport } from './passport.js';
import { faultOf, post } from './test-client.js';
import { startHarness, writeResults, xml, type Harness } from './test-harness.js';

const referenceDir = join(defaultXsdDir(), '..', '..');
const vectors = JSON.parse(readFileSync(join(referenceDir, 'auth', 'tba-test-vectors.json'), 'utf8')) as {
  inputs: {
    consumerKey: string;
    consumerSecret: string;
    tokenId: string;
    tokenSecret: string;
    nonce: string;
    timestamp: string;
  };
  soapTokenPassport: { account: string; baseString: string; signature: string }[];
};
const inp = vectors.inputs;

describe('tokenPassport signature (auth/tba-test-vectors.json)', () => {
  it.each(vectors.soapTokenPassport)('account $account', (v) => {
    expect(
      passportSignature(
        {
          account: v.account,
          consumerKey: inp.consumerKey,
          tokenId: inp.tokenId,
          nonce: inp.nonce,
          timestamp: inp.timestamp,
        },
        inp.consumerSecret,
        inp.tokenSecret,
      ),
    ).toBe(v.signature);
  });

  it('verifyPassport accepts the vector once and names each rejection', () => {
    const at = new Date(Number(inp.timestamp) * 1000 + 20_000);
    const creds = new CredentialStore('123456_SB1');
    creds.addIntegration(inp.consumerKey, inp.consumerSecret);
    creds.addToken(inp.tokenId, inp.tokenSecret, inp.consumerKey);
    const good: TokenPassport = {
      account: '123456_SB1',
      consumerKey: inp.consumerKey,
      token: inp.tokenId,
      nonce: inp.nonce,
      timestamp: inp.timestamp,
      signature: `\n ${vectors.soapTokenPassport[1]!.signature}\n`, // NetSuite trims (Ruby Base64 adds \n)
      algorithm: 'HMAC-SHA256',
    };
    const reason = (p: Partial<TokenPassport>, when = at) => {
      const r = verifyPassport({ ...good, ...p }, creds, when);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason({ account: '123456_sb1' })).toMatch(/account/);
    expect(reason({ algorithm: 'HMAC-SHA1' })).toMatch(/algorithm/);
    expect(reason({ signature: vectors.soapTokenPassport[0]!.signature })).toMatch(/signature/);
    expect(reason({ token: 'unknown' })).toMatch(/token/);
    expect(reason({}, new Date(at.getTime() + 3_600_000))).toMatch(/skew/);
    expect(reason({ nonce: 'abc' })).toMatch(/nonce/);
    expect(reason({})).toBe('ok');
    expect(reason({})).toMatch(/nonce already used/);
    creds.revokeToken(inp.tokenId);
    expect(reason({ nonce: 'anotherNonce123' })).toMatch(/revoked/);
  });
});

describe('tokenPassport over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    expect(h.emu.account.problems).toEqual([]);
    await h.emu.close();
  });
  const body = () => ({ 'platformMsgs:record': xml.customer({ companyName: `Auth ${Math.random()}` }) });

  it('accepts a correctly signed request and refuses each bad variant with "Invalid login attempt."', async () => {
    expect((await h.call('add', body())).status).toBe(200);
    const cases: [string, Parameters<Harness['call']>[2]][] = [
      ['bad signature', { passport: { signature: 'AAAA' } }],
      ['lower-case account', { passport: { account: h.keys.account.toLowerCase() } }],
      ['HMAC-SHA1', { passport: { algorithm: 'HMAC-SHA1' } }],
      ['stale timestamp', { passport: { now: new Date(Date.now() - 3_600_000) } }],
    ];
    for (const [name, o] of cases) {
      const r = await h.call('add', body(), o);
      expect(r.status, name).toBe(500);
      expect(faultOf(r), name).toMatchObject({
        faultcode: 'soapenv:Server.userException',
        faultstring: 'Invalid login attempt.',
        element: 'invalidCredentialsFault',
        code: 'INVALID_LOGIN_CREDENTIALS',
      });
    }
  });

  it('a replayed nonce (same timestamp) is refused; a revoked token is refused', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const first = await h.call('add', body(), { passport: { nonce: 'replayNonce0001', timestamp: ts } });
    expect(first.status).toBe(200);
    const replay = await h.call('add', body(), { passport: { nonce: 'replayNonce0001', timestamp: ts } });
    expect(faultOf(replay).faultstring).toBe('Invalid login attempt.');
    expect(h.emu.account.loginFailures.at(-1)).toMatch(/nonce already used/);
    h.emu.account.credentials.revokeToken(h.keys.tokenId);
    const revoked = await h.call('add', body());
    expect(faultOf(revoked).faultstring).toBe('Invalid login attempt.');
    h.emu.account.credentials.tokens.get(h.keys.tokenId)!.revoked = false;
  });

  it('no tokenPassport → InvalidSessionFault WS_LOG_IN_REQD; the reported code can be switched on', async () => {
    const r = await h.call('add', body(), { passport: null });
    expect(faultOf(r)).toMatchObject({ element: 'invalidSessionFault', code: 'WS_LOG_IN_REQD' });
    h.emu.account.soapLimits.loginFaultCode = 'INVALID_LOGIN_ATTEMPT';
    h.emu.account.soapLimits.validateResponses = false; // INVALID_LOGIN_ATTEMPT is outside the XSD FaultCodeType enum
    const reported = await h.call('add', body(), { passport: { signature: 'AAAA' } });
    expect(faultOf(reported).code).toBe('INVALID_LOGIN_ATTEMPT');
    h.emu.account.soapLimits.loginFaultCode = 'INVALID_LOGIN_CREDENTIALS';
    h.emu.account.soapLimits.validateResponses = true;
  });

  it('accepts the synthesized 2023_2 request verbatim (vector signature, account 123456, server clock at its timestamp)', async () => {
    const sample = readFileSync(
      join(referenceDir, 'soap-samples', 'synthesized-2023_2', 'add_customer_request_tba.xml'),
      'utf8',
    );
    const vh = await startHarness({
      accountId: '123456',
      clock: () => new Date(Number(inp.timestamp) * 1000 + 5000),
      secrets: {
        consumerKey: inp.consumerKey,
        consumerSecret: inp.consumerSecret,
        tokenId: inp.tokenId,
        tokenSecret: inp.tokenSecret,
      },
    });
    try {
      const r = await post(vh.emu.url, 'add', sample);
      expect(r.status).toBe(200);
      expect(writeResults(r, 'add')[0]).toMatchObject({ ok: true, externalId: 'CRM-000123', type: 'customer' });
      const saved = vh.emu.account.state.get('customer', { externalId: 'CRM-000123' });
      expect(saved.customFieldList).toEqual({
        customField: [
          { xsiType: 'StringCustomFieldRef', scriptId: 'custentity_crm_id', value: 'CRM-000123' },
          { xsiType: 'BooleanCustomFieldRef', scriptId: 'custentity_synced', value: true },
          { xsiType: 'SelectCustomFieldRef', scriptId: 'custentity_tier', value: { internalId: '2', typeId: '14' } },
        ],
      });
      // the same envelope again is a replay
      expect(faultOf(await post(vh.emu.url, 'add', sample)).faultstring).toBe('Invalid login attempt.');
      expect(vh.emu.account.problems).toEqual([]);
    } finally {
      await vh.emu.close();
    }
  });
});
