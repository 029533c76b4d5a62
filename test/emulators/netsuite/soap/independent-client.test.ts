import { XMLBuilder } from 'fast-xml-parser';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultXsdDir } from '../xsd/index.js';
import { passport } from './test-client.js';
import { startHarness, type Harness } from './test-harness.js';

/**
 * Drives the emulator with an independent SOAP stack (node-soap over the real 2023_2 WSDL, endpoint
 * overridden, tokenPassport header hand-built per request) to show it is not tuned to our client.
 */

const WSDL = join(defaultXsdDir(), '..', 'netsuite.wsdl');
const SEED = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'demo-seed.json');
const CORE = 'urn:core_2023_2.platform.webservices.netsuite.com';
const REL = 'urn:relationships_2023_2.lists.webservices.netsuite.com';

let h: Harness;
let client: soap.Client;
let signature: string | undefined;
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressBooleanAttributes: false,
});

beforeAll(async () => {
  h = await startHarness({ seed: SEED });
  client = await soap.createClientAsync(WSDL, { endpoint: `${h.emu.url}/services/NetSuitePort_2023_2` });
  // A fresh nonce/timestamp/signature for every request.
  client.addSoapHeader(() =>
    builder.build({
      'platformMsgs:tokenPassport': {
        '@_xmlns:platformMsgs': 'urn:messages_2023_2.platform.webservices.netsuite.com',
        '@_xmlns:platformCore': CORE,
        ...passport(h.keys, signature ? { signature } : {}),
      },
    }),
  );
}, 60_000);

afterAll(async () => {
  expect(h.emu.account.problems).toEqual([]);
  await h.emu.close();
});

describe('node-soap client over the real WSDL', () => {
  it('get: a seeded customer comes back typed through the WSDL', async () => {
    const [res] = await client.getAsync({
      baseRef: {
        attributes: {
          'xmlns:platformCore': CORE,
          'xsi:type': 'platformCore:RecordRef',
          internalId: '1201',
          type: 'customer',
        },
      },
    });
    expect(res.readResponse.status.attributes.isSuccess).toBe('true');
    const record = res.readResponse.record;
    expect(record.attributes).toMatchObject({ 'xsi:type': 'listRel:Customer', internalId: '1201' });
    expect(record).toMatchObject({
      entityId: 'ACME-001',
      companyName: 'Acme Corporation',
      isPerson: false,
      creditLimit: 50000,
      balance: 149.9,
    });
    expect(client.lastRequest).toContain('<soap:Envelope'); // node-soap's own envelope, not ours
  });

  it('add: a customer built by node-soap is stored; a duplicate gets DUP_ENTITY', async () => {
    const record = {
      attributes: {
        'xmlns:listRel': REL,
        'xmlns:platformCore': CORE,
        'xsi:type': 'listRel:Customer',
        externalId: 'NODE-SOAP-1',
      },
      'listRel:companyName': 'Node Soap Ltd',
      'listRel:email': 'ns@node.example',
      'listRel:subsidiary': { attributes: { internalId: '1' } },
    };
    const [res] = await client.addAsync({ record });
    expect(res.writeResponse.status.attributes.isSuccess).toBe('true');
    expect(res.writeResponse.baseRef.attributes).toMatchObject({ type: 'customer', externalId: 'NODE-SOAP-1' });
    expect(h.emu.account.state.get('customer', { externalId: 'NODE-SOAP-1' }).email).toBe('ns@node.example');
    const [dup] = await client.addAsync({
      record: { ...record, attributes: { ...record.attributes, externalId: 'NODE-SOAP-2' } },
    });
    expect(dup.writeResponse.status.attributes.isSuccess).toBe('false');
    expect(dup.writeResponse.status.statusDetail[0].code).toBe('DUP_ENTITY');
  });

  it('a client built from the WSDL the emulator serves (/wsdl/v2023_2_0/netsuite.wsdl) calls the emulator', async () => {
    const fromUrl = await soap.createClientAsync(`${h.emu.url}/wsdl/v2023_2_0/netsuite.wsdl`);
    fromUrl.addSoapHeader(() =>
      builder.build({
        'platformMsgs:tokenPassport': {
          '@_xmlns:platformMsgs': 'urn:messages_2023_2.platform.webservices.netsuite.com',
          '@_xmlns:platformCore': CORE,
          ...passport(h.keys),
        },
      }),
    );
    const [res] = await fromUrl.getServerTimeAsync({});
    expect(res.getServerTimeResult.status.attributes.isSuccess).toBe('true');
    expect(res.getServerTimeResult.serverTime).toBeInstanceOf(Date);
    expect((await fetch(`${h.emu.url}/wsdl/v2024_1_0/netsuite.wsdl`)).status).toBe(404);
  }, 60_000);

  it('getAccountGovernanceInfo, and a bad signature surfaces as a SOAP fault', async () => {
    const [gov] = await client.getAccountGovernanceInfoAsync({});
    expect(gov.getAccountGovernanceInfoResult.accountConcurrencyLimit).toBe(5);
    signature = 'AAAA';
    try {
      await expect(client.getServerTimeAsync({})).rejects.toMatchObject({
        root: { Envelope: { Body: { Fault: { faultstring: 'Invalid login attempt.' } } } },
      });
    } finally {
      signature = undefined;
    }
  });
});
