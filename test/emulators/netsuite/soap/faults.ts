/**
 * Request-level failures: SOAP 1.1 faults (HTTP 500) in the shape of real NetSuite captures
 * (faultcode soapenv:Server.userException, detail/<platformFaults:xxxFault>{code,message} and the
 * Axis hostname). Codes are FaultCodeType values so every fault stays XSD-valid.
 */
export class SoapFault extends Error {
  override readonly name = 'SoapFault';
  constructor(
    /** Local name of the platformFaults element in detail (undefined: Axis-level fault without one). */
    readonly faultElement: string | undefined,
    readonly code: string | undefined,
    message: string,
    readonly faultcode = 'soapenv:Server.userException',
    readonly httpStatus = 500,
  ) {
    super(message);
  }
}

export const isSoapFault = (e: unknown): e is SoapFault => e instanceof SoapFault;

export const LOGIN_FAULT_MESSAGE = 'Invalid login attempt.';

export const faults = {
  /** Bad signature, unknown/revoked token, wrong account casing, skew, replayed nonce. */
  invalidLogin: (code: string) => new SoapFault('invalidCredentialsFault', code, LOGIN_FAULT_MESSAGE),
  /** No tokenPassport header (there is no other way to log in with 2023_2). */
  loginRequired: () =>
    new SoapFault(
      'invalidSessionFault',
      'WS_LOG_IN_REQD',
      'You must log in before performing a web service operation.',
    ),
  concurrency: () =>
    new SoapFault(
      'exceededConcurrentRequestLimitFault',
      'WS_REQUEST_BLOCKED',
      'SuiteTalk concurrent request limit exceeded. Request blocked.',
    ),
  recordCount: (operation: string, max: number, given: number) =>
    new SoapFault(
      'exceededRecordCountFault',
      'MAX_RCRDS_EXCEEDED',
      `The ${operation} operation accepts at most ${max} records per request; this request has ${given}.`,
    ),
  requestSize: (max: number) =>
    new SoapFault(
      'exceededRequestSizeFault',
      'USER_ERROR',
      `The request exceeds the maximum request size of ${max} bytes.`,
    ),
  unexpected: () => new SoapFault('unexpectedErrorFault', 'UNEXPECTED_ERROR', 'An unexpected error occurred.'),
  invalidPageIndex: (pageIndex: number, totalPages: number) =>
    new SoapFault(
      'unexpectedErrorFault',
      'INVALID_PAGE_INDEX',
      `Invalid page index ${pageIndex}: the search has ${totalPages} page(s).`,
    ),
  searchExpired: () =>
    new SoapFault(
      'invalidSessionFault',
      'SESSION_TIMED_OUT',
      'The search has expired or does not exist. Run the search again.',
    ),
  invalidVersion: (message: string) => new SoapFault('invalidVersionFault', 'INVALID_WS_VERSION', message),
  /** Schema violations are reported by Axis's deserializer, not as a NetSuite fault element. */
  sax: (message: string) => new SoapFault(undefined, undefined, `org.xml.sax.SAXException: ${message}`),
  client: (message: string) => new SoapFault(undefined, undefined, message, 'soapenv:Client'),
  versionMismatch: () => new SoapFault(undefined, undefined, 'Version Mismatch', 'soapenv:VersionMismatch'),
  unsupportedOperation: (name: string) =>
    new SoapFault(
      'unexpectedErrorFault',
      'UNEXPECTED_ERROR',
      `The operation ${name} is not supported by this emulator.`,
    ),
};
