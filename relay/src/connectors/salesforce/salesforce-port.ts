/**
 * `SalesforcePort` over the REST API (jsforce 3 Connection via SalesforceRestClient).
 */
import type { SalesforceAuth } from './auth.js';
import { runBatch } from './collections.js';
import { SalesforceError, fromSalesforceErrors, isSalesforceError, type RawSalesforceError } from './errors.js';
import { createNamespacer, type Namespacer } from './namespace.js';
import type {
  DescribeResult,
  PageOptions,
  PublishResult,
  QueryOptions,
  RecordResult,
  SalesforcePort,
  SfRecord,
  UpsertResult,
} from './port.js';
import { SalesforceRestClient, type RestClientOptions } from './rest-client.js';
import { assertFieldPath, assertIdentifier, assertRecordId, isIdentifier } from './soql/identifiers.js';
import { createSoql, SoqlQuery, type SoqlBuilder } from './soql/query.js';

export interface SalesforcePortOptions extends Omit<RestClientOptions, 'auth'> {
  auth: SalesforceAuth;
  /** SF_NAMESPACE: the package prefix, empty when unmanaged. */
  namespace?: string;
  /** Describe cache lifetime (default 10 minutes). */
  describeTtlMs?: number;
  now?: () => number;
}

export interface SalesforceConnector extends SalesforcePort {
  /** Query builder that writes the org's (namespaced) names. */
  readonly soql: SoqlBuilder;
  readonly names: Namespacer;
}

interface QueryBody {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

const invalid = (message: string, record?: { index?: number; sobject?: string }) =>
  new SalesforceError({ code: 'SF_INVALID_INPUT', message, record });

function isQueryBody(v: unknown): v is QueryBody {
  const b = v as QueryBody | undefined;
  return typeof b === 'object' && b !== null && typeof b.done === 'boolean' && Array.isArray(b.records);
}

export function createSalesforcePort(opts: SalesforcePortOptions): SalesforceConnector {
  const rest = new SalesforceRestClient(opts);
  const names = createNamespacer(opts.namespace);
  const now = opts.now ?? Date.now;
  const describeTtl = opts.describeTtlMs ?? 10 * 60_000;
  const describeCache = new Map<string, { at: number; value: Promise<DescribeResult> }>();
  const sobjectPath = (sobject: string) => encodeURIComponent(names.toOrg(assertIdentifier(sobject, 'sObject')));

  /** Body for a write: no `attributes`/`Id`, every key a valid field name, names namespaced. */
  function writeBody(
    record: SfRecord,
    what: { index?: number; sobject: string },
    drop: readonly string[] = [],
  ): Record<string, unknown> {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw invalid(
        `${what.sobject} record${what.index === undefined ? '' : ` #${what.index}`} is not an object`,
        what,
      );
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      if (k === 'attributes' || k === 'Id' || drop.includes(k) || v === undefined) continue;
      if (!isIdentifier(k))
        throw invalid(
          `${what.sobject} record${what.index === undefined ? '' : ` #${what.index}`} has an invalid field name ${JSON.stringify(k)}`,
          what,
        );
      out[k] = v;
    }
    return names.recordToOrg(out);
  }

  async function clean(record: Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      if (k === 'attributes') continue;
      if (isQueryBody(v)) {
        const rows: Record<string, unknown>[] = [];
        for await (const page of pages(v)) rows.push(...page);
        out[k] = rows;
      } else if (v && typeof v === 'object' && !Array.isArray(v) && 'attributes' in v) {
        out[k] = await clean(v as Record<string, unknown>);
      } else out[k] = v;
    }
    return names.recordFromOrg(out);
  }

  async function* pages(first: QueryBody): AsyncGenerator<Record<string, unknown>[]> {
    let body = first;
    for (;;) {
      const rows: Record<string, unknown>[] = [];
      for (const r of body.records) rows.push(await clean(r));
      yield rows;
      if (body.done || !body.nextRecordsUrl) return;
      if (!/^\/services\/data\/v\d+\.\d+\/query(All)?\/[A-Za-z0-9-]+$/.test(body.nextRecordsUrl)) {
        throw new SalesforceError({
          code: 'SF_PROTOCOL',
          message: `Unexpected nextRecordsUrl ${JSON.stringify(body.nextRecordsUrl)}`,
        });
      }
      const next = await rest.request<unknown>({ method: 'GET', path: body.nextRecordsUrl });
      if (!isQueryBody(next.body))
        throw new SalesforceError({ code: 'SF_PROTOCOL', message: 'A query page has no records list' });
      body = next.body;
    }
  }

  async function runQuery(query: SoqlQuery, o: PageOptions = {}): Promise<QueryBody> {
    if (!(query instanceof SoqlQuery))
      throw invalid('query() takes a query built with soql.select(...); SOQL text is not accepted');
    const resource = o.includeDeleted ? 'queryAll' : 'query';
    const res = await rest.request<unknown>({
      method: 'GET',
      path: `/${resource}?q=${encodeURIComponent(query.toSoql())}`,
    });
    if (!isQueryBody(res.body))
      throw new SalesforceError({ code: 'SF_PROTOCOL', message: 'The query answer has no records list' });
    return res.body;
  }

  function collection(
    sobject: string,
    records: readonly SfRecord[],
    prepare: (record: SfRecord, index: number) => { payload: Record<string, unknown>; externalId?: string },
    send: (records: Record<string, unknown>[]) => Promise<unknown>,
  ): Promise<RecordResult[]> {
    if (!Array.isArray(records)) throw invalid(`${sobject} records must be an array`);
    const type = names.toOrg(assertIdentifier(sobject, 'sObject'));
    return runBatch(records, sobject, prepare, (part) =>
      send(part.map((p) => ({ attributes: { type }, ...p.payload }))),
    );
  }

  const port: SalesforceConnector = {
    soql: createSoql(names.toOrg),
    names,
    apiUsage: () => rest.apiUsage(),

    async *queryPages<T extends SfRecord>(query: SoqlQuery, o: PageOptions = {}) {
      for await (const page of pages(await runQuery(query, o))) yield page as T[];
    },

    async query<T extends SfRecord>(query: SoqlQuery, o: QueryOptions = {}) {
      const max = o.maxRecords ?? 50_000;
      const all: T[] = [];
      for await (const page of port.queryPages<T>(query, o)) {
        all.push(...page);
        if (all.length > max)
          throw invalid(`The query returned more than ${max} records; page with queryPages() or narrow it`);
      }
      return all;
    },

    async count(query) {
      return (await runQuery(query)).totalSize;
    },

    async getById<T extends SfRecord>(sobject: string, id: string, fields?: readonly string[]) {
      assertRecordId(id);
      // `?fields=` returns only the named fields; the Id always comes back.
      const list =
        fields && fields.length > 0
          ? ['Id', ...fields.filter((f) => f !== 'Id')].map((f) => names.toOrg(assertFieldPath(f)))
          : undefined;
      const qs = list && list.length > 0 ? `?fields=${encodeURIComponent(list.join(','))}` : '';
      try {
        const res = await rest.request<Record<string, unknown>>({
          method: 'GET',
          path: `/sobjects/${sobjectPath(sobject)}/${id}${qs}`,
        });
        return (await clean(res.body)) as T;
      } catch (err) {
        if (isSalesforceError(err) && err.code === 'SF_NOT_FOUND') return undefined;
        throw err;
      }
    },

    async create(sobject, record) {
      const res = await rest.request<{ id?: string; success?: boolean; errors?: RawSalesforceError[] }>({
        method: 'POST',
        path: `/sobjects/${sobjectPath(sobject)}`,
        body: writeBody(record, { sobject }),
      });
      if (res.body?.success === false || typeof res.body?.id !== 'string') {
        throw fromSalesforceErrors(res.body?.errors ?? [], { httpStatus: res.status, record: { sobject } });
      }
      return { id: res.body.id };
    },

    async update(sobject, id, record) {
      assertRecordId(id);
      await rest.request({
        method: 'PATCH',
        path: `/sobjects/${sobjectPath(sobject)}/${id}`,
        body: writeBody(record, { sobject }),
      });
    },

    async upsert(sobject, externalIdField, externalId, record): Promise<UpsertResult> {
      assertIdentifier(externalIdField, 'External id field');
      if (typeof externalId !== 'string' || externalId.trim() === '') {
        throw invalid(`Upsert of ${sobject} needs a value for ${externalIdField}`, { sobject });
      }
      const path = `/sobjects/${sobjectPath(sobject)}/${encodeURIComponent(names.toOrg(externalIdField))}/${encodeURIComponent(externalId)}`;
      const res = await rest.request<{ id?: string; created?: boolean } | ''>({
        method: 'PATCH',
        path,
        body: writeBody(record, { sobject }, [externalIdField]),
      });
      const body = typeof res.body === 'object' && res.body !== null ? res.body : {};
      return { id: body.id, created: res.status === 201 || body.created === true };
    },

    createMany(sobject, records) {
      return collection(
        sobject,
        records,
        (r, index) => {
          if (r?.Id !== undefined) throw invalid(`${sobject} record #${index} already has an Id; use updateMany`);
          return { payload: writeBody(r, { sobject, index }) };
        },
        (recs) =>
          rest
            .request({ method: 'POST', path: '/composite/sobjects', body: { allOrNone: false, records: recs } })
            .then((r) => r.body),
      );
    },

    updateMany(sobject, records) {
      return collection(
        sobject,
        records,
        (r, index) => {
          const id = assertRecordId(r?.Id, `${sobject} record #${index} Id`);
          return { payload: { Id: id, ...writeBody(r, { sobject, index }) } };
        },
        (recs) =>
          rest
            .request({ method: 'PATCH', path: '/composite/sobjects', body: { allOrNone: false, records: recs } })
            .then((r) => r.body),
      );
    },

    upsertMany(sobject, externalIdField, records) {
      assertIdentifier(externalIdField, 'External id field');
      const path = `/composite/sobjects/${sobjectPath(sobject)}/${encodeURIComponent(names.toOrg(externalIdField))}`;
      return collection(
        sobject,
        records,
        (r, index) => {
          const value = r?.[externalIdField];
          if (typeof value !== 'string' || value.trim() === '') {
            throw invalid(`${sobject} record #${index} has no value for ${externalIdField}`);
          }
          return { payload: writeBody(r, { sobject, index }), externalId: value };
        },
        (recs) =>
          rest.request({ method: 'PATCH', path, body: { allOrNone: false, records: recs } }).then((r) => r.body),
      );
    },

    async delete(sobject, id) {
      assertRecordId(id);
      await rest.request({ method: 'DELETE', path: `/sobjects/${sobjectPath(sobject)}/${id}` });
    },

    async deleteMany(ids) {
      if (!Array.isArray(ids)) throw invalid('deleteMany takes an array of record ids');
      return runBatch(
        ids,
        undefined,
        (id, index) => ({ payload: assertRecordId(id, `Record #${index} id`) }),
        async (part) => {
          const qs = `ids=${part.map((p) => p.payload).join(',')}&allOrNone=false`;
          return (await rest.request<unknown>({ method: 'DELETE', path: `/composite/sobjects?${qs}` })).body;
        },
      );
    },

    async publish(event, payload): Promise<PublishResult> {
      if (!assertIdentifier(event, 'Platform event').endsWith('__e'))
        throw invalid(`${event} is not a platform event (name must end in __e)`);
      const res = await rest.request<{ id?: string; success?: boolean; errors?: RawSalesforceError[] }>({
        method: 'POST',
        path: `/sobjects/${sobjectPath(event)}`,
        body: writeBody(payload, { sobject: event }),
      });
      // success:true means queued; the OPERATION_ENQUEUED "error" carries the EventUuid.
      const errors = res.body?.errors ?? [];
      if (res.body?.success !== true)
        throw fromSalesforceErrors(errors, { httpStatus: res.status, record: { sobject: event } });
      const enqueued = errors.find((e) => e.statusCode === 'OPERATION_ENQUEUED');
      return { id: res.body.id, eventUuid: enqueued?.message };
    },

    describe(sobject) {
      const key = assertIdentifier(sobject, 'sObject');
      const hit = describeCache.get(key);
      if (hit && now() - hit.at < describeTtl) return hit.value;
      const value = rest
        .request<DescribeResult>({ method: 'GET', path: `/sobjects/${sobjectPath(key)}/describe` })
        .then((r) => {
          if (!r.body || !Array.isArray(r.body.fields))
            throw new SalesforceError({ code: 'SF_PROTOCOL', message: `Describe of ${key} has no fields` });
          return {
            ...r.body,
            name: names.fromOrg(r.body.name),
            fields: r.body.fields.map((f) => ({ ...f, name: names.fromOrg(f.name) })),
          };
        });
      describeCache.set(key, { at: now(), value });
      value.catch(() => {
        if (describeCache.get(key)?.value === value) describeCache.delete(key);
      });
      return value;
    },
  };
  return port;
}
