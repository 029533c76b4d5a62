import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import {
  qkey,
  XSD_NS,
  type AttributeDecl,
  type ComplexTypeDef,
  type GlobalElement,
  type GroupParticle,
  type Particle,
  type QKey,
  type SchemaSet,
  type SimpleTypeDef,
  type TypeDef,
} from './model.js';
import { canonicalNamespace } from './namespaces.js';

/**
 * Compiles the NetSuite XSDs once into a SchemaSet (element sequences, choices, occurrence bounds,
 * complexContent/simpleContent extensions, abstract types, simple types with enumerations, attributes).
 */

type XNode = Record<string, unknown>;
const ATTRS = ':@';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** Where the reference XSDs live: `NS_XSD_DIR`, else `<ancestor>/shared/reference/netsuite/wsdl-2023_2/xsd`. */
export function defaultXsdDir(): string {
  const fromEnv = process.env.NS_XSD_DIR;
  if (fromEnv) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'reference', 'netsuite', 'wsdl-2023_2', 'xsd');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('NetSuite XSDs not found: set NS_XSD_DIR to the wsdl-2023_2/xsd folder');
}

function tagOf(node: XNode): string | undefined {
  return Object.keys(node).find((k) => k !== ATTRS);
}

function localOf(tag: string): string {
  const i = tag.indexOf(':');
  return i < 0 ? tag : tag.slice(i + 1);
}

function attrs(node: XNode): Record<string, string> {
  return (node[ATTRS] as Record<string, string> | undefined) ?? {};
}

function kids(node: XNode): XNode[] {
  const tag = tagOf(node);
  const v = tag ? node[tag] : undefined;
  return Array.isArray(v) ? (v as XNode[]).filter((k) => tagOf(k) !== '#text') : [];
}

function occurs(a: Record<string, string>, name: 'minOccurs' | 'maxOccurs'): number {
  const v = a[name];
  if (v === undefined) return 1;
  return v === 'unbounded' ? Number.POSITIVE_INFINITY : Number(v);
}

interface SchemaContext {
  targetNs: string;
  prefixes: Map<string, string>;
  qualifiedElements: boolean;
  file: string;
}

function resolveQName(ctx: SchemaContext, qname: string): QKey {
  const i = qname.indexOf(':');
  const prefix = i < 0 ? '' : qname.slice(0, i);
  const ns = ctx.prefixes.get(prefix);
  if (ns === undefined) throw new Error(`${ctx.file}: unknown prefix in ${qname}`);
  return qkey(canonicalNamespace(ns), i < 0 ? qname : qname.slice(i + 1));
}

class Compiler {
  readonly types = new Map<QKey, TypeDef>();
  readonly elements = new Map<QKey, GlobalElement>();
  readonly namespaces = new Set<string>();
  /** Element refs, resolved after every file is read. */
  private readonly refs: { particle: { ns: string; name: string; type: QKey }; ref: QKey; file: string }[] = [];

  addSchema(file: string, xml: string): void {
    const doc = parser.parse(xml) as XNode[];
    const schema = doc.find((n) => localOf(tagOf(n) ?? '') === 'schema');
    if (!schema) throw new Error(`${file}: no schema element`);
    const a = attrs(schema);
    const prefixes = new Map<string, string>();
    for (const [k, v] of Object.entries(a)) {
      if (k === 'xmlns') prefixes.set('', v);
      else if (k.startsWith('xmlns:')) prefixes.set(k.slice(6), v);
    }
    if (!prefixes.has('')) prefixes.set('', XSD_NS);
    const ctx: SchemaContext = {
      targetNs: canonicalNamespace(a.targetNamespace ?? ''),
      prefixes,
      qualifiedElements: a.elementFormDefault === 'qualified',
      file,
    };
    this.namespaces.add(ctx.targetNs);
    for (const child of kids(schema)) {
      const tag = localOf(tagOf(child) ?? '');
      const ca = attrs(child);
      if (tag === 'complexType') this.types.set(qkey(ctx.targetNs, ca.name ?? ''), this.complexType(ctx, child));
      else if (tag === 'simpleType') this.types.set(qkey(ctx.targetNs, ca.name ?? ''), this.simpleType(ctx, child));
      else if (tag === 'element') {
        const name = ca.name ?? '';
        if (!ca.type) throw new Error(`${file}: global element ${name} has no type`);
        this.elements.set(qkey(ctx.targetNs, name), { ns: ctx.targetNs, name, type: resolveQName(ctx, ca.type) });
      }
    }
  }

  finish(): SchemaSet {
    for (const { particle, ref, file } of this.refs) {
      const el = this.elements.get(ref);
      if (!el) throw new Error(`${file}: element ref ${ref} not found`);
      particle.ns = el.ns;
      particle.name = el.name;
      particle.type = el.type;
    }
    return { types: this.types, elements: this.elements, effective: new Map(), namespaces: this.namespaces };
  }

  private simpleType(ctx: SchemaContext, node: XNode): SimpleTypeDef {
    const name = attrs(node).name ?? '';
    const restriction = kids(node).find((k) => localOf(tagOf(k) ?? '') === 'restriction');
    if (!restriction) throw new Error(`${ctx.file}: simpleType ${name} without restriction`);
    const base = resolveQName(ctx, attrs(restriction).base ?? 'xsd:string');
    const values = kids(restriction)
      .filter((k) => localOf(tagOf(k) ?? '') === 'enumeration')
      .map((k) => attrs(k).value ?? '');
    return {
      kind: 'simple',
      key: qkey(ctx.targetNs, name),
      base,
      ...(values.length > 0 ? { enumeration: new Set(values) } : {}),
    };
  }

  private complexType(ctx: SchemaContext, node: XNode): ComplexTypeDef {
    const a = attrs(node);
    const def: ComplexTypeDef = {
      kind: 'complex',
      key: qkey(ctx.targetNs, a.name ?? ''),
      abstract: a.abstract === 'true',
      simpleContent: false,
      ownAttributes: [],
    };
    this.contentInto(ctx, def, kids(node));
    return def;
  }

  private contentInto(ctx: SchemaContext, def: ComplexTypeDef, children: XNode[]): void {
    for (const child of children) {
      const tag = localOf(tagOf(child) ?? '');
      if (tag === 'sequence' || tag === 'choice') def.own = this.group(ctx, child, tag);
      else if (tag === 'attribute') def.ownAttributes.push(this.attribute(ctx, child));
      else if (tag === 'complexContent' || tag === 'simpleContent') {
        const ext = kids(child).find((k) => localOf(tagOf(k) ?? '') === 'extension');
        if (!ext) throw new Error(`${ctx.file}: ${tag} without extension in ${def.key}`);
        def.base = resolveQName(ctx, attrs(ext).base ?? '');
        def.simpleContent = tag === 'simpleContent';
        this.contentInto(ctx, def, kids(ext));
      }
    }
  }

  private attribute(ctx: SchemaContext, node: XNode): AttributeDecl {
    const a = attrs(node);
    return { name: a.name ?? '', type: resolveQName(ctx, a.type ?? 'xsd:string'), required: a.use === 'required' };
  }

  private group(ctx: SchemaContext, node: XNode, kind: 'sequence' | 'choice'): GroupParticle {
    const a = attrs(node);
    const items: Particle[] = [];
    for (const child of kids(node)) {
      const tag = localOf(tagOf(child) ?? '');
      const ca = attrs(child);
      if (tag === 'element') {
        const particle = {
          kind: 'element' as const,
          ns: ctx.qualifiedElements ? ctx.targetNs : '',
          name: ca.name ?? '',
          type: ca.type ? resolveQName(ctx, ca.type) : qkey(XSD_NS, 'anyType'),
          min: occurs(ca, 'minOccurs'),
          max: occurs(ca, 'maxOccurs'),
        };
        if (ca.ref) this.refs.push({ particle, ref: resolveQName(ctx, ca.ref), file: ctx.file });
        items.push(particle);
      } else if (tag === 'sequence' || tag === 'choice') {
        items.push(this.group(ctx, child, tag));
      } else {
        throw new Error(`${ctx.file}: unsupported particle ${tag}`);
      }
    }
    return { kind, items, min: occurs(a, 'minOccurs'), max: occurs(a, 'maxOccurs') };
  }
}

/** Compiles schemas from in-memory texts (file name → XSD text). */
export function compileSchemas(files: { fileName: string; contents: string }[]): SchemaSet {
  const c = new Compiler();
  for (const f of files) c.addSchema(f.fileName, f.contents);
  return c.finish();
}

/** Reads every `*.xsd` of the folder. */
export async function readSchemaFiles(dir = defaultXsdDir()): Promise<{ fileName: string; contents: string }[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.xsd')).sort();
  return Promise.all(
    names.map(async (fileName) => ({ fileName, contents: await readFile(join(dir, fileName), 'utf8') })),
  );
}

let cached: Promise<SchemaSet> | undefined;

/** The 2023_2 schema set, compiled once per process (about a second) and shared. */
export function loadNetSuiteSchemas(dir?: string): Promise<SchemaSet> {
  if (dir) return readSchemaFiles(dir).then(compileSchemas);
  cached ??= readSchemaFiles().then(compileSchemas);
  return cached;
}
