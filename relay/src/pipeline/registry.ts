import type { InboxRow, RouteDecision } from '../store/types.js';
import type { Flow, TargetOperation } from './types.js';

/** Flows and target operations the pipeline knows; register them before `start()`. */
export class FlowRegistry {
  private readonly flows: Flow[] = [];
  private readonly ops = new Map<string, TargetOperation>();

  constructor(init: { flows?: readonly Flow[]; operations?: readonly TargetOperation[] } = {}) {
    for (const f of init.flows ?? []) this.addFlow(f);
    for (const o of init.operations ?? []) this.addOperation(o);
  }

  addFlow(flow: Flow): this {
    if (this.flows.some((f) => f.name === flow.name)) throw new Error(`flow "${flow.name}" is already registered`);
    this.flows.push(flow);
    return this;
  }

  addOperation(op: TargetOperation): this {
    if (this.ops.has(op.operation)) throw new Error(`operation "${op.operation}" is already registered`);
    if (!Number.isInteger(op.maxBatch) || op.maxBatch < 1)
      throw new Error(`operation "${op.operation}": maxBatch must be ≥ 1`);
    this.ops.set(op.operation, op);
    return this;
  }

  operation(name: string): TargetOperation | undefined {
    return this.ops.get(name);
  }

  operations(): TargetOperation[] {
    return [...this.ops.values()];
  }

  /** The routing decision for one inbox entry: work, a skip (flow off) or a rejection (with the reason). */
  decide = (row: InboxRow): RouteDecision => {
    const flow = this.flows.find((f) => f.accepts(row));
    if (!flow) {
      return {
        kind: 'reject',
        reason: `no flow handles record type "${row.recordType}" from ${row.source} (record ${row.recordId ?? row.sourceKey})`,
      };
    }
    if (flow.enabled && !flow.enabled()) {
      return { kind: 'skip', flow: flow.name, reason: `flow "${flow.name}" is off` };
    }
    let planned;
    try {
      planned = flow.plan(row);
    } catch (err) {
      return { kind: 'reject', flow: flow.name, reason: `${flow.name}: ${(err as Error).message ?? String(err)}` };
    }
    if (planned.length === 0) return { kind: 'skip', flow: flow.name, reason: `${flow.name}: nothing to sync` };
    for (const w of planned) {
      if (!this.ops.has(w.operation)) {
        return { kind: 'reject', flow: flow.name, reason: `${flow.name}: unknown target operation "${w.operation}"` };
      }
      if (!w.laneKey || !w.idempotencyKey) {
        return {
          kind: 'reject',
          flow: flow.name,
          reason: `${flow.name}: planned work without a lane key or idempotency key`,
        };
      }
    }
    return { kind: 'work', items: planned.map((w) => ({ ...w, flow: flow.name })) };
  };
}
