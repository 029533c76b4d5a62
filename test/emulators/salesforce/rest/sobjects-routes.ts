/**
 * `/sobjects`: global describe, describe, create (and platform event publish), read, update, delete,
 * and the external-id routes (read, upsert 201/200/300/404, delete).
 */
import { Hono, type Context } from 'hono';
import { SfError, noSuchColumn, notFound } from '../errors.js';
import { normalizeId } from '../ids.js';
import type { ObjectDef } from '../schema/types.js';
import { readRecord } from './body.js';
import type { RestDeps, RestEnv } from './context.js';
import { describeGlobalEntry, describeSObject } from './describe.js';
import { methodNotAllowed, sfJson } from './middleware.js';
import {
  enqueuedResult,
  externalIdField,
  externalIdMissing,
  insert,
  matchesFor,
  MultipleMatches,
  upsertOne,
} from './operations.js';
import { recordJson, recordUrl } from './records.js';

const ID_LIKE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function sobjectRoutes(deps: RestDeps): Hono<RestEnv> {
  const { org } = deps;
  const app = new Hono<RestEnv>({ strict: false });
  const obj = (c: Context<RestEnv>): ObjectDef => org.dml.object(c.req.param('type') ?? '');

  const selectFields = (c: Context<RestEnv>, o: ObjectDef): string[] | undefined => {
    const list = c.req.query('fields');
    if (list === undefined) return undefined;
    return list.split(',').map((raw) => {
      const name = raw.trim();
      const f = o.fields.get(name.toLowerCase());
      if (f === undefined) throw noSuchColumn(name, o.name);
      return f.name;
    });
  };

  app.get('/', (c) => {
    const v = c.get('apiVersion');
    return sfJson(c, {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: org.schema.all().map((o) => describeGlobalEntry(v, o)),
    });
  });

  app.get('/:type', (c) =>
    sfJson(c, { objectDescribe: describeGlobalEntry(c.get('apiVersion'), obj(c)), recentItems: [] }),
  );
  app.get('/:type/describe', (c) => sfJson(c, describeSObject(c.get('apiVersion'), obj(c))));

  app.post('/:type', async (c) => {
    const o = obj(c);
    const input = await readRecord(c, o.name);
    const result = org.transact(c.get('dml'), (tx) => insert(org, tx, o.name, input));
    c.header('Location', recordUrl(c.get('apiVersion'), o.name, result.id));
    return sfJson(c, enqueuedResult(result), 201);
  });

  app.get('/:type/:id', (c) => {
    const o = obj(c);
    const raw = c.req.param('id');
    if (!ID_LIKE.test(raw)) throw externalIdMissing(raw);
    const id = normalizeId(raw);
    const rec = id === undefined ? undefined : org.store.get(id);
    if (rec === undefined || rec.type !== o.name) throw notFound();
    if (rec.deleted) throw new SfError('ENTITY_IS_DELETED', 'entity is deleted', 404, []);
    return sfJson(c, recordJson(c.get('apiVersion'), o, rec, selectFields(c, o)));
  });

  /** A record URL whose last segment is not id-shaped is read as an external-id field name (fixture). */
  const idShaped = (raw: string): string => {
    if (!ID_LIKE.test(raw)) throw externalIdMissing(raw);
    return raw;
  };

  app.patch('/:type/:id', async (c) => {
    const o = obj(c);
    idShaped(c.req.param('id'));
    const input = await readRecord(c, o.name);
    org.transact(c.get('dml'), (tx) => org.dml.update(tx, o.name, c.req.param('id'), input));
    return c.body(null, 204);
  });

  app.delete('/:type/:id', (c) => {
    const o = obj(c);
    const raw = idShaped(c.req.param('id'));
    org.transact(c.get('dml'), (tx) => org.dml.delete(tx, org.dml.existing(o, raw)));
    return c.body(null, 204);
  });

  const byExternalId = (c: Context<RestEnv>) => {
    const o = obj(c);
    const field = externalIdField(o, c.req.param('field') ?? '');
    const value = decodeURIComponent(c.req.param('value') ?? '');
    return { o, field, value };
  };

  const multipleChoices = (c: Context<RestEnv>, o: ObjectDef, ids: string[]) =>
    sfJson(
      c,
      ids.map((id) => recordUrl(c.get('apiVersion'), o.name, id)),
      300,
    );

  app.get('/:type/:field/:value', (c) => {
    const { o, field, value } = byExternalId(c);
    const ids = matchesFor(org, o, field, value);
    if (ids.length > 1) return multipleChoices(c, o, ids);
    const rec = ids[0] === undefined ? undefined : org.store.get(ids[0]);
    if (rec === undefined) throw notFound();
    return sfJson(c, recordJson(c.get('apiVersion'), o, rec, selectFields(c, o)));
  });

  const upsert = async (c: Context<RestEnv>) => {
    const { o, field, value } = byExternalId(c);
    const input = await readRecord(c, o.name);
    try {
      const r = org.transact(c.get('dml'), (tx) => upsertOne(org, tx, o, field, value, input));
      const body = { id: r.id, success: true, errors: [], created: r.created };
      if (r.created) return sfJson(c, body, 201);
      return Number(c.get('apiVersion')) >= 46 ? sfJson(c, body, 200) : c.body(null, 204);
    } catch (e) {
      if (e instanceof MultipleMatches) return multipleChoices(c, o, e.ids);
      throw e;
    }
  };
  app.patch('/:type/:field/:value', upsert);
  app.post('/:type/:field/:value', upsert);
  // `POST /sobjects/X/Id` with no value: insert using Id as the external id (v37+).
  app.post('/:type/:field', async (c) => {
    if (c.req.param('field').toLowerCase() !== 'id') throw notFound();
    const o = obj(c);
    const input = await readRecord(c, o.name);
    const idField = externalIdField(o, 'Id');
    const r = org.transact(c.get('dml'), (tx) => upsertOne(org, tx, o, idField, '', input));
    return sfJson(c, { id: r.id, success: true, errors: [], created: r.created }, 201);
  });

  app.delete('/:type/:field/:value', (c) => {
    const { o, field, value } = byExternalId(c);
    const ids = matchesFor(org, o, field, value);
    if (ids.length > 1) return multipleChoices(c, o, ids);
    if (ids[0] === undefined) throw notFound();
    org.transact(c.get('dml'), (tx) => org.dml.delete(tx, org.dml.existing(o, ids[0]!)));
    return c.body(null, 204);
  });

  // Registered last: reached only when no route above serves the method.
  app.all('/', methodNotAllowed('HEAD,GET'));
  app.all('/:type', methodNotAllowed('HEAD,GET,POST'));
  app.all('/:type/describe', methodNotAllowed('HEAD,GET'));
  app.all('/:type/:id', methodNotAllowed('HEAD,GET,PATCH,DELETE'));
  app.all('/:type/:field/:value', methodNotAllowed('HEAD,GET,PATCH,POST,DELETE'));
  return app;
}
