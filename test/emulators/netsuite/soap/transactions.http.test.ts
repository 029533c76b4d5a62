import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readResults, startHarness, writeResults, xml, type Harness } from './test-harness.js';

/** Payments, vendor bills, journal entries and every custom-field type, written over SOAP. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emu.close();
});
afterEach(() => {
  expect(h.emu.account.problems).toEqual([]);
});

const ref = (id: string) => ({ '@_internalId': id });

async function add(record: Record<string, unknown>) {
  return writeResults(await h.call('add', { 'platformMsgs:record': record }), 'add')[0]!;
}

describe('transactions over SOAP', () => {
  it('a customerPayment applyList pays an invoice down; over-applying is refused per record', async () => {
    const cust = (await add(xml.customer({ companyName: 'Payer Co' }))).internalId!;
    const item = (await add(xml.item({ itemId: 'PAY-ITEM', rate: 40, kind: 'NonInventorySaleItem' }))).internalId!;
    const inv = await add({
      '@_xsi:type': 'tranSales:Invoice',
      'tranSales:entity': ref(cust),
      'tranSales:itemList': { 'tranSales:item': [{ 'tranSales:item': ref(item), 'tranSales:quantity': '2.0' }] },
    });
    expect(inv.ok).toBe(true);
    const payment = (amount: string) => ({
      '@_xsi:type': 'tranCust:CustomerPayment',
      'tranCust:customer': ref(cust),
      'tranCust:payment': amount,
      'tranCust:applyList': {
        'tranCust:apply': [{ 'tranCust:apply': 'true', 'tranCust:doc': inv.internalId, 'tranCust:amount': amount }],
      },
    });
    expect((await add(payment('30.0'))).ok).toBe(true);
    const invoice = readResults(
      await h.call('get', { 'platformMsgs:baseRef': xml.recordRef('invoice', { internalId: inv.internalId }) }),
      'get',
    )[0]!;
    expect(invoice.record).toMatchObject({
      total: '80.0',
      amountPaid: '30.0',
      amountRemaining: '50.0',
      status: 'Open',
    });
    const over = await add(payment('60.0'));
    expect(over).toMatchObject({ ok: false, code: 'USER_ERROR' });
    expect(over.message).toMatch(/only 50 is due/);
    expect((await add(payment('50.0'))).ok).toBe(true);
    const paid = readResults(
      await h.call('get', { 'platformMsgs:baseRef': xml.recordRef('invoice', { internalId: inv.internalId }) }),
      'get',
    )[0]!;
    expect(paid.record).toMatchObject({ amountRemaining: '0.0', status: 'Paid In Full' });
  });

  it('vendor bills need a vendor and a line; journal entries must balance', async () => {
    const vendor = (
      await add({ '@_xsi:type': 'listRel:Vendor', 'listRel:companyName': 'Ink Ltd', 'listRel:subsidiary': ref('1') })
    ).internalId!;
    const bill = (lines: unknown[]) => ({
      '@_xsi:type': 'tranPurch:VendorBill',
      'tranPurch:entity': ref(vendor),
      ...(lines.length ? { 'tranPurch:expenseList': { 'tranPurch:expense': lines } } : {}),
    });
    expect(await add(bill([]))).toMatchObject({ ok: false, code: 'USER_ERROR' });
    const ok = await add(bill([{ 'tranPurch:account': ref('67'), 'tranPurch:amount': '12.5' }]));
    expect(ok.ok).toBe(true);
    expect(h.emu.account.state.get('vendorBill', { internalId: ok.internalId })).toMatchObject({
      userTotal: 12.5,
      status: 'Open',
    });
    const je = (credit: string) => ({
      '@_xsi:type': 'tranGeneral:JournalEntry',
      'tranGeneral:subsidiary': ref('1'),
      'tranGeneral:lineList': {
        'tranGeneral:line': [
          { 'tranGeneral:account': ref('1'), 'tranGeneral:debit': '100.0' },
          { 'tranGeneral:account': ref('54'), 'tranGeneral:credit': credit },
        ],
      },
    });
    expect(await add(je('99.0'))).toMatchObject({ ok: false, code: 'JE_AMOUNTS_MUST_BALANCE' });
    expect((await add(je('100.0'))).ok).toBe(true);
  });

  it('custom fields of every type round-trip (string, boolean, long, double, date, select, multi-select)', async () => {
    const cf = (type: string, scriptId: string, value: unknown) => ({
      '@_xsi:type': `platformCore:${type}`,
      '@_scriptId': scriptId,
      'platformCore:value': value,
    });
    const r = await add(
      xml.customer({
        companyName: 'Custom Fields Co',
        externalId: 'CF-1',
        extra: {
          'listRel:customFieldList': {
            'platformCore:customField': [
              cf('StringCustomFieldRef', 'custentity_s', 'text & <more>'),
              cf('BooleanCustomFieldRef', 'custentity_b', 'true'),
              cf('LongCustomFieldRef', 'custentity_l', '42'),
              cf('DoubleCustomFieldRef', 'custentity_d', '3.5'),
              cf('DateCustomFieldRef', 'custentity_dt', '2024-05-01T10:00:00.000Z'),
              cf('SelectCustomFieldRef', 'custentity_sel', { '@_internalId': '7', '@_typeId': '3' }),
              cf('MultiSelectCustomFieldRef', 'custentity_ms', [
                { '@_internalId': '1', '@_typeId': '3' },
                { '@_internalId': '2', '@_typeId': '3' },
              ]),
            ],
          },
        },
      }),
    );
    expect(r.ok).toBe(true);
    const saved = h.emu.account.state.get('customer', { externalId: 'CF-1' });
    expect((saved.customFieldList as { customField: unknown[] }).customField).toEqual([
      { xsiType: 'StringCustomFieldRef', scriptId: 'custentity_s', value: 'text & <more>' },
      { xsiType: 'BooleanCustomFieldRef', scriptId: 'custentity_b', value: true },
      { xsiType: 'LongCustomFieldRef', scriptId: 'custentity_l', value: 42 },
      { xsiType: 'DoubleCustomFieldRef', scriptId: 'custentity_d', value: 3.5 },
      { xsiType: 'DateCustomFieldRef', scriptId: 'custentity_dt', value: '2024-05-01T10:00:00.000Z' },
      { xsiType: 'SelectCustomFieldRef', scriptId: 'custentity_sel', value: { internalId: '7', typeId: '3' } },
      {
        xsiType: 'MultiSelectCustomFieldRef',
        scriptId: 'custentity_ms',
        value: [
          { internalId: '1', typeId: '3' },
          { internalId: '2', typeId: '3' },
        ],
      },
    ]);
    // update merges custom fields by scriptId
    const upd = await h.call('update', {
      'platformMsgs:record': xml.customer({
        internalId: r.internalId,
        companyName: 'Custom Fields Co',
        subsidiary: null,
        extra: {
          'listRel:customFieldList': { 'platformCore:customField': [cf('LongCustomFieldRef', 'custentity_l', '43')] },
        },
      }),
    });
    expect(writeResults(upd, 'update')[0]!.ok).toBe(true);
    const g = await h.call('get', { 'platformMsgs:baseRef': xml.recordRef('customer', { internalId: r.internalId }) });
    expect(g.xml).toContain('<platformCore:value>43</platformCore:value>');
    expect(g.xml).toContain('<platformCore:value>text &amp; &lt;more&gt;</platformCore:value>');
    expect(g.xml).toContain('<platformCore:value>3.5</platformCore:value>');
  });
});
