import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMoney, applyDiscount, compareAmount, fromScaled, money, multiplyDecimal, normalizeAmount, sumMoney, toScaled } from './money.js';

describe('money', () => {
  it('adds without float drift', () => {
    expect(addMoney(money('0.1', 'USD'), money('0.2', 'USD')).amount).toBe('0.30');
  });
  it('rounds half to even at the currency minor unit', () => {
    expect(normalizeAmount('2.345', 'USD')).toBe('2.34');
    expect(normalizeAmount('2.355', 'USD')).toBe('2.36');
    expect(normalizeAmount('1234.5', 'JPY')).toBe('1234');
    expect(normalizeAmount('1.2345', 'KWD')).toBe('1.234');
    expect(normalizeAmount('-0.004', 'USD')).toBe('0.00');
  });
  it('multiplies quantity by unit price exactly', () => {
    expect(multiplyDecimal('3', '19.99', 'USD')).toBe('59.97');
    expect(multiplyDecimal('1.5', '0.333', 'EUR')).toBe('0.50');
  });
  it('applies a percentage discount', () => {
    expect(applyDiscount(money('12000', 'USD'), '10').amount).toBe('10800.00');
    expect(applyDiscount(money('99.99', 'USD'), '15').amount).toBe('84.99');
  });
  it('refuses to mix currencies and rejects non-decimals', () => {
    expect(() => addMoney(money('1', 'USD'), money('1', 'EUR'))).toThrow(/Currency mismatch/);
    expect(() => sumMoney([money('1', 'USD')], 'EUR')).toThrow(/Currency mismatch/);
    expect(() => toScaled('1e5')).toThrow(/Not a decimal/);
    expect(() => toScaled('abc')).toThrow();
  });
  it('compares amounts', () => {
    expect(compareAmount('10.0', '10')).toBe(0);
    expect(compareAmount('-1', '0.01')).toBe(-1);
  });
  it('sums of cents equal the integer sum (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { maxLength: 50 }), (cents) => {
        const total = sumMoney(
          cents.map((c) => money(fromScaled(BigInt(c) * 1_000_000n, 2), 'USD')),
          'USD',
        );
        expect(toScaled(total.amount)).toBe(BigInt(cents.reduce((a, b) => a + b, 0)) * 1_000_000n);
      }),
    );
  });
});
