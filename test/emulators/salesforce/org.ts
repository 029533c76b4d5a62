/**
 * One emulated org: schema, records, DML, CDC, the API counter and knobs. REST routes and the
 * in-process OrgHandle both act through here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ChangeDataCapture } from './cdc/change-events.js';
import { DEFAULT_KNOBS, type SfKnobs } from './knobs.js';
import { SchemaRegistry } from './schema/registry.js';
import { Dml } from './store/dml.js';
import { OrgStore, Transaction, type DmlContext, type FieldValues } from './store/org-store.js';
import type { EventBus } from './streaming/index.js';

export interface OrgOptions {
  schema: SchemaRegistry;
  bus: EventBus;
  knobs: Partial<SfKnobs>;
  now: () => number;
  random: () => number;
  username: string;
}

export class Org {
  readonly store = new OrgStore();
  readonly dml: Dml;
  readonly cdc: ChangeDataCapture;
  readonly schema: SchemaRegistry;
  readonly bus: EventBus;
  knobs: SfKnobs;
  readonly now: () => number;
  readonly random: () => number;
  readonly orgId: string;
  readonly userId: string;
  readonly username: string;
  apiUsed = 0;
  /** The enclosing `/composite` request's transaction, for its subrequests. */
  private readonly composite = new AsyncLocalStorage<Transaction>();

  constructor(opts: OrgOptions) {
    this.schema = opts.schema;
    this.bus = opts.bus;
    this.knobs = { ...DEFAULT_KNOBS, ...opts.knobs };
    this.now = opts.now;
    this.random = opts.random;
    this.username = opts.username;
    this.dml = new Dml(this.schema, this.store, {
      now: opts.now,
      random: opts.random,
      rowLockFaultRate: () => this.knobs.rowLockFaultRate,
    });
    this.cdc = new ChangeDataCapture({ schema: this.schema, bus: this.bus, now: opts.now });
    this.orgId = this.dml.newId('00D');
    this.userId = this.dml.newId('005');
    this.seedSystemRecords();
  }

  /** The integration user and the standard price book every org has. */
  private seedSystemRecords(): void {
    const ctx = this.systemContext();
    const tx = new Transaction(ctx);
    const user = this.schema.get('User');
    if (user === undefined) return;
    const now = new Date(this.now()).toISOString().replace('Z', '+0000');
    this.store.put(tx, {
      type: 'User',
      id: this.userId,
      deleted: false,
      values: {
        Id: this.userId,
        Username: this.username,
        LastName: 'Integration',
        FirstName: 'NetSuite',
        Name: 'NetSuite Integration',
        Email: this.username,
        Alias: 'nsint',
        IsActive: true,
        TimeZoneSidKey: 'GMT',
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        IsDeleted: false,
        CreatedDate: now,
        CreatedById: this.userId,
        LastModifiedDate: now,
        LastModifiedById: this.userId,
        SystemModstamp: now,
      },
    });
    const pbId = this.dml.create(tx, 'Pricebook2', { Name: 'Standard Price Book', IsActive: true });
    const pb = this.store.get(pbId);
    if (pb !== undefined) pb.values.IsStandard = true;
  }

  systemContext(): DmlContext {
    return { userId: this.userId, clientId: null, apiVersion: '62.0', viaApi: false };
  }

  /**
   * Runs `fn` as one database transaction: on a throw every write is undone and nothing is published;
   * on success the change events go out. Inside a `/composite` request `fn` joins that request's
   * transaction (a savepoint), which commits or rolls back as a whole.
   */
  transact<T>(ctx: DmlContext, fn: (tx: Transaction) => T): T {
    const outer = this.composite.getStore();
    const tx = outer ?? new Transaction(ctx);
    const mark = tx.mark();
    try {
      const result = fn(tx);
      if (outer === undefined) this.commit(tx);
      return result;
    } catch (e) {
      this.store.rollbackTo(tx, mark);
      throw e;
    }
  }

  /** True while serving a subrequest of a `/composite` request (not counted as an API call). */
  inComposite(): boolean {
    return this.composite.getStore() !== undefined;
  }

  /**
   * One `/composite` request: `run` dispatches the subrequests inside one transaction; `decide` says
   * after they ran whether to commit (true) or roll everything back (false).
   */
  async compositeTransaction<T>(ctx: DmlContext, run: () => Promise<T>, decide: (result: T) => boolean): Promise<T> {
    const tx = new Transaction(ctx);
    const mark = tx.mark();
    let result: T;
    try {
      result = await this.composite.run(tx, run);
    } catch (e) {
      this.store.rollbackTo(tx, mark);
      throw e;
    }
    if (decide(result)) this.commit(tx);
    else this.store.rollbackTo(tx, mark);
    return result;
  }

  private commit(tx: Transaction): void {
    this.cdc.publish(tx.ctx, tx.changes);
    for (const job of tx.afterCommit) job();
  }

  /** Inserts records as a data load would (no API counting; CDC with an empty changeOrigin). */
  seed(type: string, records: FieldValues[]): string[] {
    return this.transact(this.systemContext(), (tx) => records.map((r) => this.dml.create(tx, type, r)));
  }

  /** Counts one API call; false when the daily allocation is spent. */
  countApiCall(): boolean {
    if (this.apiUsed >= this.knobs.dailyApiLimit) return false;
    this.apiUsed++;
    return true;
  }

  limitInfo(): string {
    return `api-usage=${this.apiUsed}/${this.knobs.dailyApiLimit}`;
  }
}
