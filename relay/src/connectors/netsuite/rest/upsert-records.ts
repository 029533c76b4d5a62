import type { NsRecord, NsRecordType, RecordRef } from '../port.js';
import type { BatchUpsertRecord } from '../restlet/project-scripts.js';

/** N/record type ids the batch-upsert RESTlet accepts, by port record type. */
export const RESTLET_RECORD_TYPE: Partial<Record<NsRecordType, string>> = {
  customer: 'customer',
  contact: 'contact',
  salesOrder: 'salesorder',
  invoice: 'invoice',
  customerPayment: 'customerpayment',
  inventoryItem: 'inventoryitem',
  nonInventorySaleItem: 'noninventoryitem',
  serviceSaleItem: 'serviceitem',
};

class NotScriptable extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A value as SuiteScript setValue takes it: references by internal id only. */
function scriptValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (isObj(v)) {
    const ref = v as RecordRef;
    if (ref.internalId) return ref.internalId;
    throw new NotScriptable('reference without internalId');
  }
  if (Array.isArray(v)) return v.map((x) => String(scriptValue(x)));
  return v;
}

/**
 * A port record as the batch-upsert RESTlet takes it (SuiteScript field ids are the lower-cased
 * SuiteTalk names), or undefined when it cannot be expressed there: a reference by external id only
 * or a nested structure (address) needs the REST record API instead.
 */
export function toBatchRecord(record: NsRecord): BatchUpsertRecord | undefined {
  try {
    const fields: Record<string, unknown> = {};
    const sublists: Record<string, Record<string, unknown>[]> = {};
    for (const [key, value] of Object.entries(record.fields)) {
      if (key.endsWith('List') && isObj(value)) {
        const rowKey = Object.keys(value).find((k) => k !== 'replaceAll');
        const rows = rowKey ? value[rowKey] : [];
        sublists[rowKey ?? key.slice(0, -4)] = (Array.isArray(rows) ? rows : [rows]).map((row) => {
          if (!isObj(row)) throw new NotScriptable('sublist row is not an object');
          return Object.fromEntries(Object.entries(row).map(([k, x]) => [k.toLowerCase(), scriptValue(x)]));
        });
      } else if (isObj(value) && !('internalId' in value) && !('externalId' in value)) {
        throw new NotScriptable(`${key} is a structure`);
      } else fields[key.toLowerCase()] = scriptValue(value);
    }
    for (const cf of record.customFields ?? []) fields[cf.scriptId] = scriptValue(cf.value);
    for (const name of record.nullFields ?? []) fields[name.toLowerCase()] = null;
    const out: BatchUpsertRecord = { externalId: record.externalId!, fields };
    if (Object.keys(sublists).length > 0) out.sublists = sublists;
    return out;
  } catch (e) {
    if (e instanceof NotScriptable) return undefined;
    throw e;
  }
}
