import { isNetSuiteError, NetSuiteError, netSuiteErrorFrom } from '../errors.js';
import type {
  NetSuitePort,
  NsGovernance,
  NsInitializeRequest,
  NsRecord,
  NsRecordKey,
  NsRecordType,
  NsSearchPage,
  NsSearchQuery,
  ReadResult,
  WriteResult,
} from '../port.js';
import type { RestletClient } from '../restlet/client.js';
import { batchUpsert, BATCH_UPSERT_MAX } from '../restlet/project-scripts.js';
import type { RestWebServicesClient } from './client.js';
import { fromRestJson, toRestBody } from './record-json.js';
import { initializeFrom } from './initialize.js';
import {
  sqlNumber,
  sqlString,
  sqlTimestamp,
  STATUS_LETTER,
  SUITEQL_TABLE,
  suiteqlAll,
  suiteqlPage,
} from './suiteql.js';
import { RESTLET_RECORD_TYPE, toBatchRecord } from './upsert-records.js';

export interface RestTransportOptions {
  rest: RestWebServicesClient;
  /** The project's RESTlets (batch upsert); without it upserts go one by one through PUT eid:. */
  restlet?: RestletClient;
  /** Reported by governance() (NS_CONCURRENCY). */
  concurrencyLimit?: number;
}

const RECORD_PATH = '/services/rest/record/v1';
const keyPath = (k: { internalId?: string; externalId?: string }) =>
  k.internalId ? encodeURIComponent(k.internalId) : `eid:${encodeURIComponent(k.externalId ?? '')}`;

function missingKey(index: number, type: string): NetSuiteError {
  return new NetSuiteError({
    code: 'NS_VALIDATION',
    message: `record ${index} (${type}) needs an internalId or externalId`,
    record: { type, index },
  });
}

function asError(
  e: unknown,
  record: { type: string; internalId?: string; externalId?: string; index: number },
): NetSuiteError {
  if (isNetSuiteError(e)) return e.forRecord(record);
  throw e;
}

/**
 * NetSuitePort over REST web services: the record API for single writes and reads, the project's
 * batch-upsert RESTlet for bulk upserts, SuiteQL for lookups, searches and change polling.
 * Requests are made one at a time (the account concurrency limit is the relay's to share).
 */
export class RestNetSuitePort implements NetSuitePort {
  constructor(private readonly opts: RestTransportOptions) {}

  private get rest() {
    return this.opts.rest;
  }

  private idFromLocation(location: string | null, what: string): string {
    const id = location?.split('/').pop();
    if (!id || !/^\d+$/.test(id))
      throw netSuiteErrorFrom({ message: `${what}: NetSuite answered without a Location of the record` });
    return id;
  }

  async add(records: readonly NsRecord[]): Promise<WriteResult[]> {
    const out: WriteResult[] = [];
    for (const [index, r] of records.entries()) {
      try {
        const { body, replace } = toRestBody(r, true);
        const res = await this.rest.send(
          'POST',
          this.rest.url(`${RECORD_PATH}/${r.type}`, { replace: replace.join(',') || undefined }),
          `add ${r.type}`,
          body,
        );
        out.push({
          ok: true,
          internalId: this.idFromLocation(res.headers.get('location'), `add ${r.type}`),
          externalId: r.externalId,
        });
      } catch (e) {
        out.push({ ok: false, error: asError(e, { type: r.type, externalId: r.externalId, index }) });
      }
    }
    return out;
  }

  async update(records: readonly NsRecord[]): Promise<WriteResult[]> {
    const out: WriteResult[] = [];
    for (const [index, r] of records.entries()) {
      if (!r.internalId && !r.externalId) {
        out.push({ ok: false, error: missingKey(index, r.type) });
        continue;
      }
      try {
        const { body, replace } = toRestBody(r, false);
        const res = await this.rest.send(
          'PATCH',
          this.rest.url(`${RECORD_PATH}/${r.type}/${keyPath(r)}`, { replace: replace.join(',') || undefined }),
          `update ${r.type}`,
          body,
        );
        out.push({
          ok: true,
          internalId: r.internalId ?? this.idFromLocation(res.headers.get('location'), `update ${r.type}`),
          externalId: r.externalId,
        });
      } catch (e) {
        out.push({
          ok: false,
          error: asError(e, { type: r.type, internalId: r.internalId, externalId: r.externalId, index }),
        });
      }
    }
    return out;
  }

  private async putUpsert(r: NsRecord, index: number): Promise<WriteResult> {
    try {
      const { body, replace } = toRestBody(r, false);
      const res = await this.rest.send(
        'PUT',
        this.rest.url(`${RECORD_PATH}/${r.type}/eid:${encodeURIComponent(r.externalId!)}`, {
          replace: replace.join(',') || undefined,
        }),
        `upsert ${r.type}`,
        body,
      );
      return {
        ok: true,
        internalId: this.idFromLocation(res.headers.get('location'), `upsert ${r.type}`),
        externalId: r.externalId,
      };
    } catch (e) {
      return { ok: false, error: asError(e, { type: r.type, externalId: r.externalId, index }) };
    }
  }

  async upsert(records: readonly NsRecord[]): Promise<WriteResult[]> {
    const out: WriteResult[] = new Array(records.length);
    const viaRestlet = new Map<
      string,
      { index: number; record: NsRecord; batch: NonNullable<ReturnType<typeof toBatchRecord>> }[]
    >();
    for (const [index, r] of records.entries()) {
      if (!r.externalId) {
        out[index] = {
          ok: false,
          error: new NetSuiteError({
            code: 'NS_VALIDATION',
            message: `record ${index} (${r.type}): upsert needs an externalId`,
            nsCode: 'EXTERNALID_REQD',
            record: { type: r.type, index },
          }),
        };
        continue;
      }
      const scriptType = RESTLET_RECORD_TYPE[r.type];
      const batch = this.opts.restlet && scriptType ? toBatchRecord(r) : undefined;
      if (batch && scriptType)
        viaRestlet.set(scriptType, [...(viaRestlet.get(scriptType) ?? []), { index, record: r, batch }]);
      else out[index] = await this.putUpsert(r, index);
    }
    for (const [scriptType, items] of viaRestlet) await this.restletUpsert(scriptType, items, out);
    return out;
  }

  /** Sends batches of ≤100 to the RESTlet; what it leaves unprocessed (governance) goes in the next call. */
  private async restletUpsert(
    scriptType: string,
    items: { index: number; record: NsRecord; batch: NonNullable<ReturnType<typeof toBatchRecord>> }[],
    out: WriteResult[],
  ) {
    let pending = items;
    while (pending.length > 0) {
      const chunk = pending.slice(0, BATCH_UPSERT_MAX);
      const rest = pending.slice(BATCH_UPSERT_MAX);
      try {
        const result = await batchUpsert(
          this.opts.restlet!,
          scriptType,
          chunk.map((i) => i.batch),
        );
        const byExternal = new Map(chunk.map((i) => [i.record.externalId!, i]));
        for (const r of result.results) {
          const item = byExternal.get(r.externalId);
          if (!item) continue;
          out[item.index] =
            r.status === 'error'
              ? {
                  ok: false,
                  error: netSuiteErrorFrom({
                    nsCode: r.error?.code,
                    message: r.error?.message ?? 'upsert failed',
                    record: { type: item.record.type, externalId: r.externalId, index: item.index },
                  }),
                }
              : { ok: true, internalId: r.id!, externalId: r.externalId };
        }
        const unprocessed = chunk.filter((i) => result.unprocessed.includes(i.record.externalId!));
        if (unprocessed.length === chunk.length) {
          for (const i of unprocessed) {
            out[i.index] = {
              ok: false,
              error: new NetSuiteError({
                code: 'NS_LIMIT_EXCEEDED',
                message: 'the batch-upsert RESTlet could not process the record within its usage limit',
                record: { type: i.record.type, externalId: i.record.externalId, index: i.index },
              }),
            };
          }
          pending = rest;
        } else pending = [...unprocessed, ...rest];
      } catch (e) {
        for (const i of chunk)
          out[i.index] = {
            ok: false,
            error: asError(e, { type: i.record.type, externalId: i.record.externalId, index: i.index }),
          };
        pending = rest;
      }
    }
  }

  async delete(keys: readonly NsRecordKey[]): Promise<WriteResult[]> {
    const out: WriteResult[] = [];
    for (const [index, k] of keys.entries()) {
      if (!k.internalId && !k.externalId) {
        out.push({ ok: false, error: missingKey(index, k.type) });
        continue;
      }
      try {
        let internalId = k.internalId;
        if (!internalId) internalId = (await this.get(k)).internalId;
        await this.rest.send(
          'DELETE',
          this.rest.url(`${RECORD_PATH}/${k.type}/${encodeURIComponent(internalId!)}`),
          `delete ${k.type}`,
        );
        out.push({ ok: true, internalId: internalId!, externalId: k.externalId });
      } catch (e) {
        out.push({
          ok: false,
          error: asError(e, { type: k.type, internalId: k.internalId, externalId: k.externalId, index }),
        });
      }
    }
    return out;
  }

  private async read(
    type: NsRecordType,
    key: { internalId?: string; externalId?: string },
    expand: boolean,
  ): Promise<NsRecord> {
    const json = await this.rest.json(
      'GET',
      this.rest.url(`${RECORD_PATH}/${type}/${keyPath(key)}`, { expandSubResources: expand ? 'true' : undefined }),
      `get ${type}`,
    );
    return fromRestJson(type, json as Record<string, unknown>);
  }

  async get(key: NsRecordKey): Promise<NsRecord> {
    if (!key.internalId && !key.externalId) throw missingKey(0, key.type);
    return this.read(key.type, key, true);
  }

  async getList(keys: readonly NsRecordKey[]): Promise<ReadResult[]> {
    const out: ReadResult[] = [];
    for (const [index, k] of keys.entries()) {
      try {
        out.push({ ok: true, record: await this.get(k) });
      } catch (e) {
        out.push({
          ok: false,
          error: asError(e, { type: k.type, internalId: k.internalId, externalId: k.externalId, index }),
        });
      }
    }
    return out;
  }

  async findByExternalIds(type: NsRecordType, externalIds: readonly string[]): Promise<(NsRecord | null)[]> {
    const { table, where } = SUITEQL_TABLE[type];
    const found = new Map<string, string>();
    for (let i = 0; i < externalIds.length; i += 100) {
      const chunk = externalIds.slice(i, i + 100);
      const q = `SELECT id, externalid FROM ${table} WHERE ${where ? `${where} AND ` : ''}externalid IN (${chunk.map(sqlString).join(', ')})`;
      for (const row of await suiteqlAll(this.rest, q)) found.set(row.externalid!, row.id!);
    }
    const out: (NsRecord | null)[] = [];
    for (const ext of externalIds) {
      const id = found.get(ext);
      out.push(id ? await this.read(type, { internalId: id }, true) : null);
    }
    return out;
  }

  /** The SuiteQL text of a search (exported for tests). */
  static searchQuery(query: NsSearchQuery): string {
    const { table, where } = SUITEQL_TABLE[query.type];
    const conditions: string[] = where ? [where] : [];
    if (query.modifiedSince) conditions.push(`lastmodifieddate >= ${sqlTimestamp(query.modifiedSince)}`);
    if (query.modifiedBefore) conditions.push(`lastmodifieddate < ${sqlTimestamp(query.modifiedBefore)}`);
    if (query.internalIds?.length) conditions.push(`id IN (${query.internalIds.map(sqlNumber).join(', ')})`);
    if (query.externalIds?.length) conditions.push(`externalid IN (${query.externalIds.map(sqlString).join(', ')})`);
    if (query.entityId !== undefined) conditions.push(`entityid = ${sqlString(query.entityId)}`);
    if (query.email !== undefined) conditions.push(`email = ${sqlString(query.email)}`);
    if (query.tranId !== undefined) conditions.push(`tranid = ${sqlString(query.tranId)}`);
    if (query.status?.length) {
      const letters = query.status.map((s) => {
        const letter = STATUS_LETTER[s];
        if (!letter)
          throw new NetSuiteError({
            code: 'NS_VALIDATION',
            message: `search status ${s} has no SuiteQL equivalent in the REST transport`,
          });
        return sqlString(letter);
      });
      conditions.push(`status IN (${letters.join(', ')})`);
    }
    return `SELECT id FROM ${table}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY id`;
  }

  async *search(query: NsSearchQuery): AsyncIterable<NsSearchPage> {
    const pageSize = query.pageSize ?? 100;
    if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 1000) {
      throw new NetSuiteError({ code: 'NS_VALIDATION', message: `pageSize must be 5..1000, got ${pageSize}` });
    }
    const q = RestNetSuitePort.searchQuery(query);
    for (let pageIndex = 1; ; pageIndex++) {
      const page = await suiteqlPage(this.rest, q, pageSize, (pageIndex - 1) * pageSize);
      const records: NsRecord[] = [];
      for (const row of page.items)
        records.push(await this.read(query.type, { internalId: row.id }, Boolean(query.withSublists)));
      const totalPages = Math.ceil(page.totalResults / pageSize);
      yield { records, pageIndex, totalPages, totalRecords: page.totalResults };
      if (!page.hasMore) return;
    }
  }

  async initialize(request: NsInitializeRequest): Promise<NsRecord> {
    let source: NsRecord;
    try {
      source = await this.get({
        type: request.reference.type,
        internalId: request.reference.internalId,
        externalId: request.reference.externalId,
      });
    } catch (e) {
      if (isNetSuiteError(e) && e.code === 'NS_NOT_FOUND') {
        throw new NetSuiteError({
          code: 'NS_INVALID_REFERENCE',
          nsCode: 'INVALID_INITIALIZE_REF',
          message: `You can not initialize ${request.type}: invalid reference ${request.reference.internalId ?? request.reference.externalId}.`,
        });
      }
      throw e;
    }
    return initializeFrom(request.type, source);
  }

  async governance(): Promise<NsGovernance> {
    return { accountConcurrencyLimit: this.opts.concurrencyLimit ?? 5 };
  }
}
