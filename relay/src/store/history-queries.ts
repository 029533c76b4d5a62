import { ValidationError } from '../http/errors.js';
import type { HistoryDimension, HistoryPoint } from '../mapping/anomaly/history.js';
import type { Db, Sql, SqlValue } from './db.js';
import type { DurableHistory } from './types.js';

/**
 * `points` returns at most this many points: the most recent by `at` (then by order id). The anomaly
 * statistics (median, MAD) stay cheap and follow what a customer, product or rep does now, not years ago.
 */
export const HISTORY_POINTS_LIMIT = 500;

interface PointRow {
  order_id: string;
  customer_id: string;
  rep_id: string | null;
  product_id: string | null;
  currency: string;
  order_total: number;
  quantity: number | null;
  unit_price: number | null;
  discount_percent: number | null;
  at: number;
}

/** Fixed columns per dimension: the dimension picks one of these, never text from the caller. */
const COLUMN: Record<HistoryDimension, string> = { customer: 'customer_id', product: 'product_id', rep: 'rep_id' };

const optional = (v: number | null): number | undefined => (v === null ? undefined : Number(v));

const toPoint = (r: PointRow): HistoryPoint => {
  const p: HistoryPoint = {
    orderId: r.order_id,
    customerId: r.customer_id,
    currency: r.currency,
    orderTotal: Number(r.order_total),
    at: new Date(Number(r.at)).toISOString(),
  };
  if (r.rep_id !== null) p.repId = r.rep_id;
  if (r.product_id !== null) p.productId = r.product_id;
  const quantity = optional(r.quantity);
  const unitPrice = optional(r.unit_price);
  const discountPercent = optional(r.discount_percent);
  if (quantity !== undefined) p.quantity = quantity;
  if (unitPrice !== undefined) p.unitPrice = unitPrice;
  if (discountPercent !== undefined) p.discountPercent = discountPercent;
  return p;
};

/** Checks a point before it is stored; a bad one fails naming the order and the field. */
function row(p: HistoryPoint): SqlValue[] {
  const bad = (field: string, why: string) =>
    new ValidationError(`History point of order ${p.orderId}: ${field} ${why}`, { orderId: p.orderId, field });
  if (!p.orderId) throw bad('orderId', 'is required');
  if (!p.customerId) throw bad('customerId', 'is required');
  if (!p.currency) throw bad('currency', 'is required');
  const at = Date.parse(p.at);
  if (!Number.isFinite(at)) throw bad('at', `"${p.at}" is not a date`);
  const num = (field: string, v: number | undefined, required = false): number | null => {
    if (v === undefined) {
      if (required) throw bad(field, 'is required');
      return null;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(field, `${String(v)} is not a finite number`);
    return v;
  };
  return [
    p.orderId,
    p.productId ?? '',
    p.customerId,
    p.repId ?? null,
    p.productId ?? null,
    p.currency,
    num('orderTotal', p.orderTotal, true),
    num('quantity', p.quantity),
    num('unitPrice', p.unitPrice),
    num('discountPercent', p.discountPercent),
    at,
  ];
}

const upsert = (q: Sql, values: SqlValue[]) =>
  q.run(
    `INSERT INTO order_history (order_id, line_key, customer_id, rep_id, product_id, currency, order_total, quantity,
       unit_price, discount_percent, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (order_id, line_key) DO UPDATE SET customer_id = excluded.customer_id, rep_id = excluded.rep_id,
       product_id = excluded.product_id, currency = excluded.currency, order_total = excluded.order_total,
       quantity = excluded.quantity, unit_price = excluded.unit_price, discount_percent = excluded.discount_percent,
       at = excluded.at`,
    values,
  );

/**
 * Order history for anomaly statistics: one row per (orderId, productId), so adding the same order line
 * again replaces it, and `replaceOrder` swaps all lines of an order in one transaction.
 */
export function orderHistory(db: Db, now: () => number = Date.now): DurableHistory {
  return {
    points: async (dimension, id, currency) => {
      const column = COLUMN[dimension];
      if (!column) throw new ValidationError(`Unknown history dimension "${String(dimension)}"`, { dimension });
      const rows = await db.all<PointRow>(
        `SELECT order_id, customer_id, rep_id, product_id, currency, order_total, quantity, unit_price,
           discount_percent, at
         FROM order_history WHERE ${column} = ? AND currency = ? ORDER BY at DESC, order_id DESC, line_key DESC LIMIT ?`,
        [id, currency, HISTORY_POINTS_LIMIT],
      );
      return rows.reverse().map(toPoint);
    },
    customerCurrency: async (customerId) => {
      const rows = await db.all<{ currency: string }>(
        'SELECT currency FROM customer_currencies WHERE customer_id = ?',
        [customerId],
      );
      return rows[0]?.currency;
    },
    add: async (p) => {
      await upsert(db, row(p));
    },
    replaceOrder: async (orderId, points) => {
      const other = points.find((p) => p.orderId !== orderId);
      if (other)
        throw new ValidationError(`History point of order ${other.orderId} given to replace order ${orderId}`, {
          orderId,
          field: 'orderId',
        });
      const values = points.map(row);
      await db.tx(async (q) => {
        await q.run('DELETE FROM order_history WHERE order_id = ?', [orderId]);
        for (const v of values) await upsert(q, v);
      });
    },
    setCustomerCurrency: async (customerId, currency) => {
      if (!customerId || !currency)
        throw new ValidationError(`Customer currency needs a customer id and a currency`, { customerId, currency });
      await db.run(
        `INSERT INTO customer_currencies (customer_id, currency, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (customer_id) DO UPDATE SET currency = excluded.currency, updated_at = excluded.updated_at`,
        [customerId, currency, now()],
      );
    },
  };
}
