/**
 * Typed Salesforce errors for the REST connector, the login and (shared) the streaming subscriber.
 *
 * `code` is ours and stable (flows and the retry policy switch on it); `sfCode` is what Salesforce sent
 * (REST `errorCode`, a collection item's `statusCode`, OAuth `error`); `retryable` says whether the same
 * request may succeed later. Classification follows PROTOCOL-NOTES.md §4.5 and DESIGN.md (transient:
 * limits, locks, timeouts, 5xx; permanent: validation and references).
 */

export type SalesforceErrorCode =
  /** 401 INVALID_SESSION_ID: the access token expired or was revoked. Retryable after a new login. */
  | 'SF_SESSION_EXPIRED'
  /** The JWT bearer login was refused (invalid_grant, invalid_client_id...). Permanent until fixed. */
  | 'SF_AUTH_FAILED'
  /** REQUEST_LIMIT_EXCEEDED (daily API limit or concurrent long requests), HTTP 429. Retryable later. */
  | 'SF_REQUEST_LIMIT'
  /** UNABLE_TO_LOCK_ROW: another transaction holds the row. Retryable. */
  | 'SF_ROW_LOCK'
  /** The request timed out. Retryable. */
  | 'SF_TIMEOUT'
  /** 5xx, SERVER_UNAVAILABLE, connection refused or reset. Retryable. */
  | 'SF_UNAVAILABLE'
  /** Rolled back because another record of an all-or-none request failed. Retryable alone. */
  | 'SF_ROLLED_BACK'
  /** Field validation: required field missing, string too long, bad picklist value, validation rule... Permanent. */
  | 'SF_VALIDATION'
  /** A field does not exist or is not accessible (INVALID_FIELD). Permanent. */
  | 'SF_INVALID_FIELD'
  /** An sObject type does not exist or is not accessible (INVALID_TYPE). Permanent. */
  | 'SF_INVALID_TYPE'
  /** A reference points at nothing or at a wrong type (INVALID_CROSS_REFERENCE_KEY...). Permanent. */
  | 'SF_INVALID_REFERENCE'
  /** DUPLICATE_VALUE on a unique field, a duplicate rule. Permanent. */
  | 'SF_DUPLICATE'
  /** NOT_FOUND, ENTITY_IS_DELETED. Permanent. */
  | 'SF_NOT_FOUND'
  /** The integration user lacks access (INSUFFICIENT_ACCESS...), a trigger refused the save. Permanent. */
  | 'SF_PERMISSION'
  /** The record is locked by an approval process (ENTITY_IS_LOCKED). Permanent until unlocked. */
  | 'SF_RECORD_LOCKED'
  /** MALFORMED_QUERY, INVALID_QUERY_FILTER_OPERATOR... Permanent. */
  | 'SF_MALFORMED_QUERY'
  /** An upsert matched several records by external id (HTTP 300). Permanent. */
  | 'SF_MULTIPLE_MATCHES'
  /** Bad input caught before any call (invalid name, id, value, batch). Permanent. */
  | 'SF_INVALID_INPUT'
  /** The answer could not be understood (wrong shape, result count mismatch). Permanent. */
  | 'SF_PROTOCOL'
  /** Any other Salesforce error. Permanent unless its HTTP status says otherwise. */
  | 'SF_ERROR';

export interface SalesforceErrorRecord {
  /** Position of the record in the caller's input array. */
  index?: number;
  id?: string;
  sobject?: string;
  externalId?: string;
}

export interface SalesforceErrorInit {
  code: SalesforceErrorCode;
  message: string;
  /** Salesforce's own code: REST errorCode, collection statusCode, OAuth error. */
  sfCode?: string;
  httpStatus?: number;
  /** Field API names Salesforce blamed. */
  fields?: string[];
  /** Overrides the default retryability of `code`. */
  retryable?: boolean;
  /** Server-suggested wait before retrying, milliseconds (Retry-After, spent daily limit). */
  retryAfterMs?: number;
  record?: SalesforceErrorRecord;
  /** Further errors after the first (codes and messages only). */
  details?: { sfCode: string; message: string; fields?: string[] }[];
  cause?: unknown;
}

const RETRYABLE_CODES: ReadonlySet<SalesforceErrorCode> = new Set<SalesforceErrorCode>([
  'SF_SESSION_EXPIRED',
  'SF_REQUEST_LIMIT',
  'SF_ROW_LOCK',
  'SF_TIMEOUT',
  'SF_UNAVAILABLE',
  'SF_ROLLED_BACK',
]);

export class SalesforceError extends Error {
  readonly isSalesforceError = true as const;
  readonly code: SalesforceErrorCode;
  readonly sfCode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly fields: string[];
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly record: SalesforceErrorRecord | undefined;
  readonly details: { sfCode: string; message: string; fields?: string[] }[];

  constructor(init: SalesforceErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'SalesforceError';
    this.code = init.code;
    this.sfCode = init.sfCode;
    this.httpStatus = init.httpStatus;
    this.fields = init.fields ?? [];
    this.retryable = init.retryable ?? RETRYABLE_CODES.has(init.code);
    this.retryAfterMs = init.retryAfterMs;
    this.record = init.record;
    this.details = init.details ?? [];
  }

  /** A copy bound to one input record (a request-level error failing every record of a batch). */
  forRecord(record: SalesforceErrorRecord): SalesforceError {
    return new SalesforceError({ ...this.toInit(), record: { ...this.record, ...record } });
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      sfCode: this.sfCode,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      message: this.message,
      fields: this.fields.length > 0 ? this.fields : undefined,
      record: this.record,
      details: this.details.length > 0 ? this.details : undefined,
    };
  }

  private toInit(): SalesforceErrorInit {
    return {
      code: this.code,
      message: this.message,
      sfCode: this.sfCode,
      httpStatus: this.httpStatus,
      fields: this.fields,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      record: this.record,
      details: this.details,
      cause: this.cause,
    };
  }
}

export const isSalesforceError = (e: unknown): e is SalesforceError =>
  typeof e === 'object' && e !== null && (e as { isSalesforceError?: unknown }).isSalesforceError === true;

export const isRetryableSalesforceError = (e: unknown): e is SalesforceError => isSalesforceError(e) && e.retryable;

/** A session that Salesforce no longer accepts: the caller should invalidate the token and log in again. */
export const isSessionExpired = (e: unknown): e is SalesforceError =>
  isSalesforceError(e) && e.code === 'SF_SESSION_EXPIRED';

const BY_SF_CODE: Readonly<Record<string, SalesforceErrorCode>> = {
  INVALID_SESSION_ID: 'SF_SESSION_EXPIRED',
  REQUEST_LIMIT_EXCEEDED: 'SF_REQUEST_LIMIT',
  TOO_MANY_REQUESTS: 'SF_REQUEST_LIMIT',
  UNABLE_TO_LOCK_ROW: 'SF_ROW_LOCK',
  SERVER_UNAVAILABLE: 'SF_UNAVAILABLE',
  ALL_OR_NONE_OPERATION_ROLLED_BACK: 'SF_ROLLED_BACK',
  PROCESSING_HALTED: 'SF_ROLLED_BACK',
  REQUIRED_FIELD_MISSING: 'SF_VALIDATION',
  STRING_TOO_LONG: 'SF_VALIDATION',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'SF_VALIDATION',
  FIELD_CUSTOM_VALIDATION_EXCEPTION: 'SF_VALIDATION',
  FIELD_INTEGRITY_EXCEPTION: 'SF_VALIDATION',
  FIELD_FILTER_VALIDATION_EXCEPTION: 'SF_VALIDATION',
  INVALID_TYPE_ON_FIELD_IN_RECORD: 'SF_VALIDATION',
  NUMBER_OUTSIDE_VALID_RANGE: 'SF_VALIDATION',
  INVALID_EMAIL_ADDRESS: 'SF_VALIDATION',
  INVALID_FIELD_FOR_INSERT_UPDATE: 'SF_VALIDATION',
  INVALID_FIELD_WHEN_USING_TEMPLATE: 'SF_VALIDATION',
  JSON_PARSER_ERROR: 'SF_VALIDATION',
  MALFORMED_ID: 'SF_VALIDATION',
  INVALID_ID_FIELD: 'SF_VALIDATION',
  INVALID_FIELD: 'SF_INVALID_FIELD',
  NO_SUCH_COLUMN: 'SF_INVALID_FIELD',
  INVALID_TYPE: 'SF_INVALID_TYPE',
  INVALID_CROSS_REFERENCE_KEY: 'SF_INVALID_REFERENCE',
  INVALID_CROSS_REFERENCE_TYPE_FOR_FIELD: 'SF_INVALID_REFERENCE',
  DUPLICATE_VALUE: 'SF_DUPLICATE',
  DUPLICATES_DETECTED: 'SF_DUPLICATE',
  DUPLICATE_EXTERNAL_ID: 'SF_DUPLICATE',
  NOT_FOUND: 'SF_NOT_FOUND',
  ENTITY_IS_DELETED: 'SF_NOT_FOUND',
  INSUFFICIENT_ACCESS_OR_READONLY: 'SF_PERMISSION',
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: 'SF_PERMISSION',
  CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY: 'SF_PERMISSION',
  API_DISABLED_FOR_ORG: 'SF_PERMISSION',
  API_CURRENTLY_DISABLED: 'SF_PERMISSION',
  ENTITY_IS_LOCKED: 'SF_RECORD_LOCKED',
  MALFORMED_QUERY: 'SF_MALFORMED_QUERY',
  INVALID_QUERY_FILTER_OPERATOR: 'SF_MALFORMED_QUERY',
  INVALID_QUERY_LOCATOR: 'SF_MALFORMED_QUERY',
  MULTIPLE_CHOICES: 'SF_MULTIPLE_MATCHES',
  // OAuth token endpoint `error` values.
  invalid_grant: 'SF_AUTH_FAILED',
  invalid_client_id: 'SF_AUTH_FAILED',
  invalid_client: 'SF_AUTH_FAILED',
  invalid_app_access: 'SF_AUTH_FAILED',
  unsupported_grant_type: 'SF_AUTH_FAILED',
  inactive_user: 'SF_AUTH_FAILED',
  inactive_org: 'SF_AUTH_FAILED',
};

/** Our stable code for a Salesforce code, falling back on the HTTP status. */
export function codeFor(sfCode: string | undefined, httpStatus?: number): SalesforceErrorCode {
  const known = sfCode === undefined ? undefined : BY_SF_CODE[sfCode];
  if (known) return known;
  if (httpStatus === 401) return 'SF_SESSION_EXPIRED';
  if (httpStatus === 429) return 'SF_REQUEST_LIMIT';
  if (httpStatus === 408) return 'SF_TIMEOUT';
  if (httpStatus !== undefined && httpStatus >= 500) return 'SF_UNAVAILABLE';
  if (httpStatus === 404) return 'SF_NOT_FOUND';
  return 'SF_ERROR';
}

export interface RawSalesforceError {
  errorCode?: string;
  statusCode?: string;
  message?: string;
  fields?: string[];
}

/** Builds a typed error from Salesforce error entries (REST `errorCode` or collection `statusCode`). */
export function fromSalesforceErrors(
  errors: readonly RawSalesforceError[],
  context: { httpStatus?: number; retryAfterMs?: number; record?: SalesforceErrorRecord } = {},
): SalesforceError {
  const [first, ...rest] = errors;
  const sfCode = first?.errorCode ?? first?.statusCode;
  const code = codeFor(sfCode, context.httpStatus);
  return new SalesforceError({
    code,
    sfCode,
    message: first?.message ?? `Salesforce answered HTTP ${context.httpStatus ?? '?'} without an error message`,
    httpStatus: context.httpStatus,
    fields: first?.fields ?? [],
    retryAfterMs: context.retryAfterMs,
    record: context.record,
    details: rest.map((e) => ({
      sfCode: e.errorCode ?? e.statusCode ?? 'UNKNOWN',
      message: e.message ?? '',
      fields: e.fields,
    })),
  });
}

/** Network-level failures (no HTTP answer) from fetch/node-fetch/undici. */
export function fromTransportFailure(err: unknown, what: string): SalesforceError {
  const e = err as { name?: string; code?: string; message?: string; type?: string };
  const text = `${e.name ?? ''} ${e.code ?? ''} ${e.type ?? ''} ${e.message ?? ''}`;
  const timedOut = /AbortError|TimeoutError|ETIMEDOUT|ESOCKETTIMEDOUT|Request Timeout|request-timeout|aborted/i.test(
    text,
  );
  return new SalesforceError({
    code: timedOut ? 'SF_TIMEOUT' : 'SF_UNAVAILABLE',
    message: `${what} ${timedOut ? 'timed out' : 'failed before Salesforce answered'}: ${e.message ?? String(err)}`,
    sfCode: e.code,
    cause: err,
  });
}
