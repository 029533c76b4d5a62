/**
 * The mapping engine's public API: what the flows, the routes and the CLI use. Everything here is pure (no I/O);
 * history, accepted mappings, party lookups and reference checks come in through the ports.
 */
export { MappingRegistry, compileDefinition, applyOverrides, targetSpec, lineSpecs, fieldExists, type MappingRegistryOptions } from './registry.js';
export { runMapping, decideAction, recordLabel, type RunOptions, type RunResult } from './engine.js';
export { previewMapping, previewRequestSchema, type PreviewDeps, type PreviewRequest, type PreviewResult } from './preview.js';
export { mappingDefinitionSchema, fieldMappingSchema, ruleSchema, type MappingDefinition, type MappingDefinitionInput, type FieldMapping, type Rule, type System, type Direction } from './definition.js';
export { defaultMappings, defaultCrosswalk } from './defaults/index.js';
export {
  parseFlowRecord,
  parseMappingRecord,
  flowOverrideSchema,
  fieldOverrideSchema,
  anomalyPolicySchema,
  syncFlowRecordSchema,
  syncMappingRecordSchema,
  type FlowOverride,
  type FieldOverride,
  type AnomalyPolicy,
} from './overrides.js';
export { compileConditions } from './conditions.js';
export { Crosswalk, crosswalkTablesSchema, type CrosswalkTables } from './crosswalk.js';
export { compileExpression, ExpressionCache, EXPRESSION_LIMITS } from './expression.js';
export { MappingError, isMappingError } from './errors.js';
export type { Finding, FindingAction, Severity } from './findings.js';
export { validatePayload, type ValidationContext } from './validation/validate.js';
export { knownIdsResolver, type ReferenceResolver } from './validation/reference-resolver.js';
export { detectOrderAnomalies, DETECTOR_SETTINGS, type AnomalyFinding, type OrderLike } from './anomaly/detectors.js';
export { findDuplicates, partySimilarity, type PartyLike } from './anomaly/duplicates.js';
export { orderFromCanonical, partyFromCanonical, type PartyDirectory } from './anomaly/adapters.js';
export { InMemoryHistory, type HistoryPort, type HistoryPoint } from './anomaly/history.js';
export { suggestMappings, DEFAULT_THRESHOLD, type SuggestOptions } from './suggest/suggest.js';
export { suggestRequestSchema, type Schema, type Suggestion } from './suggest/schema.js';
export { InMemoryAcceptedMappings, type AcceptedMappingsPort, type AcceptedMapping } from './suggest/memory.js';
export * as cleansing from './cleansing.js';
