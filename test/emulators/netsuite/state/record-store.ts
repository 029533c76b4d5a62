import { FAMILY, RECORD_TYPES, type NsRecord, type RecordFamily, type RecordType, type StoredRecord } from './types.js';

const CREATED_FIELD: Record<RecordFamily, string> = {
  entity: 'dateCreated',
  item: 'createdDate',
  transaction: 'createdDate',
};

/** Deep copy of JSON data, so callers never hold references into the store. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * In-memory record store: one map per record type, internalIds allocated from one sequence per
 * family (entities, items, transactions share numbering as in NetSuite), an externalId index per
 * type, a version and lastModifiedDate per record. No business rules here (see account.ts).
 */
export class RecordStore {
  private readonly records = new Map<RecordType, Map<string, StoredRecord>>();
  private readonly externalIndex = new Map<RecordType, Map<string, string>>();
  private readonly sequences: Record<RecordFamily, number> = { entity: 100, item: 500, transaction: 1000 };
  private lastStamp = 0;

  constructor(private readonly clock: () => Date) {
    for (const type of RECORD_TYPES) {
      this.records.set(type, new Map());
      this.externalIndex.set(type, new Map());
    }
  }

  /** A strictly increasing timestamp (ISO), so two saves in one millisecond still order. */
  stamp(): string {
    const now = Math.max(this.clock().getTime(), this.lastStamp + 1);
    this.lastStamp = now;
    return new Date(now).toISOString();
  }

  allocateId(type: RecordType): string {
    const family = FAMILY[type];
    this.sequences[family] += 1;
    return String(this.sequences[family]);
  }

  /** Makes sure later allocations do not collide with an id given explicitly (seeding). */
  reserveId(type: RecordType, internalId: string): void {
    const n = Number(internalId);
    const family = FAMILY[type];
    if (Number.isInteger(n) && n > this.sequences[family]) this.sequences[family] = n;
  }

  find(type: RecordType, ref: { internalId?: string; externalId?: string }): StoredRecord | undefined {
    const byId = this.records.get(type)!;
    if (ref.internalId !== undefined && ref.internalId !== '') return byId.get(ref.internalId);
    if (ref.externalId !== undefined && ref.externalId !== '') {
      const id = this.externalIndex.get(type)!.get(ref.externalId);
      return id === undefined ? undefined : byId.get(id);
    }
    return undefined;
  }

  idForExternal(type: RecordType, externalId: string): string | undefined {
    return this.externalIndex.get(type)!.get(externalId);
  }

  all(type: RecordType): StoredRecord[] {
    return [...this.records.get(type)!.values()];
  }

  count(type: RecordType): number {
    return this.records.get(type)!.size;
  }

  insert(
    type: RecordType,
    internalId: string,
    externalId: string | undefined,
    fields: Record<string, unknown>,
  ): StoredRecord {
    const now = this.stamp();
    const stored: StoredRecord = {
      type,
      internalId,
      externalId,
      version: 1,
      createdAt: now,
      lastModified: now,
      fields,
    };
    this.records.get(type)!.set(internalId, stored);
    if (externalId) this.externalIndex.get(type)!.set(externalId, internalId);
    return stored;
  }

  replace(stored: StoredRecord, externalId: string | undefined, fields: Record<string, unknown>): StoredRecord {
    if (stored.externalId && stored.externalId !== externalId)
      this.externalIndex.get(stored.type)!.delete(stored.externalId);
    if (externalId) this.externalIndex.get(stored.type)!.set(externalId, stored.internalId);
    const next: StoredRecord = {
      ...stored,
      externalId,
      fields,
      version: stored.version + 1,
      lastModified: this.stamp(),
    };
    this.records.get(stored.type)!.set(stored.internalId, next);
    return next;
  }

  /** Changes derived fields (balances, billed quantities) without counting as a user edit of the version. */
  touch(stored: StoredRecord, fields: Record<string, unknown>): StoredRecord {
    return this.replace(stored, stored.externalId, fields);
  }

  remove(stored: StoredRecord): void {
    this.records.get(stored.type)!.delete(stored.internalId);
    if (stored.externalId) this.externalIndex.get(stored.type)!.delete(stored.externalId);
  }

  /** The public JSON view: XSD field names, with internalId/externalId and the date fields filled in. */
  view(stored: StoredRecord): NsRecord {
    const record: NsRecord = { internalId: stored.internalId, ...clone(stored.fields) };
    if (stored.externalId !== undefined) record.externalId = stored.externalId;
    record[CREATED_FIELD[FAMILY[stored.type]]] = stored.createdAt;
    record.lastModifiedDate = stored.lastModified;
    return record;
  }
}
