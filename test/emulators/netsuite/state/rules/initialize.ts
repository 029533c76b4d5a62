import { errors } from '../errors.js';
import { isRecordType, type RecordRef, type RecordType } from '../types.js';
import { num, round2, rows, type RuleContext } from './context.js';
import { isBillable } from './sales.js';

type Fields = Record<string, unknown>;

/**
 * `initialize` / transform: a new, unsaved record prefilled from another one, as NetSuite's
 * "Bill" (salesOrder → invoice) and "Accept Payment" (invoice → customerPayment) buttons do.
 * Also customer → salesOrder / invoice / customerPayment. Other pairs fail with INVALID_INITIALIZE_REF.
 */
export function initializeRecord(
  ctx: RuleContext,
  target: RecordType,
  reference: RecordRef & { type: string },
): Fields {
  const key = reference.internalId ?? reference.externalId ?? '';
  const sourceType = reference.type;
  if (!isRecordType(sourceType)) throw errors.invalidInitialize(target, key);
  const source = ctx.store.find(sourceType, reference);
  if (!source) throw errors.invalidInitialize(target, key);
  const f = source.fields;
  const now = ctx.now().toISOString();
  const pair = `${sourceType}->${target}`;
  switch (pair) {
    case 'salesOrder->invoice': {
      if (!isBillable(source)) throw errors.invalidInitialize(target, key);
      const lines = rows(f.itemList, 'item')
        .filter((l) => l.isClosed !== true)
        .map((l) => {
          const left = (num(l.quantity) ?? 0) - (num(l.quantityBilled) ?? 0);
          const rate = num(l.rate) ?? 0;
          return {
            item: l.item,
            orderLine: l.line,
            quantity: left,
            description: l.description,
            rate: String(rate),
            amount: round2(left * rate),
            quantityOrdered: l.quantity,
            quantityRemaining: left,
          };
        })
        .filter((l) => l.quantity > 0);
      if (lines.length === 0) throw errors.invalidInitialize(target, key);
      return stripUndefined({
        entity: f.entity,
        tranDate: now,
        createdFrom: { internalId: source.internalId, name: f.tranId },
        subsidiary: f.subsidiary,
        currency: f.currency,
        salesRep: f.salesRep,
        otherRefNum: f.otherRefNum,
        memo: f.memo,
        subTotal: round2(lines.reduce((s, l) => s + l.amount, 0)),
        total: round2(lines.reduce((s, l) => s + l.amount, 0)),
        itemList: { item: lines.map(stripUndefined) },
      });
    }
    case 'invoice->customerPayment': {
      const due = num(f.amountRemaining) ?? 0;
      if (due <= 0) throw errors.invalidInitialize(target, key);
      return stripUndefined({
        customer: f.entity,
        tranDate: now,
        subsidiary: f.subsidiary,
        currency: f.currency,
        payment: due,
        applyList: {
          apply: [
            stripUndefined({
              apply: true,
              doc: Number(source.internalId),
              line: 0,
              applyDate: f.tranDate,
              type: 'Invoice',
              refNum: f.tranId,
              total: f.total,
              due,
              amount: due,
            }),
          ],
        },
      });
    }
    case 'customer->salesOrder':
    case 'customer->invoice':
      return stripUndefined({
        entity: { internalId: source.internalId, name: ctx.displayName(source) },
        tranDate: now,
        subsidiary: f.subsidiary,
        currency: f.currency,
        salesRep: f.salesRep,
      });
    case 'customer->customerPayment':
      return stripUndefined({
        customer: { internalId: source.internalId, name: ctx.displayName(source) },
        tranDate: now,
        subsidiary: f.subsidiary,
        currency: f.currency,
      });
    default:
      throw errors.invalidInitialize(target, key);
  }
}

function stripUndefined<T extends Fields>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
