import { errors } from '../errors.js';
import { TERM_DAYS } from '../setup-lists.js';
import type { StoredRecord } from '../types.js';
import { num, round2, rows, type RuleContext } from './context.js';
import { addDays, prepareItemLines, prepareTransactionBody, sumAmounts } from './lines.js';

type Fields = Record<string, unknown>;

/** SalesOrderOrderStatus (XSD enum) → the `status` text NetSuite shows. */
export const SALES_ORDER_STATUS_TEXT: Record<string, string> = {
  _pendingApproval: 'Pending Approval',
  _pendingFulfillment: 'Pending Fulfillment',
  _cancelled: 'Cancelled',
  _partiallyFulfilled: 'Partially Fulfilled',
  _pendingBillingPartFulfilled: 'Pending Billing/Partially Fulfilled',
  _pendingBilling: 'Pending Billing',
  _fullyBilled: 'Billed',
  _closed: 'Closed',
};

const FINAL = new Set(['_cancelled', '_closed']);

/** Derives the order status from fulfilled and billed quantities (the progression NetSuite applies). */
export function deriveOrderStatus(current: string, lines: Fields[]): string {
  if (current === '_pendingApproval' || FINAL.has(current)) return current;
  const open = lines.filter((l) => l.isClosed !== true);
  if (open.length === 0) return '_closed';
  const qty = (l: Fields, k: string) => num(l[k]) ?? 0;
  const allBilled = open.every((l) => qty(l, 'quantityBilled') >= qty(l, 'quantity'));
  if (allBilled) return '_fullyBilled';
  const allFulfilled = open.every((l) => qty(l, 'quantityFulfilled') >= qty(l, 'quantity'));
  const anyFulfilled = open.some((l) => qty(l, 'quantityFulfilled') > 0);
  const unbilledFulfilment = open.some((l) => qty(l, 'quantityFulfilled') > qty(l, 'quantityBilled'));
  if (allFulfilled) return '_pendingBilling';
  if (anyFulfilled) return unbilledFulfilment ? '_pendingBillingPartFulfilled' : '_partiallyFulfilled';
  return '_pendingFulfillment';
}

const ALLOWED_CHANGES: Record<string, readonly string[]> = {
  _pendingApproval: ['_pendingFulfillment', '_cancelled'],
};

export function prepareSalesOrder(ctx: RuleContext, fields: Fields, seq: number, self?: StoredRecord): Fields {
  ctx.required(fields.entity, 'Customer');
  const entity = ctx.ref('entity', fields.entity, ['customer'])!;
  fields.entity = entity.ref;
  prepareTransactionBody(ctx, fields, { prefix: 'SO', entity: entity.stored, sequence: seq });
  const salesRep = ctx.ref('salesRep', fields.salesRep, ['employee']);
  if (salesRep) fields.salesRep = salesRep.ref;
  const given = rows(fields.itemList, 'item');
  if (given.length === 0) throw errors.user('You must enter at least one line item for this transaction.');
  const oldLines = self ? rows(self.fields.itemList, 'item') : [];
  const lines = prepareItemLines(ctx, given).map((line): Fields => {
    const old = oldLines.find((o) => String(o.line) === String(line.line));
    const billed = num(old?.quantityBilled) ?? 0;
    if ((num(line.quantity) ?? 0) < billed) {
      throw errors.user(
        `You cannot reduce the quantity of line ${String(line.line)} below the quantity billed (${billed}).`,
      );
    }
    return { ...line, quantityBilled: billed, quantityFulfilled: num(old?.quantityFulfilled) ?? 0 };
  });
  for (const old of oldLines) {
    if ((num(old.quantityBilled) ?? 0) > 0 && !lines.some((l) => String(l.line) === String(old.line))) {
      throw errors.user(`You cannot remove line ${String(old.line)}: it has been billed.`);
    }
  }
  fields.itemList = { item: lines };
  const subTotal = sumAmounts(lines);
  fields.subTotal = subTotal;
  fields.total = round2(subTotal + (num(fields.shippingCost) ?? 0) + (num(fields.handlingCost) ?? 0));

  const current = self ? String(self.fields.orderStatus) : undefined;
  const requested = typeof fields.orderStatus === 'string' ? fields.orderStatus : undefined;
  let status: string;
  if (!current) {
    if (requested && requested !== '_pendingApproval' && requested !== '_pendingFulfillment') {
      throw errors.user(`A new sales order cannot have the status ${requested}.`);
    }
    status = requested ?? (ctx.options.salesOrderApproval ? '_pendingApproval' : '_pendingFulfillment');
  } else if (!requested || requested === current) {
    status = current;
  } else if (requested === '_closed' && current !== '_fullyBilled') {
    status = '_closed';
  } else if (ALLOWED_CHANGES[current]?.includes(requested)) {
    status = requested;
  } else {
    throw errors.user(`The order status cannot change from ${current} to ${requested}.`);
  }
  fields.orderStatus = deriveOrderStatus(status, lines);
  fields.status = SALES_ORDER_STATUS_TEXT[String(fields.orderStatus)];
  return fields;
}

/** Can an invoice bill this order now? */
export function isBillable(order: StoredRecord): boolean {
  const status = String(order.fields.orderStatus);
  return !['_pendingApproval', '_cancelled', '_closed', '_fullyBilled'].includes(status);
}

export function prepareInvoice(ctx: RuleContext, fields: Fields, seq: number, self?: StoredRecord): Fields {
  ctx.required(fields.entity, 'Customer');
  const entity = ctx.ref('entity', fields.entity, ['customer'])!;
  fields.entity = entity.ref;
  prepareTransactionBody(ctx, fields, { prefix: 'INV', entity: entity.stored, sequence: seq });
  const createdFrom = ctx.ref('createdFrom', fields.createdFrom, ['salesOrder']);
  let lines = rows(fields.itemList, 'item');
  if (lines.length === 0) throw errors.user('You must enter at least one line item for this transaction.');
  lines = prepareItemLines(ctx, lines);
  if (createdFrom) {
    const order = createdFrom.stored;
    fields.createdFrom = createdFrom.ref;
    if ((order.fields.entity as Fields | undefined)?.internalId !== entity.ref.internalId) {
      throw errors.user('The customer of the invoice does not match the customer of the sales order.');
    }
    const fromSameOrder = (self?.fields.createdFrom as Fields | undefined)?.internalId === order.internalId;
    if (!isBillable(order) && !fromSameOrder) throw errors.invalidInitialize('invoice', order.internalId);
    lines = linkOrderLines(order, lines, fromSameOrder ? self : undefined);
  }
  fields.itemList = { item: lines };
  fields.subTotal = sumAmounts(lines);
  fields.total = round2(Number(fields.subTotal) + (num(fields.shippingCost) ?? 0) + (num(fields.handlingCost) ?? 0));
  const terms = ctx.setupRef('terms', fields.terms ?? entity.stored.fields.terms, 'term');
  if (terms) fields.terms = terms;
  if (!fields.dueDate)
    fields.dueDate = addDays(String(fields.tranDate), terms ? (TERM_DAYS[terms.internalId!] ?? 0) : 0);
  const paid = self ? (num(self.fields.amountPaid) ?? 0) : 0;
  if (paid > Number(fields.total)) throw errors.user('The invoice total cannot be less than the amount already paid.');
  setInvoicePaid(fields, paid);
  return fields;
}

/** Links invoice lines to order lines (orderLine) and checks nothing is billed twice. */
function linkOrderLines(order: StoredRecord, lines: Fields[], previous: StoredRecord | undefined): Fields[] {
  const orderLines = rows(order.fields.itemList, 'item');
  const previouslyBilled = new Map<string, number>();
  for (const l of rows(previous?.fields.itemList, 'item')) {
    previouslyBilled.set(
      String(l.orderLine),
      (previouslyBilled.get(String(l.orderLine)) ?? 0) + (num(l.quantity) ?? 0),
    );
  }
  const remaining = new Map(
    orderLines.map((ol) => [
      String(ol.line),
      (num(ol.quantity) ?? 0) - (num(ol.quantityBilled) ?? 0) + (previouslyBilled.get(String(ol.line)) ?? 0),
    ]),
  );
  return lines.map((line) => {
    let key = line.orderLine !== undefined ? String(line.orderLine) : undefined;
    if (key === undefined) {
      const match = orderLines.find(
        (ol) =>
          (ol.item as Fields).internalId === (line.item as Fields).internalId &&
          (remaining.get(String(ol.line)) ?? 0) > 0,
      );
      key = match ? String(match.line) : undefined;
    }
    const left = key === undefined ? undefined : remaining.get(key);
    if (key === undefined || left === undefined) {
      throw errors.user(`The item ${String((line.item as Fields).name)} is not on sales order ${order.internalId}.`);
    }
    const qty = num(line.quantity) ?? 0;
    if (qty > left)
      throw errors.user(`You cannot bill more than the quantity remaining on order line ${key} (${left}).`);
    remaining.set(key, left - qty);
    return { ...line, orderLine: Number(key) };
  });
}

export function setInvoicePaid(fields: Fields, paid: number): void {
  const total = num(fields.total) ?? 0;
  fields.amountPaid = round2(paid);
  fields.amountRemaining = round2(Math.max(0, total - paid));
  fields.status = fields.amountRemaining === 0 && total > 0 ? 'Paid In Full' : 'Open';
}

/** Recomputes billed (and, without Advanced Shipping, fulfilled) quantities of an order from its invoices. */
export function recomputeOrderFields(ctx: RuleContext, order: StoredRecord): Fields {
  const billed = new Map<string, number>();
  for (const inv of ctx.store.all('invoice')) {
    if ((inv.fields.createdFrom as Fields | undefined)?.internalId !== order.internalId) continue;
    for (const l of rows(inv.fields.itemList, 'item')) {
      const key = String(l.orderLine);
      billed.set(key, (billed.get(key) ?? 0) + (num(l.quantity) ?? 0));
    }
  }
  const lines = rows(order.fields.itemList, 'item').map((l) => {
    const quantityBilled = billed.get(String(l.line)) ?? 0;
    const fulfilled = num(l.quantityFulfilled) ?? 0;
    const quantityFulfilled = ctx.options.advancedShipping ? fulfilled : Math.max(fulfilled, quantityBilled);
    return { ...l, quantityBilled, quantityFulfilled };
  });
  const orderStatus = deriveOrderStatus(String(order.fields.orderStatus), lines);
  return { ...order.fields, itemList: { item: lines }, orderStatus, status: SALES_ORDER_STATUS_TEXT[orderStatus] };
}
