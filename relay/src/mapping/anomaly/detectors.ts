import type { Finding, FindingAction } from '../findings.js';
import type { AnomalyPolicy } from '../overrides.js';
import { compareAmount, multiplyDecimal, subtractMoney, sumMoney, applyDiscount, toScaled } from '../../model/money.js';
import { robustZ, zToScore } from './stats.js';
import type { HistoryPoint, HistoryPort } from './history.js';

/** An anomaly finding carries its score (0..1), the action the policy gives it, and its evidence. */
export interface AnomalyFinding extends Finding {
  score: number;
  action: FindingAction;
  family: 'amount' | 'totals' | 'currency' | 'duplicate';
  evidence: Record<string, string | number>;
}

export interface OrderLineLike {
  lineNumber: number;
  productId?: string;
  quantity?: string;
  unitPrice?: string;
  discountPercent?: string;
  amount?: string;
}

export interface OrderLike {
  record: string;
  customerId?: string;
  repId?: string;
  currency: string;
  total?: string;
  opportunityAmount?: string;
  lines: OrderLineLike[];
}

export const DETECTOR_SETTINGS = {
  /** |modified z| beyond which a value is an outlier (Iglewicz & Hoaglin recommend 3.5). */
  zThreshold: 3.5,
  /** Fewer points than this and a dimension is in cold start: fall back to a wider population. */
  minHistory: 6,
  /** Log-scale floor of the robust sigma (tuned on the dev seed): with z ≥ 3.5, a value must be ≥ ~4.8× (or ≤ 1/4.8×) the median. */
  absFloorLog: 0.45,
  /** Discounts are compared in percentage points; a 5-point swing is never anomalous on its own. */
  absFloorDiscount: 5,
  /** Money comparisons tolerate this many minor units of rounding per line. */
  roundingCents: 1,
};

const severityOf = (a: FindingAction): Finding['severity'] => (a === 'block' ? 'error' : a === 'hold' ? 'warning' : 'info');
const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));

function make(order: OrderLike, policy: AnomalyPolicy, family: AnomalyFinding['family'], code: string, field: string, score: number, message: string, suggestedFix: string, evidence: AnomalyFinding['evidence']): AnomalyFinding {
  const action = policy[family];
  return { code, field, record: order.record, message, suggestedFix, severity: severityOf(action), score: Math.round(score * 1000) / 1000, action, family, evidence };
}

const uniqueOrders = (pts: readonly HistoryPoint[]) => [...new Map(pts.map((p) => [p.orderId, p])).values()];

/** Picks the first population with enough history: the preferred dimension, then wider ones (cold start). */
async function population(history: HistoryPort, order: OrderLike, dims: [('customer' | 'rep' | 'product'), string | undefined][]): Promise<{ label: string; pts: readonly HistoryPoint[] } | undefined> {
  for (const [dim, id] of dims) {
    if (!id) continue;
    const pts = await history.points(dim, id, order.currency);
    const n = dim === 'product' ? pts.length : uniqueOrders(pts).length;
    if (n >= DETECTOR_SETTINGS.minHistory) return { label: `${dim} ${id}`, pts };
  }
  return undefined;
}

/** Order total far from what this customer (or, in cold start, this rep) usually orders. */
async function totalOutlier(order: OrderLike, history: HistoryPort, policy: AnomalyPolicy, out: AnomalyFinding[]) {
  if (!order.total) return;
  const total = Number(order.total);
  const pop = await population(history, order, [['customer', order.customerId], ['rep', order.repId]]);
  if (!pop || total <= 0) return;
  const values = uniqueOrders(pop.pts).map((p) => p.orderTotal).filter((v) => v > 0);
  const r = robustZ(total, values, { log: true, absFloor: DETECTOR_SETTINGS.absFloorLog });
  // One-sided: an unusually small order puts nothing at risk; an unusually large one does.
  if (r.z < DETECTOR_SETTINGS.zThreshold) return;
  const dir = 'above';
  out.push(make(order, policy, 'amount', 'ANOMALY_ORDER_TOTAL', 'total', zToScore(r.z, DETECTOR_SETTINGS.zThreshold),
    `Order total ${order.total} ${order.currency} is ${fmt(total / r.median)}× the median ${fmt(r.median)} of ${r.n} past orders of ${pop.label} (robust z ${r.z.toFixed(1)}, ${dir} the usual range)`,
    'Check the amount with the sales rep before it reaches the ledger; approve it in the sync monitor if it is right.',
    { z: r.z, median: r.median, n: r.n, population: pop.label }));
}

/** Quantity, unit price and discount of each line against the product's (or customer's) history. */
async function lineOutliers(order: OrderLike, history: HistoryPort, policy: AnomalyPolicy, out: AnomalyFinding[]) {
  for (const line of order.lines) {
    const pop = await population(history, order, [['product', line.productId]]);
    if (!pop) {
      // Cold start for a new product: the discount is still judged against what this rep usually gives.
      const rep = await population(history, order, [['rep', order.repId]]);
      const d = line.discountPercent !== undefined ? Number(line.discountPercent) : NaN;
      if (rep && Number.isFinite(d)) {
        const r = robustZ(d, rep.pts.map((p) => p.discountPercent ?? 0), { absFloor: DETECTOR_SETTINGS.absFloorDiscount });
        if (r.z >= DETECTOR_SETTINGS.zThreshold)
          out.push(make(order, policy, 'amount', 'ANOMALY_DISCOUNT', `lines.${line.lineNumber}.discountPercent`, zToScore(r.z, DETECTOR_SETTINGS.zThreshold),
            `Line ${line.lineNumber} discount ${d} % is far above the median ${fmt(r.median)} % over ${r.n} past lines of ${rep.label} (robust z ${r.z.toFixed(1)}; the product has too little history of its own)`,
            'Confirm the discount was approved.', { z: r.z, median: r.median, n: r.n, value: d }));
      }
      continue;
    }
    // Quantities depend on the customer's size: compare with this customer's own lines of the product.
    const own = pop.pts.filter((p) => p.customerId === order.customerId);
    const qtyPop = own.length >= DETECTOR_SETTINGS.minHistory ? own : [];
    const checks: [string, string, number | undefined, number[], boolean, 'both' | 'high', string][] = [
      ['quantity', 'ANOMALY_QUANTITY', line.quantity ? Number(line.quantity) : undefined, qtyPop.map((p) => p.quantity ?? NaN), true, 'high', `customer ${order.customerId ?? ''} for product ${line.productId ?? ''}`],
      ['unitPrice', 'ANOMALY_UNIT_PRICE', line.unitPrice ? Number(line.unitPrice) : undefined, pop.pts.map((p) => p.unitPrice ?? NaN), true, 'both', pop.label],
      ['discountPercent', 'ANOMALY_DISCOUNT', line.discountPercent !== undefined ? Number(line.discountPercent) : undefined, pop.pts.map((p) => p.discountPercent ?? 0), false, 'high', pop.label],
    ];
    for (const [field, code, value, raw, log, sides, label] of checks) {
      const hist = raw.filter((v) => Number.isFinite(v) && (!log || v > 0));
      if (value === undefined || !Number.isFinite(value) || hist.length < DETECTOR_SETTINGS.minHistory || (log && value <= 0)) continue;
      const r = log ? robustZ(value, hist, { log: true, absFloor: DETECTOR_SETTINGS.absFloorLog }) : robustZ(value, hist, { absFloor: DETECTOR_SETTINGS.absFloorDiscount });
      if ((sides === 'high' ? r.z : Math.abs(r.z)) < DETECTOR_SETTINGS.zThreshold) continue;
      out.push(make(order, policy, 'amount', code, `lines.${line.lineNumber}.${field}`, zToScore(r.z, DETECTOR_SETTINGS.zThreshold),
        `Line ${line.lineNumber} ${field} ${value} is far from the median ${fmt(r.median)} over ${r.n} past lines of ${label} (robust z ${r.z.toFixed(1)})`,
        field === 'discountPercent' ? 'Confirm the discount was approved; the usual range for this product is much narrower.' : `Check the line's ${field} for a typo (an extra zero, a misplaced decimal point).`,
        { z: r.z, median: r.median, n: r.n, value }));
    }
  }
}

/** Totals that do not add up: line amount vs quantity × price − discount, order total vs lines, vs the Opportunity. */
function totalsMismatch(order: OrderLike, policy: AnomalyPolicy, out: AnomalyFinding[]) {
  const cur = order.currency;
  const tol = BigInt(DETECTOR_SETTINGS.roundingCents) * 1_000_000n;
  const off = (a: string, b: string, lines = 1) => {
    const d = toScaled(a) - toScaled(b);
    return (d < 0n ? -d : d) > tol * BigInt(Math.max(1, lines));
  };
  for (const l of order.lines) {
    if (!l.quantity || !l.unitPrice || !l.amount) continue;
    let expected = multiplyDecimal(l.quantity, l.unitPrice, cur);
    if (l.discountPercent) expected = applyDiscount({ amount: expected, currency: cur }, l.discountPercent).amount;
    if (off(expected, l.amount))
      out.push(make(order, policy, 'totals', 'TOTALS_LINE_MISMATCH', `lines.${l.lineNumber}.amount`, 0.95,
        `Line ${l.lineNumber}: ${l.quantity} × ${l.unitPrice}${l.discountPercent ? ` − ${l.discountPercent} %` : ''} = ${expected} ${cur}, but the line amount is ${l.amount}`,
        'Recalculate the line in Salesforce (quantity, unit price, discount) and sync again.', { expected, actual: l.amount }));
  }
  const amounts = order.lines.filter((l) => l.amount).map((l) => ({ amount: l.amount!, currency: cur }));
  if (order.total && amounts.length === order.lines.length && amounts.length > 0) {
    const sum = sumMoney(amounts, cur).amount;
    if (off(sum, order.total, order.lines.length))
      out.push(make(order, policy, 'totals', 'TOTALS_ORDER_MISMATCH', 'total', 0.95,
        `Order total ${order.total} ${cur} does not equal the sum of its lines ${sum} (difference ${subtractMoney({ amount: order.total, currency: cur }, { amount: sum, currency: cur }).amount})`,
        'A line is missing or was edited after the total was computed; reload the order and sync again.', { lines: sum, total: order.total }));
  }
  if (order.opportunityAmount && order.total && compareAmount(order.opportunityAmount, order.total) !== 0 && off(order.opportunityAmount, order.total, order.lines.length))
    out.push(make(order, policy, 'totals', 'TOTALS_OPPORTUNITY_MISMATCH', 'total', 0.9,
      `Order total ${order.total} ${cur} differs from the Opportunity amount ${order.opportunityAmount}`,
      'Align the Opportunity products with the Amount, or confirm the difference is intended.', { opportunity: order.opportunityAmount, total: order.total }));
}

async function currencyMismatch(order: OrderLike, history: HistoryPort, policy: AnomalyPolicy, out: AnomalyFinding[]) {
  if (!order.customerId) return;
  const expected = await history.customerCurrency(order.customerId);
  if (expected && expected !== order.currency)
    out.push(make(order, policy, 'currency', 'CURRENCY_MISMATCH', 'currency', 0.9,
      `Order currency ${order.currency} differs from customer ${order.customerId}'s currency ${expected}`,
      `Use ${expected}, or add ${order.currency} to the customer's currencies in NetSuite first (NetSuite rejects a transaction in a currency the customer lacks).`,
      { expected, actual: order.currency }));
}

/** Runs every order detector; findings under the policy's minimum score are dropped. */
export async function detectOrderAnomalies(order: OrderLike, history: HistoryPort, policy: AnomalyPolicy): Promise<AnomalyFinding[]> {
  const out: AnomalyFinding[] = [];
  await totalOutlier(order, history, policy, out);
  await lineOutliers(order, history, policy, out);
  totalsMismatch(order, policy, out);
  await currencyMismatch(order, history, policy, out);
  return out.filter((f) => f.score >= policy.minScore).sort((a, b) => b.score - a.score);
}
