import { z } from 'zod';
import { recordRefSchema, systemIdsSchema } from './ids.js';
import { currencyCode, moneySchema } from './money.js';
import { zonedDateTime } from './datetime.js';

export const addressSchema = z.object({
  label: z.string().optional(),
  addressee: z.string().optional(),
  street1: z.string().optional(),
  street2: z.string().optional(),
  street3: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  phone: z.string().optional(),
  defaultBilling: z.boolean().default(false),
  defaultShipping: z.boolean().default(false),
});
export type Address = z.infer<typeof addressSchema>;

export const contactSchema = z.object({
  ids: systemIdsSchema,
  customer: recordRefSchema.optional(),
  salutation: z.string().optional(),
  firstName: z.string().optional(),
  middleName: z.string().optional(),
  lastName: z.string().min(1),
  title: z.string().optional(),
  email: z.email().optional(),
  phone: z.string().optional(),
  mobilePhone: z.string().optional(),
  isInactive: z.boolean().default(false),
  mailingAddress: addressSchema.optional(),
  lastModified: zonedDateTime.optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const customerSchema = z.object({
  ids: systemIdsSchema,
  /** NetSuite entityId (customer number). */
  entityId: z.string().optional(),
  companyName: z.string().min(1),
  isPerson: z.boolean().default(false),
  phone: z.string().optional(),
  fax: z.string().optional(),
  email: z.email().optional(),
  website: z.string().optional(),
  industry: z.string().optional(),
  description: z.string().optional(),
  isInactive: z.boolean().default(false),
  currency: currencyCode.optional(),
  subsidiary: recordRefSchema.optional(),
  salesRep: recordRefSchema.optional(),
  parent: recordRefSchema.optional(),
  creditLimit: moneySchema.optional(),
  balance: moneySchema.optional(),
  overdueBalance: moneySchema.optional(),
  onCreditHold: z.boolean().optional(),
  addresses: z.array(addressSchema).default([]),
  contacts: z.array(contactSchema).default([]),
  lastModified: zonedDateTime.optional(),
});
export type Customer = z.infer<typeof customerSchema>;

export const employeeSchema = z.object({
  ids: systemIdsSchema,
  firstName: z.string().optional(),
  lastName: z.string().min(1),
  email: z.email(),
  phone: z.string().optional(),
  title: z.string().optional(),
  isSalesRep: z.boolean().default(false),
  isInactive: z.boolean().default(false),
  subsidiary: recordRefSchema.optional(),
  supervisor: recordRefSchema.optional(),
});
export type Employee = z.infer<typeof employeeSchema>;

export const vendorSchema = z.object({
  ids: systemIdsSchema,
  companyName: z.string().min(1),
  email: z.email().optional(),
  phone: z.string().optional(),
  currency: currencyCode.optional(),
  subsidiary: recordRefSchema.optional(),
  addresses: z.array(addressSchema).default([]),
  isInactive: z.boolean().default(false),
});
export type Vendor = z.infer<typeof vendorSchema>;
