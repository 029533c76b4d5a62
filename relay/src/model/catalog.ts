import { z } from 'zod';
import { recordRefSchema, systemIdsSchema } from './ids.js';
import { moneySchema } from './money.js';

export const itemTypeSchema = z.enum(['inventory', 'nonInventory', 'service', 'discount', 'other']);

export const itemSchema = z.object({
  ids: systemIdsSchema,
  /** NetSuite itemId / Salesforce ProductCode. */
  sku: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  type: itemTypeSchema.default('nonInventory'),
  family: z.string().optional(),
  isActive: z.boolean().default(true),
  isTaxable: z.boolean().optional(),
  unitOfMeasure: z.string().optional(),
});
export type Item = z.infer<typeof itemSchema>;

/** One price of an item in a price book / price level and currency. */
export const priceEntrySchema = z.object({
  ids: systemIdsSchema,
  item: recordRefSchema,
  priceBook: z.string().default('Standard'),
  unitPrice: moneySchema,
  isActive: z.boolean().default(true),
});
export type PriceEntry = z.infer<typeof priceEntrySchema>;
