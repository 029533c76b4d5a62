import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from '../test-support.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(async () => {
  await t.sf.close();
});

type Sub = { body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string };
const V = '/services/data/v62.0';
const composite = async (json: unknown) => {
  const r = await t.api('composite', { method: 'POST', json });
  return { status: r.status, subs: (r.body as { compositeResponse: Sub[] }).compositeResponse, raw: r.body };
};

describe('POST /composite', () => {
  it('runs subrequests in order with references, as one API call', async () => {
    const used = t.sf.org.apiUsage().used;
    const r = await composite({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'newAccount', body: { Name: 'Composite Co' } },
        {
          method: 'POST',
          url: `${V}/sobjects/Contact`,
          referenceId: 'newContact',
          body: { LastName: 'Ref', AccountId: '@{newAccount.id}' },
        },
        { method: 'GET', url: `${V}/sobjects/Account/@{newAccount.id}?fields=Name`, referenceId: 'readBack' },
        {
          method: 'GET',
          url: `${V}/query?q=SELECT+Id+FROM+Contact+WHERE+AccountId='@{newAccount.id}'`,
          referenceId: 'q',
        },
        {
          method: 'PATCH',
          url: `${V}/sobjects/Contact/@{q.records[0].Id}`,
          referenceId: 'upd',
          body: { Title: 'CFO' },
        },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.subs.map((s) => [s.referenceId, s.httpStatusCode])).toEqual([
      ['newAccount', 201],
      ['newContact', 201],
      ['readBack', 200],
      ['q', 200],
      ['upd', 204],
    ]);
    const accountId = (r.subs[0]!.body as { id: string }).id;
    expect(r.subs[0]!.httpHeaders).toEqual({ Location: `${V}/sobjects/Account/${accountId}` });
    expect(r.subs[2]!.body).toMatchObject({ Name: 'Composite Co' });
    const contactId = (r.subs[1]!.body as { id: string }).id;
    expect(t.sf.org.record(contactId)).toMatchObject({ AccountId: accountId, Title: 'CFO' });
    expect(t.sf.org.apiUsage().used).toBe(used + 1);
  });

  it('allOrNone: the first failure rolls back everything; the rest answer PROCESSING_HALTED', async () => {
    const before = t.sf.org.records('Account').length;
    const events = t.sf.org.bus.retained('/data/AccountChangeEvent').length;
    const r = await composite({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'ok', body: { Name: 'Rolled back' } },
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'bad', body: { Website: 'no name' } },
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'after', body: { Name: 'Never' } },
      ],
    });
    const halted = [
      {
        errorCode: 'PROCESSING_HALTED',
        message: 'The transaction was rolled back since another operation in the same transaction failed.',
      },
    ];
    expect(r.subs[0]).toEqual({ body: halted, httpHeaders: {}, httpStatusCode: 400, referenceId: 'ok' });
    expect(r.subs[1]).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'REQUIRED_FIELD_MISSING' }] });
    expect(r.subs[2]).toMatchObject({ httpStatusCode: 400, body: halted });
    expect(t.sf.org.records('Account').length).toBe(before);
    expect(t.sf.org.bus.retained('/data/AccountChangeEvent').length).toBe(events);
  });

  it('without allOrNone keeps the successes and fails a reference to a failed subrequest', async () => {
    const r = await composite({
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'bad', body: { Website: 'no name' } },
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'good', body: { Name: 'Kept' } },
        {
          method: 'POST',
          url: `${V}/sobjects/Contact`,
          referenceId: 'orphan',
          body: { LastName: 'X', AccountId: '@{bad.id}' },
        },
      ],
    });
    expect(r.subs.map((s) => s.httpStatusCode)).toEqual([400, 201, 400]);
    expect((r.subs[2]!.body as Array<{ errorCode: string; message: string }>)[0]).toEqual({
      errorCode: 'PROCESSING_HALTED',
      message: 'Invalid reference specified. No value for bad.id found in bad. Provided referenceId bad',
    });
    expect(t.sf.org.records('Account').some((a) => a.Name === 'Kept')).toBe(true);
  });

  it('rejects malformed composite bodies as a whole', async () => {
    const tooMany = Array.from({ length: 26 }, (_, i) => ({ method: 'GET', url: `${V}/limits`, referenceId: `r${i}` }));
    expect((await t.api('composite', { method: 'POST', json: { compositeRequest: tooMany } })).body).toEqual([
      { errorCode: 'LIMIT_EXCEEDED', message: 'Maximum number of subrequests allowed is 25.' },
    ]);
    const dup = await t.api('composite', {
      method: 'POST',
      json: {
        compositeRequest: [
          { method: 'GET', url: `${V}/limits`, referenceId: 'a' },
          { method: 'GET', url: `${V}/limits`, referenceId: 'a' },
        ],
      },
    });
    expect((dup.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_INPUT');
    const bad = await t.api('composite', {
      method: 'POST',
      json: { compositeRequest: [{ method: 'GET', url: `${V}/limits`, referenceId: 'bad-id' }] },
    });
    expect((bad.body as Array<{ errorCode: string }>)[0]!.errorCode).toBe('JSON_PARSER_ERROR');
    const outside = await composite({ compositeRequest: [{ method: 'GET', url: '/cometd/62.0', referenceId: 'x' }] });
    expect(outside.subs[0]!.httpStatusCode).toBe(400);
    const nested = await composite({
      compositeRequest: [{ method: 'POST', url: `${V}/composite`, referenceId: 'n', body: { compositeRequest: [] } }],
    });
    expect(nested.subs[0]!.httpStatusCode).toBe(400);
    expect((await t.api('composite')).status).toBe(405);
  });
});
