import type { NsRecord, RecordType } from '../../state/types.js';
import type { XEl } from '../../xsd/index.js';
import type { Json } from '../codec.js';
import { faults } from '../faults.js';
import { baseRef, children, detailOf, failed, ok, type Operation, type OperationContext } from './context.js';
import { parseRecord, parseRef, refType } from './records.js';
import { errors } from '../../state/errors.js';

/** Synchronous list limits (PROTOCOL-NOTES §4.2). */
export const LIST_LIMITS: Record<string, number> = {
  addList: 200,
  updateList: 100,
  upsertList: 100,
  deleteList: 200,
  getList: 1000,
};

export function checkLimit(operation: string, count: number): void {
  const max = LIST_LIMITS[operation];
  if (max !== undefined && count > max) throw faults.recordCount(operation, max, count);
}

type Kind = 'add' | 'update' | 'upsert' | 'delete';

interface Planned {
  type?: RecordType;
  ids: { internalId?: string; externalId?: string };
  /** `type:internalId` of the existing record written, for the optimistic-lock check. */
  target?: string;
  expectedVersion?: number;
  run?: (expectedVersion: number | undefined) => NsRecord;
  error?: Json;
}

/** Plans one write: parses it, snapshots the version of the target (optimistic lock across the latency). */
function plan(ctx: OperationContext, kind: Kind, el: XEl): Planned {
  const source = 'soap';
  if (kind === 'delete') {
    const ref = parseRef(el);
    const ids = { internalId: ref.internalId, externalId: ref.externalId };
    try {
      const type = refType(ref.type);
      return { type, ids, run: () => ctx.account.delete(type, ids, { source }) };
    } catch (e) {
      return { ids, error: failed(detailOf(e)) };
    }
  }
  const parsed = parseRecord(ctx, el);
  const { record, type } = parsed;
  const ids = { internalId: record.internalId, externalId: record.externalId };
  const echo = kind === 'update' ? ids : { externalId: ids.externalId };
  if (parsed.error || !type) return { type, ids: echo, error: failed(detailOf(parsed.error)) };
  const target =
    kind === 'add' ? undefined : ctx.account.stored(type, kind === 'upsert' ? { externalId: record.externalId } : ids);
  const common = {
    type,
    ids: echo,
    target: target && `${type}:${target.internalId}`,
    expectedVersion: target?.version,
  };
  switch (kind) {
    case 'add':
      return { ...common, run: () => ctx.account.add(type, record, { source }) };
    case 'update':
      return { ...common, run: (expectedVersion) => ctx.account.update(type, record, { source, expectedVersion }) };
    case 'upsert':
      return { ...common, run: (expectedVersion) => ctx.account.upsert(type, record, { source, expectedVersion }) };
  }
}

function commit(ctx: OperationContext, kind: Kind, p: Planned, written: Set<string>): Json {
  if (p.error) return { status: p.error, baseRef: baseRef(p.type, p.ids) };
  try {
    if (ctx.lockInjected && kind !== 'add') {
      const existing =
        p.type && ctx.account.stored(p.type, kind === 'upsert' ? { externalId: p.ids.externalId } : p.ids);
      if (existing) throw errors.locked();
    }
    // A record written earlier in this same request is not "changed by someone else".
    const expected = p.target && written.has(p.target) ? undefined : p.expectedVersion;
    const saved = p.run!(expected);
    if (p.target) written.add(p.target);
    return { status: ok(), baseRef: baseRef(p.type, { internalId: saved.internalId, externalId: saved.externalId }) };
  } catch (e) {
    return { status: failed(detailOf(e)), baseRef: baseRef(p.type, p.ids) };
  }
}

async function writeAll(ctx: OperationContext, kind: Kind, elements: XEl[]): Promise<Json[]> {
  const planned = elements.map((el) => plan(ctx, kind, el));
  await ctx.governance.delay(elements.length);
  const written = new Set<string>();
  return planned.map((p) => commit(ctx, kind, p, written));
}

const single =
  (kind: Kind): Operation =>
  async (ctx, request) => {
    const el = children(request, kind === 'delete' ? 'baseRef' : 'record')[0]!;
    const [writeResponse] = await writeAll(ctx, kind, [el]);
    return { writeResponse };
  };

const list =
  (kind: Kind, operation: string): Operation =>
  async (ctx, request) => {
    const elements = children(request, kind === 'delete' ? 'baseRef' : 'record');
    checkLimit(operation, elements.length);
    const writeResponse = await writeAll(ctx, kind, elements);
    return { writeResponseList: { status: ok(), writeResponse } };
  };

export const writeOperations: Record<string, Operation> = {
  add: single('add'),
  update: single('update'),
  upsert: single('upsert'),
  delete: single('delete'),
  addList: list('add', 'addList'),
  updateList: list('update', 'updateList'),
  upsertList: list('upsert', 'upsertList'),
  deleteList: list('delete', 'deleteList'),
};
