import { describe, expect, it } from 'vitest';
import { chunk, failChunk, mapCollectionResults, runBatch } from './collections.js';
import { SalesforceError } from './errors.js';
import { createNamespacer } from './namespace.js';

describe('collection helpers', () => {
  it('splits 450 into 200/200/50 keeping order', () => {
    const parts = chunk(Array.from({ length: 450 }, (_, i) => i));
    expect(parts.map((p) => p.length)).toEqual([200, 200, 50]);
    expect(parts.flat()).toEqual(Array.from({ length: 450 }, (_, i) => i));
    expect(chunk([])).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });

  it('maps each item to its caller index, never trusting a whole-batch status', () => {
    const results = mapCollectionResults(
      [
        { id: '001000000000001AAA', success: true, errors: [] },
        {
          success: false,
          errors: [
            { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] },
          ],
        },
        { id: '001000000000003AAA', success: true, errors: [], created: false },
        { success: false },
      ],
      [10, 11, 12, 13],
      { sobject: 'Account', externalIds: ['a', 'b', 'c', 'd'] },
    );
    expect(results[0]).toEqual({ index: 10, ok: true, id: '001000000000001AAA' });
    expect(results[1]).toMatchObject({
      index: 11,
      ok: false,
      error: { code: 'SF_VALIDATION', fields: ['Name'], record: { index: 11, externalId: 'b' } },
    });
    expect(results[2]).toEqual({ index: 12, ok: true, id: '001000000000003AAA', created: false });
    expect(results[3]).toMatchObject({ index: 13, ok: false, error: { sfCode: 'UNKNOWN_ERROR' } });
  });

  it('fails the whole chunk when the answer has the wrong number of results', () => {
    const results = mapCollectionResults([{ id: 'x', success: true }], [0, 1], { sobject: 'Account' });
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    expect(results[1]).toMatchObject({ error: { code: 'SF_PROTOCOL', record: { index: 1 } } });
    const failed = failChunk(new SalesforceError({ code: 'SF_UNAVAILABLE', message: 'down' }), [4, 5], {
      sobject: 'Order',
    });
    expect(failed).toMatchObject([
      { index: 4, ok: false, error: { retryable: true, record: { index: 4 } } },
      { index: 5 },
    ]);
  });
});

describe('runBatch', () => {
  const ok = (part: readonly { index: number }[]) =>
    Promise.resolve(part.map((p) => ({ id: `id${p.index}`, success: true })));
  it('fails invalid items alone, sends the rest in 200s and keeps input order', async () => {
    const sizes: number[] = [];
    const results = await runBatch(
      Array.from({ length: 401 }, (_, i) => i),
      'Account',
      (n) => {
        if (n === 5) throw new SalesforceError({ code: 'SF_INVALID_INPUT', message: 'bad #5' });
        return { payload: n };
      },
      (part) => {
        sizes.push(part.length);
        return ok(part);
      },
    );
    expect(sizes).toEqual([200, 200]);
    expect(results).toHaveLength(401);
    expect(results[5]).toMatchObject({
      index: 5,
      ok: false,
      error: { code: 'SF_INVALID_INPUT', record: { index: 5, sobject: 'Account' } },
    });
    expect(results[400]).toEqual({ index: 400, ok: true, id: 'id400' });
  });

  it('stops sending after a limit error and rethrows programming errors', async () => {
    let calls = 0;
    const results = await runBatch(
      Array.from({ length: 450 }, (_, i) => i),
      'Account',
      (n) => ({ payload: n }),
      (part) => {
        calls += 1;
        if (calls === 1) return ok(part);
        return Promise.reject(new SalesforceError({ code: 'SF_REQUEST_LIMIT', message: 'limit' }));
      },
    );
    expect(calls).toBe(2);
    expect(results.filter((r) => !r.ok)).toHaveLength(250);
    await expect(
      runBatch(
        [1],
        'Account',
        (n) => ({ payload: n }),
        () => Promise.reject(new TypeError('bug')),
      ),
    ).rejects.toThrow(TypeError);
    await expect(
      runBatch(
        [1],
        'Account',
        () => {
          throw new TypeError('bug');
        },
        ok,
      ),
    ).rejects.toThrow(TypeError);
  });
});

describe('namespacer', () => {
  const ns = createNamespacer('nsc');
  it('prefixes package names on the way out and strips them on the way in', () => {
    expect(ns.toOrg('NetSuite_Internal_Id__c')).toBe('nsc__NetSuite_Internal_Id__c');
    expect(ns.toOrg('Account')).toBe('Account');
    expect(ns.toOrg('Sync_Flow__r.Flow_Key__c')).toBe('nsc__Sync_Flow__r.nsc__Flow_Key__c');
    expect(ns.toOrg('NetSuite_Sync_Request__e')).toBe('nsc__NetSuite_Sync_Request__e');
    expect(ns.toOrg('other__X__c')).toBe('other__X__c');
    expect(ns.fromOrg('nsc__Sync_Log__c')).toBe('Sync_Log__c');
    expect(ns.recordToOrg({ Name: 'a', Balance__c: 1, attributes: { type: 'x' } })).toEqual({
      Name: 'a',
      nsc__Balance__c: 1,
      attributes: { type: 'x' },
    });
    expect(
      ns.recordFromOrg({ nsc__A__c: 1, nsc__Flow__r: { nsc__Key__c: 'k' }, nsc__Logs__r: [{ nsc__B__c: 2 }] }),
    ).toEqual({
      A__c: 1,
      Flow__r: { Key__c: 'k' },
      Logs__r: [{ B__c: 2 }],
    });
  });
  it('is the identity without a namespace', () => {
    const none = createNamespacer(undefined);
    expect(none.toOrg('A__c')).toBe('A__c');
    expect(none.namespace).toBeUndefined();
    expect(createNamespacer('  ').namespace).toBeUndefined();
  });
});
