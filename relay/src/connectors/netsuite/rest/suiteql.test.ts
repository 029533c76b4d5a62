import { describe, expect, it } from 'vitest';
import { RestNetSuitePort } from './transport.js';
import { sqlNumber, sqlString, sqlTimestamp } from './suiteql.js';

describe('SuiteQL literals (REST SuiteQL has no bound parameters)', () => {
  it('doubles single quotes and refuses control characters', () => {
    expect(sqlString("O'Brien")).toBe("'O''Brien'");
    expect(sqlString("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
    expect(() => sqlString('a\u0000b')).toThrow(/control characters/);
  });

  it('accepts only plain numbers', () => {
    expect(sqlNumber('42')).toBe('42');
    expect(() => sqlNumber('42 OR 1=1')).toThrow(RangeError);
  });

  it('writes timestamps in UTC with an explicit format', () => {
    expect(sqlTimestamp(new Date('2026-11-26T21:05:09.123Z'))).toBe("TO_TIMESTAMP('2026-11-26 21:05:09', 'YYYY-MM-DD HH24:MI:SS')");
  });

  it('builds a search query from the port filters, escaping every value', () => {
    const q = RestNetSuitePort.searchQuery({
      type: 'invoice',
      modifiedSince: new Date('2026-11-01T00:00:00Z'),
      externalIds: ["A'1", 'B'],
      status: ['_invoiceOpen'],
    });
    expect(q).toBe(
      "SELECT id FROM transaction WHERE type = 'CustInvc' AND lastmodifieddate >= TO_TIMESTAMP('2026-11-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') " +
        "AND externalid IN ('A''1', 'B') AND status IN ('A') ORDER BY id",
    );
    expect(() => RestNetSuitePort.searchQuery({ type: 'invoice', status: ['_bogus'] })).toThrow(/no SuiteQL equivalent/);
  });
});
