import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadNetSuiteSchemas,
  validateEnvelope,
  type SchemaSet,
} from '../../../../../test/emulators/netsuite/xsd/index.js';
import { xmllintValidateEnvelopes } from '../../../../../test/emulators/netsuite/xsd/xmllint-oracle.js';
import { NS_RECORD_TYPES, type NsSearchQuery } from '../port.js';
import { SoapNetSuiteClient } from './client.js';
import {
  envelope,
  fakeNetSuite,
  recordsOf,
  refsOf,
  statusXml,
  writeListXml,
  type Recorded,
} from './fake-netsuite.test-support.js';
import { SAMPLE_RECORDS } from './sample-records.test-support.js';

/**
 * Every envelope the connector builds — each operation, each record type, each search filter — is
 * valid against the 2023_2 XSDs: checked with the compiled validator, and once (one batch) with libxml2.
 */

function answer(req: Recorded): { xml: string } {
  const op = req.operation;
  if (op.endsWith('List') && op !== 'getList') {
    const n = (op === 'deleteList' ? refsOf(req) : recordsOf(req)).length;
    return {
      xml: writeListXml(
        op,
        Array.from({ length: n }, (_, i) => ({ ok: true as const, internalId: String(i + 1) })),
      ),
    };
  }
  if (op === 'search' || op === 'searchMoreWithId') {
    return {
      xml: envelope(`${op}Response`, {
        'platformCore:searchResult': {
          'platformCore:status': statusXml(true),
          'platformCore:totalRecords': '0',
          'platformCore:pageSize': '5',
          'platformCore:totalPages': op === 'search' ? '2' : '2',
          'platformCore:pageIndex': op === 'search' ? '1' : '2',
          'platformCore:searchId': 'S1',
        },
      }),
    };
  }
  if (op === 'getAccountGovernanceInfo') {
    return {
      xml: envelope('getAccountGovernanceInfoResponse', {
        'platformCore:getAccountGovernanceInfoResult': {
          'platformCore:status': statusXml(true),
          'platformCore:accountConcurrencyLimit': '5',
        },
      }),
    };
  }
  const readResponse = {
    'platformCore:status': statusXml(true),
    record: { '@_xsi:type': 'tranSales:Invoice', '@_internalId': '1' },
  };
  if (op === 'getList')
    return {
      xml: envelope('getListResponse', {
        readResponseList: { 'platformCore:status': statusXml(true), readResponse: refsOf(req).map(() => readResponse) },
      }),
    };
  return { xml: envelope(`${op}Response`, { readResponse }) };
}

const built: { name: string; xml: string }[] = [];
let schemas: SchemaSet;

beforeAll(async () => {
  schemas = await loadNetSuiteSchemas();
  const fake = fakeNetSuite(answer);
  const c = new SoapNetSuiteClient({
    credentials: { accountId: '123456_SB1', consumerKey: 'ck', consumerSecret: 'cs', tokenId: 't', tokenSecret: 'ts' },
    fetch: fake.fetch,
  });
  const note = (name: string, from: number) =>
    fake.requests.slice(from).forEach((r, i) => built.push({ name: `${name} #${i} (${r.operation})`, xml: r.xml }));
  const run = async (name: string, fn: () => Promise<unknown>) => {
    const from = fake.requests.length;
    const result = await fn();
    // Every write must have been accepted locally and sent: a local refusal would hide an invalid envelope.
    if (Array.isArray(result)) expect(result.filter((r: { ok: boolean }) => !r.ok)).toEqual([]);
    note(name, from);
  };
  for (const r of SAMPLE_RECORDS) {
    await run(`add ${r.type}`, () => c.add([r]));
    await run(`update ${r.type}`, () => c.update([{ ...r, internalId: '10', nullFields: ['memo'] }]));
    await run(`upsert ${r.type}`, () => c.upsert([r]));
  }
  await run('addList all types', () => c.add(SAMPLE_RECORDS));
  await run('deleteList', () =>
    c.delete(
      NS_RECORD_TYPES.map((type, i) => (i % 2 ? { type, internalId: String(i + 1) } : { type, externalId: `E${i}` })),
    ),
  );
  await run('get', () => c.get({ type: 'invoice', internalId: '1' }));
  await run('getList', () => c.getList(NS_RECORD_TYPES.map((type) => ({ type, externalId: `X-${type}` }))));
  const since = new Date('2024-01-01T00:00:00Z');
  const queries: NsSearchQuery[] = NS_RECORD_TYPES.flatMap((type): NsSearchQuery[] => [
    { type, modifiedSince: since, pageSize: 5 },
    { type, internalIds: ['1', '2'], externalIds: ['a'], modifiedSince: since, modifiedBefore: new Date() },
  ]);
  queries.push({ type: 'customer', entityId: 'ACME', email: 'a@b.c', modifiedBefore: since, withSublists: true });
  queries.push({ type: 'salesOrder', tranId: 'SO-1', status: ['_salesOrderPendingBilling'] });
  for (const q of queries) {
    await run(`search ${JSON.stringify(q)}`, async () => {
      for await (const page of c.search(q)) void page;
    });
  }
  await run('initialize invoice', () =>
    c.initialize({ type: 'invoice', reference: { type: 'salesOrder', internalId: '7' } }),
  );
  await run('initialize payment', () =>
    c.initialize({ type: 'customerPayment', reference: { type: 'invoice', externalId: 'INV-1' } }),
  );
  await run('governance', () => c.governance());
}, 30_000);

describe('envelopes the connector builds', () => {
  it('cover every operation the port uses', () => {
    const ops = new Set(built.map((b) => /\((\w+)\)$/.exec(b.name)?.[1]));
    expect([...ops].sort()).toEqual(
      [
        'addList',
        'updateList',
        'upsertList',
        'deleteList',
        'get',
        'getList',
        'search',
        'searchMoreWithId',
        'initialize',
        'getAccountGovernanceInfo',
      ].sort(),
    );
    expect(built.length).toBeGreaterThan(60);
  });

  it('are valid against the 2023_2 XSDs (compiled validator)', () => {
    const invalid = built
      .map((b) => ({ name: b.name, errors: validateEnvelope(b.xml, schemas).errors.slice(0, 2) }))
      .filter((r) => r.errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('are valid for libxml2 too (one xmllint-wasm batch)', async () => {
    const verdicts = await xmllintValidateEnvelopes(built);
    const invalid = [...verdicts]
      .filter(([, v]) => !v.valid)
      .map(([name, v]) => ({ name, messages: v.messages.slice(0, 2) }));
    expect(invalid).toEqual([]);
    expect(verdicts.size).toBe(built.length);
  }, 60_000);
});
