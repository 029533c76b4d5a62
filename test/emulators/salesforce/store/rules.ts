/**
 * Cross-record rules a real org enforces on save, beyond single-field validation: price book entries
 * need a standard price first and are unique per (product, price book); order lines must use an entry
 * from the order's price book.
 */
import { SfError } from '../errors.js';
import type { ObjectDef } from '../schema/types.js';
import type { FieldValues, OrgStore } from './org-store.js';

function standardPricebookId(store: OrgStore): string | undefined {
  for (const pb of store.ofType('Pricebook2')) if (pb.values.IsStandard === true) return pb.id;
  return undefined;
}

function pricebookEntryRules(store: OrgStore, v: FieldValues): void {
  const standard = standardPricebookId(store);
  let hasStandard = false;
  for (const e of store.ofType('PricebookEntry')) {
    if (e.id === v.Id || e.values.Product2Id !== v.Product2Id) continue;
    if (e.values.Pricebook2Id === v.Pricebook2Id) {
      throw new SfError('DUPLICATE_VALUE', 'This price definition already exists in this price book', 400, []);
    }
    if (e.values.Pricebook2Id === standard) hasStandard = true;
  }
  if (v.Pricebook2Id !== standard && !hasStandard) {
    throw new SfError('STANDARD_PRICE_NOT_DEFINED', 'No standard price defined for this product', 400, []);
  }
}

function orderItemRules(store: OrgStore, v: FieldValues): void {
  const order = typeof v.OrderId === 'string' ? store.get(v.OrderId) : undefined;
  const entry = typeof v.PricebookEntryId === 'string' ? store.get(v.PricebookEntryId) : undefined;
  if (order === undefined || entry === undefined) return;
  const orderBook = order.values.Pricebook2Id ?? null;
  if (orderBook === null || orderBook !== entry.values.Pricebook2Id) {
    throw new SfError(
      'FIELD_INTEGRITY_EXCEPTION',
      'field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the Order, or Order has no pricebook assigned)',
      400,
      ['PricebookEntryId'],
    );
  }
}

/** Runs the rules for `obj` on the record about to be saved (`v` holds every field). */
export function checkRules(store: OrgStore, obj: ObjectDef, v: FieldValues): void {
  if (obj.name === 'PricebookEntry') pricebookEntryRules(store, v);
  if (obj.name === 'OrderItem') orderItemRules(store, v);
}
