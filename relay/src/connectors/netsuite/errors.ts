/**
 * Typed NetSuite errors, shared by every transport (SOAP, REST web services, RESTlets).
 *
 * `code` is ours and stable (flows and the retry policy switch on it); `nsCode` is what NetSuite sent
 * (fault code, statusDetail code, REST `o:errorCode`, RESTlet `error.code`); `retryable` says whether the
 * same request may succeed later. Classification follows PROTOCOL-NOTES.md §4.3.
 */

export type NetSuiteErrorCode =
  /** Account-wide concurrency limit (WS_REQUEST_BLOCKED, SSS_REQUEST_LIMIT_EXCEEDED, HTTP 429). Retryable. */
  | 'NS_CONCURRENCY_LIMIT'
  /** The record is locked (RCRD_LOCKED_BY_WF, a record being saved by someone else). Retryable later. */
  | 'NS_RECORD_LOCKED'
  /** Optimistic-lock conflict (RCRD_HAS_BEEN_CHANGED): re-read the record, then retry. */
  | 'NS_RECORD_CHANGED'
  /** The request timed out or the connection dropped. Retryable. */
  | 'NS_TIMEOUT'
  /** 5xx, maintenance window, account temporarily unavailable, unexpected server error. Retryable. */
  | 'NS_UNAVAILABLE'
  /** Field-level validation failed (USER_ERROR, missing required field, bad value). Permanent. */
  | 'NS_VALIDATION'
  /** A RecordRef points at nothing (INVALID_KEY_OR_REF, INVALID_INITIALIZE_REF...). Permanent. */
  | 'NS_INVALID_REFERENCE'
  /** Duplicate entity id / external id (DUP_ENTITY...). Permanent. */
  | 'NS_DUPLICATE'
  /** The record does not exist (RCRD_DSNT_EXIST). Permanent. */
  | 'NS_NOT_FOUND'
  /** The role lacks a permission (INSUFFICIENT_PERMISSION...). Permanent. */
  | 'NS_PERMISSION'
  /** Authentication failed (Invalid login attempt, bad signature, revoked token). Permanent. */
  | 'NS_LOGIN_FAILED'
  /** Too many records or too large a request for the operation (ExceededRecordCountFault...). Permanent. */
  | 'NS_LIMIT_EXCEEDED'
  /** The answer could not be understood (malformed XML/JSON, missing elements). Permanent. */
  | 'NS_PROTOCOL'
  /** Any other NetSuite error. Permanent unless classified otherwise. */
  | 'NS_ERROR';

export interface NetSuiteErrorRecord {
  type?: string;
  internalId?: string;
  externalId?: string;
  /** Position of the record in the caller's input array. */
  index?: number;
}

export interface NetSuiteErrorInit {
  code: NetSuiteErrorCode;
  message: string;
  /** NetSuite's own code: fault code, statusDetail code, REST o:errorCode, RESTlet error.code. */
  nsCode?: string;
  /** SOAP fault element name (ExceededConcurrentRequestLimitFault...), when it came from a fault. */
  faultName?: string;
  httpStatus?: number;
  /** Overrides the default retryability of `code`. */
  retryable?: boolean;
  /** Server-suggested wait (Retry-After), milliseconds. */
  retryAfterMs?: number;
  record?: NetSuiteErrorRecord;
  /** Further statusDetail entries after the first (codes and messages only). */
  details?: { code: string; message: string; type?: string }[];
  cause?: unknown;
}

const RETRYABLE_CODES: ReadonlySet<NetSuiteErrorCode> = new Set<NetSuiteErrorCode>([
  'NS_CONCURRENCY_LIMIT',
  'NS_RECORD_LOCKED',
  'NS_RECORD_CHANGED',
  'NS_TIMEOUT',
  'NS_UNAVAILABLE',
]);

export class NetSuiteError extends Error {
  readonly isNetSuiteError = true as const;
  readonly code: NetSuiteErrorCode;
  readonly nsCode: string | undefined;
  readonly faultName: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly record: NetSuiteErrorRecord | undefined;
  readonly details: { code: string; message: string; type?: string }[];

  constructor(init: NetSuiteErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'NetSuiteError';
    this.code = init.code;
    this.nsCode = init.nsCode;
    this.faultName = init.faultName;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable ?? RETRYABLE_CODES.has(init.code);
    this.retryAfterMs = init.retryAfterMs;
    this.record = init.record;
    this.details = init.details ?? [];
  }

  /** A copy bound to one input record (used when a request-level error fails every item of a batch). */
  forRecord(record: NetSuiteErrorRecord): NetSuiteError {
    return new NetSuiteError({ ...this.toInit(), record });
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      nsCode: this.nsCode,
      faultName: this.faultName,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      message: this.message,
      record: this.record,
      details: this.details.length > 0 ? this.details : undefined,
    };
  }

  private toInit(): NetSuiteErrorInit {
    return {
      code: this.code,
      message: this.message,
      nsCode: this.nsCode,
      faultName: this.faultName,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      record: this.record,
      details: this.details,
    };
  }
}

export const isNetSuiteError = (e: unknown): e is NetSuiteError =>
  typeof e === 'object' && e !== null && (e as { isNetSuiteError?: unknown }).isNetSuiteError === true;

/** NetSuite codes (SOAP fault codes, statusDetail codes, REST/RESTlet codes) → our code. */
const NS_CODE_MAP: Readonly<Record<string, NetSuiteErrorCode>> = {
  // concurrency / rate
  WS_REQUEST_BLOCKED: 'NS_CONCURRENCY_LIMIT',
  WS_CONCUR_SESSION_DISALLWD: 'NS_CONCURRENCY_LIMIT',
  EXCEEDED_MAX_CONCUR_RQST: 'NS_CONCURRENCY_LIMIT',
  WS_EXCEEDED_CONCUR_USERS_ALLWD: 'NS_CONCURRENCY_LIMIT',
  SSS_REQUEST_LIMIT_EXCEEDED: 'NS_CONCURRENCY_LIMIT',
  CONCURRENCY_LIMIT_EXCEEDED: 'NS_CONCURRENCY_LIMIT',
  // locks and optimistic concurrency
  RCRD_LOCKED_BY_WF: 'NS_RECORD_LOCKED',
  RCRD_LOCKED: 'NS_RECORD_LOCKED',
  RECORD_LOCKED: 'NS_RECORD_LOCKED',
  COULD_NOT_ACQUIRE_LOCK: 'NS_RECORD_LOCKED',
  RCRD_HAS_BEEN_CHANGED: 'NS_RECORD_CHANGED',
  CANT_UPDATE_RECRD_HAS_CHANGED: 'NS_RECORD_CHANGED',
  // availability
  ACCT_TEMP_UNAVAILABLE: 'NS_UNAVAILABLE',
  UNEXPECTED_ERROR: 'NS_UNAVAILABLE',
  SSS_REQUEST_TIME_EXCEEDED: 'NS_TIMEOUT',
  // validation
  USER_ERROR: 'NS_VALIDATION',
  INVALID_FLD_VALUE: 'NS_VALIDATION',
  INVALID_FIELD_VALUE: 'NS_VALIDATION',
  FIELD_REQD: 'NS_VALIDATION',
  FIELD_PARAM_REQD: 'NS_VALIDATION',
  INVALID_FLD: 'NS_VALIDATION',
  INVALID_RCRD_TYPE: 'NS_VALIDATION',
  INVALID_TYPE: 'NS_VALIDATION',
  INVALID_CONTENT: 'NS_VALIDATION',
  INVALID_PAGE_INDEX: 'NS_VALIDATION',
  INVALID_SEARCH: 'NS_VALIDATION',
  INVALID_PAGE_PARAM: 'NS_VALIDATION',
  // references
  INVALID_KEY_OR_REF: 'NS_INVALID_REFERENCE',
  INVALID_REF_KEY: 'NS_INVALID_REFERENCE',
  INVALID_INITIALIZE_REF: 'NS_INVALID_REFERENCE',
  INVALID_INTERNALID: 'NS_INVALID_REFERENCE',
  // duplicates
  DUP_ENTITY: 'NS_DUPLICATE',
  DUP_RCRD: 'NS_DUPLICATE',
  DUP_ITEM: 'NS_DUPLICATE',
  DUP_VENDOR_NAME: 'NS_DUPLICATE',
  DUP_EMPL_ENTITY_NAME: 'NS_DUPLICATE',
  DUP_CSTM_RCRD_ENTRY: 'NS_DUPLICATE',
  DUP_EXTERNAL_ID: 'NS_DUPLICATE',
  // not found
  RCRD_DSNT_EXIST: 'NS_NOT_FOUND',
  NONEXISTENT_ID: 'NS_NOT_FOUND',
  SSS_INVALID_SCRIPTLET_ID: 'NS_NOT_FOUND',
  // permissions
  INSUFFICIENT_PERMISSION: 'NS_PERMISSION',
  WS_PERMISSION_REQD: 'NS_PERMISSION',
  WS_FEATURE_REQD: 'NS_PERMISSION',
  OI_PERMISSION_REQD: 'NS_PERMISSION',
  OI_FEATURE_REQD: 'NS_PERMISSION',
  // login
  INVALID_LOGIN_ATTEMPT: 'NS_LOGIN_FAILED',
  INVALID_LOGIN_CREDENTIALS: 'NS_LOGIN_FAILED',
  INVALID_LOGIN: 'NS_LOGIN_FAILED',
  INVALID_ACCT: 'NS_LOGIN_FAILED',
  INVALID_ROLE: 'NS_LOGIN_FAILED',
  ROLE_REQUIRED: 'NS_LOGIN_FAILED',
  LOGIN_DISABLED: 'NS_LOGIN_FAILED',
  WS_LOG_IN_REQD: 'NS_LOGIN_FAILED',
  SESSION_TIMED_OUT: 'NS_LOGIN_FAILED',
  INVALID_WS_VERSION: 'NS_LOGIN_FAILED',
  UNSUPPORTED_WS_VERSION: 'NS_LOGIN_FAILED',
  // limits
  MAX_RCRDS_EXCEEDED: 'NS_LIMIT_EXCEEDED',
  EXCEEDED_RQST_SIZE_LIMIT: 'NS_LIMIT_EXCEEDED',
  EXCEEDED_MAX_RCRDS: 'NS_LIMIT_EXCEEDED',
};

/** SOAP fault element names → our code, used when the code inside is missing or unknown. */
const FAULT_NAME_MAP: Readonly<Record<string, NetSuiteErrorCode>> = {
  ExceededConcurrentRequestLimitFault: 'NS_CONCURRENCY_LIMIT',
  ExceededRequestLimitFault: 'NS_CONCURRENCY_LIMIT',
  ExceededUsageLimitFault: 'NS_CONCURRENCY_LIMIT',
  ExceededRecordCountFault: 'NS_LIMIT_EXCEEDED',
  ExceededRequestSizeFault: 'NS_LIMIT_EXCEEDED',
  InsufficientPermissionFault: 'NS_PERMISSION',
  InvalidCredentialsFault: 'NS_LOGIN_FAILED',
  InvalidSessionFault: 'NS_LOGIN_FAILED',
  InvalidAccountFault: 'NS_LOGIN_FAILED',
  InvalidVersionFault: 'NS_LOGIN_FAILED',
  UnexpectedErrorFault: 'NS_UNAVAILABLE',
};

/** Messages NetSuite sends without a useful code that are known to be transient (NetSweet backoff list). */
const TRANSIENT_MESSAGES: readonly RegExp[] = [
  /concurrent request limit exceeded/i,
  /only one request may be made against a session at a time/i,
  /an unexpected error occurred/i,
  /WS_AN_UNEXPECTED_ERROR_OCCURRED/,
  /ConcurrentModificationException/,
  /NLDatabaseOfflineException/,
  /currently unavailable while we undergo our regularly scheduled maintenance/i,
  /connection pool is not in(i)?tialized/i,
];

export interface ClassifyInput {
  nsCode?: string;
  faultName?: string;
  message?: string;
  httpStatus?: number;
}

/** Maps whatever NetSuite told us to our stable code. */
export function classifyNetSuiteError(input: ClassifyInput): NetSuiteErrorCode {
  const nsCode = input.nsCode?.trim().toUpperCase();
  if (nsCode) {
    const mapped = NS_CODE_MAP[nsCode];
    if (mapped) return mapped;
    if (/^DUP_/.test(nsCode)) return 'NS_DUPLICATE';
    if (/LOCKED/.test(nsCode)) return 'NS_RECORD_LOCKED';
  }
  const message = input.message ?? '';
  if (/invalid login attempt/i.test(message)) return 'NS_LOGIN_FAILED';
  if (input.faultName) {
    const byFault = FAULT_NAME_MAP[input.faultName];
    if (byFault) return byFault;
  }
  if (TRANSIENT_MESSAGES.some((re) => re.test(message))) return 'NS_UNAVAILABLE';
  if (input.httpStatus === 429) return 'NS_CONCURRENCY_LIMIT';
  if (input.httpStatus === 401) return 'NS_LOGIN_FAILED';
  if (input.httpStatus === 403) return 'NS_PERMISSION';
  if (input.httpStatus === 404) return 'NS_NOT_FOUND';
  if (input.httpStatus === 408 || input.httpStatus === 504) return 'NS_TIMEOUT';
  if (input.httpStatus !== undefined && input.httpStatus >= 500) {
    // A SOAP fault always comes with HTTP 500; only an unclassified one counts as a server failure.
    return input.faultName ? 'NS_ERROR' : 'NS_UNAVAILABLE';
  }
  return 'NS_ERROR';
}

/** Builds a typed error from a NetSuite code/message (statusDetail, fault, REST error body). */
export function netSuiteErrorFrom(
  input: ClassifyInput & Omit<NetSuiteErrorInit, 'code' | 'message'> & { message?: string },
): NetSuiteError {
  const code = classifyNetSuiteError(input);
  const message = input.message?.trim() || input.nsCode || input.faultName || 'NetSuite error';
  return new NetSuiteError({ ...input, code, message });
}

export function timeoutError(afterMs: number, operation: string, cause?: unknown): NetSuiteError {
  return new NetSuiteError({
    code: 'NS_TIMEOUT',
    message: `NetSuite ${operation} did not answer within ${afterMs} ms`,
    cause,
  });
}

export function protocolError(message: string, cause?: unknown): NetSuiteError {
  return new NetSuiteError({ code: 'NS_PROTOCOL', message, cause });
}
