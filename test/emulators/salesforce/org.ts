/**
 * One emulated org: schema, records, DML, CDC, the API counter and knobs. REST routes and the
 * in-process OrgHandle both act through here.
 */
import { ChangeDataCapture } from './cdc/change-events.js';
import { DEFAULT_KNOBS, type SfKnobs } from './knobs.js';
import { SchemaRegistry } from './schema/registry.js';
import { Dml } from './store/dml.js';
import { OrgStore, Transaction, type DmlContext, type FieldValues } from './store/org-store.js';
import type { EventBus } from './streaming/index.js';

export interface OrgOptions {
  schema: SchemaRegistry;
  bus: EventBus;
  knobs: SfKnobs;
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
   * on success the change events go out.
   */
  transact<T>(ctx: DmlContext, fn: (tx: Transaction) => T): T {
    const tx = new Transaction(ctx);
    const mark = tx.mark();
    try {
      const result = fn(tx);
      this.cdc.publish(ctx, tx.changes);
      for (const job of tx.afterCommit) job();
      return result;
    } catch (e) {
      this.store.rollbackTo(tx, mark);
      throw e;
    }
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
