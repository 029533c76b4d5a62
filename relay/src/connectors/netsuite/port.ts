import type { NetSuiteError } from './errors.js';

/**
 * NetSuitePort: the one contract every flow uses to talk to NetSuite, whatever the transport
 * (SuiteTalk SOAP with the TBA token passport, or REST web services + SuiteQL + RESTlets).
 * No flow may know which transport is behind it.
 *
 * Records are plain objects keyed by SuiteTalk field names (the XSD names in
 * ../shared/reference/netsuite/record-fields-2023_2.md). Every list method splits its input to the
 * operation's limits internally and answers one result per input, in input order. Per-record failures
 * come back as `{ ok: false, error }`; request-level failures that could not be attributed to a record
 * (login failed, concurrency limit after the transport's own handling...) are thrown as NetSuiteError
 * only by the single-record/lookup methods; list methods turn them into per-item failures so that
 * nothing is silently lost.
 */

export const NS_RECORD_TYPES = [
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

/** The record types the connector supports (SuiteTalk `RecordType` enum values). */
export type NsRecordType = (typeof NS_RECORD_TYPES)[number];

export const isNsRecordType = (v: unknown): v is NsRecordType =>
  typeof v === 'string' && (NS_RECORD_TYPES as readonly string[]).includes(v);

/** A reference to another record (SuiteTalk RecordRef / ListOrRecordRef). */
export interface RecordRef {
  internalId?: string;
  externalId?: string;
  /** RecordType value (`customer`, `salesOrder`...), when the field needs it. */
  type?: string;
  /** Display name; NetSuite fills it on reads, ignored on writes. */
  name?: string;
}

/**
 * A custom field value. `kind` says which SuiteTalk CustomFieldRef it is; when omitted it is inferred
 * from the value (string → String, boolean → Boolean, integer → Long, number → Double, Date → Date,
 * RecordRef → Select, RecordRef[] → MultiSelect).
 */
export interface NsCustomField {
  scriptId: string;
  internalId?: string;
  kind?: 'string' | 'boolean' | 'long' | 'double' | 'date' | 'select' | 'multiSelect';
  value: string | number | boolean | Date | RecordRef | RecordRef[];
}

/**
 * Field values, keyed by SuiteTalk field name:
 * - scalars: string | number | boolean | Date (dateTime fields; ISO strings are accepted too);
 * - enum fields: the SuiteTalk enum literal (`'_pendingApproval'`, `'_customer'`);
 * - references: RecordRef (`entity: { internalId: '42' }`, `subsidiary: { externalId: 'SUB-1' }`);
 * - sublists: `{ item: [ {...}, ... ], replaceAll?: boolean }` under the list field name
 *   (`itemList`, `applyList`, `lineList`, `expenseList`, `addressbookList`: `{ addressbook: [...] }`);
 * - nested complex values as plain objects (`billingAddress`, `addressbookAddress`).
 * Unknown field names are rejected by the connector with a clear error naming the field and record.
 */
export type NsFields = Record<string, unknown>;

export interface NsRecord {
  type: NsRecordType;
  internalId?: string;
  externalId?: string;
  fields: NsFields;
  customFields?: NsCustomField[];
  /** Fields to clear on update (SuiteTalk nullFieldList). */
  nullFields?: string[];
}

/** Identifies one existing record: internalId or externalId (internalId wins when both are set). */
export interface NsRecordKey {
  type: NsRecordType;
  internalId?: string;
  externalId?: string;
}

export interface NsWarning {
  code: string;
  message: string;
}

export type WriteResult =
  { ok: true; internalId: string; externalId?: string; warnings?: NsWarning[] } | { ok: false; error: NetSuiteError };

export type ReadResult = { ok: true; record: NsRecord } | { ok: false; error: NetSuiteError };

export type SearchStatusFilter = string[];

/** A basic search over one record type. All filters are AND-ed. */
export interface NsSearchQuery {
  type: NsRecordType;
  /** lastModifiedDate on or after this instant. */
  modifiedSince?: Date;
  /** lastModifiedDate before this instant. */
  modifiedBefore?: Date;
  internalIds?: string[];
  externalIds?: string[];
  /** Entities: entityId is exactly this value. */
  entityId?: string;
  /** Entities: email is exactly this value. */
  email?: string;
  /** Transactions: tranId is exactly this value. */
  tranId?: string;
  /** Transactions: status any of (search-side TransactionStatus values, e.g. `_salesOrderPendingBilling`). */
  status?: SearchStatusFilter;
  /** Records per page, 5..1000 (default 100). */
  pageSize?: number;
  /** Include sublists in the records (slower); default false. */
  withSublists?: boolean;
}

export interface NsSearchPage {
  records: NsRecord[];
  /** 1-based. */
  pageIndex: number;
  totalPages: number;
  totalRecords: number;
}

/** initialize: a new, unsaved record prefilled from another (sales order → invoice, invoice → payment). */
export interface NsInitializeRequest {
  type: 'invoice' | 'customerPayment';
  reference: { type: NsRecordType; internalId?: string; externalId?: string };
}

export interface NsGovernance {
  /** The account-wide concurrent request limit. */
  accountConcurrencyLimit: number;
  /** What is left of it after integration-specific allocations. */
  unallocatedConcurrencyLimit?: number;
}

export interface NetSuitePort {
  add(records: readonly NsRecord[]): Promise<WriteResult[]>;
  update(records: readonly NsRecord[]): Promise<WriteResult[]>;
  /** Insert or update by externalId (every record must carry one). */
  upsert(records: readonly NsRecord[]): Promise<WriteResult[]>;
  delete(keys: readonly NsRecordKey[]): Promise<WriteResult[]>;
  /** One record; throws NetSuiteError (code NS_NOT_FOUND when missing). */
  get(key: NsRecordKey): Promise<NsRecord>;
  getList(keys: readonly NsRecordKey[]): Promise<ReadResult[]>;
  /** One entry per id, in order: the record, or null when no record of that type has that externalId. */
  findByExternalIds(type: NsRecordType, externalIds: readonly string[]): Promise<(NsRecord | null)[]>;
  /** Pages of a search, fetched lazily (the next page is requested when the caller asks for it). */
  search(query: NsSearchQuery): AsyncIterable<NsSearchPage>;
  /** Throws NetSuiteError (NS_INVALID_REFERENCE when the reference is unknown). */
  initialize(request: NsInitializeRequest): Promise<NsRecord>;
  governance(): Promise<NsGovernance>;
}
