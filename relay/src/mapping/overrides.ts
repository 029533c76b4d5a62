import { z } from 'zod';
import { directionSchema, fieldMappingSchema, ruleSchema, sideSchema, systemSchema } from './definition.js';
import { crosswalkTablesSchema } from './crosswalk.js';
import { MappingError } from './errors.js';

/**
 * Admin overrides, as carried by Salesforce records. A `Sync_Flow__c` record holds one FlowOverride as JSON in
 * `Definition__c` (plus `Mapping_Id__c` and `Active__c` as plain fields); each `Sync_Mapping__c` record holds one
 * FieldOverride as JSON in `Definition__c` (plus `Mapping_Id__c`). Both are validated here, at the boundary.
 */
export const anomalyPolicySchema = z.object({
  /** Action per detector family; default hold for errors-level anomalies. */
  amount: z.enum(['block', 'hold', 'flag']).default('hold'),
  totals: z.enum(['block', 'hold', 'flag']).default('block'),
  currency: z.enum(['block', 'hold', 'flag']).default('hold'),
  duplicate: z.enum(['block', 'hold', 'flag']).default('flag'),
  /** Findings scoring below this are dropped (0..1). */
  minScore: z.number().min(0).max(1).default(0.5),
});
export type AnomalyPolicy = z.infer<typeof anomalyPolicySchema>;

export const flowOverrideSchema = z.strictObject({
  mapping: z.string().min(1),
  active: z.boolean().default(true),
  direction: directionSchema.optional(),
  /** JSONata over the canonical record; null removes the shipped condition. */
  condition: z.string().max(4000).nullable().optional(),
  /** Rules added to (or replacing, by id) the shipped ones. */
  rules: z.array(ruleSchema).default([]),
  crosswalk: crosswalkTablesSchema.default({}),
  anomalyPolicy: anomalyPolicySchema.optional(),
});
export type FlowOverride = z.infer<typeof flowOverrideSchema>;

export const fieldOverrideSchema = z.strictObject({
  mapping: z.string().min(1),
  canonical: z.string().min(1),
  /** true removes the field from the mapping. */
  remove: z.boolean().default(false),
  salesforce: sideSchema.nullable().optional(),
  netsuite: sideSchema.nullable().optional(),
  direction: directionSchema.optional(),
  master: systemSchema.optional(),
  default: z.unknown().optional(),
  required: z.boolean().optional(),
  onOverflow: fieldMappingSchema.shape.onOverflow.optional(),
});
export type FieldOverride = z.infer<typeof fieldOverrideSchema>;

/** A Sync_Flow__c / Sync_Mapping__c record as read from Salesforce (only the fields used here). */
export const syncRecordSchema = z.object({
  Id: z.string().optional(),
  Name: z.string().optional(),
  Mapping_Id__c: z.string().min(1),
  Active__c: z.boolean().optional(),
  Definition__c: z.string().max(131_072).nullable().optional(),
});

function parseJsonField(text: string | null | undefined, mapping: string, field: string): unknown {
  if (text === null || text === undefined || text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new MappingError(mapping, field, `Definition__c is not valid JSON (${(err as Error).message})`, 'MAPPING_MALFORMED_JSON');
  }
}

function zodFail(mapping: string, err: z.ZodError, fallbackField: string): MappingError {
  const issue = err.issues[0];
  const path = issue?.path.join('.') || fallbackField;
  return new MappingError(mapping, path, issue?.message ?? 'invalid', 'MAPPING_MALFORMED');
}

/** Parses a Sync_Flow__c record into a validated FlowOverride; the error names the mapping and the field. */
export function parseFlowRecord(record: unknown): FlowOverride {
  const rec = syncRecordSchema.safeParse(record);
  if (!rec.success) throw zodFail('(Sync_Flow__c)', rec.error, 'Mapping_Id__c');
  const mapping = rec.data.Mapping_Id__c;
  const json = parseJsonField(rec.data.Definition__c, mapping, 'Definition__c');
  const merged = { mapping, ...(typeof json === 'object' && json !== null ? json : {}), ...(rec.data.Active__c !== undefined ? { active: rec.data.Active__c } : {}) };
  const parsed = flowOverrideSchema.safeParse(merged);
  if (!parsed.success) throw zodFail(mapping, parsed.error, 'Definition__c');
  return parsed.data;
}

/** Parses a Sync_Mapping__c record into a validated FieldOverride. */
export function parseFieldRecord(record: unknown): FieldOverride {
  const rec = syncRecordSchema.safeParse(record);
  if (!rec.success) throw zodFail('(Sync_Mapping__c)', rec.error, 'Mapping_Id__c');
  const mapping = rec.data.Mapping_Id__c;
  const json = parseJsonField(rec.data.Definition__c, mapping, 'Definition__c');
  const parsed = fieldOverrideSchema.safeParse({ mapping, ...(typeof json === 'object' && json !== null ? json : {}) });
  if (!parsed.success) throw zodFail(mapping, parsed.error, 'Definition__c');
  return parsed.data;
}
