/** The canonical model: every record as the relay understands it, between Salesforce and NetSuite. */
export * from './money.js';
export * from './datetime.js';
export * from './ids.js';
export * from './parties.js';
export * from './catalog.js';
export * from './transactions.js';
export * from './ledger.js';

import { customerSchema, contactSchema, employeeSchema, vendorSchema } from './parties.js';
import { itemSchema, priceEntrySchema } from './catalog.js';
import { fulfillmentSchema, invoiceSchema, paymentSchema, salesOrderSchema } from './transactions.js';
import { journalEntrySchema, leadSchema, supportCaseSchema, vendorBillSchema } from './ledger.js';

/** Canonical record types by name, as mapping definitions refer to them. */
export const canonicalSchemas = {
  customer: customerSchema,
  contact: contactSchema,
  employee: employeeSchema,
  vendor: vendorSchema,
  item: itemSchema,
  priceEntry: priceEntrySchema,
  salesOrder: salesOrderSchema,
  fulfillment: fulfillmentSchema,
  invoice: invoiceSchema,
  payment: paymentSchema,
  vendorBill: vendorBillSchema,
  journalEntry: journalEntrySchema,
  supportCase: supportCaseSchema,
  lead: leadSchema,
} as const;
export type CanonicalType = keyof typeof canonicalSchemas;
