import { Hono, type Context } from 'hono';
import type { AccountState } from '../state/account.js';
import { isNsRecordError } from '../state/errors.js';
import { isRecordType, type RecordRef, type RecordType } from '../state/types.js';
import { REST_ERRORS, restError } from './errors.js';
import { jsonContentType } from './guard.js';
import { fromRestJson, RestInputError, toRestJson } from './record-json.js';
import { readFileSync } from 'node:fs';

const CATALOG = JSON.parse(readFileSync(new URL('../suitescript/field-catalog.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
const ALWAYS = new Set(['externalId', 'nullFieldList', 'customFieldList']);

/** Refuses body fields the record type does not have (types with a field catalogue). */
function checkFields(type: RecordType, record: Record<string, unknown>): void {
  const known = CATALOG[type];
  if (!known) return;
  const names = [...Object.keys(record), ...(((record.nullFieldList as { name?: string[] } | undefined)?.name) ?? [])];
  for (const name of names) {
    if (!ALWAYS.has(name) && !(name in known)) throw new RestInputError(name, `Error while accessing a resource. You have entered an invalid field: ${name}.`);
  }
}

export const RECORD_BASE = '/services/rest/record/v1';

/** NetSuite's status for a record-level error code on REST. */
function statusOf(code: string): 400 | 404 | 409 {
  if (code === 'RCRD_DSNT_EXIST') return 404;
  if (code === 'RCRD_HAS_BEEN_CHANGED') return 409;
  return 400;
}

function fail(c: Context, e: unknown) {
  if (isNsRecordError(e)) {
    if (e.code === 'RCRD_DSNT_EXIST') return c.json(REST_ERRORS.notFound(), 404);
    return c.json(restError(statusOf(e.code), e.code, `Error while accessing a resource. ${e.message}`), statusOf(e.code));
  }
  if (e instanceof RestInputError) return c.json(restError(400, 'INVALID_CONTENT', e.message, e.path), 400);
  throw e;
}

/** `123` or `eid:SF-001` → a reference. */
function keyOf(key: string): RecordRef | undefined {
  if (/^\d+$/.test(key)) return { internalId: key };
  if (key.startsWith('eid:') && key.length > 4) return { externalId: decodeURIComponent(key.slice(4)) };
  return undefined;
}

/**
 * REST record service: GET/POST on `{type}`, GET/PATCH/PUT/DELETE on `{type}/{id}` and
 * `{type}/eid:{externalId}`. POST/PATCH/PUT/DELETE answer 204 with a Location header.
 */
export function recordRoutes(state: AccountState): Hono {
  const app = new Hono();
  const base = (c: Context) => `${new URL(c.req.url).origin}${RECORD_BASE}`;
  const typeOf = (c: Context): RecordType | undefined => {
    const t = c.req.param('type') ?? '';
    return isRecordType(t) ? t : undefined;
  };
  const body = async (c: Context): Promise<Record<string, unknown> | Response> => {
    if (!jsonContentType(c)) return c.json(restError(415, 'INVALID_HEADER', 'The Content-Type header must be application/json.'), 415);
    try {
      const parsed: unknown = JSON.parse(await c.req.text());
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('not an object');
      return parsed as Record<string, unknown>;
    } catch {
      return c.json(restError(400, 'INVALID_CONTENT', 'The request body is not a valid JSON object.'), 400);
    }
  };
  const replaceOf = (c: Context) => (c.req.query('replace') ?? '').split(',').filter(Boolean);
  const noContent = (c: Context, type: string, id: string) => {
    c.header('Location', `${base(c)}/${type}/${id}`);
    return c.body(null, 204);
  };

  app.get(`${RECORD_BASE}/:type`, (c) => {
    const type = typeOf(c);
    if (!type) return c.json(REST_ERRORS.unknownType(c.req.param('type')), 404);
    const limit = Math.min(Number(c.req.query('limit') ?? 1000) || 1000, 1000);
    const offset = Number(c.req.query('offset') ?? 0) || 0;
    const all = state.list(type);
    const page = all.slice(offset, offset + limit);
    return c.json({
      links: [{ rel: 'self', href: c.req.url }],
      count: page.length,
      hasMore: offset + limit < all.length,
      items: page.map((r) => ({ links: [{ rel: 'self', href: `${base(c)}/${type}/${r.internalId}` }], id: r.internalId })),
      offset,
      totalResults: all.length,
    });
  });

  app.get(`${RECORD_BASE}/:type/:key`, (c) => {
    const type = typeOf(c);
    if (!type) return c.json(REST_ERRORS.unknownType(c.req.param('type')), 404);
    const ref = keyOf(c.req.param('key'));
    const record = ref ? state.find(type, ref) : undefined;
    if (!record) return c.json(REST_ERRORS.notFound(), 404);
    return c.json(toRestJson(record, `${base(c)}/${type}/${record.internalId}`, c.req.query('expandSubResources') === 'true'));
  });

  app.post(`${RECORD_BASE}/:type`, async (c) => {
    const type = typeOf(c);
    if (!type) return c.json(REST_ERRORS.unknownType(c.req.param('type')), 404);
    const input = await body(c);
    if (input instanceof Response) return input;
    try {
      const record = fromRestJson(input, replaceOf(c));
      checkFields(type, record);
      const saved = state.add(type, record, { source: 'rest' });
      return noContent(c, type, saved.internalId!);
    } catch (e) {
      return fail(c, e);
    }
  });

  app.on(['PATCH', 'PUT'], `${RECORD_BASE}/:type/:key`, async (c) => {
    const type = typeOf(c);
    if (!type) return c.json(REST_ERRORS.unknownType(c.req.param('type')), 404);
    const ref = keyOf(c.req.param('key'));
    if (!ref) return c.json(REST_ERRORS.notFound(), 404);
    const input = await body(c);
    if (input instanceof Response) return input;
    try {
      const record = fromRestJson(input, replaceOf(c));
      checkFields(type, record);
      if (c.req.method === 'PUT') {
        // PUT is upsert by external id: the key must be eid:…
        if (!ref.externalId) return c.json(restError(400, 'INVALID_REQUEST', 'PUT (upsert) needs an external id key: {type}/eid:{externalId}.'), 400);
        const saved = state.upsert(type, { ...record, externalId: ref.externalId }, { source: 'rest' });
        return noContent(c, type, saved.internalId!);
      }
      const saved = state.update(type, { ...record, ...ref }, { source: 'rest' });
      return noContent(c, type, saved.internalId!);
    } catch (e) {
      return fail(c, e);
    }
  });

  app.delete(`${RECORD_BASE}/:type/:key`, (c) => {
    const type = typeOf(c);
    if (!type) return c.json(REST_ERRORS.unknownType(c.req.param('type')), 404);
    const ref = keyOf(c.req.param('key'));
    if (!ref) return c.json(REST_ERRORS.notFound(), 404);
    try {
      state.delete(type, ref, { source: 'rest' });
      return c.body(null, 204);
    } catch (e) {
      return fail(c, e);
    }
  });

  return app;
}
