/** Records as the REST API returns them: `attributes`, every field, compound addresses as objects. */
import type { ObjectDef } from '../schema/types.js';
import type { FieldValues, StoredRecord } from '../store/org-store.js';

export function recordUrl(version: string, type: string, id: string): string {
  return `/services/data/v${version}/sobjects/${type}/${id}`;
}

export function attributes(version: string, type: string, id: unknown): { type: string; url: string } {
  return { type, url: recordUrl(version, type, String(id)) };
}

const ADDRESS_PARTS: Array<[string, string]> = [
  ['City', 'city'],
  ['Country', 'country'],
  ['GeocodeAccuracy', 'geocodeAccuracy'],
  ['Latitude', 'latitude'],
  ['Longitude', 'longitude'],
  ['PostalCode', 'postalCode'],
  ['State', 'state'],
  ['Street', 'street'],
];

/** Value of a field, computing compound address fields from their components. */
export function fieldValue(obj: ObjectDef, values: FieldValues, name: string): unknown {
  const def = obj.fields.get(name.toLowerCase());
  if (def?.type !== 'address') return values[def?.name ?? name] ?? null;
  const prefix = def.name.slice(0, -'Address'.length);
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [suffix, key] of ADDRESS_PARTS) {
    const v = values[`${prefix}${suffix}`] ?? null;
    if (v !== null) any = true;
    out[key] = v;
  }
  return any ? out : null;
}

export function recordJson(version: string, obj: ObjectDef, rec: StoredRecord, fields?: string[]): FieldValues {
  const out: FieldValues = { attributes: attributes(version, obj.name, rec.id) };
  const names = fields ?? [...obj.fields.values()].map((f) => f.name);
  for (const name of names) {
    const def = obj.fields.get(name.toLowerCase());
    out[def?.name ?? name] = fieldValue(obj, rec.values, name);
  }
  return out;
}
