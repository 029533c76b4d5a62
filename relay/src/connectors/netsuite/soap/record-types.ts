import type { NsRecordType } from '../port.js';

/** How each supported record type appears in SuiteTalk SOAP. */
export interface RecordTypeInfo {
  /** xsi:type of the record (`listRel:Customer`). */
  xsiType: string;
  /** xsi:type of its search (`listRel:CustomerSearch`) and the basic-criteria type. */
  search: string;
  searchBasic: string;
  /** Value of the basic search's `type` filter, for searches shared by several record types. */
  searchTypeFilter?: string;
  /** Entities have entityId/email; transactions have tranId/status. */
  kind: 'entity' | 'item' | 'transaction';
}

export const RECORD_TYPES: Readonly<Record<NsRecordType, RecordTypeInfo>> = {
  customer: {
    xsiType: 'listRel:Customer',
    search: 'listRel:CustomerSearch',
    searchBasic: 'platformCommon:CustomerSearchBasic',
    kind: 'entity',
  },
  contact: {
    xsiType: 'listRel:Contact',
    search: 'listRel:ContactSearch',
    searchBasic: 'platformCommon:ContactSearchBasic',
    kind: 'entity',
  },
  employee: {
    xsiType: 'listEmp:Employee',
    search: 'listEmp:EmployeeSearch',
    searchBasic: 'platformCommon:EmployeeSearchBasic',
    kind: 'entity',
  },
  vendor: {
    xsiType: 'listRel:Vendor',
    search: 'listRel:VendorSearch',
    searchBasic: 'platformCommon:VendorSearchBasic',
    kind: 'entity',
  },
  inventoryItem: {
    xsiType: 'listAcct:InventoryItem',
    search: 'listAcct:ItemSearch',
    searchBasic: 'platformCommon:ItemSearchBasic',
    searchTypeFilter: '_inventoryItem',
    kind: 'item',
  },
  nonInventorySaleItem: {
    xsiType: 'listAcct:NonInventorySaleItem',
    search: 'listAcct:ItemSearch',
    searchBasic: 'platformCommon:ItemSearchBasic',
    searchTypeFilter: '_nonInventoryItem',
    kind: 'item',
  },
  serviceSaleItem: {
    xsiType: 'listAcct:ServiceSaleItem',
    search: 'listAcct:ItemSearch',
    searchBasic: 'platformCommon:ItemSearchBasic',
    searchTypeFilter: '_service',
    kind: 'item',
  },
  salesOrder: {
    xsiType: 'tranSales:SalesOrder',
    search: 'tranSales:TransactionSearch',
    searchBasic: 'platformCommon:TransactionSearchBasic',
    searchTypeFilter: '_salesOrder',
    kind: 'transaction',
  },
  invoice: {
    xsiType: 'tranSales:Invoice',
    search: 'tranSales:TransactionSearch',
    searchBasic: 'platformCommon:TransactionSearchBasic',
    searchTypeFilter: '_invoice',
    kind: 'transaction',
  },
  customerPayment: {
    xsiType: 'tranCust:CustomerPayment',
    search: 'tranSales:TransactionSearch',
    searchBasic: 'platformCommon:TransactionSearchBasic',
    searchTypeFilter: '_customerPayment',
    kind: 'transaction',
  },
  vendorBill: {
    xsiType: 'tranPurch:VendorBill',
    search: 'tranSales:TransactionSearch',
    searchBasic: 'platformCommon:TransactionSearchBasic',
    searchTypeFilter: '_vendorBill',
    kind: 'transaction',
  },
  journalEntry: {
    xsiType: 'tranGeneral:JournalEntry',
    search: 'tranSales:TransactionSearch',
    searchBasic: 'platformCommon:TransactionSearchBasic',
    searchTypeFilter: '_journal',
    kind: 'transaction',
  },
};

const BY_LOCAL = new Map(
  Object.entries(RECORD_TYPES).map(([t, info]) => [info.xsiType.split(':')[1] as string, t as NsRecordType]),
);

/** `listRel:Customer` (any prefix) → `customer`, or undefined for a type the connector does not model. */
export function recordTypeOfXsiType(xsiType: string): NsRecordType | undefined {
  const local = xsiType.includes(':') ? xsiType.slice(xsiType.indexOf(':') + 1) : xsiType;
  return BY_LOCAL.get(local);
}
