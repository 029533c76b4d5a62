import type { RecordType } from '../state/types.js';
import { NS } from './namespaces.js';

const q = (ns: string, local: string) => `{${ns}}${local}`;

/** Emulated record types ↔ their XSD complex type (canonical 2023_2 key). */
export const RECORD_XSD: Record<RecordType, string> = {
  customer: q(NS.listRel, 'Customer'),
  contact: q(NS.listRel, 'Contact'),
  vendor: q(NS.listRel, 'Vendor'),
  employee: q(NS.listEmp, 'Employee'),
  inventoryItem: q(NS.listAcct, 'InventoryItem'),
  nonInventorySaleItem: q(NS.listAcct, 'NonInventorySaleItem'),
  serviceSaleItem: q(NS.listAcct, 'ServiceSaleItem'),
  salesOrder: q(NS.tranSales, 'SalesOrder'),
  invoice: q(NS.tranSales, 'Invoice'),
  customerPayment: q(NS.tranCust, 'CustomerPayment'),
  vendorBill: q(NS.tranPurch, 'VendorBill'),
  journalEntry: q(NS.tranGeneral, 'JournalEntry'),
};

const BY_XSD = new Map<string, RecordType>(Object.entries(RECORD_XSD).map(([t, k]) => [k, t as RecordType]));

export function recordTypeOfXsd(typeKey: string): RecordType | undefined {
  return BY_XSD.get(typeKey);
}

/** Search record types (xsi:type of searchRecord) → the record types they cover. */
export const SEARCH_XSD: Record<string, readonly RecordType[]> = {
  [q(NS.listRel, 'CustomerSearch')]: ['customer'],
  [q(NS.listRel, 'ContactSearch')]: ['contact'],
  [q(NS.listRel, 'VendorSearch')]: ['vendor'],
  [q(NS.listEmp, 'EmployeeSearch')]: ['employee'],
  [q(NS.listAcct, 'ItemSearch')]: ['inventoryItem', 'nonInventorySaleItem', 'serviceSaleItem'],
  [q(NS.tranSales, 'TransactionSearch')]: ['salesOrder', 'invoice', 'customerPayment', 'vendorBill', 'journalEntry'],
};

/** Searches over the Basic types directly (platformCommon:CustomerSearchBasic etc.) are accepted too. */
export const SEARCH_BASIC_XSD: Record<string, readonly RecordType[]> = {
  [q(NS.platformCommon, 'CustomerSearchBasic')]: ['customer'],
  [q(NS.platformCommon, 'ContactSearchBasic')]: ['contact'],
  [q(NS.platformCommon, 'VendorSearchBasic')]: ['vendor'],
  [q(NS.platformCommon, 'EmployeeSearchBasic')]: ['employee'],
  [q(NS.platformCommon, 'ItemSearchBasic')]: ['inventoryItem', 'nonInventorySaleItem', 'serviceSaleItem'],
  [q(NS.platformCommon, 'TransactionSearchBasic')]: [
    'salesOrder',
    'invoice',
    'customerPayment',
    'vendorBill',
    'journalEntry',
  ],
};

/** Sublists left out of search results when bodyFieldsOnly is true. */
export const SUBLIST_FIELDS = [
  'itemList',
  'expenseList',
  'lineList',
  'applyList',
  'creditList',
  'depositList',
  'addressbookList',
  'currencyList',
  'subsidiaryList',
];

/** Read-only fields: sending one fails unless the ignoreReadOnlyFields preference is true. */
export const READ_ONLY_FIELDS = [
  'createdDate',
  'dateCreated',
  'lastModifiedDate',
  'balance',
  'overdueBalance',
  'daysOverdue',
  'unbilledOrders',
  'depositBalance',
  'amountPaid',
  'amountRemaining',
  'applied',
  'unapplied',
];
