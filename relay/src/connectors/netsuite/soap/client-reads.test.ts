import { describe, expect, it } from 'vitest';
import { client, okWrites } from './client.test-support.js';
import { envelope, refsOf, statusXml } from './fake-netsuite.test-support.js';
import { child, childrenNamed, textOf } from './xml-tree.js';

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
