/**
 * Maximum-weight one-to-one assignment (Hungarian algorithm, O(n³)) over a rows × cols weight matrix.
 * Returns, per row, the assigned column or -1. Rows and columns may differ in number.
 */
export function maxWeightAssignment(weights: number[][]): number[] {
  const rows = weights.length;
  const cols = rows ? weights[0]!.length : 0;
  if (!rows || !cols) return new Array<number>(rows).fill(-1);
  const n = Math.max(rows, cols);
  let maxW = 0;
  for (const r of weights) for (const w of r) maxW = Math.max(maxW, w);
  // cost = maxW - weight on an n × n square (padding cells cost maxW, i.e. weight 0)
  const cost = (i: number, j: number) => (i < rows && j < cols ? maxW - weights[i]![j]! : maxW);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const out = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i >= 0 && i < rows && j - 1 < cols && weights[i]![j - 1]! > 0) out[i] = j - 1;
  }
  return out;
}
