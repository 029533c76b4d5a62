import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxWeightAssignment } from './assign.js';

function brute(w: number[][]): number {
  const rows = w.length;
  const cols = w[0]?.length ?? 0;
  let best = 0;
  const used = new Array<boolean>(cols).fill(false);
  const go = (i: number, acc: number) => {
    if (i === rows) return void (best = Math.max(best, acc));
    go(i + 1, acc);
    for (let j = 0; j < cols; j++)
      if (!used[j]) {
        used[j] = true;
        go(i + 1, acc + w[i]![j]!);
        used[j] = false;
      }
  };
  go(0, 0);
  return best;
}

describe('maxWeightAssignment', () => {
  it('prefers the better global assignment over a greedy one', () => {
    // greedy would give row 0 → col 0 (0.9), leaving row 1 with 0.1; optimal is 0.8 + 0.85
    expect(maxWeightAssignment([[0.9, 0.8], [0.85, 0.1]])).toEqual([1, 0]);
  });
  it('handles rectangular matrices and zero rows', () => {
    expect(maxWeightAssignment([[0, 0], [0.5, 0.4], [0.6, 0]])).toEqual([-1, 1, 0]);
    expect(maxWeightAssignment([])).toEqual([]);
  });
  it('matches brute force on small random matrices (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 25, maxLength: 25 }), (r, c, vals) => {
        const w = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => vals[i * 5 + j]! / 100));
        const a = maxWeightAssignment(w);
        const cols = a.filter((j) => j >= 0);
        expect(new Set(cols).size).toBe(cols.length);
        const total = a.reduce((s, j, i) => s + (j >= 0 ? w[i]![j]! : 0), 0);
        expect(total).toBeCloseTo(brute(w), 9);
      }),
    );
  });
});
