import type { RecordType, StoredRecord } from './types.js';

/** One basic-search criterion, independent of the wire format (SOAP SearchXxxField, REST q=...). */
export interface SearchCondition {
  /** XSD field name: internalId, externalId, lastModifiedDate, entityId, email, tranId, status, type, isInactive, ... */
  field: string;
  /** SuiteTalk operator: anyOf, noneOf, is, isNot, contains, doesNotContain, startsWith, doesNotStartWith,
   *  empty, notEmpty, after, before, on, onOrAfter, onOrBefore, within, notWithin, equalTo, notEqualTo,
   *  greaterThan, lessThan, greaterThanOrEqualTo, lessThanOrEqualTo, between, notBetween. */
  operator: string;
  values: (string | number | boolean)[];
}

const SO_STATUS: Record<string, string> = {
  _pendingApproval: '_salesOrderPendingApproval',
  _pendingFulfillment: '_salesOrderPendingFulfillment',
  _cancelled: '_salesOrderCancelled',
  _partiallyFulfilled: '_salesOrderPartiallyFulfilled',
  _pendingBillingPartFulfilled: '_salesOrderPendingBillingPartiallyFulfilled',
  _pendingBilling: '_salesOrderPendingBilling',
  _fullyBilled: '_salesOrderBilled',
  _closed: '_salesOrderClosed',
};

/** The TransactionStatus search value of a transaction (e.g. `_invoiceOpen`). */
export function searchStatus(record: StoredRecord): string | undefined {
  const f = record.fields;
  switch (record.type) {
    case 'salesOrder':
      return SO_STATUS[String(f.orderStatus)];
    case 'invoice':
      return f.status === 'Paid In Full' ? '_invoicePaidInFull' : '_invoiceOpen';
    case 'customerPayment':
      return f.status === 'Deposited' ? '_paymentDeposited' : '_paymentNotDeposited';
    case 'vendorBill':
      return f.status === 'Paid In Full' ? '_billPaidInFull' : '_billOpen';
    case 'journalEntry':
      return f.approved === false ? '_journalPendingApproval' : '_journalApprovedForPosting';
    default:
      return undefined;
  }
}

/** TransactionType / ItemType search values. */
export const SEARCH_TYPE_VALUE: Partial<Record<RecordType, string>> = {
  salesOrder: '_salesOrder',
  invoice: '_invoice',
  customerPayment: '_customerPayment',
  vendorBill: '_vendorBill',
  journalEntry: '_journal',
  inventoryItem: '_inventoryItem',
  nonInventorySaleItem: '_nonInventoryItem',
  serviceSaleItem: '_service',
};

function fieldValue(record: StoredRecord, field: string): unknown {
  switch (field) {
    case 'internalId':
    case 'internalIdNumber':
      return record.internalId;
    case 'externalId':
    case 'externalIdString':
      return record.externalId;
    case 'lastModifiedDate':
      return record.lastModified;
    case 'dateCreated':
    case 'createdDate':
      return record.createdAt;
    case 'status':
      return searchStatus(record) ?? record.fields.status;
    case 'type':
      return SEARCH_TYPE_VALUE[record.type];
    default: {
      const v = record.fields[field];
      if (v && typeof v === 'object' && 'internalId' in v) return (v as { internalId?: string }).internalId;
      return v;
    }
  }
}

const lower = (v: unknown) => String(v ?? '').toLowerCase();

function matchDate(value: unknown, op: string, values: (string | number | boolean)[]): boolean {
  if (value === undefined) return op === 'empty';
  const t = new Date(String(value)).getTime();
  const [a, b] = values.map((v) => new Date(String(v)).getTime());
  const sameDay = (x: number, y: number) =>
    new Date(x).toISOString().slice(0, 10) === new Date(y).toISOString().slice(0, 10);
  switch (op) {
    case 'after':
      return t > a!;
    case 'before':
      return t < a!;
    case 'on':
      return sameDay(t, a!);
    case 'notOn':
      return !sameDay(t, a!);
    case 'onOrAfter':
      return t >= a!;
    case 'onOrBefore':
      return t <= a!;
    case 'within':
      return t >= a! && t <= b!;
    case 'notWithin':
      return t < a! || t > b!;
    case 'notEmpty':
      return true;
    default:
      return false;
  }
}

function matchNumber(value: unknown, op: string, values: (string | number | boolean)[]): boolean {
  if (value === undefined || value === null) return op === 'empty';
  const n = Number(value);
  const [a, b] = values.map(Number);
  switch (op) {
    case 'equalTo':
      return n === a;
    case 'notEqualTo':
      return n !== a;
    case 'greaterThan':
      return n > a!;
    case 'lessThan':
      return n < a!;
    case 'greaterThanOrEqualTo':
      return n >= a!;
    case 'lessThanOrEqualTo':
      return n <= a!;
    case 'between':
      return n >= a! && n <= b!;
    case 'notBetween':
      return n < a! || n > b!;
    case 'notEmpty':
      return true;
    default:
      return false;
  }
}

export function matches(record: StoredRecord, c: SearchCondition): boolean {
  const value = fieldValue(record, c.field);
  const op = c.operator;
  const vals = c.values;
  if (
    c.field === 'lastModifiedDate' ||
    c.field === 'dateCreated' ||
    c.field === 'createdDate' ||
    c.field === 'tranDate'
  ) {
    return matchDate(value, op, vals);
  }
  switch (op) {
    case 'anyOf':
      return vals.some((v) => String(v) === String(value));
    case 'noneOf':
      return !vals.some((v) => String(v) === String(value));
    case 'is':
      return typeof vals[0] === 'boolean'
        ? value === vals[0] || (value === undefined && vals[0] === false)
        : lower(value) === lower(vals[0]);
    case 'isNot':
      return lower(value) !== lower(vals[0]);
    case 'contains':
      return lower(value).includes(lower(vals[0]));
    case 'doesNotContain':
      return !lower(value).includes(lower(vals[0]));
    case 'startsWith':
      return lower(value).startsWith(lower(vals[0]));
    case 'doesNotStartWith':
      return !lower(value).startsWith(lower(vals[0]));
    case 'empty':
      return value === undefined || value === null || value === '';
    case 'notEmpty':
      return !(value === undefined || value === null || value === '');
    case 'hasKeywords':
      return String(vals[0] ?? '')
        .toLowerCase()
        .split(/\s+/)
        .every((w) => lower(value).includes(w));
    default:
      return matchNumber(value, op, vals);
  }
}

/** Records of `types` matching every condition, ordered by internalId (numeric). */
export function searchRecords(all: StoredRecord[], conditions: SearchCondition[]): StoredRecord[] {
  return all
    .filter((r) => conditions.every((c) => matches(r, c)))
    .sort((a, b) => Number(a.internalId) - Number(b.internalId));
}
