import { isNetSuiteError, NetSuiteError, protocolError } from '../errors.js';
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
import type { XmlObject } from './codec.js';
import type { SoapConnectorConfig } from './config.js';
import {
  encodeRecord,
  encodeRecordRef,
  encodeSearch,
  recordLabel,
  SOAP_LIMITS,
  type RecordPurpose,
  type SoapLimits,
} from './requests.js';
import {
  parseReadResponse,
  parseSearchResult,
  parseStatus,
  parseWriteResponse,
  statusError,
  type ParsedRecord,
  type ParsedSearch,
} from './response.js';
import { SoapTransport, type RequestLimiter } from './transport.js';
import { child, childrenNamed, textOf, type Node } from './xml-tree.js';

/**
 * NetSuitePort over SuiteTalk SOAP with TBA. Every list method validates each input locally (a bad
 * record fails alone, with a message naming it and its field), splits the rest to the operation's
 * limit, and answers one result per input, in order. A request-level failure (fault, timeout) fails
 * every record of that chunk with the same typed error, bound to each record.
 */

export interface SoapClientOptions {
  /** Overrides the operation limits (tests use it to send an over-limit list on purpose). */
  limits?: Partial<SoapLimits>;
  /** Shared concurrency limiter (e.g. across relay replicas); default: a local bulkhead. */
  limiter?: RequestLimiter;
}

const WRITE_OPS = {
  add: { list: 'addList', limit: 'addList' },
  update: { list: 'updateList', limit: 'updateList' },
  upsert: { list: 'upsertList', limit: 'upsertList' },
} as const;

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function toNsRecord(p: ParsedRecord, fallbackType: NsRecordType): NsRecord {
  return {
    type: p.type ?? fallbackType,
    ...(p.internalId !== undefined ? { internalId: p.internalId } : {}),
    ...(p.externalId !== undefined ? { externalId: p.externalId } : {}),
    fields: p.fields,
    ...(p.customFields.length > 0 ? { customFields: p.customFields } : {}),
  };
}

/**
 * Encodes each input for a list operation. An input that cannot be encoded (unknown field, missing key)
 * gets its NetSuiteError in `results` at its own index; the others go on to be sent.
 */
function encodeEach<T>(
  items: readonly T[],
  encode: (item: T, index: number) => XmlObject,
  results: (WriteResult | ReadResult)[],
): { index: number; body: XmlObject }[] {
  const valid: { index: number; body: XmlObject }[] = [];
  items.forEach((item, index) => {
    try {
      valid.push({ index, body: encode(item, index) });
    } catch (e) {
      if (!isNetSuiteError(e)) throw e;
      results[index] = { ok: false, error: e };
    }
  });
  return valid;
}

export class SoapNetSuiteClient implements NetSuitePort {
  readonly transport: SoapTransport;
  private readonly limits: SoapLimits;
  private readonly pageSize: number;

  constructor(
    private readonly config: SoapConnectorConfig,
    options: SoapClientOptions = {},
  ) {
    this.transport = new SoapTransport(config, options.limiter);
    this.limits = { ...SOAP_LIMITS, ...options.limits };
    this.pageSize = config.pageSize ?? 100;
  }

  add(records: readonly NsRecord[]): Promise<WriteResult[]> {
    return this.write('add', records);
  }

  update(records: readonly NsRecord[]): Promise<WriteResult[]> {
    return this.write('update', records);
  }

  upsert(records: readonly NsRecord[]): Promise<WriteResult[]> {
    return this.write('upsert', records);
  }

  async delete(keys: readonly NsRecordKey[]): Promise<WriteResult[]> {
    const results: WriteResult[] = new Array(keys.length);
    const valid = encodeEach(keys, encodeRecordRef, results);
    await Promise.all(
      chunk(valid, this.limits.deleteList).map((part) =>
        this.sendWriteList(
          'deleteList',
          { 'platformMsgs:baseRef': part.map((p) => p.body) },
          new Set(),
          part,
          keys,
          results,
        ),
      ),
    );
    return results;
  }

  async get(key: NsRecordKey): Promise<NsRecord> {
    const res = await this.transport.call('get', { 'platformMsgs:baseRef': encodeRecordRef(key, 0) }, []);
    const read = parseReadResponse(child(res.body, 'readResponse') ?? res.body);
    if (!read.ok)
      throw read.error.forRecord({ type: key.type, internalId: key.internalId, externalId: key.externalId });
    return toNsRecord(read.record, key.type);
  }

  async getList(keys: readonly NsRecordKey[]): Promise<ReadResult[]> {
    const results: ReadResult[] = new Array(keys.length);
    const valid = encodeEach(keys, encodeRecordRef, results);
    await Promise.all(
      chunk(valid, this.limits.getList).map(async (part) => {
        try {
          const res = await this.transport.call('getList', { 'platformMsgs:baseRef': part.map((p) => p.body) }, [], {
            recordCount: part.length,
          });
          const items = childrenNamed(child(res.body, 'readResponseList'), 'readResponse');
          if (items.length !== part.length) {
            throw protocolError(
              `getList sent ${part.length} references, NetSuite answered ${items.length} readResponse`,
            );
          }
          part.forEach((p, i) => {
            const key = keys[p.index] as NsRecordKey;
            const read = parseReadResponse(items[i] as Node);
            results[p.index] = read.ok
              ? { ok: true, record: toNsRecord(read.record, key.type) }
              : {
                  ok: false,
                  error: read.error.forRecord({
                    type: key.type,
                    internalId: key.internalId,
                    externalId: key.externalId,
                    index: p.index,
                  }),
                };
          });
        } catch (e) {
          this.failChunk(e, part, keys, results);
        }
      }),
    );
    return results;
  }

  async findByExternalIds(type: NsRecordType, externalIds: readonly string[]): Promise<(NsRecord | null)[]> {
    const reads = await this.getList(externalIds.map((externalId) => ({ type, externalId })));
    return reads.map((r) => {
      if (r.ok) return r.record;
      if (r.error.code === 'NS_NOT_FOUND') return null;
      throw r.error;
    });
  }

  async *search(query: NsSearchQuery): AsyncIterable<NsSearchPage> {
    const pageSize = query.pageSize ?? this.pageSize;
    if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 1000) {
      throw new NetSuiteError({
        code: 'NS_VALIDATION',
        message: `search ${query.type}: pageSize must be 5..1000, got ${pageSize}`,
      });
    }
    const prefixes = new Set<string>();
    const searchRecord = encodeSearch(query, prefixes);
    const searchPreferences = { bodyFieldsOnly: !query.withSublists, returnSearchColumns: false, pageSize };
    const first = await this.transport.call('search', { 'platformMsgs:searchRecord': searchRecord }, prefixes, {
      searchPreferences,
    });
    let page = this.searchPage(parseSearchResult(child(first.body, 'searchResult') ?? first.body), query);
    yield page.page;
    while (page.page.pageIndex < page.page.totalPages) {
      if (!page.searchId) throw protocolError(`search ${query.type}: more pages announced but no searchId`);
      const next = await this.transport.call(
        'searchMoreWithId',
        { 'platformMsgs:searchId': page.searchId, 'platformMsgs:pageIndex': String(page.page.pageIndex + 1) },
        [],
        { searchPreferences },
      );
      page = this.searchPage(parseSearchResult(child(next.body, 'searchResult') ?? next.body), query, page.searchId);
      yield page.page;
    }
  }

  async initialize(request: NsInitializeRequest): Promise<NsRecord> {
    const ref = request.reference;
    if (!ref.internalId && !ref.externalId) {
      throw new NetSuiteError({
        code: 'NS_VALIDATION',
        message: `initialize ${request.type}: the reference needs an internalId or an externalId`,
      });
    }
    const body: XmlObject = {
      'platformMsgs:initializeRecord': {
        'platformCore:type': request.type,
        'platformCore:reference': {
          '@_type': ref.type,
          ...(ref.internalId ? { '@_internalId': ref.internalId } : { '@_externalId': ref.externalId as string }),
        },
      },
    };
    const res = await this.transport.call('initialize', body, []);
    const read = parseReadResponse(child(res.body, 'readResponse') ?? res.body);
    if (!read.ok)
      throw read.error.forRecord({ type: ref.type, internalId: ref.internalId, externalId: ref.externalId });
    return toNsRecord(read.record, request.type);
  }

  async governance(): Promise<NsGovernance> {
    const res = await this.transport.call('getAccountGovernanceInfo', {}, []);
    const result = child(res.body, 'getAccountGovernanceInfoResult');
    const status = parseStatus(child(result, 'status'));
    if (!status.isSuccess) throw statusError(status);
    const limit = Number(textOf(child(result, 'accountConcurrencyLimit')));
    const unallocated = textOf(child(result, 'unallocatedConcurrencyLimit'));
    if (!Number.isFinite(limit)) throw protocolError('getAccountGovernanceInfo without accountConcurrencyLimit');
    return {
      accountConcurrencyLimit: limit,
      ...(unallocated ? { unallocatedConcurrencyLimit: Number(unallocated) } : {}),
    };
  }

  private searchPage(
    r: ParsedSearch,
    q: NsSearchQuery,
    knownSearchId?: string,
  ): { page: NsSearchPage; searchId?: string } {
    if (!r.status.isSuccess) throw statusError(r.status, { type: q.type });
    const searchId = r.searchId ?? knownSearchId;
    return {
      page: {
        records: r.records.map((p) => toNsRecord(p, q.type)),
        pageIndex: r.pageIndex,
        totalPages: r.totalPages,
        totalRecords: r.totalRecords,
      },
      ...(searchId ? { searchId } : {}),
    };
  }

  private async write(kind: RecordPurpose, records: readonly NsRecord[]): Promise<WriteResult[]> {
    const op = WRITE_OPS[kind];
    const results: WriteResult[] = new Array(records.length);
    const prefixes = new Set<string>();
    const valid = encodeEach(records, (r, index) => encodeRecord(r, kind, index, prefixes), results);
    await Promise.all(
      chunk(valid, this.limits[op.limit]).map((part) =>
        this.sendWriteList(
          op.list,
          { 'platformMsgs:record': part.map((p) => p.body) },
          prefixes,
          part,
          records,
          results,
        ),
      ),
    );
    return results;
  }

  private async sendWriteList(
    operation: string,
    body: XmlObject,
    prefixes: Set<string>,
    part: { index: number }[],
    inputs: readonly (NsRecord | NsRecordKey)[],
    results: WriteResult[],
  ): Promise<void> {
    try {
      const res = await this.transport.call(operation, body, prefixes, {
        recordCount: part.length,
        ...(operation === 'deleteList' ? {} : { preferences: { warningAsError: false, ignoreReadOnlyFields: true } }),
      });
      const items = childrenNamed(child(res.body, 'writeResponseList'), 'writeResponse');
      if (items.length !== part.length) {
        throw protocolError(
          `${operation} sent ${part.length} records, NetSuite answered ${items.length} writeResponse`,
        );
      }
      part.forEach((p, i) => {
        const input = inputs[p.index] as NsRecord | NsRecordKey;
        const w = parseWriteResponse(items[i] as Node);
        results[p.index] = w.ok
          ? {
              ok: true,
              internalId: w.internalId,
              ...(w.externalId ? { externalId: w.externalId } : {}),
              ...(w.warnings.length ? { warnings: w.warnings } : {}),
            }
          : {
              ok: false,
              error: w.error.forRecord({
                type: input.type,
                internalId: w.internalId ?? input.internalId,
                externalId: input.externalId,
                index: p.index,
              }),
            };
      });
      const failed = part.filter((p) => results[p.index]?.ok === false).length;
      this.config.logger?.debug({ operation, records: part.length, failed }, 'netsuite write list');
    } catch (e) {
      this.failChunk(e, part, inputs, results);
    }
  }

  private failChunk(
    e: unknown,
    part: { index: number }[],
    inputs: readonly (NsRecord | NsRecordKey)[],
    results: (WriteResult | ReadResult)[],
  ): void {
    if (!isNetSuiteError(e)) throw e;
    for (const p of part) {
      const input = inputs[p.index] as NsRecordKey;
      results[p.index] = {
        ok: false,
        error: e.forRecord({
          type: input.type,
          internalId: input.internalId,
          externalId: input.externalId,
          index: p.index,
        }),
      };
    }
    this.config.logger?.warn(
      { records: part.length, code: e.code, first: recordLabel(inputs[part[0]?.index ?? 0] as NsRecordKey) },
      'netsuite request failed for a chunk',
    );
  }
}

/** Factory for the lead's wiring: a NetSuitePort over SOAP/TBA. */
export function createSoapNetSuitePort(config: SoapConnectorConfig, options: SoapClientOptions = {}): NetSuitePort {
  return new SoapNetSuiteClient(config, options);
}
