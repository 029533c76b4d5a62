/**
 * In-memory record storage with transactions: every write is journaled so a failed record (or a whole
 * all-or-none request) rolls back, and change entries are handed to CDC only when the transaction commits.
 */
export type FieldValues = Record<string, unknown>;

export interface StoredRecord {
  type: string;
  id: string;
  values: FieldValues;
  deleted: boolean;
}

export type ChangeType = 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE';

export interface ChangeEntry {
  changeType: ChangeType;
  entity: string;
  recordId: string;
  /** Field names whose value changed (UPDATE) or that are set (CREATE/UNDELETE). */
  changedFields: string[];
  /** The record after the change (before it, for DELETE). */
  after: FieldValues;
}

export interface DmlContext {
  userId: string;
  /** Client id for the CDC changeOrigin (`Sforce-Call-Options: client=` or the connected app). */
  clientId: string | null;
  apiVersion: string;
  /** API writes carry `com/salesforce/api/rest/<ver>;client=<id>`; seeded data carries "". */
  viaApi: boolean;
}

interface Mark {
  journal: number;
  changes: number;
  afterCommit: number;
}

export class Transaction {
  readonly journal: Array<{ id: string; prior: StoredRecord | undefined }> = [];
  readonly changes: ChangeEntry[] = [];
  /** Work done only when the transaction commits (platform events published after commit). */
  readonly afterCommit: Array<() => void> = [];

  constructor(readonly ctx: DmlContext) {}

  mark(): Mark {
    return { journal: this.journal.length, changes: this.changes.length, afterCommit: this.afterCommit.length };
  }
}

function clone(rec: StoredRecord): StoredRecord {
  return { ...rec, values: { ...rec.values } };
}

export class OrgStore {
  private readonly records = new Map<string, StoredRecord>();
  private readonly byType = new Map<string, Set<string>>();

  get(id: string): StoredRecord | undefined {
    return this.records.get(id);
  }

  /** Live (not deleted) records of a type, in insertion order; `includeDeleted` for queryAll. */
  *ofType(type: string, includeDeleted = false): Iterable<StoredRecord> {
    for (const id of this.byType.get(type) ?? []) {
      const rec = this.records.get(id);
      if (rec !== undefined && (includeDeleted || !rec.deleted)) yield rec;
    }
  }

  count(type: string): number {
    let n = 0;
    for (const _ of this.ofType(type)) n++;
    return n;
  }

  put(tx: Transaction, rec: StoredRecord): void {
    const prior = this.records.get(rec.id);
    tx.journal.push({ id: rec.id, prior: prior === undefined ? undefined : clone(prior) });
    this.records.set(rec.id, rec);
    let set = this.byType.get(rec.type);
    if (set === undefined) {
      set = new Set();
      this.byType.set(rec.type, set);
    }
    set.add(rec.id);
  }

  rollbackTo(tx: Transaction, mark: Mark): void {
    while (tx.journal.length > mark.journal) {
      const entry = tx.journal.pop();
      if (entry === undefined) break;
      if (entry.prior === undefined) {
        const rec = this.records.get(entry.id);
        this.records.delete(entry.id);
        if (rec !== undefined) this.byType.get(rec.type)?.delete(entry.id);
      } else {
        this.records.set(entry.id, entry.prior);
      }
    }
    tx.changes.length = mark.changes;
    tx.afterCommit.length = mark.afterCommit;
  }
}
