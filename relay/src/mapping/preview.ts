import { z } from 'zod';
import type { Finding } from './findings.js';
import { systemSchema, otherSystem, type MappingDefinition } from './definition.js';
import { MappingRegistry, compileDefinition, lineSpecs, targetSpec } from './registry.js';
import { runMapping, decideAction, recordLabel } from './engine.js';
import { crosswalkTablesSchema } from './crosswalk.js';
import { validatePayload } from './validation/validate.js';
import type { ReferenceResolver } from './validation/reference-resolver.js';
import { detectOrderAnomalies, type AnomalyFinding } from './anomaly/detectors.js';
import { findDuplicates } from './anomaly/duplicates.js';
import { orderFromCanonical, partyFromCanonical, type PartyDirectory } from './anomaly/adapters.js';
import type { HistoryPort } from './anomaly/history.js';
import { MappingError } from './errors.js';

export const previewRequestSchema = z
  .object({
    /** A shipped (or overridden) mapping by id ... */
    mapping: z.string().min(1).optional(),
    /** ... or a whole definition being designed, checked and compiled before it runs. */
    definition: z.record(z.string(), z.unknown()).optional(),
    from: systemSchema,
    record: z.record(z.string(), z.unknown()),
    existingTarget: z.record(z.string(), z.unknown()).optional(),
    crosswalk: crosswalkTablesSchema.optional(),
    timeZone: z.string().max(64).optional(),
    defaultCountry: z.string().regex(/^[A-Z]{2}$/).optional(),
  })
  .refine((b) => (b.mapping === undefined) !== (b.definition === undefined), 'give exactly one of "mapping" or "definition"');
export type PreviewRequest = z.infer<typeof previewRequestSchema>;

export interface PreviewDeps {
  registry: MappingRegistry;
  history?: HistoryPort;
  parties?: PartyDirectory;
  resolver?: ReferenceResolver;
  timeZone?: string;
  defaultCountry?: string;
}

export interface PreviewResult {
  mapping: string;
  record: string;
  included: boolean;
  action: ReturnType<typeof decideAction>;
  payload: Record<string, unknown>;
  canonical: Record<string, unknown>;
  findings: (Finding | AnomalyFinding)[];
}

const PARTY_KINDS = new Set(['customer', 'contact', 'vendor', 'lead']);

/** Runs a mapping, its validation and its anomaly checks on one source record. Writes nothing. */
export async function previewMapping(deps: PreviewDeps, req: PreviewRequest): Promise<PreviewResult> {
  let def: MappingDefinition | undefined;
  if (req.definition) def = compileDefinition(req.definition, deps.registry.cache);
  else {
    def = deps.registry.get(req.mapping!);
    if (!def) throw new MappingError(req.mapping!, '', 'no mapping has this id', 'MAPPING_UNKNOWN');
  }
  if (req.from === 'salesforce' ? def.direction === 'toSalesforce' : def.direction === 'toNetSuite')
    throw new MappingError(def.id, '', `this mapping does not run from ${req.from}`, 'MAPPING_WRONG_DIRECTION');
  const to = otherSystem(req.from);
  const targetObject = to === 'netsuite' ? def.netsuite.record : def.salesforce.object;
  const spec = targetSpec(to, targetObject);
  const crosswalk = req.crosswalk ? deps.registry.crosswalk.with(req.crosswalk, def.id) : deps.registry.crosswalk;
  const run = await runMapping(def, {
    from: req.from,
    record: req.record,
    crosswalk,
    cache: deps.registry.cache,
    timeZone: req.timeZone ?? deps.timeZone ?? 'UTC',
    defaultCountry: req.defaultCountry ?? deps.defaultCountry ?? 'US',
    ...(req.existingTarget ? { existingTarget: req.existingTarget } : {}),
    ...(spec ? { targetSpec: spec } : {}),
  });
  const findings: (Finding | AnomalyFinding)[] = [...run.findings];
  if (run.included && spec)
    findings.push(...(await validatePayload(run.payload, { system: to, recordType: targetObject, record: run.record, spec, lineSpecs: lineSpecs(to, targetObject), ...(deps.resolver ? { resolver: deps.resolver } : {}) })));
  const policy = deps.registry.policy(def.id);
  if (def.canonical === 'salesOrder' && deps.history && run.included)
    findings.push(...(await detectOrderAnomalies(orderFromCanonical(run.canonical, run.record), deps.history, policy)));
  if (PARTY_KINDS.has(def.canonical) && deps.parties && run.included) {
    const party = partyFromCanonical(run.canonical, recordLabel(def, req.from, req.record));
    const others = await deps.parties.candidates(def.canonical as 'customer', party);
    findings.push(...findDuplicates(party, others, policy, run.record, def.canonical));
  }
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const k = `${f.code}|${f.field}|${f.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  return { mapping: def.id, record: run.record, included: run.included, action: decideAction(unique), payload: run.payload, canonical: run.canonical, findings: unique };
}
