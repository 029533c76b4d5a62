import { describe, expect, it } from 'vitest';
import { Crosswalk } from './crosswalk.js';
import { isMappingError } from './errors.js';

describe('Crosswalk', () => {
  const cw = Crosswalk.load({
    currency: { USD: '1', EUR: '4', 'US Dollar': { ref: 'currency:USD' } },
    employee: { '005000000000001AAA': '311', 'old-user': { ref: 'employee:005000000000001AAA' } },
  });
  it('resolves values and aliases, and answers undefined for unknown keys', () => {
    expect(cw.resolve('currency', 'EUR')).toBe('4');
    expect(cw.resolve('currency', 'US Dollar')).toBe('1');
    expect(cw.resolve('employee', 'old-user')).toBe('311');
    expect(cw.resolve('currency', 'XXX')).toBeUndefined();
    expect(cw.resolve('nope', 'USD')).toBeUndefined();
  });
  it('reverses a direct mapping', () => {
    expect(cw.reverse('currency', '4')).toBe('EUR');
  });
  it('rejects cyclic aliases at load, naming the table and key', () => {
    let err: unknown;
    try {
      Crosswalk.load({ subsidiary: { a: { ref: 'subsidiary:b' }, b: { ref: 'other:c' } }, other: { c: { ref: 'subsidiary:a' } } }, 'flow-7');
    } catch (e) {
      err = e;
    }
    expect(isMappingError(err)).toBe(true);
    expect((err as Error).message).toMatch(/flow-7.*subsidiary:a.*cyclic lookup subsidiary:a → subsidiary:b → other:c → subsidiary:a/);
  });
  it('rejects malformed tables and re-checks merged overrides', () => {
    expect(() => Crosswalk.load({ t: { k: { ref: 'no-colon' } } })).toThrow(/reference "table:key"/);
    expect(() => cw.with({ currency: { USD: { ref: 'currency:US Dollar' } } })).toThrow(/cyclic/);
    expect(cw.with({ currency: { GBP: '2' } }).resolve('currency', 'GBP')).toBe('2');
  });
});
