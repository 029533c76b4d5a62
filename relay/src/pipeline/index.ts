export { createPipeline, type Pipeline, type PipelineOptions } from './pipeline.js';
export { FlowRegistry } from './registry.js';
export type { Flow, PlannedWork, TargetOperation, BatchItem, ItemResult } from './types.js';
export type { InboxPort, InboxEntryInput, InboxSource, AppendResult, ReplayCheckpoints } from './inbox-port.js';
export { createInbox, type InboxOptions } from './inbox.js';
export { classify, retryDelay, DEFAULT_RETRY, type RetryPolicyOptions, type Classified } from './failures.js';
export { AdaptiveLimiter, LeaseLimiter, type ConcurrencyLimiter, type Permit } from './limiter.js';
export { createDurablePipeline, type DurablePipeline } from './wiring.js';
