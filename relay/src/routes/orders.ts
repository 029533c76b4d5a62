import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { AppError } from '../http/errors.js';
import type { NetSuitePort, NsRecord } from '../connectors/netsuite/port.js';
import { salesforceId } from './accounts.js';

/** SuiteTalk SalesOrderOrderStatus literals and the labels NetSuite shows for them. */
const ORDER_STATUS_LABELS: Record<string, string> = {
  _pendingApproval: 'Pending Approval',
  _pendingFulfillment: 'Pending Fulfillment',
  _cancelled: 'Cancelled',
  _partiallyFulfilled: 'Partially Fulfilled',
  _pendingBillingPartFulfilled: 'Pending Billing/Partially Fulfilled',
  _pendingBilling: 'Pending Billing',
  _fullyBilled: 'Billed',
  _closed: 'Closed',
  _undefined: 'Undefined',
};

export interface OrderStatus {
  orderId: string;
  salesOrder: {
    internalId: string;
    tranId: string | null;
    status: string | null;
    statusLabel: string | null;
    total: number | null;
    currency: string | null;
    lastModified: string | null;
  };
}

const str = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : String(v));
const num = (v: unknown): number | null =>
  v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
const refName = (v: unknown): string | null =>
  typeof v === 'object' && v !== null
    ? str((v as { name?: unknown; internalId?: unknown }).name ?? (v as { internalId?: unknown }).internalId)
    : str(v);

export function toOrderStatus(orderId: string, so: NsRecord): OrderStatus {
  const status = str(so.fields.orderStatus);
  const lastModified = so.fields.lastModifiedDate;
  return {
    orderId,
    salesOrder: {
      internalId: so.internalId ?? '',
      tranId: str(so.fields.tranId),
      status,
      statusLabel: status ? (ORDER_STATUS_LABELS[status] ?? str(so.fields.status) ?? status) : str(so.fields.status),
      total: num(so.fields.total),
      currency: refName(so.fields.currency),
      lastModified: lastModified instanceof Date ? lastModified.toISOString() : str(lastModified),
    },
  };
}

/** GET /orders/:id/status — the NetSuite sales order created from a Salesforce Order (externalId = Order id). */
export function orderRoutes(deps: { netsuite: Pick<NetSuitePort, 'findByExternalIds'> }): Hono {
  const app = new Hono();
  app.get(
    '/:id/status',
    zValidator('param', z.object({ id: salesforceId }), (result) => {
      if (!result.success) {
        throw new AppError('INVALID_ID', 'The order id must be a 15- or 18-character Salesforce id', 400, {
          field: 'id',
        });
      }
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const [so] = await deps.netsuite.findByExternalIds('salesOrder', [id]);
      if (!so) throw new AppError('NOT_LINKED', `Order ${id} has no NetSuite sales order yet`, 404, { orderId: id });
      return c.json(toOrderStatus(id, so));
    },
  );
  return app;
}
