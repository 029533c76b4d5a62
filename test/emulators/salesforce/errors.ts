/**
 * Salesforce error shapes. Top-level REST errors are `[{"message","errorCode","fields"?}]` with an HTTP
 * status; per-record results in collections use `statusCode` instead of `errorCode`.
 */
export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

export class SfError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly status = 400,
    readonly fields?: string[],
  ) {
    super(message);
    this.name = 'SfError';
  }

  /** The REST body: one-element array. */
  toBody(): Array<{ message: string; errorCode: string; fields?: string[] }> {
    const entry: { message: string; errorCode: string; fields?: string[] } = {
      message: this.message,
      errorCode: this.errorCode,
    };
    if (this.fields !== undefined) entry.fields = this.fields;
    return [entry];
  }

  toRecordError(): RecordError {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields ?? [] };
  }
}

export function isSfError(e: unknown): e is SfError {
  return e instanceof SfError;
}

export const notFound = (): SfError => new SfError('NOT_FOUND', 'The requested resource does not exist', 404);

export const invalidSession = (): SfError => new SfError('INVALID_SESSION_ID', 'Session expired or invalid', 401);

export const noSuchColumn = (field: string, objectName: string): SfError =>
  new SfError('INVALID_FIELD', `No such column '${field}' on sobject of type ${objectName}`, 400);

export const malformedId = (objectLabel: string, value: string, field = 'Id'): SfError =>
  new SfError('MALFORMED_ID', `${objectLabel} ID: id value of incorrect type: ${value}`, 400, [field]);

export const entityIsDeleted = (): SfError => new SfError('ENTITY_IS_DELETED', 'entity is deleted', 404, []);

export const jsonParserError = (detail: string): SfError => new SfError('JSON_PARSER_ERROR', detail, 400);
