import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../logging/logger.js';
import type { NsRecord } from '../port.js';
import { SoapNetSuiteClient } from './client.js';
import type { SoapConnectorConfig } from './config.js';
import {
  envelope,
  fakeNetSuite,
  faultXml,
  recordsOf,
  refsOf,
  statusXml,
  writeListXml,
  type Handler,
  type Item,
} from './fake-netsuite.test-support.js';
import { signTokenPassport } from './token-passport.js';
import { child, childrenNamed, textOf } from './xml-tree.js';

const CREDS = {
  accountId: '123456_SB1',
  consumerKey: 'ck-1',
  consumerSecret: 'cs-SECRET-1',
  tokenId: 'tid-1',
  tokenSecret: 'ts-SECRET-1',
};

function client(handler: Handler, extra: Partial<SoapConnectorConfig> = {}, limits = {}) {
  const fake = fakeNetSuite(handler);
  const c = new SoapNetSuiteClient(
    { credentials: CREDS, fetch: fake.fetch, retryBaseDelayMs: 1, ...extra },
    { limits },
  );
  return { c, requests: fake.requests };
}

const customer = (i: number, fields: Record<string, unknown> = {}): NsRecord => ({
  type: 'customer',
  externalId: `C-${i}`,
  fields: { companyName: `Company ${i}`, ...fields },
});

/** Answers every write list with success, internalId = 1000 + position in the whole run. */
function okWrites(): Handler {
  let next = 1000;
  return (req) => {
    const n = (req.operation === 'deleteList' ? refsOf(req) : recordsOf(req)).length;
    const items: Item[] = Array.from({ length: n }, () => ({ ok: true, internalId: String(next++) }));
    return { xml: writeListXml(req.operation, items) };
  };
}

describe('SoapNetSuiteClient writes', () => {
  it('splits add to addList chunks of 200, answers one result per input in order, posts to the account domain', async () => {
    const { c, requests } = client(okWrites());
    const results = await c.add(Array.from({ length: 250 }, (_, i) => customer(i)));
    expect(requests.map((r) => [r.operation, recordsOf(r).length])).toEqual([
      ['addList', 200],
      ['addList', 50],
    ]);
    expect(requests[0]?.soapAction).toBe('"addList"');
    expect(requests[0]?.url).toBe('https://123456-sb1.suitetalk.api.netsuite.com/services/NetSuitePort_2023_2');
    expect(results).toHaveLength(250);
    const ids = results.map((r) => (r.ok ? r.internalId : 'x'));
    expect(new Set(ids).size).toBe(250);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('splits update and upsert at 100', async () => {
    const { c, requests } = client(okWrites());
    await c.upsert(Array.from({ length: 101 }, (_, i) => customer(i)));
    await c.update(Array.from({ length: 100 }, (_, i) => ({ ...customer(i), internalId: String(i + 1) })));
    expect(requests.map((r) => [r.operation, recordsOf(r).length])).toEqual([
      ['upsertList', 100],
      ['upsertList', 1],
      ['updateList', 100],
    ]);
  });

  it('reads each writeResponse and never trusts the list-level status', async () => {
    const { c } = client((req) => ({
      xml: writeListXml(
        req.operation,
        [
          { ok: false, code: 'DUP_ENTITY', message: 'This entity already exists.' },
          { ok: true, internalId: '7' },
        ],
        true,
      ),
    }));
    const [dup, ok] = await c.add([customer(1), customer(2)]);
    expect(dup).toMatchObject({ ok: false, error: { code: 'NS_DUPLICATE', nsCode: 'DUP_ENTITY', retryable: false } });
    expect(dup?.ok === false && dup.error.record).toEqual({
      type: 'customer',
      externalId: 'C-1',
      index: 0,
      internalId: undefined,
    });
    expect(ok).toEqual({ ok: true, internalId: '7' });

    const { c: c2 } = client((req) => ({ xml: writeListXml(req.operation, [{ ok: true, internalId: '8' }], false) }));
    expect(await c2.add([customer(3)])).toEqual([{ ok: true, internalId: '8' }]);
  });

  it('refuses bad input locally, naming the record and the field, and still sends the good records', async () => {
    const { c, requests } = client(okWrites());
    const results = await c.add([
      customer(1),
      customer(2, { favouriteColour: 'teal' }),
      customer(3, { isPerson: 'maybe' }),
      customer(4, { stage: '_shark' }),
      { type: 'customerr' as never, fields: {} },
      customer(5),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, false, true]);
    const messages = results.map((r) => (r.ok ? '' : r.error.message));
    expect(messages[1]).toBe(
      'customer externalId=C-2 (input #1): field customer.favouriteColour: unknown field for listRel:Customer',
    );
    expect(messages[2]).toContain("field customer.isPerson: expected true or false, got 'maybe'");
    expect(messages[3]).toContain("field customer.stage: '_shark' is not one of");
    expect(messages[4]).toContain("unknown record type 'customerr'");
    expect(results[1]).toMatchObject({
      ok: false,
      error: { code: 'NS_VALIDATION', retryable: false, record: { index: 1 } },
    });
    expect(requests).toHaveLength(1);
    expect(recordsOf(requests[0] as never).map((r) => r.attrs.externalId)).toEqual(['C-1', 'C-5']);
  });

  it('requires an externalId for upsert and an id for update', async () => {
    const { c, requests } = client(okWrites());
    const [u] = await c.upsert([{ type: 'customer', fields: { companyName: 'x' } }]);
    const [v] = await c.update([{ type: 'customer', fields: { companyName: 'x' } }]);
    expect(u?.ok === false && u.error.message).toContain('upsert needs an externalId');
    expect(v?.ok === false && v.error.message).toContain('update needs an internalId or an externalId');
    expect(requests).toHaveLength(0);
  });

  it('a fault fails every record of its chunk only, each bound to its record', async () => {
    const { c } = client(
      (req, n) =>
        n === 1
          ? { status: 500, xml: faultXml('exceededRecordCountFault', 'MAX_RCRDS_EXCEEDED', 'Too many records') }
          : {
              xml: writeListXml(
                req.operation,
                recordsOf(req).map((_, i) => ({ ok: true, internalId: String(i + 1) })),
              ),
            },
      { concurrency: 1 },
      { addList: 2 },
    );
    const results = await c.add([customer(1), customer(2), customer(3)]);
    expect(results.map((r) => (r.ok ? 'ok' : `${r.error.code}#${r.error.record?.index}`))).toEqual([
      'NS_LIMIT_EXCEEDED#0',
      'NS_LIMIT_EXCEEDED#1',
      'ok',
    ]);
    expect(results[0]).toMatchObject({
      ok: false,
      error: { faultName: 'ExceededRecordCountFault', httpStatus: 500, retryable: false },
    });
  });

  it('retries a request refused by the concurrency limit, then succeeds', async () => {
    const { c, requests } = client((req, n) =>
      n <= 2
        ? {
            status: 500,
            xml: faultXml(
              'exceededConcurrentRequestLimitFault',
              'WS_REQUEST_BLOCKED',
              'SuiteTalk concurrent request limit exceeded. Request blocked.',
            ),
          }
        : { xml: writeListXml(req.operation, [{ ok: true, internalId: '9' }]) },
    );
    expect(await c.add([customer(1)])).toEqual([{ ok: true, internalId: '9' }]);
    expect(requests).toHaveLength(3);
    // A fresh passport (nonce) per attempt: NetSuite rejects a replayed nonce.
    const nonces = requests.map((r) => r.xml.match(/<platformCore:nonce>([^<]+)</)?.[1]);
    expect(new Set(nonces).size).toBe(3);
  });

  it('gives up after the configured attempts with a retryable NS_CONCURRENCY_LIMIT per record', async () => {
    const { c, requests } = client(
      () => ({ status: 500, xml: faultXml('exceededConcurrentRequestLimitFault', 'WS_REQUEST_BLOCKED', 'blocked') }),
      { concurrencyRetries: 2 },
    );
    const [r] = await c.add([customer(1)]);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'NS_CONCURRENCY_LIMIT', nsCode: 'WS_REQUEST_BLOCKED', retryable: true },
    });
    expect(requests).toHaveLength(2);
  });

  it('times out with NS_TIMEOUT (retryable) and maps a bare 503 to NS_UNAVAILABLE', async () => {
    const { c } = client(() => new Promise(() => undefined), { timeoutMs: 30 });
    const [r] = await c.add([customer(1)]);
    expect(r).toMatchObject({ ok: false, error: { code: 'NS_TIMEOUT', retryable: true } });
    const { c: c2 } = client(() => ({ status: 503, xml: '<html>Service Unavailable</html>' }));
    await expect(c2.get({ type: 'customer', internalId: '1' })).rejects.toMatchObject({
      code: 'NS_UNAVAILABLE',
      retryable: true,
      httpStatus: 503,
    });
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const { c } = client(
      async (req) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return {
          xml: writeListXml(
            req.operation,
            recordsOf(req).map(() => ({ ok: true, internalId: '1' })),
          ),
        };
      },
      { concurrency: 2 },
      { addList: 1 },
    );
    const results = await c.add(Array.from({ length: 8 }, (_, i) => customer(i)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(2);
  });

  it('signs each request with a passport NetSuite can verify, and logs no secret', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger({ level: 'debug', destination, secrets: [CREDS.consumerSecret, CREDS.tokenSecret] });
    const { c, requests } = client(okWrites(), { logger });
    await c.add([customer(1)]);
    const xml = requests[0]?.xml ?? '';
    const v = (tag: string) => xml.match(new RegExp(`<platformCore:${tag}[^>]*>([^<]+)<`))?.[1] ?? '';
    expect(v('account')).toBe('123456_SB1');
    expect(v('signature')).toBe(
      signTokenPassport({
        account: '123456_SB1',
        consumerKey: 'ck-1',
        tokenId: 'tid-1',
        nonce: v('nonce'),
        timestamp: v('timestamp'),
        consumerSecret: CREDS.consumerSecret,
        tokenSecret: CREDS.tokenSecret,
      }),
    );
    expect(Math.abs(Number(v('timestamp')) - Date.now() / 1000)).toBeLessThan(5);
    const log = lines.join('');
    expect(log).toContain('netsuite soap call');
    for (const secret of [CREDS.consumerSecret, CREDS.tokenSecret, v('signature')]) expect(log).not.toContain(secret);
  });

  it('escapes values through the builder (no XML injection)', async () => {
    const { c, requests } = client(okWrites());
    await c.add([customer(1, { companyName: '</listRel:companyName><listRel:isInactive>true</listRel:isInactive>' })]);
    const rec = recordsOf(requests[0] as never)[0];
    expect(textOf(child(rec, 'companyName'))).toBe(
      '</listRel:companyName><listRel:isInactive>true</listRel:isInactive>',
    );
    expect(child(rec, 'isInactive')).toBeUndefined();
  });
});

const customerRecord = (id: string, ext?: string) => ({
  '@_xsi:type': 'listRel:Customer',
  '@_internalId': id,
  ...(ext ? { '@_externalId': ext } : {}),
  'listRel:entityId': `CUST-${id}`,
  'listRel:isPerson': 'false',
  'listRel:lastModifiedDate': '2024-03-01T10:00:00.000-08:00',
  'listRel:balance': '12.5',
});

describe('SoapNetSuiteClient reads', () => {
  it('getList splits at 1000 and findByExternalIds maps RCRD_DSNT_EXIST to null', async () => {
    const { c, requests } = client((req) => ({
      xml: envelope('getListResponse', {
        readResponseList: {
          'platformCore:status': statusXml(true),
          readResponse: refsOf(req).map((ref) =>
            ref.attrs.externalId === 'missing'
              ? {
                  'platformCore:status': statusXml(false, [
                    { code: 'RCRD_DSNT_EXIST', message: 'That record does not exist.' },
                  ]),
                }
              : { 'platformCore:status': statusXml(true), record: customerRecord('5', ref.attrs.externalId) },
          ),
        },
      }),
    }));
    const found = await c.findByExternalIds('customer', ['a', 'missing', 'b']);
    expect(found.map((r) => r?.externalId ?? null)).toEqual(['a', null, 'b']);
    expect(found[0]?.fields).toMatchObject({ entityId: 'CUST-5', isPerson: false, balance: 12.5 });
    expect(found[0]?.fields.lastModifiedDate).toEqual(new Date('2024-03-01T18:00:00.000Z'));
    const reads = await c.getList(
      Array.from({ length: 1001 }, (_, i) => ({ type: 'customer' as const, internalId: String(i + 1) })),
    );
    expect(reads).toHaveLength(1001);
    expect(requests.slice(1).map((r) => refsOf(r).length)).toEqual([1000, 1]);
  });

  it('findByExternalIds throws other per-item errors', async () => {
    const { c } = client(() => ({
      xml: envelope('getListResponse', {
        readResponseList: {
          'platformCore:status': statusXml(true),
          readResponse: [
            { 'platformCore:status': statusXml(false, [{ code: 'INSUFFICIENT_PERMISSION', message: 'no' }]) },
          ],
        },
      }),
    }));
    await expect(c.findByExternalIds('customer', ['a'])).rejects.toMatchObject({ code: 'NS_PERMISSION' });
  });

  it('search pages lazily with searchMoreWithId', async () => {
    const { c, requests } = client((req) => {
      const pageIndex = req.operation === 'search' ? 1 : Number(textOf(child(req.body, 'pageIndex')));
      return {
        xml: envelope(`${req.operation}Response`, {
          'platformCore:searchResult': {
            'platformCore:status': statusXml(true),
            'platformCore:totalRecords': '12',
            'platformCore:pageSize': '5',
            'platformCore:totalPages': '3',
            'platformCore:pageIndex': String(pageIndex),
            'platformCore:searchId': 'WEBSERVICES_123456_abc',
            'platformCore:recordList': {
              'platformCore:record': Array.from({ length: pageIndex === 3 ? 2 : 5 }, (_, i) =>
                customerRecord(`${pageIndex}${i}`),
              ),
            },
          },
        }),
      };
    });
    const pages = [];
    for await (const page of c.search({
      type: 'customer',
      modifiedSince: new Date('2024-01-01T00:00:00Z'),
      pageSize: 5,
    }))
      pages.push(page);
    expect(pages.map((p) => [p.pageIndex, p.records.length, p.totalRecords])).toEqual([
      [1, 5, 12],
      [2, 5, 12],
      [3, 2, 12],
    ]);
    expect(requests.map((r) => r.operation)).toEqual(['search', 'searchMoreWithId', 'searchMoreWithId']);
    expect(textOf(child(requests[1]?.body, 'searchId'))).toBe('WEBSERVICES_123456_abc');
    expect(requests[0]?.xml).toContain('<platformMsgs:pageSize>5</platformMsgs:pageSize>');
    const basic = child(child(requests[0]?.body, 'searchRecord'), 'basic');
    expect(child(basic, 'lastModifiedDate')?.attrs.operator).toBe('onOrAfter');
    await expect(c.search({ type: 'customer', pageSize: 4 })[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      code: 'NS_VALIDATION',
    });
    await expect(c.search({ type: 'customer', tranId: 'SO1' })[Symbol.asyncIterator]().next()).rejects.toThrow(
      /transaction records only/,
    );
  });

  it('initialize asks for an invoice from a sales order and returns the prefilled record', async () => {
    const { c, requests } = client(() => ({
      xml: envelope('initializeResponse', {
        readResponse: {
          'platformCore:status': statusXml(true),
          record: {
            '@_xsi:type': 'tranSales:Invoice',
            'tranSales:entity': { '@_internalId': '42', 'platformCore:name': 'Acme' },
            'tranSales:createdFrom': { '@_internalId': '77' },
            'tranSales:itemList': {
              'tranSales:item': [
                { 'tranSales:item': { '@_internalId': '12' }, 'tranSales:quantity': '2.0', 'tranSales:rate': '10.00' },
              ],
            },
          },
        },
      }),
    }));
    const inv = await c.initialize({ type: 'invoice', reference: { type: 'salesOrder', internalId: '77' } });
    expect(inv.type).toBe('invoice');
    expect(inv.fields).toMatchObject({
      entity: { internalId: '42', name: 'Acme' },
      createdFrom: { internalId: '77' },
      itemList: { item: [{ item: { internalId: '12' }, quantity: 2, rate: '10.00' }] },
    });
    const init = child(requests[0]?.body, 'initializeRecord');
    expect(textOf(child(init, 'type'))).toBe('invoice');
    expect(child(init, 'reference')?.attrs).toEqual({ type: 'salesOrder', internalId: '77' });
  });

  it('get throws the record-level error; governance reads the account limit', async () => {
    const { c } = client((req) =>
      req.operation === 'get'
        ? {
            xml: envelope('getResponse', {
              readResponse: {
                'platformCore:status': statusXml(false, [
                  { code: 'RCRD_DSNT_EXIST', message: 'That record does not exist.' },
                ]),
              },
            }),
          }
        : {
            xml: envelope('getAccountGovernanceInfoResponse', {
              'platformCore:getAccountGovernanceInfoResult': {
                'platformCore:status': statusXml(true),
                'platformCore:accountConcurrencyLimit': '15',
                'platformCore:unallocatedConcurrencyLimit': '10',
              },
            }),
          },
    );
    await expect(c.get({ type: 'invoice', internalId: '9' })).rejects.toMatchObject({
      code: 'NS_NOT_FOUND',
      record: { type: 'invoice', internalId: '9' },
    });
    expect(await c.governance()).toEqual({ accountConcurrencyLimit: 15, unallocatedConcurrencyLimit: 10 });
  });

  it('deleteList sends RecordRefs with the record type', async () => {
    const { c, requests } = client(okWrites());
    const r = await c.delete([
      { type: 'salesOrder', internalId: '5' },
      { type: 'customer', externalId: 'C-1' },
      { type: 'customer' },
    ]);
    expect(r.map((x) => x.ok)).toEqual([true, true, false]);
    expect(refsOf(requests[0] as never).map((n) => n.attrs)).toEqual([
      { 'xsi:type': 'platformCore:RecordRef', internalId: '5', type: 'salesOrder' },
      { 'xsi:type': 'platformCore:RecordRef', externalId: 'C-1', type: 'customer' },
    ]);
    expect(childrenNamed(requests[0]?.body, 'baseRef')).toHaveLength(2);
  });
});
