/** Record operations shared by the single-record routes and the sObject collections. */
import { randomUUID } from 'node:crypto';
import { SfError, notFound } from '../errors.js';
import { normalizeId } from '../ids.js';
import type { Org } from '../org.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import type { FieldValues, Transaction } from '../store/org-store.js';

export interface InsertResult {
  id: string;
  /** Platform events: the EventUuid the OPERATION_ENQUEUED result carries. */
  eventUuid?: string;
}

/** Creates a record, or publishes a platform event (after commit) for `X__e`. */
export function insert(org: Org, tx: Transaction, type: string, input: FieldValues): InsertResult {
  const obj = org.dml.object(type);
  if (obj.kind !== 'platformEvent') return { id: org.dml.create(tx, obj.name, input) };
  const values: FieldValues = {};
  for (const [key, raw] of Object.entries(input)) {
    if (key === 'attributes') continue;
    const f = obj.fields.get(key.toLowerCase());
    if (f === undefined)
      throw new SfError('INVALID_FIELD', `No such column '${key}' on sobject of type ${obj.name}`, 400);
    if (!f.createable) {
      throw new SfError(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${f.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        400,
        [f.name],
      );
    }
    values[f.name] = org.dml.coerce(f, raw);
  }
  const missing = [...obj.fields.values()]
    .filter((f) => f.required && (values[f.name] ?? null) === null)
    .map((f) => f.name);
  if (missing.length > 0) {
    throw new SfError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, 400, missing);
  }
  const eventUuid = randomUUID();
  const payload: FieldValues = {
    CreatedDate: new Date(org.now()).toISOString(),
    CreatedById: tx.ctx.userId,
    ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)),
  };
  tx.afterCommit.push(() => {
    org.bus.publish([`/event/${obj.name}`], payload, { eventUuid });
  });
  return { id: org.dml.newId(obj.keyPrefix), eventUuid };
}

export function enqueuedResult(r: InsertResult): Record<string, unknown> {
  return {
    id: r.id,
    success: true,
    errors: r.eventUuid === undefined ? [] : [{ statusCode: 'OPERATION_ENQUEUED', message: r.eventUuid, fields: [] }],
  };
}

export const externalIdMissing = (field: string): SfError =>
  new SfError('NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${field}`, 404);

/** The field an upsert or lookup may use: `Id`, an external id, or an idLookup field. */
export function externalIdField(obj: ObjectDef, name: string): FieldDef {
  const f = obj.fields.get(name.toLowerCase());
  if (f === undefined || !(f.externalId || f.idLookup)) throw externalIdMissing(name);
  return f;
}

export class MultipleMatches extends Error {
  constructor(readonly ids: string[]) {
    super('multiple matches');
  }
}

export function matchesFor(org: Org, obj: ObjectDef, field: FieldDef, value: unknown): string[] {
  if (field.name === 'Id') {
    const id = typeof value === 'string' ? normalizeId(value) : undefined;
    const rec = id === undefined ? undefined : org.store.get(id);
    return rec !== undefined && !rec.deleted && rec.type === obj.name ? [rec.id] : [];
  }
  return org.dml.findByValue(obj, field, value).map((r) => r.id);
}

/** Upsert one record by external id: `created` true when it inserted. */
export function upsertOne(
  org: Org,
  tx: Transaction,
  obj: ObjectDef,
  field: FieldDef,
  value: unknown,
  input: FieldValues,
): { id: string; created: boolean } {
  const matches = matchesFor(org, obj, field, value);
  if (matches.length > 1) throw new MultipleMatches(matches);
  const body = { ...input };
  for (const k of Object.keys(body)) if (k.toLowerCase() === field.name.toLowerCase()) delete body[k];
  if (matches.length === 1) {
    org.dml.update(tx, obj.name, matches[0]!, body);
    return { id: matches[0]!, created: false };
  }
  if (field.name === 'Id' && value !== '' && value !== null) throw notFound();
  const values = field.name === 'Id' ? body : { ...body, [field.name]: value };
  return { id: org.dml.create(tx, obj.name, values), created: true };
}
