import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readResults, startHarness, writeResults, xml, type Harness } from './test-harness.js';
import { faultOf } from './test-client.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emu.close();
});
afterEach(() => {
  // Every response the emulator sent was checked against the XSDs by the emulator itself.
  expect(h.emu.account.problems).toEqual([]);
});

const IGNORE_RO = { 'platformMsgs:preferences': { 'platformMsgs:ignoreReadOnlyFields': 'true' } };

async function addCustomer(name: string, externalId?: string) {
  const r = await h.call('add', { 'platformMsgs:record': xml.customer({ companyName: name, externalId }) });
  const [w] = writeResults(r, 'add');
  expect(w!.ok).toBe(true);
  return w!.internalId!;
}

describe('SOAP write operations', () => {
  it('add → HTTP 200 writeResponse with the new internalId; get reads it back in XSD order', async () => {
    const r = await h.call('add', {
      'platformMsgs:record': xml.customer({
        companyName: 'Acme & Sons <EU>',
        externalId: 'SF-A1',
        email: 'ap@acme.example',
      }),
    });
    expect(r.status).toBe(200);
    expect(r.xml).toContain('<platformMsgs:nsId>WEBSERVICES_1234567_SB1_');
    const [w] = writeResults(r, 'add');
    expect(w).toMatchObject({ ok: true, externalId: 'SF-A1', type: 'customer' });
    const g = await h.call('get', { 'platformMsgs:baseRef': xml.recordRef('customer', { externalId: 'SF-A1' }) });
    const [read] = readResults(g, 'get');
    expect(read!.ok).toBe(true);
    expect(read!.record).toMatchObject({
      '@_internalId': w!.internalId,
      companyName: 'Acme & Sons <EU>',
      email: 'ap@acme.example',
      balance: '0.0',
    });
    expect(g.xml).toContain('Acme &amp; Sons &lt;EU&gt;');
  });

  it('per-record failures are HTTP 200 isSuccess="false" with statusDetail (DUP_ENTITY, INVALID_KEY_OR_REF, USER_ERROR, DUP_RCRD)', async () => {
    await addCustomer('Dup Co', 'SF-DUP');
    const r = await h.call('addList', {
      'platformMsgs:record': [
        xml.customer({ companyName: 'Dup Co' }),
        xml.customer({ companyName: 'Bad Sub', subsidiary: '42' }),
        xml.customer({ companyName: 'No Sub', subsidiary: null }),
        xml.customer({ companyName: 'Other', externalId: 'SF-DUP' }),
        xml.customer({ companyName: 'Fine Co', externalId: 'SF-FINE' }),
      ],
    });
    expect(r.status).toBe(200);
    const results = writeResults(r, 'addList');
    expect(results.map((x) => x.code ?? 'OK')).toEqual([
      'DUP_ENTITY',
      'INVALID_KEY_OR_REF',
      'USER_ERROR',
      'DUP_RCRD',
      'OK',
    ]);
    expect(results[0]!.message).toBe('This entity already exists.');
    expect(results[2]!.message).toBe('Please enter value(s) for: Subsidiary');
    expect(results[0]!.internalId).toBeUndefined();
    expect(results[4]!.externalId).toBe('SF-FINE');
  });

  it('update and upsert; read-only fields need ignoreReadOnlyFields', async () => {
    const id = await addCustomer('Update Me', 'SF-UPD');
    const u = await h.call('update', {
      'platformMsgs:record': xml.customer({ internalId: id, companyName: 'Updated Ltd', subsidiary: null }),
    });
    expect(writeResults(u, 'update')[0]).toMatchObject({ ok: true, internalId: id });
    const ro = xml.customer({
      internalId: id,
      companyName: 'Updated Ltd',
      subsidiary: null,
      extra: { 'listRel:balance': '5.0' },
    });
    const denied = await h.call('update', { 'platformMsgs:record': ro });
    expect(writeResults(denied, 'update')[0]).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_PERMISSION',
      internalId: id,
    });
    const allowed = await h.call('update', { 'platformMsgs:record': ro }, { headers: IGNORE_RO });
    expect(writeResults(allowed, 'update')[0]!.ok).toBe(true);
    const missing = await h.call('update', {
      'platformMsgs:record': xml.customer({ internalId: '999999', companyName: 'Ghost', subsidiary: null }),
    });
    expect(writeResults(missing, 'update')[0]).toMatchObject({
      ok: false,
      code: 'RCRD_DSNT_EXIST',
      internalId: '999999',
    });

    const up1 = await h.call('upsert', {
      'platformMsgs:record': xml.customer({ companyName: 'Upsert Co', externalId: 'SF-UPS' }),
    });
    const up2 = await h.call('upsert', {
      'platformMsgs:record': xml.customer({ companyName: 'Upsert Co 2', externalId: 'SF-UPS', subsidiary: null }),
    });
    expect(writeResults(up2, 'upsert')[0]!.internalId).toBe(writeResults(up1, 'upsert')[0]!.internalId);
    const noExt = await h.call('upsert', { 'platformMsgs:record': xml.customer({ companyName: 'No Ext' }) });
    expect(writeResults(noExt, 'upsert')[0]).toMatchObject({ ok: false, code: 'EXTERNALID_REQD' });
  });

  it('delete and deleteList, one writeResponse per input in order', async () => {
    const a = await addCustomer('Delete A');
    const b = await addCustomer('Delete B', 'SF-DEL-B');
    const d = await h.call('delete', { 'platformMsgs:baseRef': xml.recordRef('customer', { internalId: a }) });
    expect(writeResults(d, 'delete')[0]).toMatchObject({ ok: true, internalId: a, type: 'customer' });
    const dl = await h.call('deleteList', {
      'platformMsgs:baseRef': [
        xml.recordRef('customer', { internalId: a }),
        xml.recordRef('customer', { externalId: 'SF-DEL-B' }),
      ],
    });
    const results = writeResults(dl, 'deleteList');
    expect(results.map((x) => x.code ?? 'OK')).toEqual(['RCRD_DSNT_EXIST', 'OK']);
    expect(results[0]!.internalId).toBe(a);
    expect(h.emu.account.state.find('customer', { internalId: b })).toBeUndefined();
  });
});

describe('SOAP list limits (ExceededRecordCountFault over the limit, nothing written)', () => {
  const many = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => xml.customer({ companyName: `${prefix} ${i}`, externalId: `${prefix}-${i}` }));

  it('addList: 200 accepted, 201 refused', async () => {
    const ok = await h.call('addList', { 'platformMsgs:record': many(200, 'AL') });
    const results = writeResults(ok, 'addList');
    expect(results).toHaveLength(200);
    expect(results.every((x) => x.ok)).toBe(true);
    const before = h.emu.account.state.list('customer').length;
    const over = await h.call('addList', { 'platformMsgs:record': many(201, 'AX') });
    expect(over.status).toBe(500);
    expect(faultOf(over)).toMatchObject({ element: 'exceededRecordCountFault', code: 'MAX_RCRDS_EXCEEDED' });
    expect(h.emu.account.state.list('customer').length).toBe(before);
  });

  it('updateList and upsertList: 100 accepted, 101 refused', async () => {
    const up = await h.call('upsertList', { 'platformMsgs:record': many(100, 'UL') });
    expect(writeResults(up, 'upsertList')).toHaveLength(100);
    const over = await h.call('upsertList', { 'platformMsgs:record': many(101, 'UL') });
    expect(faultOf(over).code).toBe('MAX_RCRDS_EXCEEDED');
    const ids = writeResults(up, 'upsertList').map((x) => x.internalId!);
    const updates = ids.map((id, i) =>
      xml.customer({ internalId: id, companyName: `UL renamed ${i}`, subsidiary: null }),
    );
    const upd = await h.call('updateList', { 'platformMsgs:record': updates });
    expect(writeResults(upd, 'updateList').every((x) => x.ok)).toBe(true);
    const over2 = await h.call('updateList', { 'platformMsgs:record': [...updates, updates[0]] });
    expect(faultOf(over2).code).toBe('MAX_RCRDS_EXCEEDED');
  });

  it('getList: 1000 accepted (missing ones RCRD_DSNT_EXIST), 1001 refused; deleteList 201 refused', async () => {
    const refs = Array.from({ length: 1000 }, (_, i) => xml.recordRef('customer', { internalId: String(100 + i) }));
    const r = await h.call('getList', { 'platformMsgs:baseRef': refs });
    const results = readResults(r, 'getList');
    expect(results).toHaveLength(1000);
    expect(results.some((x) => x.ok)).toBe(true);
    expect(results.find((x) => !x.ok)?.code).toBe('RCRD_DSNT_EXIST');
    const over = await h.call('getList', { 'platformMsgs:baseRef': [...refs, refs[0]] });
    expect(faultOf(over)).toMatchObject({ element: 'exceededRecordCountFault', code: 'MAX_RCRDS_EXCEEDED' });
    const del = await h.call('deleteList', { 'platformMsgs:baseRef': refs.slice(0, 201) });
    expect(faultOf(del).code).toBe('MAX_RCRDS_EXCEEDED');
  });
});

describe('SOAP search and paging', () => {
  it('pages with searchMoreWithId, honours pageSize 5..1000 and filters by the basic fields', async () => {
    for (let i = 0; i < 12; i++) await addCustomer(`Paging ${String(i).padStart(2, '0')}`, `PG-${i}`);
    const prefs = (pageSize: number, bodyFieldsOnly = true) => ({
      'platformMsgs:searchPreferences': {
        'platformMsgs:bodyFieldsOnly': String(bodyFieldsOnly),
        'platformMsgs:pageSize': String(pageSize),
      },
    });
    const criteria = {
      'platformMsgs:searchRecord': {
        '@_xsi:type': 'listRel:CustomerSearch',
        'listRel:basic': {
          'platformCommon:entityId': { '@_operator': 'startsWith', 'platformCore:searchValue': 'Paging' },
        },
      },
    };
    const r = await h.call('search', criteria, { headers: prefs(5) });
    const res = r.body.searchResponse.searchResult;
    expect(res).toMatchObject({ totalRecords: '12', pageSize: '5', totalPages: '3', pageIndex: '1' });
    expect(res.recordList.record).toHaveLength(5);
    const searchId = res.searchId as string;
    const p3 = await h.call('searchMoreWithId', { 'platformMsgs:searchId': searchId, 'platformMsgs:pageIndex': '3' });
    const r3 = p3.body.searchMoreWithIdResponse.searchResult;
    expect(r3.pageIndex).toBe('3');
    expect(r3.recordList.record.map((x: { companyName: string }) => x.companyName)).toEqual(['Paging 10', 'Paging 11']);
    const bad = await h.call('searchMoreWithId', { 'platformMsgs:searchId': searchId, 'platformMsgs:pageIndex': '4' });
    expect(faultOf(bad).code).toBe('INVALID_PAGE_INDEX');
    const tooSmall = await h.call('search', criteria, { headers: prefs(4) });
    expect(tooSmall.body.searchResponse.searchResult.status.statusDetail[0].code).toBe('INVALID_SEARCH_PAGE_SIZE');

    const byExt = await h.call('search', {
      'platformMsgs:searchRecord': {
        '@_xsi:type': 'listRel:CustomerSearch',
        'listRel:basic': {
          'platformCommon:externalId': {
            '@_operator': 'anyOf',
            'platformCore:searchValue': [{ '@_externalId': 'PG-3' }, { '@_externalId': 'PG-4' }],
          },
        },
      },
    });
    expect(byExt.body.searchResponse.searchResult.totalRecords).toBe('2');
    const since = new Date(Date.now() - 60_000).toISOString();
    const byDate = await h.call('search', {
      'platformMsgs:searchRecord': {
        '@_xsi:type': 'listRel:CustomerSearch',
        'listRel:basic': {
          'platformCommon:lastModifiedDate': { '@_operator': 'onOrAfter', 'platformCore:searchValue': since },
        },
      },
    });
    expect(Number(byDate.body.searchResponse.searchResult.totalRecords)).toBeGreaterThanOrEqual(12);
  });

  it('transaction search by type and status; bodyFieldsOnly drops sublists', async () => {
    const cust = await addCustomer('Search Buyer');
    const item = writeResults(
      await h.call('add', { 'platformMsgs:record': xml.item({ itemId: 'SRCH-ITEM', rate: 5 }) }),
      'add',
    )[0]!.internalId!;
    const so = await h.call('add', {
      'platformMsgs:record': xml.salesOrder({ entity: cust, lines: [{ item, quantity: 2 }] }),
    });
    expect(writeResults(so, 'add')[0]!.ok).toBe(true);
    const search = (bodyFieldsOnly: string) =>
      h.call(
        'search',
        {
          'platformMsgs:searchRecord': {
            '@_xsi:type': 'tranSales:TransactionSearch',
            'tranSales:basic': {
              'platformCommon:status': {
                '@_operator': 'anyOf',
                'platformCore:searchValue': '_salesOrderPendingFulfillment',
              },
              'platformCommon:type': { '@_operator': 'anyOf', 'platformCore:searchValue': '_salesOrder' },
            },
          },
        },
        { headers: { 'platformMsgs:searchPreferences': { 'platformMsgs:bodyFieldsOnly': bodyFieldsOnly } } },
      );
    const body = (await search('true')).body.searchResponse.searchResult.recordList.record;
    expect(body.length).toBeGreaterThanOrEqual(1);
    expect(body[0].itemList).toBeUndefined();
    expect(body[0]['@_type']).toBe('tranSales:SalesOrder'); // xsi:type (prefix stripped by the test parser)
    const full = (await search('false')).body.searchResponse.searchResult.recordList.record;
    expect(full[0].itemList.item).toHaveLength(1);
  });
});

describe('SOAP initialize and order-to-cash', () => {
  it('initialize salesOrder → invoice, add it, the order becomes fully billed; invoice → customerPayment', async () => {
    const cust = await addCustomer('O2C Buyer', 'SF-O2C');
    const item = writeResults(
      await h.call('add', {
        'platformMsgs:record': xml.item({ itemId: 'O2C-ITEM', rate: 12.5, kind: 'ServiceSaleItem' }),
      }),
      'add',
    )[0]!.internalId!;
    const so = writeResults(
      await h.call('add', { 'platformMsgs:record': xml.salesOrder({ entity: cust, lines: [{ item, quantity: 4 }] }) }),
      'add',
    )[0]!;
    const init = await h.call('initialize', {
      'platformMsgs:initializeRecord': {
        'platformCore:type': 'invoice',
        'platformCore:reference': { '@_type': 'salesOrder', '@_internalId': so.internalId },
      },
    });
    const [draft] = readResults(init, 'initialize');
    expect(draft!.ok).toBe(true);
    expect(draft!.record).toMatchObject({ '@_type': 'tranSales:Invoice', total: '50.0' });
    // send the initialized invoice straight back with add (the XML we received, re-rooted as a record)
    const invoiceXml = /<record [^>]*>([\s\S]*)<\/record>/.exec(init.xml)![1]!;
    expect(invoiceXml).toContain('<tranSales:createdFrom');
    const addInvoice = await fetch(`${h.emu.url}/services/NetSuitePort_2023_2`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"add"' },
      body: (await import('./test-client.js'))
        .envelope(
          'add',
          { 'platformMsgs:record': { '@_xsi:type': 'tranSales:Invoice', '#text': '__BODY__' } },
          { keys: h.keys, headers: IGNORE_RO },
        )
        .replace('__BODY__', invoiceXml),
    });
    const addText = await addInvoice.text();
    expect(addInvoice.status).toBe(200);
    expect(addText).toContain('isSuccess="true"');
    const invoiceId = /baseRef[^>]*internalId="(\d+)"/.exec(addText)![1]!;
    const order = readResults(
      await h.call('get', { 'platformMsgs:baseRef': xml.recordRef('salesOrder', { internalId: so.internalId }) }),
      'get',
    )[0]!;
    expect(order.record).toMatchObject({ orderStatus: '_fullyBilled', status: 'Billed' });
    const customer = readResults(
      await h.call('get', { 'platformMsgs:baseRef': xml.recordRef('customer', { internalId: cust }) }),
      'get',
    )[0]!;
    expect(customer.record).toMatchObject({ balance: '50.0', unbilledOrders: '0.0' });

    const payInit = await h.call('initialize', {
      'platformMsgs:initializeRecord': {
        'platformCore:type': 'customerPayment',
        'platformCore:reference': { '@_type': 'invoice', '@_internalId': invoiceId },
      },
    });
    expect(readResults(payInit, 'initialize')[0]!.record).toMatchObject({ payment: '50.0' });
    const again = await h.call('initialize', {
      'platformMsgs:initializeRecord': {
        'platformCore:type': 'invoice',
        'platformCore:reference': { '@_type': 'salesOrder', '@_internalId': so.internalId },
      },
    });
    expect(readResults(again, 'initialize')[0]).toMatchObject({ ok: false, code: 'INVALID_INITIALIZE_REF' });
  });

  it('getAccountGovernanceInfo reports the account concurrency limit', async () => {
    const r = await h.call('getAccountGovernanceInfo', {});
    expect(r.body.getAccountGovernanceInfoResponse.getAccountGovernanceInfoResult).toMatchObject({
      accountConcurrencyLimit: '5',
      unallocatedConcurrencyLimit: '5',
    });
  });

  it('sales order business rules over SOAP: entity must exist, at least one line', async () => {
    const item = writeResults(
      await h.call('add', { 'platformMsgs:record': xml.item({ itemId: 'RULE-ITEM', rate: 1 }) }),
      'add',
    )[0]!.internalId!;
    const r = await h.call('addList', {
      'platformMsgs:record': [
        xml.salesOrder({ entity: '999999', lines: [{ item, quantity: 1 }] }),
        xml.salesOrder({ entity: await addCustomer('Rule Buyer'), lines: [{ item: '888888', quantity: 1 }] }),
      ],
    });
    expect(writeResults(r, 'addList').map((x) => x.message)).toEqual([
      'Invalid entity reference key 999999.',
      'Invalid item reference key 888888.',
    ]);
  });
});
