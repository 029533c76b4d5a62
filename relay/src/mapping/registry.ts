import { mappingDefinitionSchema, type MappingDefinition, type MappingDefinitionInput, type System } from './definition.js';
import { defaultCrosswalk, defaultMappings } from './defaults/index.js';
import { Crosswalk, type CrosswalkTables } from './crosswalk.js';
import { MappingError, isMappingError } from './errors.js';
import { ExpressionCache } from './expression.js';
import type { FieldOverride, FlowOverride, AnomalyPolicy } from './overrides.js';
import { anomalyPolicySchema } from './overrides.js';
import { netsuiteRecords } from './targets/netsuite.js';
import { salesforceObjects } from './targets/salesforce.js';
import type { RecordSpec } from './targets/descriptor.js';
import { NETSUITE_FIELDS } from './targets/netsuite-fields.js';

export function targetSpec(system: System, object: string): RecordSpec | undefined {
  return system === 'netsuite' ? netsuiteRecords[object] : salesforceObjects[object];
}

export function lineSpecs(system: System, object: string): Record<string, RecordSpec> {
  const table = system === 'netsuite' ? netsuiteRecords : salesforceObjects;
  const out: Record<string, RecordSpec> = {};
  for (const [k, v] of Object.entries(table)) if (k.startsWith(`${object}.`)) out[k.slice(object.length + 1)] = v;
  return out;
}

const knows = (spec: RecordSpec, field: string) => field in spec || Object.keys(spec).some((k) => k.startsWith(`${field}.`));

/**
 * Whether `field` exists on `object`: NetSuite fields against the XSD field lists (plus the descriptor tables);
 * Salesforce custom fields (`__c`) against the package's fields; Salesforce standard fields are not listed
 * here (no describe offline), so they pass, and the org rejects a wrong one at write time.
 */
export function fieldExists(system: System, object: string, field: string): boolean {
  const head = field.split('.')[0] ?? field;
  if (system === 'netsuite') {
    const xsd = NETSUITE_FIELDS[object];
    const spec = netsuiteRecords[object];
    if (!xsd && !spec) return true;
    return (xsd?.includes(head) ?? false) || (spec ? knows(spec, field) || knows(spec, head) : false);
  }
  if (!/__c$/.test(head)) return true;
  const spec = salesforceObjects[object];
  return spec ? knows(spec, head) : true;
}

/**
 * Parses, checks and compiles a mapping definition: schema, every expression (parse and size), and every
 * written field against the target's field table. Throws a MappingError naming the mapping and the field.
 */
export function compileDefinition(input: unknown, cache = new ExpressionCache()): MappingDefinition {
  const id = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : '(unnamed)';
  const parsed = mappingDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MappingError(id, issue?.path.join('.') ?? '', issue?.message ?? 'invalid', 'MAPPING_MALFORMED');
  }
  const def = parsed.data;
  const exprs: [string, string][] = [];
  if (def.condition) exprs.push(['(condition)', def.condition]);
  if (def.sourceCondition) exprs.push(['(source condition)', def.sourceCondition]);
  for (const r of def.rules) exprs.push([`(rule ${r.id})`, r.when]);
  const check = (fields: MappingDefinition['fields'], prefix: string, objects: Record<System, string | undefined>) => {
    for (const f of fields) {
      for (const sys of ['salesforce', 'netsuite'] as const) {
        const side = f[sys];
        if (!side) continue;
        if (side.read) exprs.push([`${prefix}${f.canonical} (${sys} read)`, side.read]);
        if (side.transform) exprs.push([`${prefix}${side.field ?? f.canonical}`, side.transform]);
        if (side.write) exprs.push([`${prefix}${side.field ?? f.canonical} (${sys} write)`, side.write]);
        const object = objects[sys];
        if (side.field && object && !fieldExists(sys, object, side.field))
          throw new MappingError(def.id, prefix + side.field, `unknown ${sys} field on ${object}`, 'MAPPING_UNKNOWN_FIELD');
      }
    }
  };
  check(def.fields, '', { salesforce: def.salesforce.object, netsuite: def.netsuite.record });
  for (const lm of def.lines)
    check(lm.fields, `${lm.canonical}.`, {
      salesforce: undefined,
      netsuite: lm.netsuite ? `${def.netsuite.record}.${lm.netsuite}` : undefined,
    });
  for (const [field, src] of exprs) cache.get(src, { mapping: def.id, field });
  return def;
}

/** Layers admin overrides over a shipped definition (by canonical field; rules by id). */
export function applyOverrides(base: MappingDefinitionInput, flow: FlowOverride | undefined, fields: readonly FieldOverride[]): MappingDefinitionInput {
  const out: MappingDefinitionInput = structuredClone(base);
  if (flow) {
    if (flow.direction) out.direction = flow.direction;
    if (flow.sourceCondition) out.sourceCondition = flow.sourceCondition;
    if (flow.condition === null) delete out.condition;
    else if (flow.condition !== undefined) out.condition = flow.condition;
    const rules = [...(out.rules ?? [])].filter((r) => !flow.rules.some((o) => o.id === r.id));
    out.rules = [...rules, ...flow.rules];
  }
  for (const o of [...fields].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0))) {
    const list = out.fields;
    const to = o.from ? (o.from === 'salesforce' ? 'netsuite' : 'salesforce') : undefined;
    // A plain Sync_Mapping__c (source field → target field) overrides the field mapping writing that target.
    const canonical =
      o.canonical ??
      (to ? list.find((f) => f[to]?.field === o.targetField)?.canonical : undefined) ??
      `custom.${(o.targetField ?? 'field').replace(/[^A-Za-z0-9_]/g, '_')}`;
    const i = list.findIndex((f) => f.canonical === canonical);
    if (o.remove) {
      if (i >= 0) list.splice(i, 1);
      continue;
    }
    const cur = i >= 0 ? { ...list[i]! } : { canonical };
    const next: Record<string, unknown> = { ...cur };
    if (o.from && to) {
      if (o.sourceField !== undefined) next[o.from] = { field: o.sourceField, ...(o.transform ? { transform: o.transform } : {}) };
      else if (o.transform) next[o.from] = { ...((next[o.from] as object | undefined) ?? {}), transform: o.transform };
      if (o.targetField) next[to] = { ...((next[to] as object | undefined) ?? {}), field: o.targetField };
    }
    for (const k of ['salesforce', 'netsuite', 'direction', 'master', 'default', 'required', 'onOverflow'] as const) {
      if (o[k] === undefined) continue;
      if (o[k] === null) delete next[k];
      else next[k] = o[k];
    }
    if (i >= 0) list[i] = next as (typeof list)[number];
    else list.push(next as (typeof list)[number]);
  }
  return out;
}

export interface MappingRegistryOptions {
  flows?: readonly FlowOverride[];
  fields?: readonly FieldOverride[];
  crosswalk?: CrosswalkTables;
  definitions?: readonly MappingDefinitionInput[];
}

/**
 * The mappings in force: shipped defaults with admin overrides. A bad override never takes the relay down:
 * the shipped definition stays in force for that mapping and the error is kept for the sync monitor.
 */
export class MappingRegistry {
  readonly errors: MappingError[] = [];
  readonly cache = new ExpressionCache();
  private readonly defs = new Map<string, MappingDefinition>();
  private readonly inactive = new Set<string>();
  private readonly policies = new Map<string, AnomalyPolicy>();
  readonly crosswalk: Crosswalk;

  constructor(opts: MappingRegistryOptions = {}) {
    let cw = Crosswalk.load(defaultCrosswalk, 'defaults');
    const tryDo = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        if (!isMappingError(err)) throw err;
        this.errors.push(err);
      }
    };
    tryDo(() => (cw = cw.with(opts.crosswalk ?? {}, 'crosswalk')));
    for (const flow of opts.flows ?? []) tryDo(() => (cw = cw.with(flow.crosswalk, flow.mapping)));
    this.crosswalk = cw;
    for (const base of opts.definitions ?? defaultMappings) {
      const flow = opts.flows?.find((f) => f.mapping === base.id);
      const fields = (opts.fields ?? []).filter((f) => f.mapping === base.id);
      if (flow && !flow.active) this.inactive.add(base.id);
      this.policies.set(base.id, flow?.anomalyPolicy ?? anomalyPolicySchema.parse({}));
      let def: MappingDefinition | undefined;
      tryDo(() => (def = compileDefinition(applyOverrides(base, flow, fields), this.cache)));
      if (!def && (flow || fields.length)) tryDo(() => (def = compileDefinition(base, this.cache)));
      if (def) this.defs.set(def.id, def);
    }
    for (const o of [...(opts.flows ?? []), ...(opts.fields ?? [])])
      if (!this.defs.has(o.mapping) && !this.errors.some((e) => e.mapping === o.mapping))
        this.errors.push(new MappingError(o.mapping, '', 'no shipped mapping has this id', 'MAPPING_UNKNOWN'));
  }

  get(id: string): MappingDefinition | undefined {
    return this.defs.get(id);
  }
  isActive(id: string): boolean {
    return this.defs.has(id) && !this.inactive.has(id);
  }
  policy(id: string): AnomalyPolicy {
    return this.policies.get(id) ?? anomalyPolicySchema.parse({});
  }
  list(): MappingDefinition[] {
    return [...this.defs.values()];
  }
}
