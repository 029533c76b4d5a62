/**
 * One past order line as the relay remembers it (from its sync log), for anomaly statistics. Order-level
 * statistics (customer, rep) take one value per orderId.
 */
export interface HistoryPoint {
  orderId: string;
  customerId: string;
  repId?: string;
  productId?: string;
  currency: string;
  /** Order total as a number: statistics only, never written anywhere. */
  orderTotal: number;
  quantity?: number;
  unitPrice?: number;
  discountPercent?: number;
  at: string;
}

export type HistoryDimension = 'customer' | 'product' | 'rep';

/** The history the relay keeps, behind a port (the store implements it; tests use the in-memory one). */
export interface HistoryPort {
  /** Past orders (one point per order, lines flattened per product) for a customer, product or rep. */
  points(dimension: HistoryDimension, id: string, currency: string): Promise<readonly HistoryPoint[]>;
  /** Currency the customer trades in, when known. */
  customerCurrency(customerId: string): Promise<string | undefined>;
}

/**
 * The write side the durable store adds. Writes are idempotent, so a replayed order never double-counts:
 * a point is keyed by (orderId, productId), and `replaceOrder` swaps every point of one order at once.
 */
export interface HistoryRecorder {
  /** Adds the point, replacing an earlier one with the same orderId and productId. */
  add(p: HistoryPoint): Promise<void>;
  /** Replaces every point of this order with `points` (lines removed from the order disappear). */
  replaceOrder(orderId: string, points: readonly HistoryPoint[]): Promise<void>;
  setCustomerCurrency(customerId: string, currency: string): Promise<void>;
}

/** In-memory history, for previews, tests and the benchmark. */
export class InMemoryHistory implements HistoryPort {
  private readonly byKey = new Map<string, HistoryPoint[]>();
  private readonly currencies = new Map<string, string>();

  add(p: HistoryPoint): void {
    const keys = [`customer:${p.customerId}`, p.repId ? `rep:${p.repId}` : '', p.productId ? `product:${p.productId}` : ''].filter(Boolean);
    for (const k of keys) {
      const list = this.byKey.get(k) ?? [];
      list.push(p);
      this.byKey.set(k, list);
    }
  }

  setCustomerCurrency(customerId: string, currency: string): void {
    this.currencies.set(customerId, currency);
  }

  async points(dimension: HistoryDimension, id: string, currency: string): Promise<readonly HistoryPoint[]> {
    return (this.byKey.get(`${dimension}:${id}`) ?? []).filter((p) => p.currency === currency);
  }

  async customerCurrency(customerId: string): Promise<string | undefined> {
    return this.currencies.get(customerId);
  }
}
