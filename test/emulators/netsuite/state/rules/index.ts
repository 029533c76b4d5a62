import { errors } from '../errors.js';
import { ITEM_TYPES, type RecordType, type StoredRecord } from '../types.js';
import { num, rows, type RuleContext } from './context.js';
import { prepareContact, prepareCustomer, prepareEmployee, prepareItem, prepareVendor } from './entities.js';
import { prepareCustomerPayment } from './payments.js';
import { prepareJournalEntry, prepareVendorBill } from './purchasing.js';
import { prepareInvoice, prepareSalesOrder, recomputeOrderFields, setInvoicePaid } from './sales.js';

type Fields = Record<string, unknown>;

/** Validates and normalises the fields of a record about to be saved; throws NsRecordError. */
export function prepare(ctx: RuleContext, type: RecordType, fields: Fields, seq: number, self?: StoredRecord): Fields {
  switch (type) {
    case 'customer':
      return prepareCustomer(ctx, fields, self);
    case 'vendor':
      return prepareVendor(ctx, fields, self);
    case 'contact':
      return prepareContact(ctx, fields, self);
    case 'employee':
      return prepareEmployee(ctx, fields, self);
    case 'inventoryItem':
    case 'nonInventorySaleItem':
    case 'serviceSaleItem':
      return prepareItem(ctx, type, fields, self);
    case 'salesOrder':
      return prepareSalesOrder(ctx, fields, seq, self);
    case 'invoice':
      return prepareInvoice(ctx, fields, seq, self);
    case 'customerPayment':
      return prepareCustomerPayment(ctx, fields, seq, self);
    case 'vendorBill':
      return prepareVendorBill(ctx, fields, seq, self);
    case 'journalEntry':
      return prepareJournalEntry(ctx, fields, seq, self);
  }
}

const refId = (v: unknown) => (v as Fields | undefined)?.internalId;

/** Throws when other records depend on this one (NetSuite refuses such deletes). */
export function checkDelete(ctx: RuleContext, stored: StoredRecord): void {
  const id = stored.internalId;
  const transactions = (['salesOrder', 'invoice', 'customerPayment', 'vendorBill', 'journalEntry'] as const).flatMap(
    (t) => ctx.store.all(t),
  );
  switch (stored.type) {
    case 'customer':
    case 'vendor':
      if (transactions.some((t) => refId(t.fields.entity) === id || refId(t.fields.customer) === id)) {
        throw errors.cantDeleteEntity();
      }
      return;
    case 'salesOrder':
      if (ctx.store.all('invoice').some((inv) => refId(inv.fields.createdFrom) === id))
        throw errors.cantDeleteTransaction();
      return;
    case 'invoice':
      if (num(stored.fields.amountPaid)) throw errors.cantDeleteTransaction();
      return;
    default:
      if ((ITEM_TYPES as readonly string[]).includes(stored.type)) {
        const used = transactions.some((t) => rows(t.fields.itemList, 'item').some((l) => refId(l.item) === id));
        if (used) throw errors.user('This item cannot be deleted because it is used on transactions.');
      }
  }
}

/** Records whose derived fields change when `stored` is saved or deleted (before → after views). */
export function propagate(ctx: RuleContext, before: StoredRecord | undefined, after: StoredRecord | undefined): void {
  const type = (after ?? before)!.type;
  if (type === 'invoice') {
    const orders = new Set(
      [refId(before?.fields.createdFrom), refId(after?.fields.createdFrom)].filter(Boolean) as string[],
    );
    for (const orderId of orders) {
      const order = ctx.store.find('salesOrder', { internalId: orderId });
      if (order) ctx.store.touch(order, recomputeOrderFields(ctx, order));
    }
  }
  if (type === 'customerPayment') {
    const docs = new Set(
      [...rows(before?.fields.applyList, 'apply'), ...rows(after?.fields.applyList, 'apply')].map((a) => String(a.doc)),
    );
    for (const doc of docs) {
      const invoice = ctx.store.find('invoice', { internalId: doc });
      if (!invoice) continue;
      let paid = 0;
      for (const p of ctx.store.all('customerPayment')) {
        for (const a of rows(p.fields.applyList, 'apply'))
          if (String(a.doc) === doc && a.apply === true) paid += num(a.amount) ?? 0;
      }
      const fields = { ...invoice.fields };
      setInvoicePaid(fields, paid);
      ctx.store.touch(invoice, fields);
    }
  }
}
