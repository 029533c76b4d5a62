/**
 * A small Salesforce stand-in for the connector's unit tests (real HTTP on 127.0.0.1, port 0): JWT bearer
 * login checked with the public key, bearer-token REST, query paging, sObject CRUD/upsert, collections,
 * platform event publish, describe, and scripted faults (status, headers, body) for the error paths.
 * The cross-system tests use the full emulator in test/emulators/salesforce instead.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { jwtVerify } from 'jose';
import { parseQuery } from '@jetstreamapp/soql-parser-js';

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
type Rec = Record<string, unknown> & { Id: string };

export interface FakeOrg {
  url: string;
  clientId: string;
  username: string;
  privateKey: KeyObject;
  logins: number;
  /** Requests seen after auth, `METHOD path` with the number of records for collection writes. */
  calls: { method: string; path: string; records?: number; authorization?: string; callOptions?: string }[];
  records: Map<string, Rec[]>;
  describes: number;
  pageSize: number;
  /** Answers given before any normal handling, in order (after token check). */
  script: ScriptedResponse[];
  /** Milliseconds to wait before answering REST calls. */
  delayMs: number;
  /** Names that fail in collection writes with FIELD_CUSTOM_VALIDATION_EXCEPTION. */
  failNames: Set<string>;
  expireTokens(): void;
  close(): Promise<void>;
}

const API = '/services/data/v62.0';
const json = (c: Context, body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'sforce-limit-info': 'api-usage=7/15000', ...headers },
  });

export async function startFakeOrg(): Promise<FakeOrg> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const tokens = new Set<string>();
  let idSeq = 0;
  const newId = (prefix: string) => `${prefix}${String(++idSeq).padStart(12, '0')}AAA`;
  const app = new Hono();
  const org: FakeOrg = {
    url: '',
    clientId: '3MVG9fake',
    username: 'int@example.com',
    privateKey,
    logins: 0,
    calls: [],
    records: new Map(),
    describes: 0,
    pageSize: 2000,
    script: [],
    delayMs: 0,
    failNames: new Set(),
    expireTokens: () => tokens.clear(),
    close: async () => undefined,
  };
  const table = (type: string) => {
    let t = org.records.get(type);
    if (!t) org.records.set(type, (t = []));
    return t;
  };
  const validate = (type: string, rec: Record<string, unknown>) => {
    if (type === 'Account' && (rec.Name === undefined || rec.Name === '')) {
      return { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] };
    }
    if (typeof rec.Name === 'string' && org.failNames.has(rec.Name)) {
      return { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: `Name ${rec.Name} is refused`, fields: [] };
    }
    return undefined;
  };
  const upsertOne = (type: string, field: string, value: string, body: Record<string, unknown>) => {
    const existing = table(type).filter((r) => r[field] === value);
    if (existing.length > 1) return { multiple: existing, id: undefined, created: false };
    if (existing[0]) {
      Object.assign(existing[0], body);
      return { id: existing[0].Id, created: false };
    }
    const rec: Rec = { ...body, [field]: value, Id: newId('001') };
    table(type).push(rec);
    return { id: rec.Id, created: true };
  };

  app.post('/services/oauth2/token', async (c) => {
    const form = await c.req.parseBody();
    if (form.grant_type !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return json(c, { error: 'unsupported_grant_type', error_description: 'grant type not supported' }, 400);
    }
    try {
      const { payload } = await jwtVerify(String(form.assertion), publicKey, {
        issuer: org.clientId,
        audience: org.url,
        algorithms: ['RS256'],
      });
      if (payload.sub !== org.username) throw new Error('user');
    } catch {
      return json(c, { error: 'invalid_grant', error_description: 'invalid assertion' }, 400);
    }
    org.logins += 1;
    const token = `00D000000000001!AQ${org.logins}x${Math.random().toString(36).slice(2)}`;
    tokens.add(token);
    return json(c, {
      access_token: token,
      instance_url: org.url,
      id: `${org.url}/id/00D000000000001EAA/005000000000001AAA`,
      token_type: 'Bearer',
      scope: 'api',
    });
  });

  app.use(`${API}/*`, async (c, next) => {
    const auth = c.req.header('authorization') ?? '';
    if (!tokens.has(auth.replace(/^Bearer /, '')))
      return json(c, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], 401);
    let records: number | undefined;
    if (c.req.path.includes('/composite/sobjects') && c.req.method === 'DELETE') {
      records = (c.req.query('ids') ?? '').split(',').filter(Boolean).length;
    } else if (c.req.path.includes('/composite/sobjects') && c.req.method !== 'GET') {
      records = ((await c.req.raw.clone().json()) as { records?: unknown[] }).records?.length;
    }
    org.calls.push({
      method: c.req.method,
      path: c.req.path,
      records,
      authorization: auth,
      callOptions: c.req.header('sforce-call-options'),
    });
    if (org.delayMs > 0) await new Promise((r) => setTimeout(r, org.delayMs));
    const scripted = org.script.shift();
    if (scripted)
      return new Response(
        scripted.body === undefined
          ? null
          : typeof scripted.body === 'string'
            ? scripted.body
            : JSON.stringify(scripted.body),
        {
          status: scripted.status,
          headers: { 'content-type': 'application/json;charset=UTF-8', ...scripted.headers },
        },
      );
    return next();
  });

  const page = (c: Context, type: string, offset: number) => {
    const all = table(type);
    const rows = all
      .slice(offset, offset + org.pageSize)
      .map((r) => ({ attributes: { type, url: `${API}/sobjects/${type}/${r.Id}` }, ...r }));
    const done = offset + org.pageSize >= all.length;
    return json(c, {
      totalSize: all.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `${API}/query/01gFAKE${type}-${offset + org.pageSize}` }),
      records: rows,
    });
  };
  app.get(`${API}/query`, (c) => {
    try {
      const q = parseQuery(c.req.query('q') ?? '');
      return page(c, String(q.sObject), 0);
    } catch (e) {
      return json(c, [{ message: String(e), errorCode: 'MALFORMED_QUERY' }], 400);
    }
  });
  app.get(`${API}/query/:locator`, (c) => {
    const m = /^01gFAKE(\w+)-(\d+)$/.exec(c.req.param('locator'));
    if (!m) return json(c, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }], 400);
    return page(c, m[1] as string, Number(m[2]));
  });
  app.get(`${API}/sobjects/:type/describe`, (c) => {
    org.describes += 1;
    return json(c, {
      name: c.req.param('type'),
      label: c.req.param('type'),
      fields: [
        { name: 'Id', type: 'id' },
        { name: 'Name', type: 'string' },
      ],
    });
  });
  app.get(`${API}/sobjects/:type/:id`, (c) => {
    const rec = table(c.req.param('type')).find((r) => r.Id === c.req.param('id'));
    if (!rec) return json(c, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], 404);
    return json(c, { attributes: { type: c.req.param('type') }, ...rec });
  });
  app.post(`${API}/sobjects/:type`, async (c) => {
    const type = c.req.param('type');
    const body = (await c.req.json()) as Record<string, unknown>;
    if (type.endsWith('__e')) {
      return json(
        c,
        {
          id: 'e01xx0000000001AAA',
          success: true,
          errors: [{ statusCode: 'OPERATION_ENQUEUED', message: '232fd30e-0a71-42bd-a97b-be0e329b2ded', fields: [] }],
        },
        201,
      );
    }
    const err = validate(type, body);
    if (err) return json(c, [{ errorCode: err.statusCode, message: err.message, fields: err.fields }], 400);
    const rec: Rec = { ...body, Id: newId('001') };
    table(type).push(rec);
    return json(c, { id: rec.Id, success: true, errors: [] }, 201);
  });
  app.patch(`${API}/sobjects/:type/:id`, async (c) => {
    const rec = table(c.req.param('type')).find((r) => r.Id === c.req.param('id'));
    if (!rec) return json(c, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], 404);
    Object.assign(rec, (await c.req.json()) as object);
    return c.body(null, 204);
  });
  app.patch(`${API}/sobjects/:type/:field/:value`, async (c) => {
    const r = upsertOne(
      c.req.param('type'),
      c.req.param('field'),
      c.req.param('value'),
      (await c.req.json()) as Record<string, unknown>,
    );
    if (r.multiple)
      return json(
        c,
        r.multiple.map((m) => `${API}/sobjects/${c.req.param('type')}/${m.Id}`),
        300,
      );
    return json(c, { id: r.id, success: true, errors: [], created: r.created }, r.created ? 201 : 200);
  });
  const remove = (id: string) => {
    for (const rows of org.records.values()) {
      const i = rows.findIndex((r) => r.Id === id);
      if (i >= 0) return rows.splice(i, 1).length === 1;
    }
    return false;
  };
  app.delete(`${API}/sobjects/:type/:id`, (c) =>
    remove(c.req.param('id'))
      ? c.body(null, 204)
      : json(c, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], 404),
  );
  app.delete(`${API}/composite/sobjects`, (c) => {
    const ids = (c.req.query('ids') ?? '').split(',').filter(Boolean);
    if (ids.length > 200) return json(c, [{ message: 'Maximum 200 ids', errorCode: 'EXCEEDED_ID_LIMIT' }], 400);
    return json(
      c,
      ids.map((id) =>
        remove(id)
          ? { id, success: true, errors: [] }
          : {
              id,
              success: false,
              errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
            },
      ),
    );
  });
  const collection = async (
    c: Context,
    write: (type: string, rec: Record<string, unknown>) => { id: string; created?: boolean },
  ) => {
    const body = (await c.req.json()) as {
      allOrNone?: boolean;
      records: (Record<string, unknown> & { attributes: { type: string } })[];
    };
    if (body.records.length > 200)
      return json(c, [{ message: 'Maximum 200 records', errorCode: 'EXCEEDED_ID_LIMIT' }], 400);
    return json(
      c,
      body.records.map(({ attributes, ...rec }) => {
        const err = validate(attributes.type, rec);
        if (err) return { success: false, errors: [err] };
        return { ...write(attributes.type, rec), success: true, errors: [] };
      }),
    );
  };
  app.post(`${API}/composite/sobjects`, (c) =>
    collection(c, (type, rec) => {
      const r: Rec = { ...rec, Id: newId('001') };
      table(type).push(r);
      return { id: r.Id };
    }),
  );
  app.patch(`${API}/composite/sobjects`, (c) =>
    collection(c, (type, rec) => {
      const r = table(type).find((x) => x.Id === rec.Id);
      if (r) Object.assign(r, rec);
      return { id: String(rec.Id) };
    }),
  );
  app.patch(`${API}/composite/sobjects/:type/:field`, (c) =>
    collection(c, (type, rec) => {
      const field = c.req.param('field');
      const r = upsertOne(type, field, String(rec[field]), rec);
      if (r.multiple || !r.id) throw new Error('multiple');
      return { id: r.id, created: r.created };
    }),
  );

  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  org.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  org.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  return org;
}
