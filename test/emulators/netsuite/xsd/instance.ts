import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XMLNS_NS } from './model.js';
import { canonicalNamespace } from './namespaces.js';

/**
 * A namespace-resolved element tree of an instance document (the thing being validated).
 * Namespaces are mapped to their 2023_2 form.
 */
export interface XAttr {
  ns: string;
  local: string;
  qname: string;
  value: string;
}

export interface XEl {
  ns: string;
  local: string;
  qname: string;
  attrs: XAttr[];
  children: XEl[];
  /** Concatenated character content directly inside this element. */
  text: string;
  /** In-scope prefix → namespace (original, not canonical) bindings, for QName-valued attributes. */
  scope: ReadonlyMap<string, string>;
  parent: XEl | undefined;
  /** `/soapenv:Envelope/soapenv:Body/platformMsgs:add/platformMsgs:record[2]` (computed on demand). */
  readonly path: string;
}

class Element implements XEl {
  children: XEl[] = [];
  text = '';
  constructor(
    readonly ns: string,
    readonly local: string,
    readonly qname: string,
    readonly attrs: XAttr[],
    readonly scope: ReadonlyMap<string, string>,
    readonly parent: XEl | undefined,
  ) {}

  get path(): string {
    if (!this.parent) return `/${this.qname}`;
    const same = this.parent.children.filter((c) => c.qname === this.qname);
    const nth = same.indexOf(this) + 1;
    return `${this.parent.path}/${this.qname}${same.length > 1 && nth > 1 ? `[${nth}]` : ''}`;
  }
}

type XNode = Record<string, unknown>;
const ATTRS = ':@';

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

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

function split(qname: string): [string, string] {
  const i = qname.indexOf(':');
  return i < 0 ? ['', qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

function build(node: XNode, tag: string, parentScope: ReadonlyMap<string, string>, parent: XEl | undefined): XEl {
  const raw = (node[ATTRS] as Record<string, string> | undefined) ?? {};
  let scope = parentScope;
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), v);
    }
  }
  const [prefix, local] = split(tag);
  const ns = scope.get(prefix);
  if (ns === undefined && prefix !== '')
    throw new XmlSyntaxError(`Namespace prefix ${prefix} on ${local} is not defined`);
  const attrs: XAttr[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const [ap, al] = split(k);
    const ans = ap === '' ? '' : ap === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : scope.get(ap);
    if (ans === undefined) throw new XmlSyntaxError(`Namespace prefix ${ap} for ${al} on ${local} is not defined`);
    attrs.push({ ns: ans === XMLNS_NS ? ans : canonicalNamespace(ans), local: al, qname: k, value: v });
  }
  const el = new Element(canonicalNamespace(ns ?? ''), local, tag, attrs, scope, parent);
  const content = node[tag];
  if (Array.isArray(content)) {
    for (const c of content as XNode[]) {
      const ct = Object.keys(c).find((k) => k !== ATTRS);
      if (ct === undefined || ct.startsWith('?')) continue;
      if (ct === '#text') el.text += String(c[ct] ?? '');
      else el.children.push(build(c, ct, scope, el));
    }
  }
  return el;
}

/** Parses a document (throws XmlSyntaxError when it is not well-formed XML) and returns its root element. */
export function parseInstance(xml: string): XEl {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    throw new XmlSyntaxError(`${wellFormed.err.msg} (line ${wellFormed.err.line})`, wellFormed.err.line);
  }
  let doc: XNode[];
  try {
    doc = parser.parse(xml) as XNode[];
  } catch (e) {
    // The parser's own limits (nesting depth, entity expansion): a rejected document, never a crash.
    throw new XmlSyntaxError((e as Error).message);
  }
  const roots = doc.filter((n) => {
    const t = Object.keys(n).find((k) => k !== ATTRS);
    return t !== undefined && !t.startsWith('?') && t !== '#text';
  });
  if (roots.length !== 1) throw new XmlSyntaxError('A document must have exactly one root element');
  const root = roots[0] as XNode;
  const tag = Object.keys(root).find((k) => k !== ATTRS) as string;
  return build(root, tag, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), undefined);
}
