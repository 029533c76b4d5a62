import { NetSuiteError } from '../errors.js';
import type { NsCustomField, RecordRef } from '../port.js';
import { SCHEMA } from './schema/record-schema.generated.js';
import type { FieldRow, TypeRow } from './schema/schema-types.js';
import { child, childrenNamed, type Node } from './xml-tree.js';

/**
 * Converts between the port's plain objects and SuiteTalk XML, driven by the table generated from the
 * XSDs: fields come out in XSD sequence order (NetSuite and the emulator reject any other order),
 * values are checked against their XSD type, unknown fields are refused with the field's path.
 */

/** XMLBuilder input: `@_attr` keys for attributes, `prefix:name` keys for elements, `#text` for text. */
export type XmlObject = { [key: string]: XmlValue };
export type XmlValue = string | XmlObject | XmlValue[];

export interface EncodeContext {
  /** Namespace prefixes used, to declare on the envelope. */
  prefixes: Set<string>;
  /** Names the record in errors: `customer externalId=CRM-1 (input #3)`. */
  recordLabel: string;
}

const BUILTINS = new Set(['string', 'boolean', 'long', 'int', 'double', 'dateTime', 'date']);

export function typeRow(typeName: string): TypeRow | undefined {
  return SCHEMA.types[typeName];
}

function inputError(ctx: EncodeContext, path: string, message: string): NetSuiteError {
  return new NetSuiteError({
    code: 'NS_VALIDATION',
    message: `${ctx.recordLabel}: field ${path}: ${message}`,
    nsCode: 'INVALID_FLD_VALUE',
  });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A scalar value in its XSD lexical form. */
export function encodeScalar(type: string, value: unknown, ctx: EncodeContext, path: string): string {
  const enumValues = SCHEMA.enums[type];
  if (enumValues) {
    if (typeof value === 'string' && enumValues.includes(value)) return value;
    const sample = enumValues.slice(0, 6).join(', ');
    throw inputError(
      ctx,
      path,
      `'${String(value)}' is not one of ${type} (${sample}${enumValues.length > 6 ? ', …' : ''})`,
    );
  }
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      throw inputError(ctx, path, `expected text, got ${typeof value}`);
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      if (value === 'true' || value === 'false') return value;
      throw inputError(ctx, path, `expected true or false, got '${String(value)}'`);
    case 'long':
    case 'int':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) return value.trim();
      throw inputError(ctx, path, `expected a whole number, got '${String(value)}'`);
    case 'double':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
      throw inputError(ctx, path, `expected a number, got '${String(value)}'`);
    case 'dateTime':
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
      if (typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return value;
      if (typeof value === 'string' && ISO_DATE.test(value)) return `${value}T00:00:00.000Z`;
      throw inputError(ctx, path, `expected a date-time (Date or ISO 8601), got '${String(value)}'`);
    default:
      throw inputError(ctx, path, `unsupported type ${type}`);
  }
}

function encodeFieldValue(row: FieldRow, value: unknown, ctx: EncodeContext, path: string): XmlValue {
  const [, , type] = row;
  if (type === 'platformCore:CustomFieldList') {
    if (!Array.isArray(value)) throw inputError(ctx, path, 'expected a list of custom fields ({ scriptId, value })');
    return encodeCustomFields(value as NsCustomField[], ctx, path);
  }
  if (type === 'platformCore:NullField') {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      throw inputError(ctx, path, 'expected a list of field names to clear');
    }
    ctx.prefixes.add('platformCore');
    return { 'platformCore:name': value as string[] };
  }
  if (BUILTINS.has(type) || SCHEMA.enums[type]) return encodeScalar(type, value, ctx, path);
  if (!SCHEMA.types[type]) throw inputError(ctx, path, `type ${type} is not supported by the connector`);
  return encodeComplex(type, value, ctx, path);
}

/** A complex value (record body, RecordRef, sublist, address...) as an ordered XmlObject. */
export function encodeComplex(typeName: string, value: unknown, ctx: EncodeContext, path: string): XmlObject {
  const row = SCHEMA.types[typeName];
  if (!row) throw inputError(ctx, path, `type ${typeName} is not supported by the connector`);
  if (!isPlainObject(value)) throw inputError(ctx, path, `expected an object (${typeName}), got ${typeof value}`);
  const out: XmlObject = {};
  const known = new Set<string>();
  for (const [name, type, required] of row.attrs) {
    known.add(name);
    const v = value[name];
    if (v === undefined || v === null) {
      if (required) throw inputError(ctx, `${path}.${name}`, 'is required');
      continue;
    }
    out[`@_${name}`] = encodeScalar(type, v, ctx, `${path}.${name}`);
  }
  for (const fieldRow of row.fields) {
    const [name, prefix, , min, max] = fieldRow;
    known.add(name);
    const v = value[name];
    if (v === undefined || v === null) {
      if (min > 0) throw inputError(ctx, `${path}.${name}`, 'is required');
      continue;
    }
    const key = `${prefix}:${name}`;
    ctx.prefixes.add(prefix);
    const listValued = fieldRow[2] === 'platformCore:CustomFieldList' || fieldRow[2] === 'platformCore:NullField';
    if (max === 1) {
      if (Array.isArray(v) && !listValued) throw inputError(ctx, `${path}.${name}`, 'takes one value, not a list');
      out[key] = encodeFieldValue(fieldRow, v, ctx, `${path}.${name}`);
    } else {
      const list = Array.isArray(v) ? v : [v];
      if (max > 0 && list.length > max) throw inputError(ctx, `${path}.${name}`, `takes at most ${max} values`);
      out[key] = list.map((item, i) => encodeFieldValue(fieldRow, item, ctx, `${path}.${name}[${i}]`));
    }
  }
  for (const k of Object.keys(value)) {
    if (!known.has(k) && value[k] !== undefined) throw inputError(ctx, `${path}.${k}`, `unknown field for ${typeName}`);
  }
  return out;
}

const CUSTOM_KIND_TYPE: Record<NonNullable<NsCustomField['kind']>, string> = {
  string: 'StringCustomFieldRef',
  boolean: 'BooleanCustomFieldRef',
  long: 'LongCustomFieldRef',
  double: 'DoubleCustomFieldRef',
  date: 'DateCustomFieldRef',
  select: 'SelectCustomFieldRef',
  multiSelect: 'MultiSelectCustomFieldRef',
};

function inferKind(v: NsCustomField['value']): NonNullable<NsCustomField['kind']> {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'double';
  if (v instanceof Date) return 'date';
  return Array.isArray(v) ? 'multiSelect' : 'select';
}

/** `customFieldList` element content for a record. */
export function encodeCustomFields(fields: readonly NsCustomField[], ctx: EncodeContext, path: string): XmlObject {
  ctx.prefixes.add('platformCore');
  ctx.prefixes.add('xsi');
  const items = fields.map((f, i) => {
    const p = `${path}[${i}]`;
    if (!f.scriptId && !f.internalId) throw inputError(ctx, p, 'a custom field needs a scriptId');
    const kind = f.kind ?? inferKind(f.value);
    const typeName = `platformCore:${CUSTOM_KIND_TYPE[kind]}`;
    const body = encodeComplex(
      typeName,
      { scriptId: f.scriptId, internalId: f.internalId, value: f.value },
      ctx,
      `${p}(${f.scriptId})`,
    );
    return { '@_xsi:type': typeName, ...body };
  });
  return { 'platformCore:customField': items };
}

// ---------------------------------------------------------------------------------------------------------
// Decoding (responses). Tolerant: fields a newer WSDL added, or types the table lacks, are kept loosely.

function decodeScalar(type: string, text: string): unknown {
  const t = text.trim();
  switch (type) {
    case 'boolean':
      return t === 'true' || t === '1';
    case 'long':
    case 'int':
    case 'double': {
      const n = Number(t);
      return t === '' || Number.isNaN(n) ? t : n;
    }
    case 'dateTime': {
      const d = new Date(t);
      return Number.isNaN(d.getTime()) ? t : d;
    }
    default:
      return text;
  }
}

/** A node with no schema information: text when it has no children, an object otherwise. */
export function decodeLoose(node: Node): unknown {
  if (node.children.length === 0 && Object.keys(node.attrs).filter((a) => !a.startsWith('xsi:')).length === 0)
    return node.text;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node.attrs)) if (!k.startsWith('xsi:')) out[k] = v;
  for (const c of node.children) {
    const v = c.local === 'customFieldList' ? decodeCustomFields(c) : decodeLoose(c);
    const prev = out[c.local];
    out[c.local] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  if (node.children.length === 0 && node.text.trim() !== '') out.value = node.text;
  return out;
}

export function decodeCustomFields(list: Node | undefined): NsCustomField[] {
  return childrenNamed(list, 'customField').map((cf) => {
    const xsiType = cf.attrs['xsi:type'] ?? '';
    const local = xsiType.slice(xsiType.indexOf(':') + 1);
    const kind = (Object.entries(CUSTOM_KIND_TYPE).find(([, t]) => t === local)?.[0] ?? 'string') as NonNullable<
      NsCustomField['kind']
    >;
    const values = childrenNamed(cf, 'value');
    const ref = (n: Node): RecordRef => ({
      ...(n.attrs.internalId !== undefined ? { internalId: n.attrs.internalId } : {}),
      ...(n.attrs.externalId !== undefined ? { externalId: n.attrs.externalId } : {}),
      ...(n.attrs.typeId !== undefined ? { type: n.attrs.typeId } : {}),
      ...(child(n, 'name') ? { name: child(n, 'name')?.text ?? '' } : {}),
    });
    let value: NsCustomField['value'];
    if (kind === 'select') value = values[0] ? ref(values[0]) : {};
    else if (kind === 'multiSelect') value = values.map(ref);
    else {
      const scalarType = { string: 'string', boolean: 'boolean', long: 'long', double: 'double', date: 'dateTime' }[
        kind
      ];
      value = decodeScalar(scalarType, values[0]?.text ?? '') as NsCustomField['value'];
    }
    return {
      scriptId: cf.attrs.scriptId ?? '',
      ...(cf.attrs.internalId !== undefined ? { internalId: cf.attrs.internalId } : {}),
      kind,
      value,
    };
  });
}

/** Decodes a complex node against its XSD type (from the table), falling back to loose decoding. */
export function decodeComplex(node: Node, typeName: string): Record<string, unknown> {
  const row = SCHEMA.types[node.attrs['xsi:type'] ?? ''] ?? SCHEMA.types[typeName];
  if (!row) return decodeLoose(node) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const attrTypes = new Map(row.attrs.map(([n, t]) => [n, t]));
  for (const [k, v] of Object.entries(node.attrs)) {
    if (k.startsWith('xsi:')) continue;
    out[k] = decodeScalar(attrTypes.get(k) ?? 'string', v);
  }
  const fieldRows = new Map(row.fields.map((f) => [f.at(0) as string, f]));
  for (const c of node.children) {
    const f = fieldRows.get(c.local);
    let v: unknown;
    if (!f) v = decodeLoose(c);
    else if (f[2] === 'platformCore:CustomFieldList') v = decodeCustomFields(c);
    else if (f[2] === 'platformCore:NullField') v = childrenNamed(c, 'name').map((n) => n.text);
    else if (SCHEMA.types[f[2]]) v = decodeComplex(c, f[2]);
    else v = decodeScalar(f[2], c.text);
    if (v === undefined) continue;
    const many = f ? f[4] !== 1 : false;
    const prev = out[c.local];
    if (many) out[c.local] = Array.isArray(prev) ? [...prev, v] : [v];
    else out[c.local] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
