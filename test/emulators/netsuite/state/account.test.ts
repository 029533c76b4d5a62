import { describe, expect, it } from 'vitest';
import { AccountState } from './account.js';
import { isNsRecordError } from './errors.js';
import type { NsRecord, RecordSavedEvent } from './types.js';

function account(start = '2024-03-01T12:00:00.000Z') {
  let now = new Date(start).getTime();
  const state = new AccountState({ accountId: '1234567_SB1', clock: () => new Date(now) });
  return { state, advance: (ms: number) => (now += ms) };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isNsRecordError(e)) return e.code;
    throw e;
  }
  return undefined;
}

const sub = { internalId: '1' };

function seedBasics(state: AccountState) {
  const customer = state.add('customer', {
    externalId: 'SF-001',
    companyName: 'Acme Corp',
    subsidiary: sub,
    terms: { internalId: '2' },
  });
  const widget = state.add('inventoryItem', { itemId: 'WIDGET', rate: 10 });
  const service = state.add('serviceSaleItem', { itemId: 'SETUP', rate: 100 });
  return { customer, widget, service };
}

describe('AccountState records', () => {
  it('allocates internalIds per family, keeps externalId unique per type and maintains lastModifiedDate', () => {
    const { state, advance } = account();
    const { customer, widget } = seedBasics(state);
    expect(customer.internalId).toBe('101');
    expect(widget.internalId).toBe('501');
    expect(customer.entityId).toBe('Acme Corp');
    expect(codeOf(() => state.add('customer', { externalId: 'SF-001', companyName: 'Other', subsidiary: sub }))).toBe(
      'DUP_RCRD',
    );
    // the same externalId on another type is fine
    expect(state.add('vendor', { externalId: 'SF-001', companyName: 'Supplier', subsidiary: sub }).internalId).toBe(
      '102',
    );
    advance(5000);
    const updated = state.update('customer', { internalId: customer.internalId, email: 'ap@acme.example' });
    expect(updated.email).toBe('ap@acme.example');
    expect(Date.parse(String(updated.lastModifiedDate))).toBeGreaterThan(Date.parse(String(customer.lastModifiedDate)));
    expect(state.get('customer', { externalId: 'SF-001' }).internalId).toBe(customer.internalId);
    // update by internalId can set a new externalId, unique per type
    state.update('customer', { internalId: customer.internalId, externalId: 'SF-001-B' });
    expect(state.find('customer', { externalId: 'SF-001' })).toBeUndefined();
    const other = state.add('customer', { companyName: 'Other Co', subsidiary: sub, externalId: 'SF-X' });
    expect(codeOf(() => state.update('customer', { internalId: other.internalId, externalId: 'SF-001-B' }))).toBe(
      'DUP_RCRD',
    );
  });

  it('enforces required fields, subsidiary under OneWorld, DUP_ENTITY and INVALID_KEY_OR_REF', () => {
    const { state } = account();
    seedBasics(state);
    expect(codeOf(() => state.add('customer', { companyName: 'No Sub' }))).toBe('USER_ERROR');
    expect(codeOf(() => state.add('customer', { subsidiary: sub }))).toBe('USER_ERROR');
    expect(codeOf(() => state.add('customer', { companyName: 'Acme Corp', subsidiary: sub }))).toBe('DUP_ENTITY');
    expect(codeOf(() => state.add('customer', { companyName: 'X', subsidiary: { internalId: '99' } }))).toBe(
      'INVALID_KEY_OR_REF',
    );
    expect(
      codeOf(() =>
        state.add('salesOrder', {
          entity: { internalId: '9999' },
          itemList: { item: [{ item: { internalId: '501' } }] },
        }),
      ),
    ).toBe('INVALID_KEY_OR_REF');
    expect(codeOf(() => state.add('salesOrder', { entity: { internalId: '101' }, itemList: { item: [] } }))).toBe(
      'USER_ERROR',
    );
    expect(codeOf(() => state.add('inventoryItem', { itemId: 'WIDGET' }))).toBe('DUP_ITEM');
    const off = new AccountState({ oneWorld: false });
    expect(off.add('customer', { companyName: 'No Sub Needed' }).internalId).toBeDefined();
  });

  it('detects stale writers (RCRD_HAS_BEEN_CHANGED) by version and by lastModifiedDate', () => {
    const { state, advance } = account();
    const { customer } = seedBasics(state);
    const seen = state.stored('customer', { internalId: customer.internalId })!;
    advance(1000);
    state.update('customer', { internalId: customer.internalId, phone: '555-0100' });
    expect(
      codeOf(() =>
        state.update('customer', { internalId: customer.internalId, phone: 'x' }, { expectedVersion: seen.version }),
      ),
    ).toBe('RCRD_HAS_BEEN_CHANGED');
    expect(
      codeOf(() =>
        state.update('customer', {
          internalId: customer.internalId,
          phone: 'x',
          lastModifiedDate: customer.lastModifiedDate,
        }),
      ),
    ).toBe('RCRD_HAS_BEEN_CHANGED');
  });

  it('locks records on demand', () => {
    const { state } = account();
    const { customer } = seedBasics(state);
    state.lockRecord('customer', customer.internalId!);
    expect(codeOf(() => state.update('customer', { internalId: customer.internalId, phone: '1' }))).toBe(
      'RCRD_LOCKED_BY_WF',
    );
    state.unlockRecord('customer', customer.internalId!);
    expect(state.update('customer', { internalId: customer.internalId, phone: '1' }).phone).toBe('1');
  });

  it('upsert needs externalId and updates by it', () => {
    const { state } = account();
    seedBasics(state);
    expect(codeOf(() => state.upsert('customer', { companyName: 'Z', subsidiary: sub }))).toBe('EXTERNALID_REQD');
    const first = state.upsert('customer', { externalId: 'SF-9', companyName: 'Nine', subsidiary: sub });
    const second = state.upsert('customer', { externalId: 'SF-9', companyName: 'Nine Ltd' });
    expect(second.internalId).toBe(first.internalId);
    expect(second.companyName).toBe('Nine Ltd');
  });
});

describe('AccountState hooks', () => {
  it('async hooks of consecutive saves run one save after the other (afterSubmit order = save order)', async () => {
    const { state } = account();
    const log: string[] = [];
    state.onRecordSaved.push(async (e) => {
      log.push(`start ${e.operation}`);
      await new Promise((r) => setTimeout(r, e.operation === 'create' ? 30 : 1));
      log.push(`end ${e.operation}`);
    });
    const c = state.add('customer', { companyName: 'Hooked', subsidiary: sub });
    expect(log).toEqual(['start create']); // the first save's hook starts synchronously
    state.update('customer', { internalId: c.internalId, phone: '1' });
    state.delete('customer', { internalId: c.internalId });
    await state.idle();
    expect(log).toEqual(['start create', 'end create', 'start edit', 'end edit', 'start delete', 'end delete']);
  });
});

describe('AccountState order-to-cash rules', () => {
  it('progresses a sales order through billing, derives invoice totals, payments and customer balances', () => {
    const { state, advance } = account();
    const { customer, widget, service } = seedBasics(state);
    const so = state.add('salesOrder', {
      entity: { internalId: customer.internalId },
      itemList: {
        item: [
          { item: { internalId: widget.internalId }, quantity: 3 },
          { item: { internalId: service.internalId }, quantity: 1 },
        ],
      },
    });
    expect(so.orderStatus).toBe('_pendingFulfillment');
    expect(so.total).toBe(130);
    expect(so.subsidiary).toEqual({ internalId: '1', name: 'Parent Company' });
    expect(state.get('customer', { internalId: customer.internalId }).unbilledOrders).toBe(130);

    // bill the widget line only → partially fulfilled/billed
    const draft = state.initialize('invoice', { type: 'salesOrder', internalId: so.internalId });
    const lines = (draft.itemList as { item: NsRecord[] }).item;
    expect(lines).toHaveLength(2);
    const inv1 = state.add('invoice', { ...draft, itemList: { item: [lines[0]!] } });
    expect(inv1.total).toBe(30);
    expect(inv1.amountRemaining).toBe(30);
    expect(inv1.status).toBe('Open');
    expect(state.get('salesOrder', { internalId: so.internalId }).orderStatus).toBe('_partiallyFulfilled');
    // over-billing is refused
    expect(codeOf(() => state.add('invoice', { ...draft, itemList: { item: [lines[0]!] } }))).toBe('USER_ERROR');

    const inv2 = state.add('invoice', state.initialize('invoice', { type: 'salesOrder', internalId: so.internalId }));
    expect(inv2.total).toBe(100);
    expect(state.get('salesOrder', { internalId: so.internalId }).orderStatus).toBe('_fullyBilled');
    expect(codeOf(() => state.initialize('invoice', { type: 'salesOrder', internalId: so.internalId }))).toBe(
      'INVALID_INITIALIZE_REF',
    );

    let c = state.get('customer', { internalId: customer.internalId });
    expect(c.balance).toBe(130);
    expect(c.unbilledOrders).toBe(0);
    expect(c.overdueBalance).toBe(0);
    advance(40 * 86_400_000); // Net 30 → both overdue
    c = state.get('customer', { internalId: customer.internalId });
    expect(c.overdueBalance).toBe(130);
    expect(c.daysOverdue).toBe(10);

    const payDraft = state.initialize('customerPayment', { type: 'invoice', internalId: inv2.internalId });
    expect(payDraft.payment).toBe(100);
    const pay = state.add('customerPayment', {
      ...payDraft,
      payment: 60,
      applyList: { apply: [{ doc: Number(inv2.internalId), apply: true, amount: 60 }] },
    });
    expect(pay.unapplied).toBe(0);
    expect(state.get('invoice', { internalId: inv2.internalId }).amountRemaining).toBe(40);
    expect(
      codeOf(() =>
        state.add('customerPayment', {
          customer: { internalId: customer.internalId },
          payment: 50,
          applyList: { apply: [{ doc: Number(inv2.internalId), apply: true, amount: 50 }] },
        }),
      ),
    ).toBe('USER_ERROR');
    state.add('customerPayment', { customer: { internalId: customer.internalId }, payment: 70, autoApply: true });
    expect(state.get('invoice', { internalId: inv1.internalId }).status).toBe('Paid In Full');
    expect(state.get('invoice', { internalId: inv2.internalId }).amountRemaining).toBe(0);
    expect(state.get('customer', { internalId: customer.internalId }).balance).toBe(0);
    expect(codeOf(() => state.delete('invoice', { internalId: inv2.internalId }))).toBe('CANT_DELETE_TRANS');
    state.delete('customerPayment', { internalId: pay.internalId });
    expect(state.get('invoice', { internalId: inv2.internalId }).amountRemaining).toBe(60);
  });

  it('sublist updates: replaceAll=false merges lines by line number, otherwise the list is replaced', () => {
    const { state } = account();
    const { customer, widget, service } = seedBasics(state);
    const so = state.add('salesOrder', {
      entity: { internalId: customer.internalId },
      itemList: {
        item: [
          { item: { internalId: widget.internalId }, quantity: 1 },
          { item: { internalId: service.internalId }, quantity: 1 },
        ],
      },
    });
    const merged = state.update('salesOrder', {
      internalId: so.internalId,
      itemList: {
        replaceAll: false,
        item: [
          { line: 1, item: { internalId: widget.internalId }, quantity: 5 },
          { item: { internalId: widget.internalId }, quantity: 2 },
        ],
      },
    });
    const lines = (merged.itemList as { item: { line: number; quantity: number }[] }).item;
    expect(lines.map((l) => [l.line, l.quantity])).toEqual([
      [1, 5],
      [2, 1],
      [3, 2],
    ]);
    expect(merged.total).toBe(170);
    const replaced = state.update('salesOrder', {
      internalId: so.internalId,
      itemList: { item: [{ item: { internalId: service.internalId }, quantity: 1 }] },
    });
    expect((replaced.itemList as { item: unknown[] }).item).toHaveLength(1);
    expect(replaced.total).toBe(100);
  });

  it('approval, fulfilment and the partial states', () => {
    const { state } = account();
    const { customer, widget } = seedBasics(state);
    const so = state.add('salesOrder', {
      entity: { internalId: customer.internalId },
      orderStatus: '_pendingApproval',
      itemList: { item: [{ item: { internalId: widget.internalId }, quantity: 4 }] },
    });
    expect(codeOf(() => state.initialize('invoice', { type: 'salesOrder', internalId: so.internalId }))).toBe(
      'INVALID_INITIALIZE_REF',
    );
    expect(codeOf(() => state.update('salesOrder', { internalId: so.internalId, orderStatus: '_fullyBilled' }))).toBe(
      'USER_ERROR',
    );
    expect(state.update('salesOrder', { internalId: so.internalId, orderStatus: '_pendingFulfillment' }).status).toBe(
      'Pending Fulfillment',
    );
    expect(state.fulfill(so.internalId!, { '1': 1 }).orderStatus).toBe('_pendingBillingPartFulfilled');
    expect(state.fulfill(so.internalId!).orderStatus).toBe('_pendingBilling');
  });

  it('journal entries must balance; vendor bills need a vendor and a line', () => {
    const { state } = account();
    const line = (account: string, debit?: number, credit?: number) => ({
      account: { internalId: account },
      debit,
      credit,
    });
    expect(
      codeOf(() =>
        state.add('journalEntry', { subsidiary: sub, lineList: { line: [line('1', 10), line('54', undefined, 9)] } }),
      ),
    ).toBe('JE_AMOUNTS_MUST_BALANCE');
    expect(
      state.add('journalEntry', { subsidiary: sub, lineList: { line: [line('1', 10), line('54', undefined, 10)] } })
        .tranId,
    ).toMatch(/^JE/);
    const vendor = state.add('vendor', { companyName: 'Paper Co', subsidiary: sub });
    expect(codeOf(() => state.add('vendorBill', { entity: { internalId: vendor.internalId } }))).toBe('USER_ERROR');
    const bill = state.add('vendorBill', {
      entity: { internalId: vendor.internalId },
      expenseList: { expense: [{ account: { internalId: '67' }, amount: 12.5 }] },
    });
    expect(bill.userTotal).toBe(12.5);
  });

  it('runs onRecordSaved hooks after saves and deletes, and search filters', async () => {
    const { state } = account();
    const events: RecordSavedEvent[] = [];
    state.onRecordSaved.push((e) => {
      events.push(e);
    });
    state.onRecordSaved.push(async () => {
      throw new Error('afterSubmit failed');
    });
    const { customer } = seedBasics(state);
    state.update('customer', { internalId: customer.internalId, email: 'x@y.z' }, { source: 'soap' });
    await state.idle();
    expect(events.map((e) => `${e.operation}:${e.type}`)).toEqual([
      'create:customer',
      'create:inventoryItem',
      'create:serviceSaleItem',
      'edit:customer',
    ]);
    expect(events[3]!.oldRecord?.email).toBeUndefined();
    expect(events[3]!.source).toBe('soap');
    expect(state.hookErrors).toHaveLength(4);
    expect(state.search(['customer'], [{ field: 'email', operator: 'contains', values: ['@y.'] }])).toHaveLength(1);
    expect(
      state.search(
        ['inventoryItem', 'serviceSaleItem'],
        [{ field: 'itemId', operator: 'startsWith', values: ['wid'] }],
      ),
    ).toHaveLength(1);
  });
});
