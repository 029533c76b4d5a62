import { describe, expect, it } from 'vitest';
import {
  SalesforceError,
  codeFor,
  fromSalesforceErrors,
  fromTransportFailure,
  isRetryableSalesforceError,
  isSalesforceError,
  isSessionExpired,
} from './errors.js';
import { limitBackoffMs, parseLimitInfo, parseRetryAfter } from './limits.js';

describe('Salesforce error classification', () => {
  it.each([
    ['UNABLE_TO_LOCK_ROW', 400, 'SF_ROW_LOCK', true],
    ['REQUEST_LIMIT_EXCEEDED', 403, 'SF_REQUEST_LIMIT', true],
    ['INVALID_SESSION_ID', 401, 'SF_SESSION_EXPIRED', true],
    ['SERVER_UNAVAILABLE', 503, 'SF_UNAVAILABLE', true],
    [undefined, 502, 'SF_UNAVAILABLE', true],
    [undefined, 500, 'SF_UNAVAILABLE', true],
    [undefined, 429, 'SF_REQUEST_LIMIT', true],
    ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 200, 'SF_ROLLED_BACK', true],
    ['REQUIRED_FIELD_MISSING', 400, 'SF_VALIDATION', false],
    ['STRING_TOO_LONG', 400, 'SF_VALIDATION', false],
    ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 400, 'SF_VALIDATION', false],
    ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 400, 'SF_VALIDATION', false],
    ['MALFORMED_ID', 400, 'SF_VALIDATION', false],
    ['INVALID_FIELD', 400, 'SF_INVALID_FIELD', false],
    ['INVALID_TYPE', 400, 'SF_INVALID_TYPE', false],
    ['INVALID_CROSS_REFERENCE_KEY', 400, 'SF_INVALID_REFERENCE', false],
    ['DUPLICATE_VALUE', 400, 'SF_DUPLICATE', false],
    ['NOT_FOUND', 404, 'SF_NOT_FOUND', false],
    ['INSUFFICIENT_ACCESS_OR_READONLY', 400, 'SF_PERMISSION', false],
    ['ENTITY_IS_LOCKED', 400, 'SF_RECORD_LOCKED', false],
    ['MALFORMED_QUERY', 400, 'SF_MALFORMED_QUERY', false],
    ['MULTIPLE_CHOICES', 300, 'SF_MULTIPLE_MATCHES', false],
    ['invalid_grant', 400, 'SF_AUTH_FAILED', false],
    ['SOMETHING_NEW', 400, 'SF_ERROR', false],
  ] as const)('%s (HTTP %s) → %s, retryable %s', (sfCode, status, code, retryable) => {
    const err = fromSalesforceErrors([{ errorCode: sfCode, message: 'm', fields: ['Name'] }], { httpStatus: status });
    expect(err).toBeInstanceOf(SalesforceError);
    expect(err.code).toBe(code);
    expect(err.retryable).toBe(retryable);
    expect(isRetryableSalesforceError(err)).toBe(retryable);
    expect(err.sfCode).toBe(sfCode);
    expect(err.fields).toEqual(['Name']);
  });

  it('reads collection statusCode entries and keeps further errors as details', () => {
    const err = fromSalesforceErrors(
      [
        { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] },
        { statusCode: 'STRING_TOO_LONG', message: 'too long' },
      ],
      { record: { index: 3, sobject: 'Account' } },
    );
    expect(err.toJSON()).toMatchObject({
      code: 'SF_VALIDATION',
      sfCode: 'REQUIRED_FIELD_MISSING',
      retryable: false,
      record: { index: 3, sobject: 'Account' },
      details: [{ sfCode: 'STRING_TOO_LONG', message: 'too long' }],
    });
    expect(err.forRecord({ index: 7 }).record).toEqual({ index: 7, sobject: 'Account' });
  });

  it('guards work on plain objects and other errors', () => {
    expect(isSalesforceError(new Error('x'))).toBe(false);
    expect(isSalesforceError(null)).toBe(false);
    expect(isSessionExpired(new SalesforceError({ code: 'SF_SESSION_EXPIRED', message: 'x' }))).toBe(true);
    expect(new SalesforceError({ code: 'SF_VALIDATION', message: 'x', retryable: true }).retryable).toBe(true);
    expect(codeFor(undefined, 418)).toBe('SF_ERROR');
  });

  it('classifies network failures: timeouts vs unavailable, both retryable', () => {
    const abort = Object.assign(new Error('The user aborted a request. Request was aborted due to timeout'), {
      name: 'AbortError',
    });
    expect(fromTransportFailure(abort, 'GET x')).toMatchObject({ code: 'SF_TIMEOUT', retryable: true });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(fromTransportFailure(refused, 'GET x')).toMatchObject({ code: 'SF_UNAVAILABLE', retryable: true });
  });
});

describe('limit headers', () => {
  it('parses Sforce-Limit-Info and Retry-After', () => {
    expect(parseLimitInfo('api-usage=18/5000')).toEqual({ used: 18, limit: 5000 });
    expect(parseLimitInfo('per-app-api-usage=17/250(appName=x); api-usage=25/5000')).toEqual({ used: 25, limit: 5000 });
    expect(parseLimitInfo('nonsense')).toBeUndefined();
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('prefers Retry-After, then a long wait when the daily allowance is spent', () => {
    const opts = { spentDailyWaitMs: 900_000, concurrentWaitMs: 5_000 };
    expect(limitBackoffMs({ retryAfter: '7', limitInfo: 'api-usage=5000/5000' }, opts)).toBe(7000);
    expect(limitBackoffMs({ limitInfo: 'api-usage=5000/5000' }, opts)).toBe(900_000);
    expect(limitBackoffMs({ limitInfo: 'api-usage=10/5000' }, opts)).toBe(5000);
  });
});
