/**
 * DML with the validation a real org applies: unknown or read-only fields, types, lengths, restricted
 * picklists, required fields, references, unique and external-id values, cascade deletes.
 */
import { SfError, entityIsDeleted, noSuchColumn, notFound } from '../errors.js';
import { IdFactory, keyPrefixOf, normalizeId, to15 } from '../ids.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { getField, type FieldDef, type ObjectDef } from '../schema/types.js';
import { derive } from './derived.js';
import { checkRules } from './rules.js';
import { OrgStore, type ChangeEntry, type FieldValues, type StoredRecord, type Transaction } from './org-store.js';
import { coerceValue, formatDateTime } from './values.js';

export interface DmlOptions {
  now: () => number;
  random: () => number;
  rowLockFaultRate: () => number;
}

const SYSTEM = new Set(['createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp']);

export class Dml {
  private readonly ids = new IdFactory();
  private autoNumbers = new Map<string, number>();

  constructor(
    readonly schema: SchemaRegistry,
    readonly store: OrgStore,
    private readonly opts: DmlOptions,
  ) {}

  newId(keyPrefix: string): string {
    return this.ids.next(keyPrefix);
  }

  coerce(field: FieldDef, value: unknown): unknown {
    return coerceValue(field, value);
  }

  object(type: string): ObjectDef {
    const obj = this.schema.get(type);
    if (obj === undefined) throw notFound();
    return obj;
  }

  /** Converts request values to stored values; `Id` and `attributes` are left to the caller. */
  private normalize(obj: ObjectDef, input: FieldValues, mode: 'create' | 'update'): FieldValues {
    const out: FieldValues = {};
    for (const [key, raw] of Object.entries(input)) {
      if (key === 'attributes' || key.toLowerCase() === 'id') continue;
      const field = getField(obj, key);
      if (field === undefined) {
        const viaExtId = this.parentByExternalId(obj, key, raw);
        if (viaExtId === undefined) throw noSuchColumn(key, obj.name);
        out[viaExtId.field] = viaExtId.id;
        continue;
      }
      const allowed = mode === 'create' ? field.createable : field.updateable;
      if (!allowed) {
        throw new SfError(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          400,
          [field.name],
        );
      }
      out[field.name] = coerceValue(field, raw);
    }
    return out;
  }

  /** `"Account": {"NetSuite_Internal_Id__c": "42"}` sets AccountId from the parent's external id. */
  private parentByExternalId(obj: ObjectDef, key: string, raw: unknown): { field: string; id: string } | undefined {
    const rel = this.schema.parentRelationship(obj, key);
    if (rel === undefined || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const parent = this.schema.get(rel.referenceTo[0] ?? '');
    const entries = Object.entries(raw as FieldValues).filter(([k]) => k !== 'attributes');
    const [extName, extValue] = entries[0] ?? [];
    if (parent === undefined || extName === undefined || entries.length !== 1) return undefined;
    const extField = getField(parent, extName);
    if (extField === undefined || !(extField.externalId || extField.idLookup)) {
      throw new SfError('INVALID_FIELD', `Invalid foreign key relationship name ${key}`, 400, [key]);
    }
    const matches = this.findByValue(parent, extField, extValue);
    if (matches.length === 0) {
      throw new SfError(
        'INVALID_FIELD',
        `Foreign key external ID: ${String(extValue)} not found for field ${extField.name} in entity ${parent.name}`,
        400,
        [],
      );
    }
    if (matches.length > 1) {
      throw new SfError(
        'INVALID_FIELD',
        `Foreign key external ID: ${String(extValue)} matches more than one record for field ${extField.name} in entity ${parent.name}`,
        400,
        [],
      );
    }
    return { field: rel.name, id: matches[0]!.id };
  }

  findByValue(obj: ObjectDef, field: FieldDef, value: unknown): StoredRecord[] {
    const wanted = coerceValue(field, value);
    const fold = (v: unknown) => (typeof v === 'string' && !field.caseSensitive ? v.toLowerCase() : v);
    const out: StoredRecord[] = [];
    for (const rec of this.store.ofType(obj.name)) {
      if (wanted !== null && fold(rec.values[field.name]) === fold(wanted)) out.push(rec);
    }
    return out;
  }

  private lockFault(id: string): void {
    if (this.opts.random() < this.opts.rowLockFaultRate()) {
      throw new SfError(
        'UNABLE_TO_LOCK_ROW',
        `unable to obtain exclusive access to this record or 1 records: ${id}`,
        400,
        [],
      );
    }
  }

  private checkRequired(obj: ObjectDef, values: FieldValues, only?: Set<string>): void {
    const missing: string[] = [];
    for (const f of obj.fields.values()) {
      if (!f.required || (only !== undefined && !only.has(f.name))) continue;
      if (values[f.name] === null || values[f.name] === undefined || values[f.name] === '') missing.push(f.name);
    }
    if (missing.length > 0) {
      throw new SfError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, 400, missing);
    }
  }

  private checkReferences(obj: ObjectDef, values: FieldValues, only: Iterable<string>): void {
    for (const name of only) {
      const field = getField(obj, name);
      const id = values[name];
      if (field?.type !== 'reference' || typeof id !== 'string') continue;
      const target = this.schema.byKeyPrefix(keyPrefixOf(id));
      if (target === undefined || !field.referenceTo.includes(target.name)) {
        throw new SfError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${id}`, 400, [field.name]);
      }
      const parent = this.store.get(id);
      if (parent === undefined) {
        throw new SfError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', 400, [field.name]);
      }
      if (parent.deleted) throw new SfError('ENTITY_IS_DELETED', 'entity is deleted', 400, [field.name]);
    }
  }

  private checkUnique(obj: ObjectDef, values: FieldValues, selfId: string, only: Iterable<string>): void {
    for (const name of only) {
      const field = getField(obj, name);
      if (field === undefined || !field.unique || values[name] === null) continue;
      const clash = this.findByValue(obj, field, values[name]).find((r) => r.id !== selfId);
      if (clash !== undefined) {
        throw new SfError(
          'DUPLICATE_VALUE',
          `duplicate value found: ${field.name} duplicates value on record with id: ${to15(clash.id)}`,
          400,
          [],
        );
      }
    }
  }

  private nextAutoNumber(obj: ObjectDef, field: FieldDef, format: string): string {
    const key = `${obj.name}.${field.name}`;
    const n = (this.autoNumbers.get(key) ?? 0) + 1;
    this.autoNumbers.set(key, n);
    return format.replace(/\{(0+)\}/, (_m, zeros: string) => String(n).padStart(zeros.length, '0'));
  }

  create(tx: Transaction, type: string, input: FieldValues): string {
    const obj = this.object(type);
    const values = this.normalize(obj, input, 'create');
    const id = this.newId(obj.keyPrefix);
    this.lockFault(id);
    const now = formatDateTime(this.opts.now());
    const full: FieldValues = {};
    for (const f of obj.fields.values()) {
      if (f.name in values) full[f.name] = values[f.name];
      else if (f.type === 'boolean') full[f.name] = f.defaultValue === true;
      else if (f.defaultValue !== null && f.type === 'string' && !f.createable) {
        full[f.name] = this.nextAutoNumber(obj, f, String(f.defaultValue));
      } else full[f.name] = f.defaultValue ?? null;
    }
    Object.assign(full, {
      Id: id,
      IsDeleted: false,
      CreatedDate: now,
      CreatedById: tx.ctx.userId,
      LastModifiedDate: now,
      LastModifiedById: tx.ctx.userId,
      SystemModstamp: now,
    });
    if ('OwnerId' in full && full.OwnerId === null) full.OwnerId = tx.ctx.userId;
    this.checkRequired(obj, full);
    this.checkReferences(
      obj,
      full,
      Object.keys(full).filter((k) => !SYSTEM.has(k.toLowerCase())),
    );
    this.checkUnique(obj, full, id, Object.keys(values));
    checkRules(this.store, obj, full);
    derive(this.store, obj, full, (f, format) => this.nextAutoNumber(obj, f, format));
    this.store.put(tx, { type: obj.name, id, values: full, deleted: false });
    tx.changes.push(this.change('CREATE', obj, full, Object.keys(full)));
    return id;
  }

  /** Looks a record up by id for the REST paths; MALFORMED_ID / NOT_FOUND / ENTITY_IS_DELETED. */
  existing(obj: ObjectDef, rawId: string): StoredRecord {
    const id = normalizeId(rawId);
    if (id === undefined || keyPrefixOf(id) !== obj.keyPrefix) {
      throw new SfError('MALFORMED_ID', `malformed id ${rawId}`, 400, []);
    }
    const rec = this.store.get(id);
    if (rec === undefined) throw notFound();
    if (rec.deleted) throw entityIsDeleted();
    return rec;
  }

  update(tx: Transaction, type: string, rawId: string, input: FieldValues): void {
    const obj = this.object(type);
    const rec = this.existing(obj, rawId);
    const values = this.normalize(obj, input, 'update');
    this.lockFault(rec.id);
    const next: FieldValues = { ...rec.values, ...values };
    const touched = new Set(Object.keys(values));
    this.checkRequired(obj, next, touched);
    this.checkReferences(obj, next, touched);
    this.checkUnique(obj, next, rec.id, touched);
    checkRules(this.store, obj, next);
    const changed = Object.keys(values).filter((k) => rec.values[k] !== next[k]);
    const now = formatDateTime(this.opts.now());
    next.LastModifiedDate = now;
    next.SystemModstamp = now;
    if (next.LastModifiedById !== tx.ctx.userId) changed.push('LastModifiedById');
    next.LastModifiedById = tx.ctx.userId;
    derive(this.store, obj, next, (f, format) => this.nextAutoNumber(obj, f, format));
    this.store.put(tx, { ...rec, values: next });
    tx.changes.push(this.change('UPDATE', obj, next, [...changed, 'LastModifiedDate']));
  }

  delete(tx: Transaction, rec: StoredRecord): void {
    const obj = this.object(rec.type);
    this.lockFault(rec.id);
    for (const child of obj.childRelationships) {
      for (const c of [...this.store.ofType(child.childSObject)]) {
        if (c.values[child.field] !== rec.id) continue;
        if (child.cascadeDelete) this.delete(tx, c);
        else this.store.put(tx, { ...c, values: { ...c.values, [child.field]: null } });
      }
    }
    const values = { ...rec.values, IsDeleted: true, SystemModstamp: formatDateTime(this.opts.now()) };
    this.store.put(tx, { ...rec, values, deleted: true });
    tx.changes.push(this.change('DELETE', obj, values, []));
  }

  undelete(tx: Transaction, rec: StoredRecord): void {
    const obj = this.object(rec.type);
    const values = { ...rec.values, IsDeleted: false };
    this.store.put(tx, { ...rec, values, deleted: false });
    tx.changes.push(this.change('UNDELETE', obj, values, Object.keys(values)));
  }

  private change(
    changeType: ChangeEntry['changeType'],
    obj: ObjectDef,
    after: FieldValues,
    fields: string[],
  ): ChangeEntry {
    return { changeType, entity: obj.name, recordId: String(after.Id), changedFields: fields, after: { ...after } };
  }
}
