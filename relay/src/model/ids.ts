import { z } from 'zod';

/** Salesforce record id: 15 or 18 characters, case-sensitive alphanumerics. */
export const salesforceId = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'a 15 or 18 character Salesforce id');
/** NetSuite internalId: a positive integer carried as a string. */
export const netsuiteInternalId = z.string().regex(/^\d{1,18}$/, 'a NetSuite internalId (digits)');

/**
 * The ids that tie one canonical record to each system. Records created from Salesforce carry the Salesforce
 * Id as NetSuite externalId; records from NetSuite carry the internalId in a Salesforce external-id field.
 */
export const systemIdsSchema = z.object({
  canonicalId: z.string().min(1).optional(),
  salesforceId: salesforceId.optional(),
  netsuiteInternalId: netsuiteInternalId.optional(),
  netsuiteExternalId: z.string().max(255).optional(),
});
export type SystemIds = z.infer<typeof systemIdsSchema>;

/** A reference to another canonical record (customer of an order, item of a line) by any of its ids. */
export const recordRefSchema = systemIdsSchema.extend({ name: z.string().optional() });
export type RecordRef = z.infer<typeof recordRefSchema>;
