import type { NsCustomField, NsFields, NsRecord, NsRecordType, RecordRef } from '../port.js';

/**
 * NetSuitePort records (SuiteTalk names) ↔ REST record JSON. The field names are the same camelCase
 * names; references are `{ id }` / `{ externalId }` (read back as `{ id, refName }`); a sublist
 * `itemList: { item: [...] }` is `item: { items: [...] }` (`addressbookList` is `addressBook`); custom
 * fields sit at the top level under their script id; dates are ISO strings.
 */
const TO_REST_SUBLIST: Record<string, string> = { addressbookList: 'addressBook' };
const FROM_REST_SUBLIST: Record<string, [string, string]> = { addressBook: ['addressbookList', 'addressbook'] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function refToRest(r: RecordRef): Obj {
  if (r.internalId) return { id: r.internalId };
  if (r.externalId) return { externalId: r.externalId };
  return {};
}

function valueToRest(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (
    isObj(v) &&
    ('internalId' in v || 'externalId' in v) &&
    Object.keys(v).every((k) => ['internalId', 'externalId', 'type', 'name'].includes(k))
  ) {
    return refToRest(v as RecordRef);
  }
  if (Array.isArray(v)) return v.map(valueToRest);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, valueToRest(x)]));
  return v;
}

export interface RestBody {
  body: Obj;
  /** Sublists to replace rather than merge (`?replace=`). */
  replace: string[];
}

export function toRestBody(
  record: Pick<NsRecord, 'fields' | 'customFields' | 'nullFields' | 'externalId'>,
  withExternalId: boolean,
): RestBody {
  const body: Obj = {};
  const replace: string[] = [];
  if (withExternalId && record.externalId) body.externalId = record.externalId;
  for (const [key, value] of Object.entries(record.fields)) {
    if (key.endsWith('List') && isObj(value)) {
      const restKey = TO_REST_SUBLIST[key] ?? key.slice(0, -4);
      const rowKey = Object.keys(value).find((k) => k !== 'replaceAll');
      const rows = rowKey ? value[rowKey] : [];
      body[restKey] = { items: (Array.isArray(rows) ? rows : [rows]).map(valueToRest) };
      if (value.replaceAll !== false) replace.push(restKey);
    } else body[key] = valueToRest(value);
  }
  for (const cf of record.customFields ?? []) body[cf.scriptId] = valueToRest(cf.value);
  for (const name of record.nullFields ?? []) body[name] = null;
  return { body, replace };
}

function valueFromRest(v: unknown): unknown {
  if (isObj(v) && 'id' in v && Object.keys(v).every((k) => ['id', 'refName', 'links', 'externalId'].includes(k))) {
    const ref: RecordRef = { internalId: String(v.id) };
    if (typeof v.refName === 'string') ref.name = v.refName;
    return ref;
  }
  if (Array.isArray(v)) return v.map(valueFromRest);
  if (isObj(v))
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'links')
        .map(([k, x]) => [k, valueFromRest(x)]),
    );
  return v;
}

export function fromRestJson(type: NsRecordType, json: Obj): NsRecord {
  const fields: NsFields = {};
  const customFields: NsCustomField[] = [];
  let internalId: string | undefined;
  let externalId: string | undefined;
  for (const [key, value] of Object.entries(json)) {
    if (key === 'links') continue;
    if (key === 'id') internalId = String(value);
    else if (key === 'externalId') externalId = value === null ? undefined : String(value);
    else if (/^cust(entity|body|item|record|col)_/.test(key))
      customFields.push({ scriptId: key, value: valueFromRest(value) as NsCustomField['value'] });
    else if (isObj(value) && 'links' in value && !('id' in value)) {
      if (!Array.isArray(value.items)) continue; // sublist not expanded
      const [list, row] = FROM_REST_SUBLIST[key] ?? [`${key}List`, key];
      fields[list] = { [row]: value.items.map(valueFromRest) };
    } else fields[key] = valueFromRest(value);
  }
  const record: NsRecord = { type, fields };
  if (internalId) record.internalId = internalId;
  if (externalId) record.externalId = externalId;
  if (customFields.length > 0) record.customFields = customFields;
  return record;
}
