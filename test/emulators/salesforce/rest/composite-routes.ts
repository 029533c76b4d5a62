/**
 * sObject collections (`/composite/sobjects`): create, update, upsert by external id, delete and
 * retrieve up to 200 records, with allOrNone semantics and per-record results in input order.
 */
import { Hono, type Context } from 'hono';
import { SfError, isSfError, type RecordError } from '../errors.js';
import { normalizeId } from '../ids.js';
import type { Org } from '../org.js';
import type { FieldValues, Transaction } from '../store/org-store.js';
import { z } from 'zod';
import { readCollection, readJson } from './body.js';
import type { RestDeps, RestEnv } from './context.js';
import { methodNotAllowed, sfJson } from './middleware.js';
import { enqueuedResult, externalIdField, insert, MultipleMatches, upsertOne } from './operations.js';
import { recordJson } from './records.js';

export const MAX_COLLECTION = 200;
const retrieveBody = z.object({ ids: z.array(z.string()), fields: z.array(z.string()) });

type Result = Record<string, unknown>;
const failed = (errors: RecordError[]): Result => ({ success: false, errors });
const ROLLED_BACK: RecordError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

class RollBack extends Error {}

function tooMany(): SfError {
  return new SfError(
    'EXCEEDED_ID_LIMIT',
    `record limit reached. cannot submit more than ${MAX_COLLECTION} records into this call`,
    400,
  );
}

/**
 * Runs one operation per item inside one transaction. A failing item is rolled back to its own
 * savepoint; with allOrNone any failure rolls back everything and the others report ROLLED_BACK.
 */
function runCollection<T>(
  org: Org,
  c: Context<RestEnv>,
  items: T[],
  allOrNone: boolean,
  op: (tx: Transaction, item: T, index: number) => Result,
): Result[] {
  const results: Result[] = [];
  try {
    org.transact(c.get('dml'), (tx) => {
      items.forEach((item, i) => {
        const mark = tx.mark();
        try {
          results.push(op(tx, item, i));
        } catch (e) {
          if (!isSfError(e)) throw e;
          org.store.rollbackTo(tx, mark);
          results.push(failed([e.toRecordError()]));
        }
      });
      if (allOrNone && results.some((r) => r.success === false)) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
    return results.map((r) => (r.success === false ? r : failed([ROLLED_BACK])));
  }
  return results;
}

function recordType(record: FieldValues): string {
  const attrs = record.attributes as { type?: unknown } | undefined;
  if (typeof attrs?.type !== 'string' || attrs.type === '')
    throw new SfError('INVALID_TYPE', 'Must send a concrete entity type.', 400, []);
  return attrs.type;
}

function withoutId(record: FieldValues): FieldValues {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k.toLowerCase() !== 'id'));
}

function duplicateExternalIds(records: FieldValues[], fieldName: string): Set<string> {
  const seen = new Map<string, number>();
  for (const r of records) {
    const key = Object.entries(r).find(([k]) => k.toLowerCase() === fieldName.toLowerCase())?.[1];
    if (key !== undefined && key !== null)
      seen.set(String(key).toLowerCase(), (seen.get(String(key).toLowerCase()) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
}

export function compositeRoutes(deps: RestDeps): Hono<RestEnv> {
  const { org } = deps;
  const app = new Hono<RestEnv>({ strict: false });

  app.post('/sobjects', async (c) => {
    const body = await readCollection(c);
    if (body.records.length > MAX_COLLECTION) throw tooMany();
    const results = runCollection(org, c, body.records, body.allOrNone ?? false, (tx, record) => {
      const type = recordType(record);
      if (Object.keys(record).some((k) => k.toLowerCase() === 'id')) {
        throw new SfError('INVALID_FIELD', 'cannot specify Id in an insert call', 400, ['Id']);
      }
      return enqueuedResult(insert(org, tx, type, record));
    });
    return sfJson(c, results);
  });

  app.patch('/sobjects', async (c) => {
    const body = await readCollection(c);
    if (body.records.length > MAX_COLLECTION) throw tooMany();
    const results = runCollection(org, c, body.records, body.allOrNone ?? false, (tx, record) => {
      const type = recordType(record);
      const rawId = Object.entries(record).find(([k]) => k.toLowerCase() === 'id')?.[1];
      if (typeof rawId !== 'string' || rawId === '') {
        throw new SfError('MISSING_ARGUMENT', 'Id not specified in an update call', 400, []);
      }
      const obj = org.dml.object(type);
      const rec = org.dml.existing(obj, rawId);
      org.dml.update(tx, obj.name, rec.id, withoutId(record));
      return { id: rec.id, success: true, errors: [] };
    });
    return sfJson(c, results);
  });

  app.delete('/sobjects', (c) => {
    const ids = (c.req.query('ids') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (ids.length === 0) throw new SfError('MISSING_ARGUMENT', 'ids parameter is required', 400);
    if (ids.length > MAX_COLLECTION) throw tooMany();
    const allOrNone = c.req.query('allOrNone') === 'true';
    const results = runCollection(org, c, ids, allOrNone, (tx, raw) => {
      const id = normalizeId(raw);
      if (id === undefined) throw new SfError('MALFORMED_ID', `malformed id ${raw}`, 400, []);
      const rec = org.store.get(id);
      if (rec === undefined) throw new SfError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', 400, []);
      if (rec.deleted) throw new SfError('ENTITY_IS_DELETED', 'entity is deleted', 400, []);
      org.dml.delete(tx, rec);
      return { id: rec.id, success: true, errors: [] };
    });
    return sfJson(c, results);
  });

  const retrieve = (c: Context<RestEnv>, type: string, ids: string[], fields: string[]) => {
    const obj = org.dml.object(type);
    if (ids.length === 0 || fields.length === 0) {
      throw new SfError('MISSING_ARGUMENT', 'Both ids and fields parameters are required', 400);
    }
    if (ids.length > 2000) throw tooMany();
    const names = fields.map((f) => {
      const def = obj.fields.get(f.toLowerCase());
      if (def === undefined)
        throw new SfError('INVALID_FIELD', `No such column '${f}' on sobject of type ${obj.name}`, 400);
      return def.name;
    });
    return sfJson(
      c,
      ids.map((raw) => {
        const id = normalizeId(raw);
        const rec = id === undefined ? undefined : org.store.get(id);
        return rec === undefined || rec.deleted || rec.type !== obj.name
          ? null
          : recordJson(c.get('apiVersion'), obj, rec, names);
      }),
    );
  };
  const list = (text: string | undefined) =>
    (text ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');

  app.get('/sobjects/:type', (c) =>
    retrieve(c, c.req.param('type'), list(c.req.query('ids')), list(c.req.query('fields'))),
  );
  // POST form of retrieve (long id lists), as jsforce sends it: {"ids":[...],"fields":[...]}.
  app.post('/sobjects/:type', async (c) => {
    const parsed = retrieveBody.safeParse(await readJson(c));
    if (!parsed.success)
      throw new SfError(
        'JSON_PARSER_ERROR',
        'Cannot deserialize request body: expected {"ids": [...], "fields": [...]}',
        400,
      );
    return retrieve(c, c.req.param('type'), parsed.data.ids, parsed.data.fields);
  });

  app.patch('/sobjects/:type/:field', async (c) => {
    const obj = org.dml.object(c.req.param('type'));
    const field = externalIdField(obj, c.req.param('field'));
    const body = await readCollection(c);
    if (body.records.length > MAX_COLLECTION) throw tooMany();
    const dupes = duplicateExternalIds(body.records, field.name);
    const results = runCollection(org, c, body.records, body.allOrNone ?? false, (tx, record) => {
      const type = recordType(record);
      if (type.toLowerCase() !== obj.name.toLowerCase()) {
        throw new SfError('INVALID_TYPE', `Record type ${type} does not match the upsert type ${obj.name}`, 400, []);
      }
      const value = Object.entries(record).find(([k]) => k.toLowerCase() === field.name.toLowerCase())?.[1];
      if (value === undefined || value === null || value === '') {
        throw new SfError('MISSING_ARGUMENT', `${field.name} not specified`, 400, []);
      }
      if (dupes.has(String(value).toLowerCase())) {
        throw new SfError('DUPLICATE_VALUE', `Duplicate external id specified: ${String(value)}`, 400, [field.name]);
      }
      try {
        const r = upsertOne(org, tx, obj, field, value, record);
        return { id: r.id, success: true, errors: [], created: r.created };
      } catch (e) {
        if (!(e instanceof MultipleMatches)) throw e;
        throw new SfError(
          'DUPLICATE_EXTERNAL_ID',
          `${field.name}: more than one record found for external id field: [${e.ids.join(', ')}]`,
          300,
          [field.name],
        );
      }
    });
    return sfJson(c, results);
  });

  app.all('/sobjects', methodNotAllowed('POST,PATCH,DELETE'));
  app.all('/sobjects/:type', methodNotAllowed('HEAD,GET,POST'));
  app.all('/sobjects/:type/:field', methodNotAllowed('PATCH'));
  return app;
}
