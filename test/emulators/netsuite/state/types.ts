/**
 * Shared record model of the emulated NetSuite account.
 * Records are plain JSON objects keyed by the SuiteTalk XSD field names (2023_2): body fields
 * (`companyName`, `email`), references (`entity: { internalId }`), sublists
 * (`itemList: { item: [...] }`, `applyList: { apply: [...] }`) and `customFieldList`.
 */

/** Record types the emulator stores (values of the XSD `RecordType` enum). */
export const RECORD_TYPES = [
  'customer',
  'contact',
  'employee',
  'vendor',
  'inventoryItem',
  'nonInventorySaleItem',
  'serviceSaleItem',
  'salesOrder',
  'invoice',
  'customerPayment',
  'vendorBill',
  'journalEntry',
] as const;

export type RecordType = (typeof RECORD_TYPES)[number];

export function isRecordType(value: string): value is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(value);
}

/** internalId sequences are shared per family, as in NetSuite (entities, items, transactions). */
export type RecordFamily = 'entity' | 'item' | 'transaction';

export const FAMILY: Record<RecordType, RecordFamily> = {
  customer: 'entity',
  contact: 'entity',
  employee: 'entity',
  vendor: 'entity',
  inventoryItem: 'item',
  nonInventorySaleItem: 'item',
  serviceSaleItem: 'item',
  salesOrder: 'transaction',
  invoice: 'transaction',
  customerPayment: 'transaction',
  vendorBill: 'transaction',
  journalEntry: 'transaction',
};

export const ITEM_TYPES: readonly RecordType[] = ['inventoryItem', 'nonInventorySaleItem', 'serviceSaleItem'];

/** A RecordRef as JSON: attributes and the `name` element flattened into one object. */
export interface RecordRef {
  internalId?: string;
  externalId?: string;
  type?: string;
  name?: string;
}

/** A custom field value: `xsiType` is the local name of the CustomFieldRef subtype. */
export interface CustomFieldValue {
  scriptId?: string;
  internalId?: string;
  xsiType: string;
  value: unknown;
}

/** A record as handed to and returned from the state: XSD field names, JSON values. */
export type NsRecord = { internalId?: string; externalId?: string } & Record<string, unknown>;

/** A stored record with the metadata the emulator keeps outside the XSD fields. */
export interface StoredRecord {
  type: RecordType;
  internalId: string;
  externalId?: string;
  /** Incremented on every save; the optimistic-lock version (RCRD_HAS_BEEN_CHANGED). */
  version: number;
  createdAt: string;
  lastModified: string;
  fields: Record<string, unknown>;
}

export type SaveOperation = 'create' | 'edit' | 'delete';

/** Passed to every `onRecordSaved` hook after a successful save or delete. */
export interface RecordSavedEvent {
  operation: SaveOperation;
  type: RecordType;
  internalId: string;
  externalId?: string;
  /** The record after the save (before the delete for `delete`). */
  record: NsRecord;
  /** The record before the save (undefined on create). */
  oldRecord?: NsRecord;
  /** Which endpoint caused it: 'soap' | 'rest' | 'restlet' | 'suitescript' | 'seed' | string. */
  source: string;
}

export type RecordSavedHook = (event: RecordSavedEvent) => void | Promise<void>;

/** Options on a write. */
export interface WriteOptions {
  /** Version the writer read; a different current version fails with RCRD_HAS_BEEN_CHANGED. */
  expectedVersion?: number;
  /** Endpoint name passed to hooks. */
  source?: string;
  /** Skip required-field checks, like the `disableMandatoryCustomFieldValidation` preference does for custom fields. */
  ignoreReadOnlyFields?: boolean;
}
