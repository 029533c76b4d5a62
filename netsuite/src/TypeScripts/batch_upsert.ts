/**
 * RESTlet customscript_nsc_batch_upsert: upserts up to 100 records of one type by external id.
 *
 * POST { "recordType": "customer", "records": [{ "externalId": "SF-001", "fields": {...},
 *        "sublists": { "item": [{ "item": "12", "quantity": 2 }] } }] }
 * Answers { recordType, results: [{ externalId, status: created|updated|error, id?, error? }],
 *           unprocessed: [externalId...], remainingUsage }.
 * Before each record it checks the remaining usage and stops cleanly, listing what it did not touch,
 * rather than letting NetSuite kill the script with SSS_USAGE_LIMIT_EXCEEDED half way through a save.
 *
 * @NApiVersion 2.1
 * @NScriptType Restlet
 * @NModuleScope SameAccount
 */

import type { EntryPoints } from 'N/types';
import * as error from 'N/error';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import { recordTypeInfo, type RecordTypeInfo } from './lib/record_types';
import { rows, placeholders } from './lib/suiteql';
import { fromJson, isPlainObject } from './lib/values';

export const MAX_RECORDS = 100;
/** Units kept back for the lookup query, the response and logging. */
export const RESERVE_UNITS = 20;

export interface InputRecord {
  externalId: string;
  fields: Record<string, unknown>;
  sublists?: Record<string, Record<string, unknown>[]>;
}

export interface RecordResult {
  externalId: string;
  status: 'created' | 'updated' | 'error';
  id?: string;
  error?: { code: string; message: string };
}

function badRequest(message: string): never {
  throw error.create({ name: 'NSC_INVALID_REQUEST', message, notifyOff: true });
}

/** Validates the request body; every problem names the field and the record index. */
export function parseRequest(body: unknown): { info: RecordTypeInfo; records: InputRecord[] } {
  const parsed = typeof body === 'string' ? safeParse(body) : body;
  if (!isPlainObject(parsed)) badRequest('The body must be a JSON object { recordType, records }.');
  const info = recordTypeInfo(parsed.recordType);
  if (!info) badRequest(`recordType ${JSON.stringify(parsed.recordType)} is not supported.`);
  const records = parsed.records;
  if (!Array.isArray(records) || records.length === 0) badRequest('records must be a non-empty array.');
  if (records.length > MAX_RECORDS) badRequest(`records has ${records.length} entries; the limit is ${MAX_RECORDS}.`);
  const seen: Record<string, number> = {};
  records.forEach((r: unknown, i: number) => {
    if (!isPlainObject(r)) badRequest(`records[${i}] must be an object.`);
    if (typeof r.externalId !== 'string' || r.externalId.trim() === '') badRequest(`records[${i}].externalId is required.`);
    if (seen[r.externalId] !== undefined) badRequest(`records[${i}].externalId ${r.externalId} repeats records[${seen[r.externalId]}].`);
    seen[r.externalId] = i;
    if (!isPlainObject(r.fields)) badRequest(`records[${i}].fields must be an object (record ${r.externalId}).`);
    if (r.sublists !== undefined) {
      if (!isPlainObject(r.sublists)) badRequest(`records[${i}].sublists must be an object (record ${r.externalId}).`);
      for (const [name, lines] of Object.entries(r.sublists)) {
        if (!Array.isArray(lines) || !lines.every(isPlainObject)) {
          badRequest(`records[${i}].sublists.${name} must be an array of objects (record ${r.externalId}).`);
        }
      }
    }
  });
  return { info, records: records as InputRecord[] };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return badRequest('The body is not valid JSON.');
  }
}

/** Internal ids of the records that already exist, keyed by external id (one SuiteQL query). */
export function existingIds(info: RecordTypeInfo, externalIds: string[]): Record<string, string> {
  const where = info.tranType ? `type = '${info.tranType}' AND ` : '';
  const found = rows(`SELECT id, externalid FROM ${info.table} WHERE ${where}externalid IN (${placeholders(externalIds.length)})`, externalIds);
  const byExternal: Record<string, string> = {};
  for (const row of found) byExternal[String(row.externalid)] = String(row.id);
  return byExternal;
}

function applyValues(rec: record.Record, input: InputRecord): void {
  for (const [fieldId, value] of Object.entries(input.fields)) {
    if (fieldId === 'externalid' || fieldId === 'id') continue;
    rec.setValue({ fieldId, value: fromJson(value) });
  }
  for (const [sublistId, lines] of Object.entries(input.sublists ?? {})) {
    for (let line = rec.getLineCount({ sublistId }) - 1; line >= 0; line--) rec.removeLine({ sublistId, line });
    lines.forEach((values, line) => {
      rec.insertLine({ sublistId, line });
      for (const [fieldId, value] of Object.entries(values)) rec.setSublistValue({ sublistId, fieldId, line, value: fromJson(value) });
    });
  }
}

function upsertOne(info: RecordTypeInfo, input: InputRecord, existingId: string | undefined): RecordResult {
  try {
    const rec = existingId
      ? record.load({ type: info.type, id: existingId })
      : record.create({ type: info.type });
    if (!existingId) rec.setValue({ fieldId: 'externalid', value: input.externalId });
    applyValues(rec, input);
    const id = String(rec.save({ enableSourcing: true, ignoreMandatoryFields: false }));
    return { externalId: input.externalId, status: existingId ? 'updated' : 'created', id };
  } catch (e) {
    const err = e as { name?: string; message?: string };
    return { externalId: input.externalId, status: 'error', error: { code: err.name ?? 'UNEXPECTED_ERROR', message: err.message ?? String(e) } };
  }
}

export function batchUpsert(body: unknown) {
  const { info, records } = parseRequest(body);
  const script = runtime.getCurrentScript();
  const existing = existingIds(info, records.map((r) => r.externalId));
  const perRecord = info.loadUnits + info.saveUnits;
  const results: RecordResult[] = [];
  let next = 0;
  for (; next < records.length; next++) {
    if (script.getRemainingUsage() < perRecord + RESERVE_UNITS) break;
    results.push(upsertOne(info, records[next]!, existing[records[next]!.externalId]));
  }
  const unprocessed = records.slice(next).map((r) => r.externalId);
  if (unprocessed.length > 0) {
    log.audit({ title: 'batch upsert stopped for governance', details: `${unprocessed.length} of ${records.length} ${info.type} records left` });
  }
  return { recordType: info.type, results, unprocessed, remainingUsage: script.getRemainingUsage() };
}

export const post: EntryPoints.RESTlet.post = (body?: unknown) => JSON.stringify(batchUpsert(body));
