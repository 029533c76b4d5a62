import { z } from 'zod';
import { recordRefSchema, systemIdsSchema } from './ids.js';
import { currencyCode, decimalString, moneySchema } from './money.js';
import { localDate, zonedDateTime } from './datetime.js';
import { addressSchema } from './parties.js';

export const orderLineSchema = z.object({
  ids: systemIdsSchema.optional(),
  lineNumber: z.number().int().positive(),
  item: recordRefSchema,
  description: z.string().optional(),
  quantity: decimalString,
  unitPrice: moneySchema,
  /** Percent, e.g. "10" for 10 %. */
  discountPercent: decimalString.optional(),
  amount: moneySchema,
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const salesOrderStatusSchema = z.enum([
  'draft',
  'pendingApproval',
  'pendingFulfillment',
  'partiallyFulfilled',
  'pendingBilling',
  'billed',
  'closed',
  'cancelled',
]);

export const salesOrderSchema = z.object({
  ids: systemIdsSchema,
  /** Salesforce Opportunity the order came from, when any. */
  opportunity: recordRefSchema.optional(),
  /** Opportunity Amount at the time of conversion, to check the order total against. */
  opportunityAmount: moneySchema.optional(),
  number: z.string().optional(),
  customer: recordRefSchema,
  currency: currencyCode,
  orderDate: localDate,
  /** The zone the order date is meant in (the company's). */
  timeZone: z.string().default('UTC'),
  status: salesOrderStatusSchema.default('pendingApproval'),
  salesRep: recordRefSchema.optional(),
  memo: z.string().optional(),
  poNumber: z.string().optional(),
  billingAddress: addressSchema.optional(),
  shippingAddress: addressSchema.optional(),
  lines: z.array(orderLineSchema).min(1),
  total: moneySchema,
  discountPercent: decimalString.optional(),
  lastModified: zonedDateTime.optional(),
});
export type SalesOrder = z.infer<typeof salesOrderSchema>;

export const fulfillmentSchema = z.object({
  ids: systemIdsSchema,
  salesOrder: recordRefSchema,
  shipDate: localDate,
  status: z.enum(['picked', 'packed', 'shipped']),
  trackingNumbers: z.array(z.string()).default([]),
  lines: z.array(z.object({ orderLineNumber: z.number().int().positive(), item: recordRefSchema, quantity: decimalString })).min(1),
});
export type Fulfillment = z.infer<typeof fulfillmentSchema>;

export const invoiceLineSchema = orderLineSchema.omit({ discountPercent: true });

export const invoiceSchema = z.object({
  ids: systemIdsSchema,
  number: z.string().min(1),
  customer: recordRefSchema,
  salesOrder: recordRefSchema.optional(),
  currency: currencyCode,
  invoiceDate: localDate,
  dueDate: localDate.optional(),
  status: z.enum(['open', 'paidInFull', 'partiallyPaid', 'voided']),
  total: moneySchema,
  amountRemaining: moneySchema,
  lines: z.array(invoiceLineSchema).default([]),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const paymentApplicationSchema = z.object({
  invoice: recordRefSchema,
  amount: moneySchema,
  applyDate: localDate.optional(),
});

export const paymentSchema = z.object({
  ids: systemIdsSchema,
  number: z.string().optional(),
  customer: recordRefSchema,
  currency: currencyCode,
  paymentDate: localDate,
  method: z.string().optional(),
  total: moneySchema,
  unapplied: moneySchema.optional(),
  applications: z.array(paymentApplicationSchema).default([]),
  memo: z.string().optional(),
});
export type Payment = z.infer<typeof paymentSchema>;
