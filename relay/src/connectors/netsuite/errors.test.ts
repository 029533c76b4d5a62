import { describe, expect, it } from 'vitest';
import { classifyNetSuiteError, isNetSuiteError, NetSuiteError, netSuiteErrorFrom, timeoutError } from './errors.js';

describe('NetSuite error classification', () => {
  it.each([
    ['WS_REQUEST_BLOCKED', 'NS_CONCURRENCY_LIMIT', true],
    ['RCRD_LOCKED_BY_WF', 'NS_RECORD_LOCKED', true],
    ['RCRD_HAS_BEEN_CHANGED', 'NS_RECORD_CHANGED', true],
    ['ACCT_TEMP_UNAVAILABLE', 'NS_UNAVAILABLE', true],
    ['USER_ERROR', 'NS_VALIDATION', false],
    ['INVALID_KEY_OR_REF', 'NS_INVALID_REFERENCE', false],
    ['DUP_ENTITY', 'NS_DUPLICATE', false],
    ['RCRD_DSNT_EXIST', 'NS_NOT_FOUND', false],
    ['INSUFFICIENT_PERMISSION', 'NS_PERMISSION', false],
    ['INVALID_LOGIN_ATTEMPT', 'NS_LOGIN_FAILED', false],
    ['SSS_REQUEST_LIMIT_EXCEEDED', 'NS_CONCURRENCY_LIMIT', true],
  ])('%s → %s (retryable %s)', (nsCode, code, retryable) => {
    const e = netSuiteErrorFrom({ nsCode, message: 'x' });
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
    expect(e.nsCode).toBe(nsCode);
  });

  it('uses the fault name and the message when the code is unknown', () => {
    expect(classifyNetSuiteError({ faultName: 'ExceededConcurrentRequestLimitFault' })).toBe('NS_CONCURRENCY_LIMIT');
    expect(classifyNetSuiteError({ nsCode: 'USER_ERROR', message: 'Invalid login attempt.' })).toBe('NS_VALIDATION');
    expect(classifyNetSuiteError({ message: 'Invalid login attempt.', httpStatus: 500 })).toBe('NS_LOGIN_FAILED');
    expect(
      classifyNetSuiteError({
        message:
          'The account you are trying to access is currently unavailable while we undergo our regularly scheduled maintenance.',
      }),
    ).toBe('NS_UNAVAILABLE');
    expect(classifyNetSuiteError({ nsCode: 'SOMETHING_NEW', httpStatus: 503 })).toBe('NS_UNAVAILABLE');
    expect(classifyNetSuiteError({ nsCode: 'SOMETHING_NEW', faultName: 'SomeFault', httpStatus: 500 })).toBe(
      'NS_ERROR',
    );
    expect(classifyNetSuiteError({ httpStatus: 429 })).toBe('NS_CONCURRENCY_LIMIT');
  });

  it('is recognised by the guard, serialises without a stack, and rebinds to a record', () => {
    const e = timeoutError(1000, 'addList');
    expect(isNetSuiteError(e)).toBe(true);
    expect(isNetSuiteError(new Error('x'))).toBe(false);
    expect(e.retryable).toBe(true);
    const bound = e.forRecord({ type: 'customer', index: 3 });
    expect(bound).toBeInstanceOf(NetSuiteError);
    expect(bound.record).toEqual({ type: 'customer', index: 3 });
    expect(bound.code).toBe('NS_TIMEOUT');
    expect(JSON.stringify(bound)).not.toContain('stack');
  });
});
