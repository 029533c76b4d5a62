/**
 * A record-level failure: becomes a `statusDetail` (SOAP, HTTP 200 isSuccess="false") or the
 * REST/SuiteScript error with the same code. Codes are values of the XSD StatusDetailCodeType.
 */
export class NsRecordError extends Error {
  override readonly name = 'NsRecordError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function isNsRecordError(value: unknown): value is NsRecordError {
  return value instanceof NsRecordError;
}

/** Real or documented message texts (PROTOCOL-NOTES §3); the ones marked there unverified are kept as they are. */
export const errors = {
  notFound: () => new NsRecordError('RCRD_DSNT_EXIST', 'That record does not exist.'),
  changed: () => new NsRecordError('RCRD_HAS_BEEN_CHANGED', 'Record has been changed'),
  locked: () => new NsRecordError('RCRD_LOCKED_BY_WF', 'This record has been locked by a user defined workflow.'),
  dupEntity: () => new NsRecordError('DUP_ENTITY', 'This entity already exists.'),
  dupItem: () => new NsRecordError('DUP_ITEM', 'This item already exists.'),
  dupExternalId: (type: string, externalId: string) =>
    new NsRecordError('DUP_RCRD', `A ${type} record with externalId ${externalId} already exists.`),
  required: (label: string) => new NsRecordError('USER_ERROR', `Please enter value(s) for: ${label}`),
  invalidRef: (field: string, key: string) =>
    new NsRecordError('INVALID_KEY_OR_REF', `Invalid ${field} reference key ${key}.`),
  invalidKey: () => new NsRecordError('INVALID_KEY_OR_REF', 'The specified key is invalid.'),
  externalIdRequired: () => new NsRecordError('EXTERNALID_REQD', 'You must specify an externalId for this operation.'),
  user: (message: string) => new NsRecordError('USER_ERROR', message),
  invalidInitialize: (type: string, key: string) =>
    new NsRecordError('INVALID_INITIALIZE_REF', `You can not initialize ${type}: invalid reference ${key}.`),
  cantDeleteTransaction: () =>
    new NsRecordError('CANT_DELETE_TRANS', 'This transaction cannot be deleted because it has dependent records.'),
  cantDeleteEntity: () =>
    new NsRecordError('CANT_DELETE_ENTITY', 'This entity cannot be deleted because it is referenced by transactions.'),
  unbalancedJournal: () =>
    new NsRecordError('JE_AMOUNTS_MUST_BALANCE', 'The total debits must equal the total credits.'),
};
