/**
 * SalesforcePort: the narrow interface flows, sinks and the backfill use. Names are unprefixed (the
 * adapter adds the package namespace); records are plain objects without `attributes`.
 */
import type { SalesforceError } from './errors.js';
import type { ApiUsage } from './limits.js';
import type { SoqlQuery } from './soql/query.js';

export type SfRecord = Record<string, unknown> & { Id?: string };

/** Result of one record of a collection write, in input order (`index` = position in the input). */
export type RecordResult =
  { index: number; ok: true; id: string; created?: boolean } | { index: number; ok: false; error: SalesforceError };

export interface UpsertResult {
  id: string | undefined;
  created: boolean;
}

export interface PublishResult {
  /** The `e0…` id Salesforce returns; not unique, not in the delivered event. */
  id: string | undefined;
  /** The EventUuid from the OPERATION_ENQUEUED status (present from API 52.0). */
  eventUuid: string | undefined;
}

export interface DescribeField {
  name: string;
  type: string;
  label?: string;
  length?: number;
  nillable?: boolean;
  createable?: boolean;
  updateable?: boolean;
  externalId?: boolean;
  unique?: boolean;
  referenceTo?: string[];
  relationshipName?: string | null;
  picklistValues?: { value: string; label?: string; active?: boolean }[];
  [key: string]: unknown;
}

export interface DescribeResult {
  name: string;
  label?: string;
  keyPrefix?: string | null;
  fields: DescribeField[];
  [key: string]: unknown;
}

export interface PageOptions {
  /** `/queryAll`: include deleted and archived records (`IsDeleted = true`), e.g. to replay deletions. */
  includeDeleted?: boolean;
}

export interface QueryOptions extends PageOptions {
  /** Stop with SF_INVALID_INPUT when more than this many records come back (default 50,000). */
  maxRecords?: number;
}

export interface SalesforcePort {
  /** Runs a built query and follows `nextRecordsUrl` to the end. */
  query<T extends SfRecord = SfRecord>(query: SoqlQuery, opts?: QueryOptions): Promise<T[]>;
  /** The same, one page (up to 2,000 records) at a time. */
  queryPages<T extends SfRecord = SfRecord>(query: SoqlQuery, opts?: PageOptions): AsyncIterable<T[]>;
  /** `SELECT COUNT()` result. */
  count(query: SoqlQuery): Promise<number>;
  /** One record by id, or undefined when it does not exist. */
  getById<T extends SfRecord = SfRecord>(
    sobject: string,
    id: string,
    fields?: readonly string[],
  ): Promise<T | undefined>;
  create(sobject: string, record: SfRecord): Promise<{ id: string }>;
  update(sobject: string, id: string, record: SfRecord): Promise<void>;
  upsert(sobject: string, externalIdField: string, externalId: string, record: SfRecord): Promise<UpsertResult>;
  /** sObject collections: split at 200, never all-or-none, one result per input record in input order. */
  createMany(sobject: string, records: readonly SfRecord[]): Promise<RecordResult[]>;
  /** Each record needs its `Id`. */
  updateMany(sobject: string, records: readonly SfRecord[]): Promise<RecordResult[]>;
  /** Each record needs a value in `externalIdField`. */
  upsertMany(sobject: string, externalIdField: string, records: readonly SfRecord[]): Promise<RecordResult[]>;
  /** Deletes one record (to the recycle bin). A record already gone answers SF_NOT_FOUND. */
  delete(sobject: string, id: string): Promise<void>;
  /** Collection delete: at most 200 ids per call, `allOrNone:false`, one result per id in input order. */
  deleteMany(ids: readonly string[]): Promise<RecordResult[]>;
  /** Publishes a platform event (`POST /sobjects/X__e`). */
  publish(event: string, payload: SfRecord): Promise<PublishResult>;
  /** sObject describe, cached. */
  describe(sobject: string): Promise<DescribeResult>;
  /** API usage from the last `Sforce-Limit-Info` header seen. */
  apiUsage(): ApiUsage | undefined;
}
