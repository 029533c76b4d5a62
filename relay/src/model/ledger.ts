import { z } from 'zod';
import { recordRefSchema, systemIdsSchema } from './ids.js';
import { currencyCode, decimalString, moneySchema } from './money.js';
import { localDate } from './datetime.js';

/** NetSuite Vendor Bill (Salesforce side: a custom object or a read-only view). */
export const vendorBillSchema = z.object({
  ids: systemIdsSchema,
  number: z.string().optional(),
  vendor: recordRefSchema,
  currency: currencyCode,
  billDate: localDate,
  dueDate: localDate.optional(),
  memo: z.string().optional(),
  total: moneySchema,
  expenses: z.array(z.object({ account: recordRefSchema, amount: moneySchema, memo: z.string().optional() })).default([]),
});
export type VendorBill = z.infer<typeof vendorBillSchema>;

/** A balanced journal entry: the sum of debits equals the sum of credits. */
export const journalEntrySchema = z.object({
  ids: systemIdsSchema,
  number: z.string().optional(),
  currency: currencyCode,
  entryDate: localDate,
  memo: z.string().optional(),
  subsidiary: recordRefSchema.optional(),
  lines: z
    .array(
      z.object({
        account: recordRefSchema,
        debit: decimalString.optional(),
        credit: decimalString.optional(),
        memo: z.string().optional(),
        entity: recordRefSchema.optional(),
      }),
    )
    .min(2),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** Salesforce Case ↔ NetSuite supportCase. */
export const supportCaseSchema = z.object({
  ids: systemIdsSchema,
  number: z.string().optional(),
  subject: z.string().min(1),
  description: z.string().optional(),
  status: z.string().optional(),
  priority: z.string().optional(),
  origin: z.string().optional(),
  customer: recordRefSchema.optional(),
  contact: recordRefSchema.optional(),
});
export type SupportCase = z.infer<typeof supportCaseSchema>;

/** Salesforce Lead → NetSuite lead (a customer in the LEAD stage). */
export const leadSchema = z.object({
  ids: systemIdsSchema,
  firstName: z.string().optional(),
  lastName: z.string().min(1),
  companyName: z.string().min(1),
  email: z.email().optional(),
  phone: z.string().optional(),
  status: z.string().optional(),
  source: z.string().optional(),
});
export type Lead = z.infer<typeof leadSchema>;
