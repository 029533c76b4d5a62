import type { NsRecord } from '../state/types.js';

/**
 * REST record JSON ↔ the state's SuiteTalk shape. REST uses the same camelCase field names, with:
 * references `{ id, refName }` (input `{ id }` or `{ externalId }`) for `{ internalId, name }`;
 * sublists `item: { items: [...] }` for `itemList: { item: [...] }` (`addressBook` for
 * `addressbookList.addressbook`); custom fields at the top level (`custentity_x: value`).
 */
const SUBLIST_TO_REST: Record<string, [string, string]> = { addressbookList: ['addressBook', 'addressbook'] };
const REST_TO_SUBLIST: Record<string, [string, string]> = { addressBook: ['addressbookList', 'addressbook'] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function refToRest(v: Obj): Obj {
  const out: Obj = { id: v.internalId };
  if (v.name !== undefined) out.refName = v.name;
  return out;
}

function valueToRest(v: unknown): unknown {
  if (isObj(v) && 'internalId' in v) return refToRest(v);
  if (Array.isArray(v)) return v.map(valueToRest);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, valueToRest(x)]));
  return v;
}

/** State record → REST JSON. Sublists become links unless `expand`. */
export function toRestJson(record: NsRecord, selfUrl: string, expand: boolean): Obj {
  const out: Obj = { links: [{ rel: 'self', href: selfUrl }] };
  for (const [key, value] of Object.entries(record)) {
    if (key === 'internalId') out.id = value;
    else if (key === 'customFieldList') {
      const fields = (value as { customField?: Obj[] }).customField ?? [];
      for (const cf of fields) out[String(cf.scriptId)] = valueToRest(cf.value);
    } else if (key.endsWith('List') && isObj(value)) {
      const [restKey, row] = SUBLIST_TO_REST[key] ?? [key.slice(0, -4), key.slice(0, -4)];
      const rows = value[row];
      const items = Array.isArray(rows) ? rows : rows ? [rows] : [];
      out[restKey] = expand
        ? { links: [{ rel: 'self', href: `${selfUrl}/${restKey}` }], items: items.map(valueToRest), totalResults: items.length }
        : { links: [{ rel: 'self', href: `${selfUrl}/${restKey}` }] };
    } else out[key] = valueToRest(value);
  }
  return out;
}

export class RestInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function refFromRest(v: Obj, path: string): Obj {
  if (v.id !== undefined && v.id !== null && v.id !== '') return { internalId: String(v.id) };
  if (typeof v.externalId === 'string' && v.externalId !== '') return { externalId: v.externalId };
  throw new RestInputError(path, `Invalid reference at ${path}: give id or externalId.`);
}

function valueFromRest(v: unknown, path: string): unknown {
  if (isObj(v) && ('id' in v || ('externalId' in v && Object.keys(v).length <= 2))) return refFromRest(v, path);
  if (Array.isArray(v)) return v.map((x, i) => valueFromRest(x, `${path}[${i}]`));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'links').map(([k, x]) => [k, valueFromRest(x, `${path}.${k}`)]));
  return v;
}

/** REST JSON body → state input. `replace` lists the sublists to replace (the `replace` query parameter). */
export function fromRestJson(body: Obj, replace: readonly string[]): NsRecord {
  const out: NsRecord = {};
  const custom: Obj[] = [];
  const nulls: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'links' || key === 'refName') continue;
    if (value === null && key !== 'externalId') {
      nulls.push(key);
      continue;
    }
    if (key === 'id') throw new RestInputError('id', 'The id of a record cannot be set.');
    if (key === 'externalId') out.externalId = value === null ? undefined : String(value);
    else if (/^cust(entity|body|item|record)_/.test(key)) {
      custom.push({ scriptId: key, xsiType: typeof value === 'boolean' ? 'BooleanCustomFieldRef' : typeof value === 'number' ? 'DoubleCustomFieldRef' : 'StringCustomFieldRef', value });
    } else if (isObj(value) && Array.isArray(value.items)) {
      const [list, row] = REST_TO_SUBLIST[key] ?? [`${key}List`, key];
      out[list] = { [row]: value.items.map((x, i) => valueFromRest(x, `${key}.items[${i}]`)), replaceAll: replace.includes(key) };
    } else out[key] = valueFromRest(value, key);
  }
  if (custom.length > 0) out.customFieldList = { customField: custom };
  if (nulls.length > 0) out.nullFieldList = { name: nulls };
  return out;
}
