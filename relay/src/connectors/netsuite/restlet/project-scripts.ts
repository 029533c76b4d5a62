import { z } from 'zod';
import { isNetSuiteError, protocolError } from '../errors.js';
import type { RestletClient } from './client.js';

/** Script and deployment ids of the project's RESTlets (netsuite/src/Objects, DESIGN.md). */
export const FINANCIAL_SUMMARY = {
  script: 'customscript_nsc_financial_summary',
  deploy: 'customdeploy_nsc_financial_summary',
};
export const BATCH_UPSERT = { script: 'customscript_nsc_batch_upsert', deploy: 'customdeploy_nsc_batch_upsert' };
export const BATCH_UPSERT_MAX = 100;

export const financialSummarySchema = z.object({
  customer: z.object({
    id: z.string(),
    externalId: z.string().nullable(),
    entityId: z.string().nullable(),
    companyName: z.string().nullable(),
    currency: z.union([z.string(), z.number()]).nullable(),
  }),
  balance: z.number(),
  overdueBalance: z.number(),
  creditLimit: z.number().nullable(),
  creditHold: z.string(),
  daysOverdue: z.number(),
  unbilledOrders: z.number(),
  openInvoices: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      date: z.string().nullable(),
      dueDate: z.string().nullable(),
      total: z.number(),
      remaining: z.number(),
      status: z.string().nullable(),
    }),
  ),
  recentPayments: z.array(
    z.object({ id: z.string(), number: z.string().nullable(), date: z.string().nullable(), amount: z.number() }),
  ),
  asOf: z.string(),
  remainingUsage: z.number(),
});
export type FinancialSummary = z.infer<typeof financialSummarySchema>;

export const batchUpsertResultSchema = z.object({
  recordType: z.string(),
  results: z.array(
    z.object({
      externalId: z.string(),
      status: z.enum(['created', 'updated', 'error']),
      id: z.string().optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  unprocessed: z.array(z.string()),
  remainingUsage: z.number(),
});
export type BatchUpsertResult = z.infer<typeof batchUpsertResultSchema>;

export interface BatchUpsertRecord {
  externalId: string;
  /** SuiteScript field ids (lower case) → values; ISO dates become Date in the script. */
  fields: Record<string, unknown>;
  sublists?: Record<string, Record<string, unknown>[]>;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw protocolError(
      `${what}: unexpected answer (${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')})`,
    );
  return r.data;
}

/** One customer's balance, credit, open invoices and recent payments, by internal or external id. */
export async function getFinancialSummary(
  client: RestletClient,
  key: { customerId: string } | { externalId: string },
): Promise<FinancialSummary> {
  const params: Record<string, string> =
    'customerId' in key ? { customerId: key.customerId } : { externalId: key.externalId };
  const value = await client.call({ ...FINANCIAL_SUMMARY, method: 'GET', params });
  return parse(financialSummarySchema, value, 'financial summary');
}

/** Up to 100 records of one SuiteScript record type (`customer`, `salesorder`...), upserted by external id. */
export async function batchUpsert(
  client: RestletClient,
  recordType: string,
  records: readonly BatchUpsertRecord[],
): Promise<BatchUpsertResult> {
  if (records.length > BATCH_UPSERT_MAX)
    throw new RangeError(`batchUpsert takes at most ${BATCH_UPSERT_MAX} records, got ${records.length}`);
  const value = await client.call({ ...BATCH_UPSERT, method: 'POST', body: { recordType, records } });
  return parse(batchUpsertResultSchema, value, 'batch upsert');
}

/**
 * `fetchFinancialSummary` for `accountRoutes` (relay/src/routes/accounts.ts): the RESTlet's raw JSON
 * for a customer by external id (the Salesforce Account id), or undefined when NetSuite has none.
 */
export function financialSummaryFetcher(client: RestletClient): (query: { externalId: string }) => Promise<unknown> {
  return async ({ externalId }) => {
    try {
      return await client.call({ ...FINANCIAL_SUMMARY, method: 'GET', params: { externalId } });
    } catch (e) {
      if (isNetSuiteError(e) && e.nsCode === 'NSC_CUSTOMER_NOT_FOUND') return undefined;
      throw e;
    }
  };
}
