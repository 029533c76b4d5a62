import { z } from 'zod';

/**
 * A mapping definition is data: Salesforce object/field ↔ canonical path ↔ NetSuite record/field, per field a
 * direction, a master (which system wins when both changed), a default, a required flag and transforms.
 *
 * Transforms are JSONata (see expression.ts). `read` turns a system record into the canonical value (input `$`
 * = the system record); `write` turns the canonical value into the system value (input `$` = the canonical
 * record, `$value` = this field's canonical value). Missing `read` = the field's value; missing `write` = `$value`.
 */
export const systemSchema = z.enum(['salesforce', 'netsuite']);
export type System = z.infer<typeof systemSchema>;

const fieldName = z.string().min(1).max(255).regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'a field name or dotted path');
const expression = z.string().min(1).max(4000);
const jsonValue: z.ZodType<unknown> = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);

export const sideSchema = z.object({
  /** Field API name on this system (or a dotted path into its payload). */
  field: fieldName.optional(),
  read: expression.optional(),
  write: expression.optional(),
  /** JSONata applied to this field's value after reading it (input `$` = the value), as in Sync_Mapping__c.Transform__c. */
  transform: expression.optional(),
}).refine((s) => s.field !== undefined || s.read !== undefined || s.write !== undefined, 'a side needs a field, read or write');

export const directionSchema = z.enum(['both', 'toNetSuite', 'toSalesforce']);
export type Direction = z.infer<typeof directionSchema>;

export const fieldMappingSchema = z.object({
  canonical: fieldName,
  salesforce: sideSchema.optional(),
  netsuite: sideSchema.optional(),
  direction: directionSchema.default('both'),
  /** The system that wins for this field when the target already holds a different value. */
  master: systemSchema.default('salesforce'),
  /** Canonical value used when the source gives none. */
  default: jsonValue.optional(),
  required: z.boolean().default(false),
  /** What to do when the written value exceeds the target's length: fail validation, or cut with a finding. */
  onOverflow: z.enum(['error', 'truncate']).default('error'),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

export const ruleSchema = z.object({
  id: z.string().min(1),
  /** JSONata over the canonical record; the rule fires when it is true. */
  when: expression,
  action: z.enum(['block', 'hold', 'flag']),
  field: z.string().default(''),
  message: z.string().min(1),
  suggestedFix: z.string().default('Correct the record or ask an admin to adjust the rule.'),
});
export type Rule = z.infer<typeof ruleSchema>;

export const lineMappingSchema = z.object({
  canonical: fieldName,
  salesforce: fieldName.optional(),
  netsuite: fieldName.optional(),
  fields: z.array(fieldMappingSchema).min(1),
});

export const mappingDefinitionSchema = z.object({
  id: z.string().min(1).max(80).regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  label: z.string().min(1),
  canonical: z.string().min(1),
  salesforce: z.object({ object: z.string().min(1) }),
  netsuite: z.object({ record: z.string().min(1) }),
  direction: directionSchema,
  /** JSONata over the canonical record: only records for which it is true are synced ("only active customers"). */
  condition: expression.optional(),
  /** JSONata over the source record, checked first (Sync_Flow__c.Conditions__c compiles to this). */
  sourceCondition: expression.optional(),
  fields: z.array(fieldMappingSchema).min(1),
  lines: z.array(lineMappingSchema).default([]),
  rules: z.array(ruleSchema).default([]),
});
export type MappingDefinition = z.infer<typeof mappingDefinitionSchema>;
export type MappingDefinitionInput = z.input<typeof mappingDefinitionSchema>;

export const otherSystem = (s: System): System => (s === 'salesforce' ? 'netsuite' : 'salesforce');
export const allows = (d: Direction, from: System): boolean =>
  d === 'both' || (d === 'toNetSuite' ? from === 'salesforce' : from === 'netsuite');
