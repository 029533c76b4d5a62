import { z } from 'zod';

/**
 * The financial summary the relay serves to Salesforce (GET /api/v1/accounts/:id/financials),
 * built from the answer of the `customscript_nsc_financial_summary` RESTlet.
 */
export interface FinancialSummary {
  accountId: string;
  customer: { internalId: string; externalId: string | null; entityId: string | null; companyName: string | null };
  currency: string | null;
  balance: number;
  overdueBalance: number;
  creditLimit: number | null;
  creditHold: 'auto' | 'on' | 'off';
  daysOverdue: number;
  unbilledOrders: number;
  openInvoices: {
    internalId: string;
    tranId: string | null;
    tranDate: string | null;
    dueDate: string | null;
    total: number;
    amountRemaining: number;
    status: string | null;
  }[];
  recentPayments: { internalId: string; tranId: string | null; tranDate: string | null; amount: number }[];
  asOf: string;
}

const nullableString = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null ? null : String(v)));
const amount = z.coerce.number().finite();

/** What the RESTlet answers (netsuite/src/TypeScripts/financial_summary.ts); validated at the boundary. */
export const restletSummarySchema = z.object({
  customer: z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    externalId: nullableString,
    entityId: nullableString,
    companyName: nullableString,
    currency: nullableString,
  }),
  balance: amount,
  overdueBalance: amount,
  creditLimit: amount.nullable(),
  creditHold: z.string(),
  daysOverdue: amount,
  unbilledOrders: amount,
  openInvoices: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      number: nullableString,
      date: nullableString,
      dueDate: nullableString,
      total: amount,
      remaining: amount,
      status: nullableString,
    }),
  ),
  recentPayments: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      number: nullableString,
      date: nullableString,
      amount,
    }),
  ),
  asOf: z.string(),
});

const HOLD: Record<string, FinancialSummary['creditHold']> = {
  _auto: 'auto',
  auto: 'auto',
  _on: 'on',
  on: 'on',
  _off: 'off',
  off: 'off',
};

/** Maps a validated RESTlet answer to the relay's summary; throws ZodError on a malformed answer. */
export function toFinancialSummary(accountId: string, raw: unknown): FinancialSummary {
  const r = restletSummarySchema.parse(raw);
  return {
    accountId,
    customer: {
      internalId: r.customer.id,
      externalId: r.customer.externalId,
      entityId: r.customer.entityId,
      companyName: r.customer.companyName,
    },
    currency: r.customer.currency,
    balance: r.balance,
    overdueBalance: r.overdueBalance,
    creditLimit: r.creditLimit,
    creditHold: HOLD[r.creditHold.toLowerCase()] ?? 'auto',
    daysOverdue: r.daysOverdue,
    unbilledOrders: r.unbilledOrders,
    openInvoices: r.openInvoices.map((i) => ({
      internalId: i.id,
      tranId: i.number,
      tranDate: i.date,
      dueDate: i.dueDate,
      total: i.total,
      amountRemaining: i.remaining,
      status: i.status,
    })),
    recentPayments: r.recentPayments.map((p) => ({
      internalId: p.id,
      tranId: p.number,
      tranDate: p.date,
      amount: p.amount,
    })),
    asOf: r.asOf,
  };
}
