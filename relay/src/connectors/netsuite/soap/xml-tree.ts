import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { protocolError } from '../errors.js';
import { prefixOf } from './namespaces.js';

/**
 * A namespace-aware view of a SOAP response parsed by fast-xml-parser. NetSuite re-declares prefixes
 * freely (default namespace on body elements, `platformCore` on every element that uses it), so names
 * are resolved to their conventional prefix (`platformCore`, `listRel`...) whatever the document wrote.
 */
export interface Node {
  /** Conventional prefix of the element's namespace (`platformCore`), the raw namespace otherwise. */
  prefix: string;
  local: string;
  /** Attributes by local name; `xsi:type` is under `xsi:type` (resolved to `prefix:Local`). */
  attrs: Record<string, string>;
  children: Node[];
  text: string;
  /** Namespace version of the element (`2023_2`), when it is a SuiteTalk namespace. */
  version?: string;
}

type RawNode = Record<string, unknown>;
const ATTRS = ':@';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

function split(q: string): [string, string] {
  const i = q.indexOf(':');
  return i < 0 ? ['', q] : [q.slice(0, i), q.slice(i + 1)];
}

function resolvePrefix(ns: string | undefined): string {
  if (ns === undefined || ns === '') return '';
  return prefixOf(ns) ?? ns;
}

function build(raw: RawNode, tag: string, parentScope: ReadonlyMap<string, string>): Node {
  const a = (raw[ATTRS] as Record<string, string> | undefined) ?? {};
  let scope = parentScope;
  for (const [k, v] of Object.entries(a)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), v);
    }
  }
  const [p, local] = split(tag);
  const ns = scope.get(p);
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const [ap, al] = split(k);
    if (ap !== '' && scope.get(ap) === XSI) {
      if (al === 'type') {
        const [tp, tl] = split(v.trim());
        attrs['xsi:type'] = `${resolvePrefix(scope.get(tp))}:${tl}`;
      } else attrs[`xsi:${al}`] = v;
    } else attrs[al] = v;
  }
  const node: Node = { prefix: resolvePrefix(ns), local, attrs, children: [], text: '' };
  const version = ns ? /_(\d+_\d+)\.[A-Za-z.]+\.webservices\.netsuite\.com$/.exec(ns)?.[1] : undefined;
  if (version) node.version = version;
  const content = raw[tag];
  if (Array.isArray(content)) {
    for (const c of content as RawNode[]) {
      const ct = Object.keys(c).find((k) => k !== ATTRS);
      if (ct === undefined || ct.startsWith('?')) continue;
      if (ct === '#text') node.text += String(c[ct] ?? '');
      else node.children.push(build(c, ct, scope));
    }
  }
  return node;
}

/** Parses XML into a Node tree; malformed XML becomes a NetSuiteError NS_PROTOCOL. */
export function parseXml(xml: string): Node {
  const ok = XMLValidator.validate(xml);
  if (ok !== true) throw protocolError(`NetSuite answered with malformed XML: ${ok.err.msg} (line ${ok.err.line})`);
  let doc: RawNode[];
  try {
    doc = parser.parse(xml) as RawNode[];
  } catch (e) {
    throw protocolError(`NetSuite answered with XML that could not be parsed: ${(e as Error).message}`, e);
  }
  const roots = doc.filter((n) => {
    const t = Object.keys(n).find((k) => k !== ATTRS);
    return t !== undefined && !t.startsWith('?') && t !== '#text';
  });
  const root = roots[0];
  if (!root || roots.length > 1) throw protocolError('NetSuite answered with an XML document without a single root');
  const tag = Object.keys(root).find((k) => k !== ATTRS) as string;
  return build(root, tag, new Map());
}

export const child = (n: Node | undefined, local: string): Node | undefined =>
  n?.children.find((c) => c.local === local);
export const childrenNamed = (n: Node | undefined, local: string): Node[] =>
  n ? n.children.filter((c) => c.local === local) : [];
export const textOf = (n: Node | undefined): string | undefined => (n ? n.text.trim() : undefined);
