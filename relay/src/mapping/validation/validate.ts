import type { Finding } from '../findings.js';
import type { System } from '../definition.js';
import type { FieldSpec, RecordSpec } from '../targets/descriptor.js';
import { getPath, isBlank } from '../paths.js';
import type { ReferenceResolver } from './reference-resolver.js';

export interface ValidationContext {
  system: System;
  /** Target record type (key into the descriptor tables), e.g. "customer", "Account". */
  recordType: string;
  /** "<object>:<id>" for messages. */
  record: string;
  spec: RecordSpec;
  /** Line specs keyed by list path ("itemList.item"). */
  lineSpecs?: Record<string, RecordSpec>;
  resolver?: ReferenceResolver;
}

const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DECIMAL_RE = /^-?\d+(\.\d+)?$/;
const SF_ID_RE = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

function closest(value: string, options: readonly string[]): string | undefined {
  const v = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  return options.find((o) => o.toLowerCase().replace(/[^a-z0-9]/g, '') === v) ?? options.find((o) => o.toLowerCase().startsWith(v.slice(0, 4)));
}

function typeProblem(value: unknown, s: FieldSpec, system: System): string | undefined {
  switch (s.type) {
    case 'string':
    case 'textarea':
    case 'url':
    case 'phone':
    case 'picklist':
      return typeof value === 'string' ? undefined : `expected text, got ${typeof value}`;
    case 'email':
      return typeof value === 'string' && EMAIL_RE.test(value) ? undefined : `"${String(value)}" is not an email address`;
    case 'number':
    case 'currency':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && DECIMAL_RE.test(value))
        ? undefined
        : `"${String(value)}" is not a number`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true/false, got "${String(value)}"`;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : `"${String(value)}" is not a date (YYYY-MM-DD)`;
    case 'datetime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
        ? undefined
        : `"${String(value)}" is not a date-time with a time zone`;
    case 'ref':
      if (system === 'salesforce') return typeof value === 'string' && SF_ID_RE.test(value) ? undefined : `"${String(value)}" is not a Salesforce id`;
      return typeof value === 'object' && value !== null && ('internalId' in value || 'externalId' in value)
        ? undefined
        : 'expected a RecordRef { internalId } or { externalId }';
    case 'list':
      return Array.isArray(value) ? undefined : 'expected a list';
  }
}

/** Checks a target payload before any write: required, types, lengths, restricted picklists, references. */
export async function validatePayload(payload: Record<string, unknown>, ctx: ValidationContext): Promise<Finding[]> {
  const out: Finding[] = [];
  await validateAgainst(payload, ctx.spec, '', ctx, out);
  for (const [listPath, lineSpec] of Object.entries(ctx.lineSpecs ?? {})) {
    const lines = getPath(payload, listPath);
    if (Array.isArray(lines))
      for (const [i, line] of lines.entries()) await validateAgainst(line as Record<string, unknown>, lineSpec, `${listPath}.${i}.`, ctx, out);
  }
  return out;
}

async function validateAgainst(payload: Record<string, unknown>, spec: RecordSpec, prefix: string, ctx: ValidationContext, out: Finding[]) {
  const base = { record: ctx.record };
  for (const key of Object.keys(payload)) {
    if (typeof payload[key] === 'object' && payload[key] !== null && !Array.isArray(payload[key]) && spec[key]?.type !== 'ref') {
      // nested objects (addresses) are checked through their dotted spec keys
      const nestedKnown = Object.keys(spec).some((k) => k.startsWith(`${key}.`));
      if (nestedKnown) continue;
    }
    if (!(key in spec) && !Object.keys(spec).some((k) => k.startsWith(`${key}.`)))
      out.push({ ...base, code: 'UNKNOWN_FIELD', field: prefix + key, severity: 'error', message: `${ctx.recordType} has no field "${key}"`, suggestedFix: `Remove "${key}" from the mapping or map it to an existing ${ctx.recordType} field.` });
  }
  for (const [field, s] of Object.entries(spec)) {
    const value = getPath(payload, field);
    const name = prefix + field;
    if (isBlank(value)) {
      if (s.required)
        out.push({ ...base, code: 'REQUIRED_MISSING', field: name, severity: 'error', message: `${ctx.recordType}.${field} is required but has no value`, suggestedFix: `Fill the source field mapped to ${field}, or give the mapping a default value.` });
      continue;
    }
    const problem = typeProblem(value, s, ctx.system);
    if (problem) {
      out.push({ ...base, code: 'TYPE_MISMATCH', field: name, severity: 'error', message: `${ctx.recordType}.${field}: ${problem}`, suggestedFix: `Add a transform that converts the value to ${s.type}.` });
      continue;
    }
    if (s.type === 'phone' && typeof value === 'string' && !/^\+[1-9]\d{6,14}$/.test(value))
      out.push({ ...base, code: 'PHONE_NOT_E164', field: name, severity: 'warning', message: `${ctx.recordType}.${field} "${value}" is not a valid phone number in E.164 form`, suggestedFix: 'Correct the number in the source (with its country code), or clear it.' });
    if (s.maxLength !== undefined && typeof value === 'string' && value.length > s.maxLength)
      out.push({ ...base, code: 'MAX_LENGTH', field: name, severity: 'error', message: `${ctx.recordType}.${field} is ${value.length} characters; the limit is ${s.maxLength}`, suggestedFix: `Shorten the source value, or set onOverflow "truncate" on this field mapping to cut it at a word boundary with a warning.` });
    if (s.picklist?.restricted && typeof value === 'string' && !s.picklist.values.includes(value)) {
      const near = closest(value, s.picklist.values);
      out.push({ ...base, code: 'PICKLIST_RESTRICTED', field: name, severity: 'error', message: `"${value}" is not an allowed value of restricted picklist ${ctx.recordType}.${field}`, suggestedFix: near ? `Map "${value}" to "${near}" in a crosswalk, or add the value to the picklist.` : `Use one of: ${s.picklist.values.join(', ')}.` });
    }
    if (s.type === 'ref' && s.reference && ctx.resolver) {
      const ref = typeof value === 'string' ? { id: value } : (value as { internalId?: string; externalId?: string });
      const ok = await ctx.resolver.exists(ctx.system, s.reference, ref);
      if (ok === false)
        out.push({ ...base, code: 'REFERENCE_UNRESOLVED', field: name, severity: 'error', message: `${ctx.recordType}.${field} points to ${s.reference} ${JSON.stringify(value)}, which does not exist in ${ctx.system}`, suggestedFix: `Sync the referenced ${s.reference} first, or add it to the crosswalk table.` });
    }
  }
}
