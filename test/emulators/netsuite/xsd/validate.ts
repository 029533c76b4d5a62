import type { XEl } from './instance.js';
import {
  qkey,
  XMLNS_NS,
  XSI_NS,
  type AttributeDecl,
  type EffectiveComplexType,
  type ElementParticle,
  type GroupParticle,
  type Particle,
  type QKey,
  type SchemaSet,
} from './model.js';
import { canonicalNamespace } from './namespaces.js';
import { checkSimpleValue, isSimpleType } from './simple-types.js';

/**
 * Validates an element tree against the compiled schemas. Content models are matched greedily, which
 * is exact for schemas obeying the Unique Particle Attribution rule (as every valid XSD must).
 */

export interface ValidationIssue {
  path: string;
  message: string;
}

export const MAX_ISSUES = 50;

const name = (ns: string, local: string) => (ns ? `{${ns}}${local}` : local);
const elName = (el: XEl) => name(el.ns, el.local);

export function effectiveType(schemas: SchemaSet, key: QKey): EffectiveComplexType | undefined {
  const hit = schemas.effective.get(key);
  if (hit) return hit;
  const def = schemas.types.get(key);
  if (!def || def.kind !== 'complex') return undefined;
  const attributes = new Map<string, AttributeDecl>();
  let content: GroupParticle | undefined;
  let textType: QKey | undefined;
  if (def.base) {
    if (def.simpleContent) {
      const baseEff = effectiveType(schemas, def.base);
      textType = baseEff ? baseEff.textType : def.base;
      for (const [k, v] of baseEff?.attributes ?? []) attributes.set(k, v);
    } else {
      const baseEff = effectiveType(schemas, def.base);
      if (!baseEff) throw new Error(`Base type ${def.base} of ${key} is not a complex type`);
      for (const [k, v] of baseEff.attributes) attributes.set(k, v);
      const parts = [baseEff.content, def.own].filter((p): p is GroupParticle => p !== undefined);
      content = parts.length === 0 ? undefined : { kind: 'sequence', items: parts, min: 1, max: 1 };
    }
  } else {
    content = def.own;
  }
  for (const a of def.ownAttributes) attributes.set(a.name, a);
  const eff: EffectiveComplexType = { def, content, attributes, textType };
  schemas.effective.set(key, eff);
  return eff;
}

function derivesFrom(schemas: SchemaSet, type: QKey, ancestor: QKey): boolean {
  let cur: QKey | undefined = type;
  for (let guard = 0; cur && guard < 64; guard++) {
    if (cur === ancestor) return true;
    const def = schemas.types.get(cur);
    cur = def?.kind === 'complex' ? def.base : undefined;
  }
  return false;
}

/** First element names a group can start with (for "Expected is one of" messages and choice selection). */
function firstNames(p: Particle, out: ElementParticle[]): boolean {
  if (p.kind === 'element') {
    out.push(p);
    return p.min === 0;
  }
  if (p.kind === 'choice') {
    let nullable = false;
    for (const item of p.items) nullable = firstNames(item, out) || nullable;
    return nullable || p.min === 0;
  }
  for (const item of p.items) if (!firstNames(item, out)) return p.min === 0;
  return true;
}

const matches = (p: ElementParticle, el: XEl) => p.name === el.local && p.ns === el.ns;

class Validator {
  readonly issues: ValidationIssue[] = [];
  private parent: XEl | undefined;
  constructor(private readonly schemas: SchemaSet) {}

  report(path: string, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, message });
  }

  /** Validates `el` as an instance of the declared type `declared`. */
  element(el: XEl, declared: QKey): void {
    let type = declared;
    const xsiType = el.attrs.find((a) => a.ns === XSI_NS && a.local === 'type');
    if (xsiType) {
      const resolved = this.resolveQName(el, xsiType.value);
      if (!resolved || !this.schemas.types.has(resolved)) {
        this.report(
          el.path,
          `Element '${elName(el)}', attribute 'xsi:type': The QName value '${xsiType.value}' of the xsi:type attribute does not resolve to a type definition.`,
        );
        return;
      }
      if (!derivesFrom(this.schemas, resolved, declared)) {
        this.report(
          el.path,
          `Element '${elName(el)}': The type definition '${resolved}', specified by xsi:type, is not validly derived from the type definition '${declared}'.`,
        );
        return;
      }
      type = resolved;
    }
    if (isSimpleType(this.schemas, type)) {
      this.simpleElement(el, type);
      return;
    }
    const eff = effectiveType(this.schemas, type);
    if (!eff) {
      this.report(el.path, `Element '${elName(el)}': unknown type ${type}.`);
      return;
    }
    if (eff.def.abstract) {
      this.report(el.path, `Element '${elName(el)}': The type definition is abstract.`);
      return;
    }
    this.attributes(el, eff.attributes);
    if (eff.textType) {
      this.simpleText(el, eff.textType);
      return;
    }
    if (el.text.trim() !== '') {
      this.report(
        el.path,
        `Element '${elName(el)}': Character content other than whitespace is not allowed because the content type is 'element-only'.`,
      );
    }
    this.content(el, eff.content);
  }

  private resolveQName(el: XEl, value: string): QKey | undefined {
    const v = value.trim();
    const i = v.indexOf(':');
    const prefix = i < 0 ? '' : v.slice(0, i);
    const ns = el.scope.get(prefix);
    if (ns === undefined) return undefined;
    return qkey(canonicalNamespace(ns), i < 0 ? v : v.slice(i + 1));
  }

  private simpleElement(el: XEl, type: QKey): void {
    for (const a of el.attrs) {
      if (a.ns === XSI_NS || a.ns === XMLNS_NS) continue;
      this.report(
        el.path,
        `Element '${elName(el)}', attribute '${a.qname}': The attribute '${a.qname}' is not allowed.`,
      );
    }
    this.simpleText(el, type);
  }

  private simpleText(el: XEl, type: QKey): void {
    if (el.children.length > 0) {
      this.report(
        el.path,
        `Element '${elName(el)}': Element content is not allowed, because the content type is a simple type definition.`,
      );
      return;
    }
    const err = checkSimpleValue(this.schemas, type, el.text);
    if (err) this.report(el.path, `Element '${elName(el)}': ${err}`);
  }

  private attributes(el: XEl, decls: ReadonlyMap<string, AttributeDecl>): void {
    const seen = new Set<string>();
    for (const a of el.attrs) {
      if (a.ns === XSI_NS || a.ns === XMLNS_NS) continue;
      const decl = a.ns === '' ? decls.get(a.local) : undefined;
      if (!decl) {
        this.report(
          el.path,
          `Element '${elName(el)}', attribute '${a.qname}': The attribute '${a.qname}' is not allowed.`,
        );
        continue;
      }
      seen.add(a.local);
      const err = checkSimpleValue(this.schemas, decl.type, a.value);
      if (err) this.report(el.path, `Element '${elName(el)}', attribute '${a.local}': ${err}`);
    }
    for (const d of decls.values()) {
      if (d.required && !seen.has(d.name)) {
        this.report(el.path, `Element '${elName(el)}': The attribute '${d.name}' is required but missing.`);
      }
    }
  }

  private content(el: XEl, model: GroupParticle | undefined): void {
    const kids = el.children;
    if (!model) {
      const first = kids[0];
      if (first) this.report(first.path, `Element '${elName(first)}': This element is not expected.`);
      return;
    }
    const expected: ElementParticle[] = [];
    const saved = this.parent;
    this.parent = el;
    const end = this.group(model, kids, 0, expected);
    this.parent = saved;
    if (end === undefined) return;
    if (end < kids.length) {
      const bad = kids[end] as XEl;
      this.report(bad.path, `Element '${elName(bad)}': This element is not expected.${this.expectedText(expected)}`);
    }
  }

  private expectedText(expected: ElementParticle[]): string {
    if (expected.length === 0) return '';
    const names = [...new Set(expected.map((p) => name(p.ns, p.name)))];
    return ` Expected is ${names.length > 1 ? 'one of ' : ''}( ${names.join(', ')} ).`;
  }

  /**
   * Matches a group from position `i`; returns the next position, or undefined after reporting an error.
   * `expected` accumulates the particles that could have matched at the current position.
   */
  private group(g: GroupParticle, kids: XEl[], i: number, expected: ElementParticle[]): number | undefined {
    let pos = i;
    let reps = 0;
    while (reps < g.max) {
      const next = kids[pos];
      if (reps >= g.min) {
        // Optional further repetition: only enter when the next child can start it.
        const starts: ElementParticle[] = [];
        firstNames(g, starts);
        if (!next || !starts.some((p) => matches(p, next))) {
          expected.push(...starts);
          break;
        }
      }
      const r =
        g.kind === 'sequence' ? this.sequenceOnce(g, kids, pos, expected) : this.choiceOnce(g, kids, pos, expected);
      if (r === undefined) return undefined;
      if (r === pos && reps >= g.min) break;
      pos = r;
      reps++;
    }
    return pos;
  }

  private sequenceOnce(g: GroupParticle, kids: XEl[], i: number, expected: ElementParticle[]): number | undefined {
    let pos = i;
    for (const item of g.items) {
      const r = this.particle(item, kids, pos, expected);
      if (r === undefined) return undefined;
      pos = r;
    }
    return pos;
  }

  private choiceOnce(g: GroupParticle, kids: XEl[], i: number, expected: ElementParticle[]): number | undefined {
    const next = kids[i];
    for (const item of g.items) {
      const starts: ElementParticle[] = [];
      firstNames(item, starts);
      if (next && starts.some((p) => matches(p, next))) return this.particle(item, kids, i, expected);
    }
    // No branch starts here: fine if one branch may be empty.
    for (const item of g.items) {
      const starts: ElementParticle[] = [];
      if (firstNames(item, starts)) return i;
    }
    for (const item of g.items) firstNames(item, expected);
    this.missing(kids, i, expected);
    return undefined;
  }

  private particle(p: Particle, kids: XEl[], i: number, expected: ElementParticle[]): number | undefined {
    if (p.kind !== 'element') return this.group(p, kids, i, expected);
    let pos = i;
    let count = 0;
    while (count < p.max) {
      const el = kids[pos];
      if (!el || !matches(p, el)) break;
      this.element(el, p.type);
      expected.length = 0;
      pos++;
      count++;
    }
    if (count < p.min) {
      expected.push(p);
      this.missing(kids, pos, expected);
      return undefined;
    }
    if (count < p.max) expected.push(p);
    return pos;
  }

  private missing(kids: XEl[], pos: number, expected: ElementParticle[]): void {
    const bad = kids[pos];
    if (bad) {
      this.report(bad.path, `Element '${elName(bad)}': This element is not expected.${this.expectedText(expected)}`);
    } else {
      this.report(this.parent?.path ?? '', `Missing child element(s).${this.expectedText(expected)}`);
    }
  }
}

/** Validates one element against a global element declaration of the schemas. */
export function validateAgainstGlobal(schemas: SchemaSet, el: XEl): ValidationIssue[] {
  const v = new Validator(schemas);
  const decl = schemas.elements.get(qkey(el.ns, el.local));
  if (!decl) {
    v.report(el.path, `Element '${elName(el)}': No matching global declaration available for the validation root.`);
    return v.issues;
  }
  v.element(el, decl.type);
  return v.issues;
}
