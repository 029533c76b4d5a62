import type { AccountState } from '../../state/account.js';
import type { NsRecord, RecordType } from '../../state/types.js';
import type { SqlValue } from './values.js';

/** Columns of a SuiteQL table, computed from the account's records (XSD field names). */
export interface TableDef {
  name: string;
  columns: readonly string[];
  rows(state: AccountState): Record<string, SqlValue>[];
}

const ref = (v: unknown): SqlValue => {
  const id = (v as { internalId?: string } | undefined)?.internalId;
  return id === undefined || id === '' ? null : Number(id);
};
const date = (v: unknown): SqlValue => (typeof v === 'string' && v !== '' ? new Date(v.length === 10 ? `${v}T00:00:00Z` : v) : null);
const text = (v: unknown): SqlValue => (v === undefined || v === null || v === '' ? null : String(v));
const number = (v: unknown): SqlValue => (v === undefined || v === null || v === '' ? null : Number(v));
const bool = (v: unknown): SqlValue => (v === true ? 'T' : 'F');

function base(r: NsRecord, createdField: string): Record<string, SqlValue> {
  return {
    id: Number(r.internalId),
    externalid: text(r.externalId),
    lastmodifieddate: date(r.lastModifiedDate),
    [createdField.toLowerCase()]: date(r[createdField]),
  };
}

const customer: TableDef = {
  name: 'customer',
  columns: ['id', 'externalid', 'entityid', 'companyname', 'email', 'phone', 'isinactive', 'creditlimit', 'subsidiary', 'currency', 'terms', 'lastmodifieddate', 'datecreated'],
  rows: (state) =>
    state.list('customer').map((r) => ({
      ...base(r, 'dateCreated'),
      entityid: text(r.entityId),
      companyname: text(r.companyName),
      email: text(r.email),
      phone: text(r.phone),
      isinactive: bool(r.isInactive),
      creditlimit: number(r.creditLimit),
      subsidiary: ref(r.subsidiary),
      currency: ref(r.currency),
      terms: ref(r.terms),
    })),
};

const contact: TableDef = {
  name: 'contact',
  columns: ['id', 'externalid', 'entityid', 'firstname', 'lastname', 'email', 'phone', 'company', 'isinactive', 'lastmodifieddate', 'datecreated'],
  rows: (state) =>
    state.list('contact').map((r) => ({
      ...base(r, 'dateCreated'),
      entityid: text(r.entityId),
      firstname: text(r.firstName),
      lastname: text(r.lastName),
      email: text(r.email),
      phone: text(r.phone),
      company: ref(r.company),
      isinactive: bool(r.isInactive),
    })),
};

/** transaction.type codes and the status letters NetSuite stores for each text status. */
const TRANSACTIONS: { type: RecordType; code: string; recordtype: string; status: (r: NsRecord) => string | null }[] = [
  {
    type: 'salesOrder',
    code: 'SalesOrd',
    recordtype: 'salesorder',
    status: (r) =>
      ({
        _pendingApproval: 'A', _pendingFulfillment: 'B', _cancelled: 'C', _partiallyFulfilled: 'D',
        _pendingBillingPartFulfilled: 'E', _pendingBilling: 'F', _fullyBilled: 'G', _closed: 'H',
      })[String(r.orderStatus)] ?? null,
  },
  {
    type: 'invoice',
    code: 'CustInvc',
    recordtype: 'invoice',
    status: (r) => ({ Open: 'A', 'Paid In Full': 'B', 'Pending Approval': 'D', Rejected: 'E', Voided: 'V' })[String(r.status)] ?? null,
  },
  {
    type: 'customerPayment',
    code: 'CustPymt',
    recordtype: 'customerpayment',
    status: (r) => ({ 'Not Deposited': 'B', Deposited: 'C' })[String(r.status)] ?? null,
  },
];

const transaction: TableDef = {
  name: 'transaction',
  columns: [
    'id', 'externalid', 'tranid', 'type', 'recordtype', 'entity', 'trandate', 'duedate', 'status', 'foreigntotal',
    'foreignamountremaining', 'memo', 'createdfrom', 'currency', 'subsidiary', 'lastmodifieddate', 'createddate',
  ],
  rows: (state) =>
    TRANSACTIONS.flatMap((t) =>
      state.list(t.type).map((r) => ({
        ...base(r, 'createdDate'),
        tranid: text(r.tranId),
        type: t.code,
        recordtype: t.recordtype,
        entity: ref(t.type === 'customerPayment' ? r.customer : r.entity),
        trandate: date(r.tranDate),
        duedate: date(r.dueDate),
        status: t.status(r),
        foreigntotal: number(t.type === 'customerPayment' ? r.payment : r.total),
        foreignamountremaining: t.type === 'invoice' ? number(r.amountRemaining) : null,
        memo: text(r.memo),
        createdfrom: ref(r.createdFrom),
        currency: ref(r.currency),
        subsidiary: ref(r.subsidiary),
      })),
    ),
};

const ITEMS: { type: RecordType; code: string }[] = [
  { type: 'inventoryItem', code: 'InvtPart' },
  { type: 'nonInventorySaleItem', code: 'NonInvtPart' },
  { type: 'serviceSaleItem', code: 'Service' },
];

const item: TableDef = {
  name: 'item',
  columns: ['id', 'externalid', 'itemid', 'displayname', 'itemtype', 'description', 'isinactive', 'lastmodifieddate', 'createddate'],
  rows: (state) =>
    ITEMS.flatMap((t) =>
      state.list(t.type).map((r) => ({
        ...base(r, 'createdDate'),
        itemid: text(r.itemId),
        displayname: text(r.displayName),
        itemtype: t.code,
        description: text(r.salesDescription),
        isinactive: bool(r.isInactive),
      })),
    ),
};

export const TABLES: Readonly<Record<string, TableDef>> = { customer, contact, transaction, item };
