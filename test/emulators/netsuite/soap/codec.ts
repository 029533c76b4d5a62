import type { ElementParticle, Particle, QKey, SchemaSet } from '../xsd/model.js';
import { effectiveType } from '../xsd/validate.js';
import type { XEl } from '../xsd/index.js';
import { canonicalNamespace, prefixFor, XSD, XSI } from './namespaces.js';
import { toPacific } from './pacific-time.js';

/**
 * Converts between XML elements and the JSON records of the account state, driven by the compiled
 * XSDs: field order, repetition, attribute vs element and value types all come from the schema, so
 * what the emulator writes follows the XSD sequence exactly.
 */

export type Json = Record<string, unknown>;

/** XMLBuilder tree: element keys `prefix:name`, attributes `@_name`, text `#text`. */
export type XmlNode = Record<string, unknown>;

interface TypeShape {
  elements: ElementParticle[];
  byName: Map<string, ElementParticle>;
  attributes: Map<string, QKey>;
  textType?: QKey;
}

const shapes = new WeakMap<SchemaSet, Map<QKey, TypeShape>>();

function flatten(p: Particle | undefined, out: ElementParticle[], repeated: boolean): void {
  if (!p) return;
  if (p.kind === 'element') {
    out.push(repeated && p.max <= 1 ? { ...p, max: Number.POSITIVE_INFINITY } : p);
    return;
  }
  for (const item of p.items) flatten(item, out, repeated || p.max > 1);
}

export function shapeOf(schemas: SchemaSet, type: QKey): TypeShape | undefined {
  let cache = shapes.get(schemas);
  if (!cache) shapes.set(schemas, (cache = new Map()));
  const hit = cache.get(type);
  if (hit) return hit;
  const eff = effectiveType(schemas, type);
  if (!eff) return undefined;
  const elements: ElementParticle[] = [];
  flatten(eff.content, elements, false);
  const shape: TypeShape = {
    elements,
    byName: new Map(elements.map((e) => [e.name, e])),
    attributes: new Map([...eff.attributes].map(([k, a]) => [k, a.type])),
    textType: eff.textType,
  };
  cache.set(type, shape);
  return shape;
}

/** The XSD built-in a simple type derives from (e.g. an enumeration → string). */
export function builtinOf(schemas: SchemaSet, type: QKey): string {
  let cur: QKey | undefined = type;
  for (let i = 0; cur && i < 32; i++) {
    if (cur.startsWith(`{${XSD}}`)) return cur.slice(XSD.length + 2);
    const def = schemas.types.get(cur);
    cur = def?.kind === 'simple' ? def.base : undefined;
  }
  return 'string';
}

export function isComplex(schemas: SchemaSet, type: QKey): boolean {
  return schemas.types.get(type)?.kind === 'complex';
}

/** Resolves a QName-valued attribute (xsi:type) in the element's scope to a canonical type key. */
export function resolveQName(el: XEl, value: string): QKey | undefined {
  const i = value.indexOf(':');
  const prefix = i < 0 ? '' : value.slice(0, i);
  const local = i < 0 ? value : value.slice(i + 1);
  const ns = el.scope.get(prefix);
  return ns === undefined ? undefined : `{${canonicalNamespace(ns)}}${local}`;
}

export function xsiTypeOf(el: XEl): QKey | undefined {
  const attr = el.attrs.find((a) => a.ns === XSI && a.local === 'type');
  return attr ? resolveQName(el, attr.value) : undefined;
}

function fromText(schemas: SchemaSet, type: QKey, raw: string): unknown {
  const text = raw.trim();
  switch (builtinOf(schemas, type)) {
    case 'boolean':
      return text === 'true' || text === '1';
    case 'double':
    case 'float':
    case 'decimal':
    case 'long':
    case 'int':
    case 'integer':
    case 'short':
      return Number(text);
    default:
      return raw;
  }
}

/** XML element of XSD type `declared` (or its xsi:type) → JSON. Sets `xsiType` when xsi:type is given. */
export function toJson(schemas: SchemaSet, el: XEl, declared: QKey): unknown {
  const xsiType = xsiTypeOf(el);
  const type = xsiType ?? declared;
  if (!isComplex(schemas, type)) return fromText(schemas, type, el.text);
  const shape = shapeOf(schemas, type);
  const out: Json = {};
  if (xsiType && xsiType !== declared) out.xsiType = xsiType.slice(xsiType.indexOf('}') + 1);
  for (const a of el.attrs) {
    if (a.ns !== '') continue;
    const t = shape?.attributes.get(a.local);
    out[a.local] = t ? fromText(schemas, t, a.value) : a.value;
  }
  if (shape?.textType) {
    out.$value = fromText(schemas, shape.textType, el.text);
    return out;
  }
  for (const child of el.children) {
    const p = shape?.byName.get(child.local);
    if (!p) continue;
    const value = toJson(schemas, child, p.type);
    if (p.max > 1) ((out[p.name] ??= []) as unknown[]).push(value);
    else out[p.name] = value;
  }
  return out;
}

function formatNumber(builtin: string, value: unknown): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  if (['long', 'int', 'integer', 'short'].includes(builtin)) return String(Math.trunc(n));
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

export function formatSimple(schemas: SchemaSet, type: QKey, value: unknown): string {
  const builtin = builtinOf(schemas, type);
  if (builtin === 'boolean') return value === true || value === 'true' ? 'true' : 'false';
  if (['double', 'float', 'decimal', 'long', 'int', 'integer', 'short'].includes(builtin))
    return formatNumber(builtin, value);
  // NetSuite answers dateTimes in the account's time zone (Pacific) with the offset.
  if (builtin === 'dateTime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return toPacific(new Date(value));
  }
  return String(value);
}

/** Collects the namespaces a tree uses, so the writer can declare them once at the top. */
export class NsScope {
  readonly used = new Set<string>();
  qname(ns: string, local: string, defaultNs?: string): string {
    if (ns === '' || ns === defaultNs) return local;
    this.used.add(ns);
    return `${prefixFor(ns)}:${local}`;
  }
}

function typeByLocal(schemas: SchemaSet, declared: QKey, local: string): QKey {
  const sameNs = `${declared.slice(0, declared.indexOf('}') + 1)}${local}`;
  if (schemas.types.has(sameNs)) return sameNs;
  for (const key of schemas.types.keys()) if (key.endsWith(`}${local}`)) return key;
  return sameNs;
}

/**
 * JSON → XMLBuilder node of XSD type `declared`, children in XSD sequence order; keys the type
 * does not declare are left out. `xsiType` (local name) selects a derived type and is written.
 */
export function toXml(
  schemas: SchemaSet,
  declared: QKey,
  value: unknown,
  scope: NsScope,
  defaultNs?: string,
): XmlNode | string {
  if (!isComplex(schemas, declared)) return formatSimple(schemas, declared, value);
  const obj = (value ?? {}) as Json;
  let type = declared;
  const node: XmlNode = {};
  if (typeof obj.xsiType === 'string') {
    type = obj.xsiType.startsWith('{') ? obj.xsiType : typeByLocal(schemas, declared, obj.xsiType);
    const [ns, local] = splitKey(type);
    node['@_xsi:type'] = scope.qname(ns, local, defaultNs);
  }
  const shape = shapeOf(schemas, type);
  if (!shape) return node;
  for (const [name, attrType] of shape.attributes) {
    const v = obj[name];
    if (v !== undefined && v !== null && v !== '') node[`@_${name}`] = formatSimple(schemas, attrType, v);
  }
  if (shape.textType) {
    const v = obj.$value;
    if (v !== undefined) node['#text'] = formatSimple(schemas, shape.textType, v);
    return node;
  }
  for (const p of shape.elements) {
    const v = obj[p.name];
    if (v === undefined || v === null) continue;
    const items = Array.isArray(v) ? v : [v];
    const key = scope.qname(p.ns, p.name, defaultNs);
    const rendered = items.map((item) => toXml(schemas, p.type, item, scope, defaultNs));
    if (rendered.length === 0) continue;
    node[key] = p.max > 1 || rendered.length > 1 ? rendered : rendered[0];
  }
  return node;
}

/** `{ns}Local` → [ns, local]. */
export function splitKey(key: QKey): [string, string] {
  const i = key.indexOf('}');
  return [key.slice(1, i), key.slice(i + 1)];
}
