import type { InboxRow } from '../store/types.js';
import type { BatchItem, Flow, ItemResult, TargetOperation } from './types.js';

/** Test helpers: a flow over `{ id, v, ... }` payloads and an in-memory target that records every call. */
export interface TestPayload {
  id: string;
  v: number;
  invalid?: boolean;
}

export function testFlow(over: Partial<Flow> & { supersedable?: boolean; operation?: string } = {}): Flow {
  return {
    name: 'customers',
    accepts: (e) => e.recordType === 'customer',
    plan: (row: InboxRow) => {
      const p = row.payload as Partial<TestPayload> | null;
      if (!p || typeof p.id !== 'string') throw new Error(`field "id" of customer ${row.sourceKey} is missing`);
      return [
        {
          target: 'fake',
          operation: over.operation ?? 'fake.upsert',
          laneKey: `customer:${p.id}`,
          idempotencyKey: `sf-${p.id}`,
          payload: p,
          supersedable: over.supersedable ?? false,
        },
      ];
    },
    ...over,
  };
}

export type Answer = (item: BatchItem, call: number) => ItemResult | undefined;

export function fakeTarget(
  init: {
    maxBatch?: number;
    limiter?: string;
    delayMs?: number;
    answer?: Answer;
    throwOnCall?: (call: number) => unknown;
  } = {},
) {
  const calls: BatchItem[][] = [];
  const applied: { id: string; v: number }[] = [];
  let active = 0;
  let maxActive = 0;
  const op: TargetOperation = {
    target: 'fake',
    operation: 'fake.upsert',
    maxBatch: init.maxBatch ?? 10,
    limiter: init.limiter,
    execute: async (items) => {
      const call = calls.push([...items]);
      active++;
      maxActive = Math.max(maxActive, active);
      try {
        if (init.delayMs) await new Promise((r) => setTimeout(r, init.delayMs));
        const err = init.throwOnCall?.(call);
        if (err) throw err;
        const results: ItemResult[] = [];
        for (const item of items) {
          const answer = init.answer?.(item, call) ?? {
            idempotencyKey: item.idempotencyKey,
            ok: true,
            targetId: `T-${item.idempotencyKey}`,
          };
          if (answer.ok) applied.push({ id: (item.payload as TestPayload).id, v: (item.payload as TestPayload).v });
          results.push(answer);
        }
        return results.filter((r) => r !== undefined);
      } finally {
        active--;
      }
    },
  };
  return { op, calls, applied, maxActive: () => maxActive };
}

export async function waitFor(
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
