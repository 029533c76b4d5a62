import { describe, expect, it } from 'vitest';
import { mad, median, robustZ, zToScore } from './stats.js';

describe('robust statistics', () => {
  it('computes median and MAD', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1);
    expect(Number.isNaN(median([]))).toBe(true);
  });
  it('is not moved by one wild value in history', () => {
    const r = robustZ(110, [100, 102, 98, 101, 99, 100_000]);
    expect(r.median).toBe(100.5);
    expect(Math.abs(r.z)).toBeGreaterThan(3.5);
  });
  it('floors the scale so identical histories do not explode', () => {
    const r = robustZ(105, [100, 100, 100, 100], { log: true, absFloor: 0.25 });
    expect(Math.abs(r.z)).toBeLessThan(1);
  });
  it('maps z to a score that is 0.5 at the threshold and grows', () => {
    expect(zToScore(3.5, 3.5)).toBeCloseTo(0.5);
    expect(zToScore(1, 3.5)).toBeLessThan(0.5);
    expect(zToScore(10, 3.5)).toBeGreaterThan(zToScore(5, 3.5));
    expect(zToScore(-10, 3.5)).toBeLessThan(1);
  });
});
