import { errors, NsRecordError } from './errors.js';
import { clone, RecordStore } from './record-store.js';
import { asRef, num, rows, RuleContext, type AccountOptions } from './rules/context.js';
import { checkDelete, prepare, propagate } from './rules/index.js';
import { initializeRecord } from './rules/initialize.js';
import { mergeSublist } from './rules/lines.js';
import { deriveOrderStatus, SALES_ORDER_STATUS_TEXT } from './rules/sales.js';
import { searchRecords, type SearchCondition } from './search.js';
import { defaultSetupLists, type SetupListName, type SetupLists } from './setup-lists.js';
import {
  RECORD_TYPES,
  type NsRecord,
  type RecordRef,
  type RecordSavedEvent,
  type RecordSavedHook,
  type RecordType,
  type StoredRecord,
  type WriteOptions,
} from './types.js';

export interface AccountStateOptions extends Partial<AccountOptions> {
  /** Account id as NetSuite shows it, e.g. `1234567_SB1`. */
  accountId?: string;
  clock?: () => Date;
}

/** Seed file shape (fixtures/demo-seed.json): setup lists plus records per type, in dependency order. */
export interface SeedData {
  setup?: Partial<Record<SetupListName, Record<string, string>>>;
  records?: Partial<Record<RecordType, NsRecord[]>>;
}

/** [sublist, row element, key] for update merges (replaceAll="false"). */
const SUBLISTS: [string, string, string][] = [
  ['itemList', 'item', 'line'],
  ['expenseList', 'expense', 'line'],
  ['lineList', 'line', 'line'],
  ['applyList', 'apply', 'doc'],
  ['addressbookList', 'addressbook', 'internalId'],
];

const READ_ONLY = ['internalId', 'externalId', 'lastModifiedDate', 'createdDate', 'dateCreated', 'nullFieldList'];

/**
 * The NetSuite account every emulated endpoint shares (SOAP, REST, RESTlets, SuiteScript N/record).
 * Writes are synchronous and atomic: rules run first, then the store changes, then dependent records
 * are recomputed, then the `onRecordSaved` hooks run (their errors never undo the save).
 */
export class AccountState {
  readonly accountId: string;
  readonly options: AccountOptions;
  readonly setup: SetupLists = defaultSetupLists();
  readonly store: RecordStore;
  /** Hooks run after each successful save/delete (User Event afterSubmit emulation). */
  readonly onRecordSaved: RecordSavedHook[] = [];
  /** Errors thrown by hooks, newest last (afterSubmit failures do not roll back, as in NetSuite). */
  readonly hookErrors: unknown[] = [];
  private hookChain: Promise<void> | undefined;
  private readonly locks = new Map<string, NsRecordError>();
  private readonly ctx: RuleContext;
  private readonly clock: () => Date;
  private tranSeq = 1000;

  constructor(opts: AccountStateOptions = {}) {
    this.accountId = opts.accountId ?? '1234567_SB1';
    this.clock = opts.clock ?? (() => new Date());
    this.options = {
      oneWorld: opts.oneWorld ?? true,
      advancedShipping: opts.advancedShipping ?? false,
      salesOrderApproval: opts.salesOrderApproval ?? false,
    };
    this.store = new RecordStore(this.clock);
    this.ctx = new RuleContext(this.store, this.setup, this.options, this.clock);
    // The account administrator (-5) exists in every account.
    this.store.insert('employee', '-5', undefined, {
      entityId: 'Admin User',
      firstName: 'Admin',
      lastName: 'User',
      email: 'admin@example.com',
      subsidiary: { internalId: '1', name: 'Parent Company' },
      isInactive: false,
    });
  }

  now(): Date {
    return this.clock();
  }

  // ---------------------------------------------------------------- reads

  /** The record or undefined. `ref` names it by internalId or externalId. */
  find(type: RecordType, ref: RecordRef): NsRecord | undefined {
    const stored = this.store.find(type, ref);
    return stored ? this.view(stored) : undefined;
  }

  /** The record, or RCRD_DSNT_EXIST. */
  get(type: RecordType, ref: RecordRef): NsRecord {
    const record = this.find(type, ref);
    if (!record) throw errors.notFound();
    return record;
  }

  /** The stored record with its version (for optimistic locking by an endpoint). */
  stored(type: RecordType, ref: RecordRef): StoredRecord | undefined {
    const stored = this.store.find(type, ref);
    return stored ? clone(stored) : undefined;
  }

  list(type: RecordType): NsRecord[] {
    return this.store
      .all(type)
      .sort((a, b) => Number(a.internalId) - Number(b.internalId))
      .map((s) => this.view(s));
  }

  /** Basic search over one or more record types; results ordered by internalId. */
  search(types: readonly RecordType[], conditions: SearchCondition[]): NsRecord[] {
    return this.searchHits(types, conditions).map((h) => h.record);
  }

  /** Like search, with each hit's record type (for searches spanning item or transaction types). */
  searchHits(types: readonly RecordType[], conditions: SearchCondition[]): { type: RecordType; record: NsRecord }[] {
    const all = types.flatMap((t) => this.store.all(t));
    return searchRecords(all, conditions).map((s) => ({ type: s.type, record: this.view(s) }));
  }

  /** A new unsaved record prefilled from another (salesOrder → invoice, invoice → customerPayment). */
  initialize(target: RecordType, reference: RecordRef & { type: string }): NsRecord {
    return initializeRecord(this.ctx, target, reference);
  }

  // ---------------------------------------------------------------- writes

  add(type: RecordType, input: NsRecord, opts: WriteOptions = {}): NsRecord {
    const externalId = nonEmpty(input.externalId);
    if (externalId && this.store.idForExternal(type, externalId)) throw errors.dupExternalId(type, externalId);
    const fields = stripReadOnly(input);
    const prepared = prepare(this.ctx, type, fields, this.nextTranSeq(type));
    const stored = this.store.insert(type, this.store.allocateId(type), externalId, prepared);
    propagate(this.ctx, undefined, stored);
    return this.saved('create', stored, undefined, opts.source);
  }

  update(type: RecordType, input: NsRecord, opts: WriteOptions = {}): NsRecord {
    const current = this.store.find(type, { internalId: input.internalId, externalId: input.externalId });
    if (!current) {
      if (!nonEmpty(input.internalId) && !nonEmpty(input.externalId)) throw errors.invalidKey();
      throw errors.notFound();
    }
    this.checkLock(current);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== current.version) throw errors.changed();
    if (
      typeof input.lastModifiedDate === 'string' &&
      Date.parse(input.lastModifiedDate) !== Date.parse(current.lastModified)
    ) {
      throw errors.changed();
    }
    // Naming the record by internalId and giving another externalId sets the externalId (unique per type).
    let externalId = current.externalId;
    const newExternalId = nonEmpty(input.externalId);
    if (nonEmpty(input.internalId) && newExternalId && newExternalId !== current.externalId) {
      if (this.store.idForExternal(type, newExternalId)) throw errors.dupExternalId(type, newExternalId);
      externalId = newExternalId;
    }
    const merged = mergeFields(current.fields, input);
    const prepared = prepare(this.ctx, type, merged, 0, current);
    const before = clone(current);
    const stored = this.store.replace(current, externalId, prepared);
    propagate(this.ctx, before, stored);
    return this.saved('edit', stored, before, opts.source);
  }

  /** Update when a record with this externalId exists, add otherwise. Requires externalId. */
  upsert(type: RecordType, input: NsRecord, opts: WriteOptions = {}): NsRecord {
    const externalId = nonEmpty(input.externalId);
    if (!externalId) throw errors.externalIdRequired();
    const existing = this.store.find(type, { externalId });
    if (existing) return this.update(type, { ...input, internalId: existing.internalId }, opts);
    return this.add(type, input, opts);
  }

  delete(type: RecordType, ref: RecordRef, opts: WriteOptions = {}): NsRecord {
    if (!asRef(ref)) throw errors.invalidKey();
    const current = this.store.find(type, ref);
    if (!current) throw errors.notFound();
    this.checkLock(current);
    checkDelete(this.ctx, current);
    const before = clone(current);
    const view = this.view(current);
    this.store.remove(current);
    propagate(this.ctx, before, undefined);
    this.fire({
      operation: 'delete',
      type,
      internalId: before.internalId,
      externalId: before.externalId,
      record: view,
      source: opts.source ?? 'api',
    });
    return view;
  }

  /** Marks sales-order lines fulfilled (item fulfillment is not a stored record here). */
  fulfill(salesOrderId: string, quantities?: Record<string, number>): NsRecord {
    const order = this.store.find('salesOrder', { internalId: salesOrderId });
    if (!order) throw errors.notFound();
    if (['_pendingApproval', '_cancelled', '_closed'].includes(String(order.fields.orderStatus))) {
      throw errors.user('You cannot fulfill this sales order in its current status.');
    }
    const lines = rows(order.fields.itemList, 'item').map((l) => {
      const wanted = quantities ? (quantities[String(l.line)] ?? 0) : (num(l.quantity) ?? 0);
      return {
        ...l,
        quantityFulfilled: Math.min(num(l.quantity) ?? 0, (quantities ? (num(l.quantityFulfilled) ?? 0) : 0) + wanted),
      };
    });
    const orderStatus = deriveOrderStatus(String(order.fields.orderStatus), lines);
    const before = clone(order);
    const stored = this.store.touch(order, {
      ...order.fields,
      itemList: { item: lines },
      orderStatus,
      status: SALES_ORDER_STATUS_TEXT[orderStatus],
    });
    return this.saved('edit', stored, before, 'fulfillment');
  }

  // ---------------------------------------------------------------- locks, hooks, seed

  /** Makes writes to this record fail with RCRD_LOCKED_BY_WF (or the given error) until unlocked. */
  lockRecord(type: RecordType, internalId: string, error: NsRecordError = errors.locked()): void {
    this.locks.set(`${type}:${internalId}`, error);
  }

  unlockRecord(type: RecordType, internalId: string): void {
    this.locks.delete(`${type}:${internalId}`);
  }

  /** Resolves once every hook started so far has finished. */
  async idle(): Promise<void> {
    while (this.hookChain) await this.hookChain;
  }

  /** Loads a seed: setup lists, then records per type in dependency order, keeping given internalIds. */
  seed(data: SeedData): void {
    for (const [list, values] of Object.entries(data.setup ?? {})) {
      Object.assign(this.setup[list as SetupListName], values);
    }
    for (const type of RECORD_TYPES) {
      for (const record of data.records?.[type] ?? []) {
        const saved = this.add(type, record, { source: 'seed' });
        if (record.internalId && record.internalId !== saved.internalId)
          this.renumber(type, saved.internalId!, record.internalId);
      }
    }
  }

  // ---------------------------------------------------------------- internals

  private renumber(type: RecordType, from: string, to: string): void {
    if (this.store.find(type, { internalId: to })) throw new Error(`seed: duplicate internalId ${to} for ${type}`);
    const stored = this.store.find(type, { internalId: from })!;
    this.store.remove(stored);
    this.store.insert(type, to, stored.externalId, stored.fields);
    this.store.reserveId(type, to);
  }

  private nextTranSeq(type: RecordType): number {
    if (!['salesOrder', 'invoice', 'customerPayment', 'vendorBill', 'journalEntry'].includes(type)) return 0;
    this.tranSeq += 1;
    return this.tranSeq;
  }

  private checkLock(stored: StoredRecord): void {
    const lock = this.locks.get(`${stored.type}:${stored.internalId}`);
    if (lock) throw new NsRecordError(lock.code, lock.message);
  }

  private view(stored: StoredRecord): NsRecord {
    const record = this.store.view(stored);
    if (stored.type === 'customer') Object.assign(record, this.customerBalances(stored.internalId));
    return record;
  }

  /** balance, overdueBalance, daysOverdue, unbilledOrders derived from open transactions. */
  private customerBalances(customerId: string): Record<string, number> {
    const today = this.clock().toISOString().slice(0, 10);
    let balance = 0;
    let overdue = 0;
    let daysOverdue = 0;
    for (const inv of this.store.all('invoice')) {
      if ((inv.fields.entity as RecordRef | undefined)?.internalId !== customerId) continue;
      const remaining = num(inv.fields.amountRemaining) ?? 0;
      balance += remaining;
      const due = String(inv.fields.dueDate ?? '').slice(0, 10);
      if (remaining > 0 && due && due < today) {
        overdue += remaining;
        daysOverdue = Math.max(daysOverdue, Math.floor((Date.parse(today) - Date.parse(due)) / 86_400_000));
      }
    }
    for (const p of this.store.all('customerPayment')) {
      if ((p.fields.customer as RecordRef | undefined)?.internalId === customerId)
        balance -= num(p.fields.unapplied) ?? 0;
    }
    let unbilled = 0;
    for (const so of this.store.all('salesOrder')) {
      if ((so.fields.entity as RecordRef | undefined)?.internalId !== customerId) continue;
      if (['_cancelled', '_closed', '_pendingApproval'].includes(String(so.fields.orderStatus))) continue;
      for (const l of rows(so.fields.itemList, 'item')) {
        unbilled += ((num(l.quantity) ?? 0) - (num(l.quantityBilled) ?? 0)) * (num(l.rate) ?? 0);
      }
    }
    const r = (n: number) => Math.round(n * 100) / 100;
    return { balance: r(balance), overdueBalance: r(overdue), daysOverdue, unbilledOrders: r(unbilled) };
  }

  private saved(
    operation: 'create' | 'edit',
    stored: StoredRecord,
    before: StoredRecord | undefined,
    source = 'api',
  ): NsRecord {
    const record = this.view(stored);
    this.fire({
      operation,
      type: stored.type,
      internalId: stored.internalId,
      externalId: stored.externalId,
      record: clone(record),
      oldRecord: before ? this.store.view(before) : undefined,
      source,
    });
    return record;
  }

  /**
   * Runs the hooks of one save. Saves are sequential in NetSuite and so are their afterSubmit
   * scripts: when earlier hooks are still running, this event's hooks wait for them, so side effects
   * (webhooks) leave in save order. With nothing pending, hooks start synchronously.
   */
  private fire(event: RecordSavedEvent): void {
    const pending = this.hookChain;
    const run = pending ? pending.then(() => this.runHooks(event)) : this.runHooks(event);
    if (!run) return;
    const tracked: Promise<void> = run.finally(() => {
      if (this.hookChain === tracked) this.hookChain = undefined;
    });
    this.hookChain = tracked;
  }

  private runHooks(event: RecordSavedEvent): Promise<void> | undefined {
    const running: Promise<unknown>[] = [];
    for (const hook of this.onRecordSaved) {
      try {
        const result = hook(event);
        if (result && typeof (result as Promise<void>).then === 'function') {
          running.push((result as Promise<void>).catch((err: unknown) => this.hookErrors.push(err)));
        }
      } catch (err) {
        this.hookErrors.push(err);
      }
    }
    return running.length > 0 ? Promise.all(running).then(() => undefined) : undefined;
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stripReadOnly(input: NsRecord): Record<string, unknown> {
  const fields = clone(input) as Record<string, unknown>;
  for (const key of READ_ONLY) delete fields[key];
  return fields;
}

/** Update semantics: given fields replace, sublists merge per replaceAll, custom fields merge by scriptId, nullFieldList clears. */
function mergeFields(current: Record<string, unknown>, input: NsRecord): Record<string, unknown> {
  const next: Record<string, unknown> = { ...clone(current), ...stripReadOnly(input) };
  for (const [list, row, key] of SUBLISTS) {
    if (input[list] !== undefined) next[list] = mergeSublist(current[list], clone(input[list]), row, key);
  }
  if (input.customFieldList !== undefined) {
    const merged = rows(current.customFieldList, 'customField').map((c) => ({ ...c }));
    for (const cf of rows(input.customFieldList, 'customField')) {
      const idx = merged.findIndex(
        (m) => (cf.scriptId && m.scriptId === cf.scriptId) || (cf.internalId && m.internalId === cf.internalId),
      );
      if (idx >= 0) merged[idx] = clone(cf);
      else merged.push(clone(cf));
    }
    next.customFieldList = { customField: merged };
  }
  const nulls = (input.nullFieldList as { name?: string[] | string } | undefined)?.name;
  for (const name of Array.isArray(nulls) ? nulls : nulls ? [nulls] : []) delete next[name];
  return next;
}
