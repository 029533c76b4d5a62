import { isBrokenCircuitError, isIsolatedCircuitError } from 'cockatiel';
import type { AttemptRecord, ClaimedItem, ItemOutcome } from '../store/types.js';
import type { Breakers } from './breakers.js';
import { classify, retryDelay, type Classified, type RetryPolicyOptions } from './failures.js';
import type { ConcurrencyLimiter, Permit } from './limiter.js';
import type { BatchItem, ItemResult, TargetOperation } from './types.js';

export interface DispatchDeps {
  breakers: Breakers;
  limiter?: ConcurrencyLimiter;
  retry: RetryPolicyOptions;
  callTimeoutMs: number;
  /** Aborted when shutdown gives up waiting: the batch is handed back, not counted as an attempt. */
  signal: AbortSignal;
  now: () => number;
}

export interface BatchReport {
  outcomes: ItemOutcome[];
  /** `ok`, `failed` (the whole call), `open-circuit`, `handed-back`. */
  call: 'ok' | 'failed' | 'open-circuit' | 'handed-back';
  durationMs: number;
  concurrencyFault: boolean;
}

/** An error as the dead-letter queue keeps it: its own fields plus name and message. */
const errorJson = (e: unknown): unknown =>
  e instanceof Error ? { name: e.name, message: e.message, ...(e as unknown as Record<string, unknown>) } : e;

const timeoutError = (ms: number) =>
  Object.assign(new Error(`the target did not answer within ${ms} ms`), { retryable: true, code: 'TIMEOUT' });

/**
 * Sends one batch to its target operation under the target's circuit breaker and the operation's
 * concurrency limiter, and turns the answer into per-item outcomes. Success is recorded only for items
 * the target confirmed by idempotency key; anything else is retried or dead-lettered.
 */
export async function runBatch(
  op: TargetOperation,
  claimed: readonly ClaimedItem[],
  deps: DispatchDeps,
): Promise<BatchReport> {
  const started = deps.now();
  const handBack = (note: string, notBefore = deps.now()): BatchReport => ({
    outcomes: claimed.map((c) => ({ id: c.id, kind: 'release', notBefore, note })),
    call: 'handed-back',
    durationMs: deps.now() - started,
    concurrencyFault: false,
  });
  let permit: Permit | undefined;
  try {
    permit = deps.limiter ? await deps.limiter.acquire(deps.signal) : undefined;
  } catch {
    return handBack('shutdown while waiting for a concurrency slot');
  }
  const batch: BatchItem[] = claimed.map((c) => ({
    workId: c.id,
    flow: c.flow,
    laneKey: c.laneKey,
    idempotencyKey: c.idempotencyKey,
    payload: c.payload,
    attempt: c.attempts + 1,
  }));
  const callSignal = AbortSignal.any([deps.signal, AbortSignal.timeout(deps.callTimeoutMs)]);
  let results: readonly ItemResult[] | undefined;
  let thrown: unknown;
  try {
    results = await deps.breakers.policy(op.target).execute(
      () =>
        new Promise<readonly ItemResult[]>((resolve, reject) => {
          const onAbort = () => reject(deps.signal.aborted ? deps.signal.reason : timeoutError(deps.callTimeoutMs));
          callSignal.addEventListener('abort', onAbort, { once: true });
          op.execute(batch, { signal: callSignal })
            .then(resolve, reject)
            .finally(() => callSignal.removeEventListener('abort', onAbort));
        }),
    );
  } catch (err) {
    thrown = err;
  }
  const now = deps.now();
  const durationMs = now - started;
  if (thrown !== undefined && (isBrokenCircuitError(thrown) || isIsolatedCircuitError(thrown))) {
    permit?.release('neutral');
    return { ...handBack(`circuit of ${op.target} is open`, deps.breakers.probeAt(op.target)), call: 'open-circuit' };
  }
  if (deps.signal.aborted) {
    permit?.release('neutral');
    return handBack('shutdown: handed back before the target confirmed');
  }

  let concurrencyFault = false;
  const fail = (c: ClaimedItem, k: Classified, outcome: AttemptRecord['outcome'], response?: unknown): ItemOutcome => {
    if (k.concurrency) concurrencyFault = true;
    const attempt: AttemptRecord = {
      at: now,
      outcome,
      code: k.code,
      message: k.message,
      retryAfterMs: k.retryAfterMs,
      durationMs,
    };
    const n = c.attempts + 1;
    const label = k.code ? `${k.code}: ${k.message}` : k.message;
    if (!k.retryable)
      return { id: c.id, kind: 'dead', reason: label, response, attempt: { ...attempt, outcome: 'permanent' } };
    if (n >= deps.retry.maxAttempts) {
      return { id: c.id, kind: 'dead', reason: `gave up after ${n} attempts; last error ${label}`, response, attempt };
    }
    return { id: c.id, kind: 'retry', nextAttemptAt: now + retryDelay(n, deps.retry, k.retryAfterMs), attempt };
  };

  let outcomes: ItemOutcome[];
  if (thrown !== undefined) {
    const k = classify(thrown);
    outcomes = claimed.map((c) => fail(c, k, 'transient', errorJson(thrown)));
  } else {
    const byKey = new Map<string, ItemResult>();
    for (const r of results ?? []) if (r && typeof r.idempotencyKey === 'string') byKey.set(r.idempotencyKey, r);
    outcomes = claimed.map((c) => {
      const r = byKey.get(c.idempotencyKey);
      if (!r) {
        return fail(
          c,
          { retryable: true, concurrency: false, code: 'UNCONFIRMED', message: 'the target did not confirm this item' },
          'unconfirmed',
        );
      }
      if (r.ok) {
        return { id: c.id, kind: 'done', targetId: r.targetId, attempt: { at: now, outcome: 'ok', durationMs } };
      }
      return fail(c, classify(r.error), 'transient', r.response ?? errorJson(r.error));
    });
  }
  permit?.release(concurrencyFault ? 'fault' : thrown === undefined ? 'ok' : 'neutral');
  return { outcomes, call: thrown === undefined ? 'ok' : 'failed', durationMs, concurrencyFault };
}
