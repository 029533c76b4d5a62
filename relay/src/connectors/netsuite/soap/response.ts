import { NetSuiteError, netSuiteErrorFrom, protocolError, type NetSuiteErrorRecord } from '../errors.js';
import type { NsCustomField, NsRecordType, NsWarning } from '../port.js';
import { decodeComplex, decodeLoose } from './codec.js';
import { recordTypeOfXsiType } from './record-types.js';
import { child, childrenNamed, parseXml, textOf, type Node } from './xml-tree.js';

/**
 * Reads SuiteTalk responses: faults become typed errors; writeResponse/readResponse/searchResult are
 * read item by item (the list-level status is never trusted).
 */

export interface StatusDetail {
  type: string;
  code: string;
  message: string;
}

export interface Status {
  isSuccess: boolean;
  details: StatusDetail[];
}

export interface ParsedRecord {
  /** The record's xsi:type as `prefix:Local` (`listRel:Customer`). */
  xsiType: string;
  /** The connector's type, when it models this record. */
  type?: NsRecordType;
  internalId?: string;
  externalId?: string;
  fields: Record<string, unknown>;
  customFields: NsCustomField[];
}

export type ParsedWrite =
  | { ok: true; internalId: string; externalId?: string; type?: string; warnings: NsWarning[] }
  | { ok: false; error: NetSuiteError; internalId?: string; externalId?: string; type?: string };

export type ParsedRead = { ok: true; record: ParsedRecord } | { ok: false; error: NetSuiteError };

export interface ParsedSearch {
  status: Status;
  totalRecords: number;
  pageSize: number;
  totalPages: number;
  pageIndex: number;
  searchId?: string;
  records: ParsedRecord[];
  /** Advanced/saved search rows (`searchRowList`), decoded loosely. */
  rows: unknown[];
}

export function parseStatus(node: Node | undefined): Status {
  if (!node) return { isSuccess: false, details: [{ type: 'ERROR', code: 'NS_PROTOCOL', message: 'status missing' }] };
  return {
    isSuccess: node.attrs.isSuccess === 'true',
    details: childrenNamed(node, 'statusDetail').map((d) => ({
      type: d.attrs.type ?? 'ERROR',
      code: textOf(child(d, 'code')) ?? '',
      message: textOf(child(d, 'message')) ?? '',
    })),
  };
}

/** The error a failed status describes (its first ERROR detail, the others kept as details). */
export function statusError(status: Status, record?: NetSuiteErrorRecord): NetSuiteError {
  const errors = status.details.filter((d) => d.type !== 'WARN' && d.type !== 'INFO');
  const first = errors[0] ?? status.details[0];
  return netSuiteErrorFrom({
    nsCode: first?.code || undefined,
    message: first?.message || 'NetSuite reported a failure without a status detail',
    record,
    details: (errors.length > 0 ? errors : status.details).slice(1),
  });
}

const warningsOf = (status: Status): NsWarning[] =>
  status.details
    .filter((d) => d.type === 'WARN' || d.type === 'INFO')
    .map((d) => ({ code: d.code, message: d.message }));

export function decodeRecord(node: Node): ParsedRecord {
  const xsiType = node.attrs['xsi:type'] ?? '';
  const fields = decodeComplex(node, xsiType);
  delete fields.internalId;
  delete fields.externalId;
  delete fields.nullFieldList;
  const customFields = Array.isArray(fields.customFieldList) ? (fields.customFieldList as NsCustomField[]) : [];
  delete fields.customFieldList;
  const type = recordTypeOfXsiType(xsiType);
  return {
    xsiType,
    ...(type ? { type } : {}),
    ...(node.attrs.internalId !== undefined ? { internalId: node.attrs.internalId } : {}),
    ...(node.attrs.externalId !== undefined ? { externalId: node.attrs.externalId } : {}),
    fields,
    customFields,
  };
}

export function parseWriteResponse(node: Node): ParsedWrite {
  const status = parseStatus(child(node, 'status'));
  const ref = child(node, 'baseRef');
  const ids = {
    ...(ref?.attrs.internalId !== undefined ? { internalId: ref.attrs.internalId } : {}),
    ...(ref?.attrs.externalId !== undefined ? { externalId: ref.attrs.externalId } : {}),
    ...(ref?.attrs.type !== undefined ? { type: ref.attrs.type } : {}),
  };
  if (status.isSuccess && ids.internalId)
    return { ok: true, ...ids, internalId: ids.internalId, warnings: warningsOf(status) };
  if (status.isSuccess) {
    return {
      ok: false,
      ...ids,
      error: protocolError('NetSuite reported success without the internalId of the record'),
    };
  }
  return {
    ok: false,
    ...ids,
    error: statusError(status, { type: ids.type, internalId: ids.internalId, externalId: ids.externalId }),
  };
}

export function parseReadResponse(node: Node): ParsedRead {
  const status = parseStatus(child(node, 'status'));
  const rec = child(node, 'record');
  if (status.isSuccess && rec) return { ok: true, record: decodeRecord(rec) };
  if (status.isSuccess) return { ok: false, error: protocolError('NetSuite reported success without a record') };
  return { ok: false, error: statusError(status) };
}

const num = (n: Node | undefined, fallback = 0) => {
  const v = Number(textOf(n));
  return Number.isFinite(v) && textOf(n) !== '' && n ? v : fallback;
};

export function parseSearchResult(node: Node): ParsedSearch {
  const status = parseStatus(child(node, 'status'));
  const searchId = textOf(child(node, 'searchId'));
  return {
    status,
    totalRecords: num(child(node, 'totalRecords')),
    pageSize: num(child(node, 'pageSize')),
    totalPages: num(child(node, 'totalPages')),
    pageIndex: num(child(node, 'pageIndex'), 1),
    ...(searchId ? { searchId } : {}),
    records: childrenNamed(child(node, 'recordList'), 'record').map(decodeRecord),
    rows: childrenNamed(child(node, 'searchRowList'), 'searchRow').map(decodeLoose),
  };
}

/** Turns a SOAP Fault into a typed error (fault element name, code, message, HTTP status). */
export function faultError(fault: Node, httpStatus?: number): NetSuiteError {
  const faultstring = textOf(child(fault, 'faultstring')) ?? '';
  const detail = child(fault, 'detail');
  const nsFault = detail?.children.find((c) => c.prefix === 'platformFaults' || /Fault$/.test(c.local));
  const faultName = nsFault ? nsFault.local.charAt(0).toUpperCase() + nsFault.local.slice(1) : undefined;
  return netSuiteErrorFrom({
    nsCode: textOf(child(nsFault, 'code')),
    faultName,
    message: textOf(child(nsFault, 'message')) || faultstring || 'SOAP fault without a message',
    httpStatus,
  });
}

export interface SoapResponse {
  /** Local name of the Body's element (`addListResponse`). */
  operation: string;
  version?: string;
  body: Node;
}

/** Parses an envelope; throws NetSuiteError for a Fault or for anything that is not a SOAP response. */
export function parseEnvelope(xml: string, httpStatus?: number): SoapResponse {
  const root = parseXml(xml);
  if (root.local !== 'Envelope') throw protocolError(`Expected a SOAP Envelope, got <${root.local}>`);
  const bodyEl = child(root, 'Body');
  const first = bodyEl?.children[0];
  if (!first) throw protocolError('SOAP response without a Body element');
  if (first.local === 'Fault') throw faultError(first, httpStatus);
  return { operation: first.local, ...(first.version ? { version: first.version } : {}), body: first };
}
