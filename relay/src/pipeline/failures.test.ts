import { describe, expect, it } from 'vitest';
import { classify, retryDelay, DEFAULT_RETRY } from './failures.js';

describe('classify', () => {
  it('takes a typed error at its word, with Retry-After and concurrency detection', () => {
    expect(classify({ retryable: false, code: 'NS_VALIDATION', message: 'companyName is required' })).toEqual({
      retryable: false,
      concurrency: false,
      code: 'NS_VALIDATION',
      message: 'companyName is required',
      retryAfterMs: undefined,
    });
    const c = classify({ retryable: true, code: 'NS_CONCURRENCY_LIMIT', retryAfterMs: 1500, message: 'limit' });
    expect(c).toMatchObject({ retryable: true, concurrency: true, retryAfterMs: 1500 });
    expect(classify({ retryable: true, httpStatus: 429, message: 'slow down' }).concurrency).toBe(true);
  });

  it('treats an unknown error as transient (retried to the cap, then dead-lettered)', () => {
    expect(classify(new TypeError('x is undefined'))).toMatchObject({ retryable: true, message: 'x is undefined' });
    expect(classify('boom')).toMatchObject({ retryable: true, message: 'boom' });
  });
});

describe('retryDelay', () => {
  const policy = { ...DEFAULT_RETRY, initialDelayMs: 100, maxDelayMs: 10_000 };

  it('grows with the attempt count, jittered, and stays under the cap', () => {
    const avg = (n: number) => {
      let s = 0;
      for (let i = 0; i < 200; i++) s += retryDelay(n, policy);
      return s / 200;
    };
    const first = avg(1);
    const fifth = avg(5);
    expect(first).toBeGreaterThan(0);
    expect(fifth).toBeGreaterThan(first * 3);
    const samples = new Set(Array.from({ length: 20 }, () => retryDelay(4, policy)));
    expect(samples.size).toBeGreaterThan(1);
    for (let i = 0; i < 100; i++) expect(retryDelay(30, policy)).toBeLessThanOrEqual(10_000);
  });

  it('honours Retry-After, itself capped', () => {
    expect(retryDelay(1, policy, 60_000)).toBe(60_000);
    expect(retryDelay(1, { ...policy, maxRetryAfterMs: 20_000 }, 3_600_000)).toBe(20_000);
  });
});
