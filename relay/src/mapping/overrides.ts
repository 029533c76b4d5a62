import { z } from 'zod';
import { directionSchema, fieldMappingSchema, ruleSchema, sideSchema, systemSchema, type System } from './definition.js';
import { crosswalkTablesSchema } from './crosswalk.js';
import { MappingError } from './errors.js';
import { compileConditions } from './conditions.js';

/**
 * Admin overrides, as carried by the package's records (force-app/main/default/objects):
 * - `Sync_Flow__c`: `Flow_Key__c` (= a mapping id, e.g. "account-customer"), `Active__c`, `Direction__c`,
 *   `Conditions__c` (JSON rules over the source record, see conditions.ts) and `Definition__c` (FlowOverride JSON).
 * - `Sync_Mapping__c` (detail of a flow): `Source_Field__c`, `Target_Field__c`, `Transform__c` (JSONata on the
 *   source value), `Default_Value__c`, `Direction__c`, `Field_Master__c`, `Required__c`, `Active__c`, `Sequence__c`
 *   and `Definition__c` (FieldOverride JSON, for what the plain fields cannot say).
 * Everything is validated here, at the boundary; errors name the flow (mapping) and the field.
 */
export const anomalyPolicySchema = z.object({
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
  /** JSONata over the source record (compiled from Conditions__c). */
  sourceCondition: z.string().max(8000).optional(),
  /** Rules added to (or replacing, by id) the shipped ones. */
  rules: z.array(ruleSchema).default([]),
  crosswalk: crosswalkTablesSchema.default({}),
  anomalyPolicy: anomalyPolicySchema.optional(),
});
export type FlowOverride = z.infer<typeof flowOverrideSchema>;

export const fieldOverrideSchema = z
  .strictObject({
    mapping: z.string().min(1),
    /** The canonical field to change; omitted for a plain source → target mapping. */
    canonical: z.string().min(1).optional(),
    /** Plain mapping: the system the source field lives on, the source and target fields and a transform. */
    from: systemSchema.optional(),
    sourceField: z.string().min(1).max(255).optional(),
    targetField: z.string().min(1).max(255).optional(),
    transform: z.string().min(1).max(4000).optional(),
    sequence: z.number().optional(),
    /** true removes the field from the mapping. */
    remove: z.boolean().default(false),
    salesforce: sideSchema.nullable().optional(),
    netsuite: sideSchema.nullable().optional(),
    direction: directionSchema.optional(),
    master: systemSchema.optional(),
    default: z.unknown().optional(),
    required: z.boolean().optional(),
    onOverflow: fieldMappingSchema.shape.onOverflow.optional(),
  })
  .refine((o) => o.canonical !== undefined || (o.from !== undefined && o.targetField !== undefined), 'give "canonical", or "from" with "targetField"');
export type FieldOverride = z.infer<typeof fieldOverrideSchema>;

const flowKey = z.string().min(1).max(80).regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');
const longText = z.string().max(131_072).nullable().optional();

export const syncFlowRecordSchema = z.object({
  Id: z.string().optional(),
  Flow_Key__c: flowKey,
  Active__c: z.boolean().optional(),
  Direction__c: directionSchema.nullable().optional(),
  Conditions__c: longText,
  Definition__c: longText,
});

export const syncMappingRecordSchema = z.object({
  Id: z.string().optional(),
  Active__c: z.boolean().optional(),
  Source_Field__c: z.string().max(255).nullable().optional(),
  Target_Field__c: z.string().max(255).nullable().optional(),
  Transform__c: z.string().max(32_768).nullable().optional(),
  Default_Value__c: z.string().max(255).nullable().optional(),
  Direction__c: directionSchema.nullable().optional(),
  Field_Master__c: systemSchema.nullable().optional(),
  Required__c: z.boolean().nullable().optional(),
  Sequence__c: z.number().nullable().optional(),
  Definition__c: longText,
});

function parseJson(text: string | null | undefined, mapping: string, field: string): Record<string, unknown> {
  if (text === null || text === undefined || text.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(text) as unknown;
  } catch (err) {
    throw new MappingError(mapping, field, `${field} is not valid JSON (${(err as Error).message})`, 'MAPPING_MALFORMED_JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new MappingError(mapping, field, `${field} must be a JSON object`, 'MAPPING_MALFORMED_JSON');
  return v as Record<string, unknown>;
}

function zodFail(mapping: string, err: z.ZodError, prefix: string): MappingError {
  const issue = err.issues[0];
  const path = [prefix, ...(issue?.path ?? [])].filter((p) => p !== '').join('.');
  return new MappingError(mapping, path, issue?.message ?? 'invalid', 'MAPPING_MALFORMED');
}

/** Parses a Sync_Flow__c record into a validated FlowOverride. */
export function parseFlowRecord(record: unknown): FlowOverride {
  const rec = syncFlowRecordSchema.safeParse(record);
  if (!rec.success) throw zodFail(`(Sync_Flow__c ${(record as { Id?: string } | null)?.Id ?? ''})`.replace(' )', ')'), rec.error, '');
  const r = rec.data;
  const mapping = r.Flow_Key__c;
  const json = parseJson(r.Definition__c, mapping, 'Definition__c');
  const conditions = r.Conditions__c ? compileConditions(parseJson(r.Conditions__c, mapping, 'Conditions__c'), mapping) : undefined;
  const merged = {
    ...json,
    mapping,
    ...(r.Active__c !== undefined ? { active: r.Active__c } : {}),
    ...(r.Direction__c ? { direction: r.Direction__c } : {}),
    ...(conditions ? { sourceCondition: conditions } : {}),
  };
  const parsed = flowOverrideSchema.safeParse(merged);
  if (!parsed.success) throw zodFail(mapping, parsed.error, 'Definition__c');
  return parsed.data;
}

/**
 * Parses a Sync_Mapping__c record of the flow `flowKey` whose source records live on `from`. Returns undefined
 * for an inactive record (ignored, the shipped field mapping stays).
 */
export function parseMappingRecord(record: unknown, flowKeyValue: string, from: System): FieldOverride | undefined {
  const rec = syncMappingRecordSchema.safeParse(record);
  if (!rec.success) throw zodFail(flowKeyValue, rec.error, 'Sync_Mapping__c');
  const r = rec.data;
  if (r.Active__c === false) return undefined;
  const json = parseJson(r.Definition__c, flowKeyValue, `Sync_Mapping__c ${r.Target_Field__c ?? r.Id ?? ''}`.trim() + '.Definition__c');
  const plain: Record<string, unknown> = { mapping: flowKeyValue };
  if (r.Target_Field__c) Object.assign(plain, { from, targetField: r.Target_Field__c });
  if (r.Source_Field__c) plain.sourceField = r.Source_Field__c;
  if (r.Transform__c) plain.transform = r.Transform__c;
  if (r.Default_Value__c !== null && r.Default_Value__c !== undefined) plain.default = r.Default_Value__c;
  if (r.Direction__c) plain.direction = r.Direction__c;
  if (r.Field_Master__c) plain.master = r.Field_Master__c;
  if (r.Required__c !== null && r.Required__c !== undefined) plain.required = r.Required__c;
  if (r.Sequence__c !== null && r.Sequence__c !== undefined) plain.sequence = r.Sequence__c;
  const parsed = fieldOverrideSchema.safeParse({ ...plain, ...json, mapping: flowKeyValue });
  if (!parsed.success) throw zodFail(flowKeyValue, parsed.error, r.Target_Field__c ?? 'Sync_Mapping__c');
  return parsed.data;
}
