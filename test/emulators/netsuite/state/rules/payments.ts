import { errors } from '../errors.js';
import type { StoredRecord } from '../types.js';
import { num, round2, rows, type RuleContext } from './context.js';
import { prepareTransactionBody } from './lines.js';

type Fields = Record<string, unknown>;

/**
 * Customer payment: a customer, an amount, and an applyList of invoices (doc = invoice internalId).
 * Applications must name the customer's open invoices and not exceed what is due; the total
 * applied cannot exceed the payment. `autoApply` applies to the oldest open invoices first.
 */
export function prepareCustomerPayment(ctx: RuleContext, fields: Fields, seq: number, self?: StoredRecord): Fields {
  ctx.required(fields.customer, 'Customer');
  const customer = ctx.ref('customer', fields.customer, ['customer'])!;
  fields.customer = customer.ref;
  prepareTransactionBody(ctx, fields, { prefix: 'PYMT', entity: customer.stored, sequence: seq });
  for (const field of ['account', 'arAcct'] as const) {
    const ref = ctx.setupRef(field, fields[field], 'account');
    if (ref) fields[field] = ref;
  }
  const previous = new Map<string, number>();
  for (const a of rows(self?.fields.applyList, 'apply')) {
    if (a.apply === true) previous.set(String(a.doc), num(a.amount) ?? 0);
  }
  const openInvoices = ctx.store
    .all('invoice')
    .filter((inv) => (inv.fields.entity as Fields | undefined)?.internalId === customer.ref.internalId)
    .sort(
      (a, b) =>
        String(a.fields.tranDate).localeCompare(String(b.fields.tranDate)) ||
        Number(a.internalId) - Number(b.internalId),
    );
  const due = (inv: StoredRecord) =>
    round2((num(inv.fields.amountRemaining) ?? 0) + (previous.get(inv.internalId) ?? 0));

  let applyRows = rows(fields.applyList, 'apply').filter((a) => a.apply !== false);
  let payment = num(fields.payment);
  if (fields.autoApply === true && applyRows.length === 0) {
    ctx.required(payment, 'Payment Amount');
    let left = payment!;
    applyRows = [];
    for (const inv of openInvoices) {
      const amount = round2(Math.min(left, due(inv)));
      if (amount <= 0) continue;
      applyRows.push({ doc: Number(inv.internalId), apply: true, amount });
      left = round2(left - amount);
    }
  }
  const applied = applyRows.map((a) => {
    if (a.doc === undefined) throw errors.required('Invoice');
    const inv = openInvoices.find((i) => i.internalId === String(a.doc));
    if (!inv) throw errors.invalidRef('doc', String(a.doc));
    const available = due(inv);
    const amount = num(a.amount) ?? available;
    if (amount <= 0)
      throw errors.user(`The amount applied to invoice ${inv.fields.tranId as string} must be positive.`);
    if (amount > available) {
      throw errors.user(
        `You cannot apply ${amount} to invoice ${inv.fields.tranId as string}: only ${available} is due.`,
      );
    }
    return {
      apply: true,
      doc: Number(inv.internalId),
      line: 0,
      applyDate: inv.fields.tranDate,
      type: 'Invoice',
      refNum: inv.fields.tranId,
      total: inv.fields.total,
      due: available,
      currency: (inv.fields.currency as Fields | undefined)?.name,
      amount: round2(amount),
    };
  });
  const totalApplied = round2(applied.reduce((s, a) => s + a.amount, 0));
  if (payment === undefined) payment = totalApplied;
  if (payment <= 0) throw errors.required('Payment Amount');
  if (totalApplied > payment) {
    throw errors.user(`The total applied (${totalApplied}) exceeds the payment amount (${payment}).`);
  }
  fields.payment = round2(payment);
  fields.applyList = { apply: applied };
  fields.applied = totalApplied;
  fields.unapplied = round2(payment - totalApplied);
  fields.total = fields.payment;
  if (fields.undepFunds === undefined) fields.undepFunds = true;
  fields.status = fields.undepFunds === true ? 'Not Deposited' : 'Deposited';
  return fields;
}
