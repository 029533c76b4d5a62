import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOptionsFromEnv, startSalesforceEmulator, type SalesforceEmulator } from './index.js';
import { startTestOrg, type TestOrg } from './test-support.js';

describe('startSalesforceEmulator', () => {
  it('loads the package metadata from force-app without problems, with the DESIGN.md objects', async () => {
    const sf = await startSalesforceEmulator({ env: {} });
    try {
      expect(sf.org.schemaProblems()).toEqual([]);
      const token = sf.org.issueToken();
      const global = await fetch(`${sf.url}/services/data/v62.0/sobjects`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const names = ((await global.json()) as { sobjects: Array<{ name: string }> }).sobjects.map((s) => s.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'Sync_Flow__c',
          'Sync_Mapping__c',
          'Sync_Log__c',
          'NetSuite_Invoice__c',
          'NetSuite_Payment__c',
          'NetSuite_Sync_Request__e',
        ]),
      );
      const d = await fetch(`${sf.url}/services/data/v62.0/sobjects/Account/describe`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const fields = ((await d.json()) as { fields: Array<{ name: string; externalId: boolean }> }).fields;
      expect(fields.find((f) => f.name === 'NetSuite_Internal_Id__c')?.externalId).toBe(true);
      expect(sf.org.cdcEntities()).toEqual(
        expect.arrayContaining(['Account', 'Contact', 'Opportunity', 'Order', 'Product2']),
      );
    } finally {
      await sf.close();
    }
  });

  it('takes knobs from SF_EMULATOR_* (options win), seeds data, and rejects a bad knob naming the variable', async () => {
    const sf = await startSalesforceEmulator({
      env: {
        SF_EMULATOR_DAILY_API_LIMIT: '77',
        SF_EMULATOR_TOKEN_LIFETIME_S: '60',
        SF_EMULATOR_FAULT_RATE: '0',
        SF_EMULATOR_RETENTION_MS: '5000',
      },
      knobs: { tokenLifetimeSec: 30 },
      seed: { Account: [{ Name: 'Seeded' }] },
    });
    try {
      expect(sf.org.knobs()).toMatchObject({ dailyApiLimit: 77, tokenLifetimeSec: 30, faultRate: 0 });
      expect(sf.org.records('Account').map((a) => a.Name)).toEqual(['Seeded']);
      expect(sf.org.bus.retentionMs).toBe(5000);
    } finally {
      await sf.close();
    }
    await expect(startSalesforceEmulator({ env: { SF_EMULATOR_FAULT_RATE: '2' } })).rejects.toThrow(
      /SF_EMULATOR_FAULT_RATE/,
    );
    await expect(startSalesforceEmulator({ env: { SF_EMULATOR_MAX_CLIENTS: '-1' } })).rejects.toThrow(
      /SF_EMULATOR_MAX_CLIENTS/,
    );
  });
});

it('has no CurrencyIsoCode in a single-currency org and a restricted one with multi-currency on', async () => {
  const single = await startTestOrg();
  const multi = await startTestOrg({ env: { SF_EMULATOR_CURRENCIES: 'usd, EUR' } });
  try {
    const q = encodeURIComponent('SELECT Id, CurrencyIsoCode FROM Account');
    expect(((await single.api(`query?q=${q}`)).body as Array<{ errorCode: string }>)[0]!.errorCode).toBe(
      'INVALID_FIELD',
    );
    const [id] = multi.sf.org.seed('Order', [
      { AccountId: multi.sf.org.seed('Account', [{ Name: 'M' }])[0], EffectiveDate: '2026-01-01' },
    ]);
    expect(multi.sf.org.record(id!)?.CurrencyIsoCode).toBe('USD');
    const bad = await multi.api('sobjects/Account', { method: 'POST', json: { Name: 'x', CurrencyIsoCode: 'JPY' } });
    expect((bad.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(
      (await multi.api('sobjects/Account', { method: 'POST', json: { Name: 'x', CurrencyIsoCode: 'EUR' } })).status,
    ).toBe(201);
  } finally {
    await single.sf.close();
    await multi.sf.close();
  }
  await expect(startSalesforceEmulator({ env: { SF_EMULATOR_CURRENCIES: 'EURO' } })).rejects.toThrow(
    /SF_EMULATOR_CURRENCIES/,
  );
});

it('announces a public URL different from the listen address when asked', async () => {
  const sf = await startSalesforceEmulator({ env: { SF_EMULATOR_PUBLIC_URL: 'http://salesforce.local:4010/' } });
  try {
    expect(sf.url).toBe('http://salesforce.local:4010');
    expect(sf.env.SF_LOGIN_URL).toBe('http://salesforce.local:4010');
  } finally {
    await sf.close();
  }
});

it('reads the standalone listen address from SF_EMULATOR_PORT / SF_EMULATOR_HOST', () => {
  expect(listenOptionsFromEnv({})).toEqual({ port: 4010, host: '127.0.0.1' });
  expect(listenOptionsFromEnv({ SF_EMULATOR_PORT: '5001', SF_EMULATOR_HOST: '0.0.0.0' })).toEqual({
    port: 5001,
    host: '0.0.0.0',
  });
  expect(() => listenOptionsFromEnv({ SF_EMULATOR_PORT: 'abc' })).toThrow(/SF_EMULATOR_PORT/);
});

describe('CometD mounted at /cometd with the emulator sessions', () => {
  let t: TestOrg;
  let sf: SalesforceEmulator;
  beforeAll(async () => {
    t = await startTestOrg({ streamingKnobs: { connectTimeoutMs: 300 } });
    sf = t.sf;
  });
  afterAll(async () => {
    await sf.close();
  });

  const bayeux = async (messages: unknown[], token = t.token) => {
    const res = await fetch(`${sf.url}/cometd/62.0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `OAuth ${token}` },
      body: JSON.stringify(messages),
    });
    return (await res.json()) as Array<Record<string, unknown>>;
  };

  it('delivers a CDC event from a REST write to a Bayeux subscriber', async () => {
    const [hs] = await bayeux([
      { channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' },
    ]);
    expect(hs).toMatchObject({ successful: true, ext: { replay: true } });
    const clientId = hs!.clientId as string;
    const [sub] = await bayeux([
      {
        channel: '/meta/subscribe',
        clientId,
        subscription: '/data/AccountChangeEvent',
        id: '2',
        ext: { replay: { '/data/AccountChangeEvent': -1 } },
      },
    ]);
    expect(sub).toMatchObject({ successful: true });
    await bayeux([{ channel: '/meta/connect', clientId, connectionType: 'long-polling', id: '3' }]);
    const created = await t.api('sobjects/Account', { method: 'POST', json: { Name: 'Streamed' } });
    const id = (created.body as { id: string }).id;
    const replies = await bayeux([{ channel: '/meta/connect', clientId, connectionType: 'long-polling', id: '4' }]);
    const event = replies.find((m) => m.channel === '/data/AccountChangeEvent') as {
      data: { payload: { ChangeEventHeader: { recordIds: string[] }; Name: string }; event: { replayId: number } };
    };
    expect(event.data.payload.ChangeEventHeader.recordIds).toEqual([id]);
    expect(event.data.payload.Name).toBe('Streamed');
    expect(event.data.event.replayId).toBeGreaterThan(0);
  });

  it('denies the handshake once the emulator tokens are expired', async () => {
    sf.org.expireAllTokens();
    const [hs] = await bayeux([
      { channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' },
    ]);
    expect(hs).toMatchObject({ successful: false, error: '403::Handshake denied', advice: { reconnect: 'none' } });
  });
});
