/** Robust statistics for anomaly detection: median, MAD and a modified z-score (Iglewicz & Hoaglin). */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median absolute deviation from the median. */
export function mad(xs: readonly number[], med = median(xs)): number {
  return median(xs.map((x) => Math.abs(x - med)));
}

export interface RobustScore {
  z: number;
  median: number;
  scale: number;
  n: number;
}

/**
 * Modified z-score of `x` against `history`: (x − median) / (1.4826 · MAD). The scale has a floor (a share of
 * the median, and an absolute minimum) so a history of identical values does not make every change infinite.
 * `log` compares on a log scale, right for amounts, quantities and prices, which are multiplicative.
 */
export function robustZ(x: number, history: readonly number[], opts: { log?: boolean; relFloor?: number; absFloor?: number } = {}): RobustScore {
  const f = opts.log ? (v: number) => Math.log(Math.max(v, 1e-9)) : (v: number) => v;
  const h = history.map(f);
  const med = median(h);
  const scale = Math.max(1.4826 * mad(h, med), (opts.relFloor ?? 0) * Math.abs(med), opts.absFloor ?? 1e-9);
  return { z: (f(x) - med) / scale, median: opts.log ? Math.exp(med) : med, scale, n: history.length };
}

/** Maps |z| above a threshold to a score in [0.5, 1): 0.5 at the threshold, approaching 1 far beyond it. */
export function zToScore(z: number, threshold: number): number {
  const a = Math.abs(z);
  if (a < threshold) return (a / threshold) * 0.5;
  return 1 - 0.5 * Math.exp(-(a - threshold) / threshold);
}
