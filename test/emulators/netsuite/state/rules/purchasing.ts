import { errors } from '../errors.js';
import { TERM_DAYS } from '../setup-lists.js';
import { RECORD_TYPES, type StoredRecord } from '../types.js';
import { num, round2, rows, type RuleContext } from './context.js';
import { addDays, prepareItemLines, prepareTransactionBody, sumAmounts } from './lines.js';

type Fields = Record<string, unknown>;

/** Vendor bill: a vendor, at least one expense or item line; userTotal from the lines. */
export function prepareVendorBill(ctx: RuleContext, fields: Fields, seq: number, _self?: StoredRecord): Fields {
  ctx.required(fields.entity, 'Vendor');
  const vendor = ctx.ref('entity', fields.entity, ['vendor'])!;
  fields.entity = vendor.ref;
  prepareTransactionBody(ctx, fields, { prefix: 'BILL', entity: vendor.stored, sequence: seq });
  const account = ctx.setupRef('account', fields.account ?? { internalId: '25' }, 'account');
  fields.account = account;
  const expenses = rows(fields.expenseList, 'expense').map((e, i) => {
    ctx.required(e.account, 'Account');
    const amount = num(e.amount);
    if (amount === undefined) throw errors.required('Amount');
    const out: Fields = {
      ...e,
      account: ctx.setupRef('account', e.account, 'account'),
      amount,
      line: num(e.line) ?? i + 1,
    };
    const customer = ctx.ref('customer', e.customer, ['customer']);
    if (customer) out.customer = customer.ref;
    return out;
  });
  const items = prepareItemLines(ctx, rows(fields.itemList, 'item'));
  if (expenses.length === 0 && items.length === 0) {
    throw errors.user('You must enter at least one line item for this transaction.');
  }
  if (expenses.length > 0) fields.expenseList = { expense: expenses };
  else delete fields.expenseList;
  if (items.length > 0) fields.itemList = { item: items };
  else delete fields.itemList;
  fields.userTotal = round2(sumAmounts(expenses) + sumAmounts(items));
  const terms = ctx.setupRef('terms', fields.terms ?? vendor.stored.fields.terms, 'term');
  if (terms) fields.terms = terms;
  if (!fields.dueDate)
    fields.dueDate = addDays(String(fields.tranDate), terms ? (TERM_DAYS[terms.internalId!] ?? 0) : 0);
  if (!fields.status) fields.status = 'Open';
  return fields;
}

/** Journal entry: at least two lines, each with an account and a debit or a credit; debits = credits. */
export function prepareJournalEntry(ctx: RuleContext, fields: Fields, seq: number, _self?: StoredRecord): Fields {
  prepareTransactionBody(ctx, fields, { prefix: 'JE', sequence: seq });
  const lines = rows(fields.lineList, 'line').map((l, i) => {
    ctx.required(l.account, 'Account');
    const debit = num(l.debit);
    const credit = num(l.credit);
    if ((debit ?? 0) === 0 && (credit ?? 0) === 0) throw errors.required('Debit or Credit');
    const out: Fields = { ...l, account: ctx.setupRef('account', l.account, 'account'), line: num(l.line) ?? i + 1 };
    if (debit !== undefined) out.debit = round2(debit);
    if (credit !== undefined) out.credit = round2(credit);
    const entity = ctx.ref(
      'entity',
      l.entity,
      RECORD_TYPES.filter((t) => ['customer', 'vendor', 'employee', 'contact'].includes(t)),
    );
    if (entity) out.entity = entity.ref;
    return out;
  });
  if (lines.length < 2) throw errors.user('You must enter at least two lines for a journal entry.');
  const debits = sumAmounts(lines, 'debit');
  const credits = sumAmounts(lines, 'credit');
  if (debits !== credits) throw errors.unbalancedJournal();
  fields.lineList = { line: lines };
  if (fields.approved === undefined) fields.approved = true;
  return fields;
}
