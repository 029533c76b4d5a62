/* global describe, it, expect, jest, beforeEach */
import record from 'N/record';
import { post, MAX_RECORDS, RESERVE_UNITS } from 'SuiteScripts/nsc/batch_upsert';
import { realErrors, scriptWith, suiteqlWith } from './helpers';

jest.mock('N/error');
jest.mock('N/log');
jest.mock('N/query');
jest.mock('N/record');
jest.mock('N/runtime');
jest.mock('N/runtime/script');

/** A tiny in-memory record double: values, sublists, save() returning an id and spending usage. */
function fakeRecord(id, budget, failOn) {
  const values = {};
  const lines = {};
  return {
    values,
    lines,
    setValue: jest.fn(({ fieldId, value }) => {
      if (failOn && fieldId === failOn.field) {
        throw Object.assign(new Error(failOn.message), { name: failOn.code });
      }
      values[fieldId] = value;
    }),
    getLineCount: ({ sublistId }) => (lines[sublistId] ?? []).length,
    removeLine: ({ sublistId, line }) => lines[sublistId].splice(line, 1),
    insertLine: ({ sublistId, line }) => (lines[sublistId] ??= []).splice(line, 0, {}),
    setSublistValue: ({ sublistId, fieldId, line, value }) => (lines[sublistId][line][fieldId] = value),
    save: jest.fn(() => {
      budget.spend(10);
      return id;
    }),
  };
}

describe('batch_upsert RESTlet', () => {
  let budget;
  let created;
  let loaded;
  beforeEach(() => {
    jest.clearAllMocks();
    realErrors();
    budget = scriptWith({ usage: 5000 });
    created = [];
    loaded = [];
    let nextId = 500;
    record.create.mockImplementation(({ type }) => {
      budget.spend(5);
      const rec = fakeRecord(nextId++, budget);
      created.push({ type, rec });
      return rec;
    });
    record.load.mockImplementation(({ type, id }) => {
      budget.spend(5);
      const rec = fakeRecord(Number(id), budget);
      rec.lines.addressbook = [{ label: 'old' }];
      loaded.push({ type, id, rec });
      return rec;
    });
    suiteqlWith(() => [{ id: 77, externalid: 'SF-2' }]);
  });

  const body = (records, recordType = 'customer') => ({ recordType, records });

  it('creates new records with their external id and updates existing ones', () => {
    const result = JSON.parse(
      post(
        body([
          { externalId: 'SF-1', fields: { companyname: 'One', startdate: '2026-01-31' } },
          { externalId: 'SF-2', fields: { companyname: 'Two' }, sublists: { addressbook: [{ label: 'new' }] } },
        ]),
      ),
    );
    expect(result.results).toEqual([
      { externalId: 'SF-1', status: 'created', id: '500' },
      { externalId: 'SF-2', status: 'updated', id: '77' },
    ]);
    expect(result.unprocessed).toEqual([]);
    expect(created[0].rec.values).toMatchObject({ externalid: 'SF-1', companyname: 'One' });
    expect(created[0].rec.values.startdate).toBeInstanceOf(Date);
    expect(loaded[0]).toMatchObject({ type: 'customer', id: '77' });
    expect(loaded[0].rec.values.externalid).toBeUndefined();
    expect(loaded[0].rec.lines.addressbook).toEqual([{ label: 'new' }]);
  });

  it('reports a failing record and carries on with the rest', () => {
    record.create.mockImplementationOnce(() =>
      fakeRecord(1, budget, { field: 'email', code: 'INVALID_FLD_VALUE', message: 'Invalid email' }),
    );
    const result = JSON.parse(
      post(
        body([
          { externalId: 'SF-1', fields: { email: 'bad' } },
          { externalId: 'SF-3', fields: { companyname: 'Three' } },
        ]),
      ),
    );
    expect(result.results[0]).toEqual({
      externalId: 'SF-1',
      status: 'error',
      error: { code: 'INVALID_FLD_VALUE', message: 'Invalid email' },
    });
    expect(result.results[1]).toMatchObject({ externalId: 'SF-3', status: 'created' });
  });

  it('stops before governance runs out and lists the unprocessed records', () => {
    // transactions cost 10 (create) + 20 (save) here; give room for exactly two plus the reserve
    budget = scriptWith({ usage: 2 * 30 + RESERVE_UNITS + 29 });
    record.create.mockImplementation(() => {
      budget.spend(10);
      const rec = fakeRecord(900, budget);
      rec.save.mockImplementation(() => budget.spend(20) && 900);
      return rec;
    });
    suiteqlWith(() => []);
    const records = ['A', 'B', 'C', 'D'].map((externalId) => ({ externalId, fields: { memo: externalId } }));
    const result = JSON.parse(post(body(records, 'salesOrder')));
    expect(result.recordType).toBe('salesorder');
    expect(result.results.map((r) => r.externalId)).toEqual(['A', 'B']);
    expect(result.unprocessed).toEqual(['C', 'D']);
    expect(result.remainingUsage).toBe(RESERVE_UNITS + 29);
  });

  it('looks up existing ids with one bound query of the right table', () => {
    const calls = suiteqlWith(() => []);
    post(body([{ externalId: 'X', fields: {} }, { externalId: "Y'--", fields: {} }], 'invoice'));
    expect(calls).toEqual([
      { sql: "SELECT id, externalid FROM transaction WHERE type = 'CustInvc' AND externalid IN (?, ?)", params: ['X', "Y'--"] },
    ]);
  });

  it.each([
    [{ recordType: 'employee', records: [{ externalId: 'a', fields: {} }] }, /recordType "employee" is not supported/],
    [{ recordType: 'customer', records: [] }, /non-empty array/],
    [{ recordType: 'customer', records: [{ fields: {} }] }, /records\[0\]\.externalId is required/],
    [{ recordType: 'customer', records: [{ externalId: 'a', fields: 3 }] }, /records\[0\]\.fields must be an object \(record a\)/],
    [{ recordType: 'customer', records: [{ externalId: 'a', fields: {} }, { externalId: 'a', fields: {} }] }, /records\[1\]\.externalId a repeats records\[0\]/],
    [{ recordType: 'customer', records: [{ externalId: 'a', fields: {}, sublists: { item: [1] } }] }, /sublists\.item must be an array of objects/],
    ['{not json', /not valid JSON/],
  ])('rejects a bad request %#', (request, message) => {
    expect(() => post(request)).toThrow(message);
    expect(record.create).not.toHaveBeenCalled();
  });

  it(`refuses more than ${MAX_RECORDS} records`, () => {
    const records = Array.from({ length: MAX_RECORDS + 1 }, (_, i) => ({ externalId: `E${i}`, fields: {} }));
    expect(() => post(body(records))).toThrow(expect.objectContaining({ name: 'NSC_INVALID_REQUEST', message: expect.stringMatching(/101 entries/) }));
  });

  it('accepts a text/plain body holding JSON', () => {
    const result = JSON.parse(post(JSON.stringify(body([{ externalId: 'SF-9', fields: {} }]))));
    expect(result.results[0]).toMatchObject({ externalId: 'SF-9', status: 'created' });
  });
});
