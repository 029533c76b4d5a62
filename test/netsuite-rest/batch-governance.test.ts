import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestWebServicesClient } from '../../relay/src/connectors/netsuite/rest/client.js';
import { RestNetSuitePort } from '../../relay/src/connectors/netsuite/rest/transport.js';
import { tbaAuthorizer } from '../../relay/src/connectors/netsuite/restlet/authorizer.js';
import { RestletClient } from '../../relay/src/connectors/netsuite/restlet/client.js';
import { batchUpsert } from '../../relay/src/connectors/netsuite/restlet/project-scripts.js';
import { ACCOUNT_ID, startEmulator, type EmulatorHarness } from './harness.js';

// 10 units for the lookup query, 15 per customer (load/create 5 + save 10), 20 kept in reserve:
// a budget of 80 upserts exactly three customers per call.
const LIMIT = 80;
let emu: EmulatorHarness;
let restletCalls = 0;
const counting: typeof fetch = (input, init) => {
  if (String(input).includes('restlet.nl')) restletCalls++;
  return fetch(input, init);
};

beforeAll(async () => {
  emu = await startEmulator({ userEvents: false, scripts: { usageLimits: { customscript_nsc_batch_upsert: LIMIT } } });
});
afterAll(() => emu.close());

const authorizer = () =>
  tbaAuthorizer({ accountId: ACCOUNT_ID, consumerKey: emu.secrets.consumerKey, consumerSecret: emu.secrets.consumerSecret, tokenId: emu.secrets.tokenId, tokenSecret: emu.secrets.tokenSecret });
const customers = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ externalId: `${prefix}-${i}`, fields: { companyname: `${prefix} ${i}`, subsidiary: '1' } }));

describe('batch upsert within governance', () => {
  it('stops before the usage limit and lists what it did not process', async () => {
    const client = new RestletClient({ baseUrl: emu.url, authorizer: authorizer() });
    const result = await batchUpsert(client, 'customer', customers('GOV', 8));
    expect(result.results.map((r) => r.status)).toEqual(['created', 'created', 'created']);
    expect(result.unprocessed).toEqual(['GOV-3', 'GOV-4', 'GOV-5', 'GOV-6', 'GOV-7']);
    expect(result.remainingUsage).toBe(LIMIT - 10 - 3 * 15);
    expect(emu.state.find('customer', { externalId: 'GOV-3' })).toBeUndefined();
  });

  it('the REST transport sends the unprocessed rest again until every record is written', async () => {
    const a = authorizer();
    const port = new RestNetSuitePort({
      rest: new RestWebServicesClient({ baseUrl: emu.url, authorizer: a, fetch: counting }),
      restlet: new RestletClient({ baseUrl: emu.url, authorizer: a, fetch: counting }),
    });
    restletCalls = 0;
    const results = await port.upsert(
      customers('LOOP', 8).map((c) => ({ type: 'customer' as const, externalId: c.externalId, fields: { companyName: c.fields.companyname, subsidiary: { internalId: '1' } } })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(restletCalls).toBe(3);
    for (let i = 0; i < 8; i++) expect(emu.state.find('customer', { externalId: `LOOP-${i}` })).toBeDefined();
  });
});
