/**
 * Values a real org computes on save: full names, auto-numbers, closed/won flags, price book entry
 * names and line prices.
 */
import type { FieldDef, ObjectDef } from '../schema/types.js';
import type { FieldValues, OrgStore } from './org-store.js';

type AutoNumber = (field: FieldDef, format: string) => string;

const AUTO_FORMATS: Record<string, string> = {
  'Order.OrderNumber': '0000{0000}',
  'Case.CaseNumber': '0000{0000}',
  'OrderItem.OrderItemNumber': '0000{000000}',
};

export function derive(store: OrgStore, obj: ObjectDef, v: FieldValues, autoNumber: AutoNumber): void {
  if (['Contact', 'Lead', 'User'].includes(obj.name)) {
    v.Name = [v.FirstName, v.LastName].filter((p) => typeof p === 'string' && p !== '').join(' ');
  }
  for (const [key, format] of Object.entries(AUTO_FORMATS)) {
    const [objName, fieldName] = key.split('.') as [string, string];
    const field = obj.fields.get(fieldName.toLowerCase());
    if (obj.name === objName && field !== undefined && (v[fieldName] === null || v[fieldName] === undefined)) {
      v[fieldName] = autoNumber(field, format);
    }
  }
  if (obj.name === 'Opportunity') {
    const stage = String(v.StageName ?? '');
    v.IsClosed = stage.startsWith('Closed');
    v.IsWon = stage === 'Closed Won';
  }
  if (obj.name === 'Order' && (v.TotalAmount === null || v.TotalAmount === undefined)) v.TotalAmount = 0;
  if (obj.name === 'PricebookEntry' && typeof v.Product2Id === 'string') {
    const product = store.get(v.Product2Id);
    v.Name = product?.values.Name ?? null;
    v.ProductCode = product?.values.ProductCode ?? null;
  }
  if ((obj.name === 'OrderItem' || obj.name === 'OpportunityLineItem') && typeof v.PricebookEntryId === 'string') {
    const entry = store.get(v.PricebookEntryId);
    if (entry !== undefined) {
      v.ListPrice = entry.values.UnitPrice ?? null;
      v.Product2Id = entry.values.Product2Id ?? v.Product2Id ?? null;
    }
    const qty = typeof v.Quantity === 'number' ? v.Quantity : 0;
    if (typeof v.UnitPrice !== 'number' && typeof v.TotalPrice === 'number' && qty !== 0) {
      v.UnitPrice = Math.round((v.TotalPrice / qty) * 100) / 100;
    }
    if (typeof v.UnitPrice === 'number') v.TotalPrice = Math.round(v.UnitPrice * qty * 100) / 100;
  }
}
