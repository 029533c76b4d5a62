import { NetSuiteError } from '../errors.js';
import type { NsRecord, NsRecordKey, NsSearchQuery } from '../port.js';
import { encodeComplex, type EncodeContext, type XmlObject } from './codec.js';
import { RECORD_TYPES } from './record-types.js';

/** Request bodies for each SOAP operation (records, refs, search criteria), in XSD order. */

export const SOAP_LIMITS = {
  addList: 200,
  updateList: 100,
  upsertList: 100,
  deleteList: 200,
  getList: 1000,
} as const;

export type SoapLimits = { -readonly [K in keyof typeof SOAP_LIMITS]: number };

export function recordLabel(r: { type: string; internalId?: string; externalId?: string }, index?: number): string {
  const id = r.internalId ? ` internalId=${r.internalId}` : r.externalId ? ` externalId=${r.externalId}` : '';
  return `${r.type}${id}${index === undefined ? '' : ` (input #${index})`}`;
}

function validation(message: string, r: NsRecord | NsRecordKey, index: number): NetSuiteError {
  return new NetSuiteError({
    code: 'NS_VALIDATION',
    message: `${recordLabel(r, index)}: ${message}`,
    record: { type: r.type, internalId: r.internalId, externalId: r.externalId, index },
  });
}

export type RecordPurpose = 'add' | 'update' | 'upsert';

/** `<platformMsgs:record xsi:type=…>` content; throws NS_VALIDATION naming the record and field. */
export function encodeRecord(r: NsRecord, purpose: RecordPurpose, index: number, prefixes: Set<string>): XmlObject {
  const info = RECORD_TYPES[r.type];
  if (!info) throw validation(`unknown record type '${String(r.type)}'`, r, index);
  if (purpose === 'upsert' && !r.externalId) throw validation('upsert needs an externalId', r, index);
  if (purpose === 'update' && !r.internalId && !r.externalId) {
    throw validation('update needs an internalId or an externalId', r, index);
  }
  const ctx: EncodeContext = { prefixes, recordLabel: recordLabel(r, index) };
  const fields: Record<string, unknown> = { ...r.fields };
  for (const reserved of ['internalId', 'externalId', 'nullFieldList']) {
    if (reserved in fields) throw validation(`set ${reserved} on the record, not in fields`, r, index);
  }
  if (r.customFields?.length) {
    if ('customFieldList' in fields)
      throw validation('give custom fields either in customFields or in fields.customFieldList', r, index);
    fields.customFieldList = r.customFields;
  }
  if (r.nullFields?.length) fields.nullFieldList = r.nullFields;
  if (r.internalId && purpose !== 'add') fields.internalId = r.internalId;
  if (r.externalId) fields.externalId = r.externalId;
  try {
    const body = encodeComplex(info.xsiType, fields, ctx, r.type);
    prefixes.add(info.xsiType.split(':')[0] as string);
    return { '@_xsi:type': info.xsiType, ...body };
  } catch (e) {
    if (e instanceof NetSuiteError) {
      throw new NetSuiteError({
        code: e.code,
        message: e.message,
        nsCode: e.nsCode,
        record: { type: r.type, internalId: r.internalId, externalId: r.externalId, index },
      });
    }
    throw e;
  }
}

/** `<platformMsgs:baseRef xsi:type="platformCore:RecordRef" type=… internalId=…/>` */
export function encodeRecordRef(k: NsRecordKey, index: number): XmlObject {
  if (!RECORD_TYPES[k.type]) throw validation(`unknown record type '${String(k.type)}'`, k, index);
  if (!k.internalId && !k.externalId) throw validation('a reference needs an internalId or an externalId', k, index);
  return {
    '@_xsi:type': 'platformCore:RecordRef',
    ...(k.internalId ? { '@_internalId': k.internalId } : { '@_externalId': k.externalId as string }),
    '@_type': k.type,
  };
}

/** `<platformMsgs:searchRecord xsi:type="…Search"><…:basic>…` for a basic search. */
export function encodeSearch(q: NsSearchQuery, prefixes: Set<string>): XmlObject {
  const info = RECORD_TYPES[q.type];
  if (!info)
    throw new NetSuiteError({ code: 'NS_VALIDATION', message: `search: unknown record type '${String(q.type)}'` });
  const basic: Record<string, unknown> = {};
  const onlyFor = (kind: string, field: string) => {
    if (info.kind !== kind) {
      throw new NetSuiteError({
        code: 'NS_VALIDATION',
        message: `search ${q.type}: filter ${field} applies to ${kind} records only`,
      });
    }
  };
  if (q.externalIds?.length)
    basic.externalId = { operator: 'anyOf', searchValue: q.externalIds.map((externalId) => ({ externalId })) };
  if (q.internalIds?.length)
    basic.internalId = { operator: 'anyOf', searchValue: q.internalIds.map((internalId) => ({ internalId })) };
  if (q.modifiedSince && q.modifiedBefore) {
    basic.lastModifiedDate = { operator: 'within', searchValue: q.modifiedSince, searchValue2: q.modifiedBefore };
  } else if (q.modifiedSince) {
    basic.lastModifiedDate = { operator: 'onOrAfter', searchValue: q.modifiedSince };
  } else if (q.modifiedBefore) {
    basic.lastModifiedDate = { operator: 'before', searchValue: q.modifiedBefore };
  }
  if (q.entityId !== undefined) {
    onlyFor('entity', 'entityId');
    basic.entityId = { operator: 'is', searchValue: q.entityId };
  }
  if (q.email !== undefined) {
    onlyFor('entity', 'email');
    basic.email = { operator: 'is', searchValue: q.email };
  }
  if (q.tranId !== undefined) {
    onlyFor('transaction', 'tranId');
    basic.tranId = { operator: 'is', searchValue: q.tranId };
  }
  if (q.status?.length) {
    onlyFor('transaction', 'status');
    basic.status = { operator: 'anyOf', searchValue: q.status };
  }
  if (info.searchTypeFilter) basic.type = { operator: 'anyOf', searchValue: [info.searchTypeFilter] };
  const ctx: EncodeContext = { prefixes, recordLabel: `search ${q.type}` };
  const body = encodeComplex(info.search, { basic }, ctx, 'searchRecord');
  prefixes.add(info.search.split(':')[0] as string);
  return { '@_xsi:type': info.search, ...body };
}
