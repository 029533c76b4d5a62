import { parseQuery } from '@jetstreamapp/soql-parser-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSalesforceError } from '../errors.js';
import { dateLiteral, escapeSoqlString, formatValue, soqlDate, unescapeSoqlString } from './values.js';

/** Parses `SELECT Id FROM Account WHERE Name = <literal>` with an independent SOQL parser. */
function parsedWhere(literal: string) {
  const q = parseQuery(`SELECT Id FROM Account WHERE Name = ${literal}`);
  return q.where as { left: { field: string; operator: string; value: string; literalType?: string }; right?: unknown };
}

describe('SOQL string escaping', () => {
  it('escapes every sequence Salesforce defines', () => {
    expect(escapeSoqlString(`a'b"c\\d\ne\rf\tg\bh\fi`)).toBe(`a\\'b\\"c\\\\d\\ne\\rf\\tg\\bh\\fi`);
    expect(escapeSoqlString('50%_off')).toBe('50%_off');
    expect(escapeSoqlString('50%_off', { like: true })).toBe('50\\%\\_off');
  });

  it('writes other control characters and U+2028/U+2029 as \\uXXXX (a raw one breaks lexers)', () => {
    expect(escapeSoqlString('a\u2028b\u2029c\u0000d\u007fe')).toBe('a\\u2028b\\u2029c\\u0000d\\u007fe');
    for (const s of ['\u2028', '\u2029', '\u0000', '\u001b', '\u0085']) {
      const where = parsedWhere(formatValue(s));
      expect(unescapeSoqlString(where.left.value.slice(1, -1))).toBe(s);
    }
    expect(unescapeSoqlString('\\\\u0041')).toBe('\\u0041');
  });

  it.each([
    `x' OR Name != '`,
    `x\\' OR Name != '`,
    `' OR Id != null OR Name = '`,
    `\\\\' OR '1'='1`,
    `x'); DELETE FROM Account; --`,
    `a' LIMIT 1 --`,
    "'\n OR Name LIKE '%",
  ])('keeps injection attempt %j a single string literal', (attack) => {
    const where = parsedWhere(formatValue(attack));
    expect(where.right).toBeUndefined();
    expect(where.left.field).toBe('Name');
    expect(where.left.literalType).toBe('STRING');
    expect(unescapeSoqlString(where.left.value.slice(1, -1))).toBe(attack);
  });

  it('round-trips any well-formed string through escaping and a real SOQL parser (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const literal = formatValue(s);
        expect(unescapeSoqlString(literal.slice(1, -1))).toBe(s);
        const where = parsedWhere(literal);
        expect(where.right).toBeUndefined();
        expect(unescapeSoqlString(where.left.value.slice(1, -1))).toBe(s);
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips arbitrary UTF-16 (including quotes and controls) or refuses lone surrogates with a clear error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        try {
          const literal = formatValue(s);
          expect(unescapeSoqlString(literal.slice(1, -1))).toBe(s);
          expect(() => encodeURIComponent(literal)).not.toThrow();
        } catch (err) {
          expect(isSalesforceError(err) && err.code === 'SF_INVALID_INPUT').toBe(true);
          expect(/[\uD800-\uDFFF]/.test(s)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('SOQL literals', () => {
  it('formats numbers, booleans, null and big values without exponents', () => {
    expect(formatValue(42)).toBe('42');
    expect(formatValue(-3.25)).toBe('-3.25');
    expect(formatValue(1e21)).toBe('1000000000000000000000');
    expect(formatValue(1e-7)).toBe('0.0000001');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(12345678901234567890n)).toBe('12345678901234567890');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(null)).toBe('null');
  });

  it('refuses values SOQL cannot hold', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, new Date('nope')]) {
      expect(() => formatValue(bad)).toThrow(/cannot be written in SOQL/);
    }
    expect(() => formatValue({ kind: 'date', value: "2024-01-01' OR '" } as never)).toThrow(/cannot be written/);
    expect(() => formatValue(undefined as never)).toThrow(/cannot be written/);
    expect(() => formatValue({} as never)).toThrow(/cannot be written/);
  });

  it('writes datetimes as UTC ISO-8601 at second precision and dates unquoted', () => {
    expect(formatValue(new Date('2024-03-05T10:11:12.987+02:00'))).toBe('2024-03-05T08:11:12Z');
    expect(formatValue(soqlDate('2024-02-29'))).toBe('2024-02-29');
    expect(formatValue(soqlDate(new Date('2024-12-31T23:00:00Z')))).toBe('2024-12-31');
    expect(() => soqlDate('2023-02-29')).toThrow(/calendar date/);
    expect(() => soqlDate('2024-1-1')).toThrow(/calendar date/);
    const where = parsedWhere(formatValue(new Date('2024-03-05T08:11:12Z')));
    expect(where.left.literalType).toBe('DATETIME');
  });

  it('accepts only known date literals', () => {
    expect(formatValue(dateLiteral('TODAY'))).toBe('TODAY');
    expect(formatValue(dateLiteral('LAST_N_DAYS', 7))).toBe('LAST_N_DAYS:7');
    expect(() => dateLiteral('LAST_N_DAYS' as never)).toThrow(/not a SOQL date literal/);
    expect(() => dateLiteral('TODAY OR Id != null' as never)).toThrow(/not a SOQL date literal/);
    expect(() => dateLiteral('LAST_N_DAYS', -1)).toThrow(/not a SOQL date literal/);
    expect(() => dateLiteral('LAST_N_DAYS', 1.5)).toThrow(/not a SOQL date literal/);
  });
});
