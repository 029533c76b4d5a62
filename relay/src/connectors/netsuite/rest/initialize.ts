import { NetSuiteError } from '../errors.js';
import type { NsRecord } from '../port.js';

type Row = Record<string, unknown>;
const rows = (list: unknown, key: string): Row[] => {
  const inner = (list as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(inner) ? (inner as Row[]) : inner ? [inner as Row] : [];
};
const num = (v: unknown) => (v === undefined || v === null || v === '' ? 0 : Number(v));

/**
 * REST web services have no `initialize`: the REST transport builds the prefilled, unsaved record from
 * the source the way NetSuite's initialize does — sales order → invoice (customer, lines still to
 * bill), invoice → customer payment (the open amount applied).
 */
export function initializeFrom(type: 'invoice' | 'customerPayment', source: NsRecord): NsRecord {
  const f = source.fields;
  const ref = (v: unknown) =>
    v && typeof v === 'object' ? { internalId: (v as { internalId?: string }).internalId } : undefined;
  if (type === 'invoice' && source.type === 'salesOrder') {
    const lines = rows(f.itemList, 'item')
      .map((l) => ({
        item: ref(l.item),
        quantity: num(l.quantity) - num(l.quantityBilled),
        rate: l.rate,
        orderLine: l.line,
      }))
      .filter((l) => l.quantity > 0);
    if (lines.length === 0)
      throw new NetSuiteError({
        code: 'NS_INVALID_REFERENCE',
        nsCode: 'INVALID_INITIALIZE_REF',
        message: `You can not initialize invoice: invalid reference ${source.internalId}.`,
      });
    return {
      type: 'invoice',
      fields: {
        entity: ref(f.entity),
        createdFrom: { internalId: source.internalId },
        subsidiary: ref(f.subsidiary),
        currency: ref(f.currency),
        itemList: { item: lines },
      },
    };
  }
  if (type === 'customerPayment' && source.type === 'invoice') {
    const due = num(f.amountRemaining);
    return {
      type: 'customerPayment',
      fields: {
        customer: ref(f.entity),
        subsidiary: ref(f.subsidiary),
        currency: ref(f.currency),
        payment: due,
        applyList: { apply: [{ doc: Number(source.internalId), apply: true, amount: due }] },
      },
    };
  }
  throw new NetSuiteError({
    code: 'NS_INVALID_REFERENCE',
    nsCode: 'INVALID_INITIALIZE_REF',
    message: `You can not initialize ${type} from a ${source.type}.`,
  });
}
