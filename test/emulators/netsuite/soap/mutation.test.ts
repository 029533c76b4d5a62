import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createNetSuiteApp, type AccountHandle } from '../index.js';
import { envelope, type TbaKeys } from './test-client.js';
import { xml } from './test-harness.js';

/**
 * Bad input never crashes the endpoint: valid requests mutated at random (characters dropped,
 * duplicated or replaced, tags cut) always get a well-formed SOAP answer, and the emulator's own
 * checks (response XSD validation, internal errors) stay clean.
 */

let account: AccountHandle;
let keys: TbaKeys;
let app: ReturnType<typeof createNetSuiteApp>;

beforeAll(async () => {
  account = await createAccount({ env: {} });
  account.state.add('customer', { companyName: 'Mutant Base', subsidiary: { internalId: '1' } });
  keys = { account: account.state.accountId, ...account.secrets };
  app = createNetSuiteApp(account);
});

const bodies: [string, Record<string, unknown>][] = [
  ['add', { 'platformMsgs:record': xml.customer({ companyName: 'Mutant & Co', externalId: 'MUT-1', email: 'm@x.y' }) }],
  ['get', { 'platformMsgs:baseRef': xml.recordRef('customer', { internalId: '101' }) }],
  [
    'upsertList',
    {
      'platformMsgs:record': [
        xml.salesOrder({ externalId: 'MUT-SO', entity: '101', lines: [{ item: '1', quantity: 1 }] }),
      ],
    },
  ],
  [
    'search',
    {
      'platformMsgs:searchRecord': {
        '@_xsi:type': 'listRel:CustomerSearch',
        'listRel:basic': { 'platformCommon:entityId': { '@_operator': 'contains', 'platformCore:searchValue': 'Mut' } },
      },
    },
  ],
];

const mutation = fc.record({
  kind: fc.constantFrom('drop', 'dup', 'replace', 'cut'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.integer({ min: 1, max: 40 }),
  ch: fc.constantFrom('<', '>', '&', '"', '/', ':', 'x', ' ', '\u0000', '='),
});

describe('mutated requests', () => {
  it('always get a SOAP answer (200 or fault), never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodies), mutation, async ([op, body], m) => {
        const doc = envelope(op, body, { keys });
        const i = Math.floor(m.at * doc.length);
        const mutated =
          m.kind === 'drop'
            ? doc.slice(0, i) + doc.slice(i + m.len)
            : m.kind === 'dup'
              ? doc.slice(0, i + m.len) + doc.slice(i)
              : m.kind === 'replace'
                ? doc.slice(0, i) + m.ch + doc.slice(i + 1)
                : doc.slice(0, i);
        const res = await app.request('/services/NetSuitePort_2023_2', {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: op },
          body: mutated,
        });
        const text = await res.text();
        expect([200, 500]).toContain(res.status);
        expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><soapenv:Envelope/);
        expect(account.problems).toEqual([]);
      }),
      { numRuns: 300, seed: 7 },
    );
  }, 60_000);
});
