/** Bad input gets a Salesforce error, never a crash or a 500: random bodies, SOQL and ids. */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from './test-support.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(async () => {
  await t.sf.close();
});

function expectSalesforceAnswer(r: { status: number; body: unknown }): void {
  expect(r.status).not.toBe(500);
  if (r.status >= 400) {
    expect(Array.isArray(r.body)).toBe(true);
    expect((r.body as Array<{ errorCode?: unknown }>)[0]?.errorCode).toEqual(expect.any(String));
  }
}

const fieldNames = fc.constantFrom(
  'Name',
  'AnnualRevenue',
  'BillingCity',
  'NetSuite_Sync_Status__c',
  'NetSuite_Internal_Id__c',
  'OwnerId',
  'ParentId',
  'Id',
  'CreatedDate',
  'Bogus__c',
  'attributes',
);

it('answers any JSON record body with a success or a real error', async () => {
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fieldNames, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), async (body) => {
      expectSalesforceAnswer(await t.api('sobjects/Account', { method: 'POST', json: body }));
    }),
    { numRuns: 60 },
  );
});

it('answers arbitrary text bodies, SOQL and ids with real errors', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 60 }), async (text) => {
      expectSalesforceAnswer(
        await t.api('sobjects/Account', {
          method: 'POST',
          body: text,
          headers: { 'content-type': 'application/json' },
        }),
      );
      expectSalesforceAnswer(
        await t.api(`query?q=${encodeURIComponent(`SELECT Id FROM Account WHERE Name = ${text}`)}`),
      );
      expectSalesforceAnswer(await t.api(`query?q=${encodeURIComponent(text)}`));
      expectSalesforceAnswer(
        await t.api(`sobjects/Account/${encodeURIComponent(text) || 'x'}`, { method: 'PATCH', json: { Name: 'x' } }),
      );
      expectSalesforceAnswer(await t.api('composite/sobjects', { method: 'POST', body: text }));
    }),
    { numRuns: 40 },
  );
});
