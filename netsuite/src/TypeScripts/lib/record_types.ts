/**
 * The record types the integration works with: how SuiteQL finds them by external id and which
 * fields the change notifier reports.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */

export interface RecordTypeInfo {
  /** N/record type id (record.Type value). */

  type: string;
  /** SuiteQL table holding it. */
  table: 'customer' | 'contact' | 'transaction' | 'item';
  /** transaction.type code, for transactions. */
  tranType?: string;
  /** Usage units of one load or create, and of one save (N/record governance). */
  loadUnits: number;
  saveUnits: number;
  /** Body fields the change notifier includes in its webhook. */
  watchedFields: string[];
}

const ENTITY = { loadUnits: 5, saveUnits: 10 };
const TRANSACTION = { loadUnits: 10, saveUnits: 20 };
const ITEM = { loadUnits: 5, saveUnits: 10 };
const ITEM_FIELDS = ['itemid', 'displayname', 'salesdescription', 'isinactive', 'baseprice'];

export const RECORD_TYPES: Record<string, RecordTypeInfo> = {
  customer: {
    type: 'customer',
    table: 'customer',
    ...ENTITY,
    watchedFields: ['entityid', 'companyname', 'email', 'phone', 'balance', 'overduebalance', 'creditlimit', 'creditholdoverride', 'isinactive'],
  },
  contact: { type: 'contact', table: 'contact', ...ENTITY, watchedFields: ['entityid', 'firstname', 'lastname', 'email', 'phone', 'company'] },
  salesorder: {
    type: 'salesorder',
    table: 'transaction',
    tranType: 'SalesOrd',
    ...TRANSACTION,
    watchedFields: ['tranid', 'entity', 'trandate', 'orderstatus', 'status', 'total'],
  },
  itemfulfillment: {
    type: 'itemfulfillment',
    table: 'transaction',
    tranType: 'ItemShip',
    ...TRANSACTION,
    watchedFields: ['tranid', 'entity', 'createdfrom', 'trandate', 'shipstatus', 'status'],
  },
  invoice: {
    type: 'invoice',
    table: 'transaction',
    tranType: 'CustInvc',
    ...TRANSACTION,
    watchedFields: ['tranid', 'entity', 'createdfrom', 'trandate', 'duedate', 'status', 'total', 'amountremaining'],
  },
  customerpayment: {
    type: 'customerpayment',
    table: 'transaction',
    tranType: 'CustPymt',
    ...TRANSACTION,
    watchedFields: ['tranid', 'customer', 'trandate', 'payment', 'status'],
  },
  inventoryitem: { type: 'inventoryitem', table: 'item', ...ITEM, watchedFields: ITEM_FIELDS },
  noninventoryitem: { type: 'noninventoryitem', table: 'item', ...ITEM, watchedFields: ITEM_FIELDS },
  serviceitem: { type: 'serviceitem', table: 'item', ...ITEM, watchedFields: ITEM_FIELDS },
};

/** Looks a type up case-insensitively (`salesOrder` and `salesorder` are the same type). */
export function recordTypeInfo(type: unknown): RecordTypeInfo | undefined {
  return typeof type === 'string' ? RECORD_TYPES[type.toLowerCase()] : undefined;
}
