import { parseInstance, XmlSyntaxError, type XEl } from './instance.js';
import { qkey, SOAP_ENV_NS, type SchemaSet } from './model.js';
import { isNetSuiteNamespace } from './namespaces.js';
import { MAX_ISSUES, validateAgainstGlobal, type ValidationIssue } from './validate.js';

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

const result = (errors: ValidationIssue[]): ValidationResult => ({
  valid: errors.length === 0,
  errors: errors.slice(0, MAX_ISSUES),
});

function parse(xml: string): XEl | ValidationResult {
  try {
    return parseInstance(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return result([{ path: '/', message: `XML is not well-formed: ${e.message}` }]);
    throw e;
  }
}

const isSoap = (el: XEl, local: string) => el.ns === SOAP_ENV_NS && el.local === local;

/** SOAP 1.1 Fault: faultcode, faultstring, faultactor?, detail? — NetSuite fault elements inside detail are validated. */
function validateFault(schemas: SchemaSet, fault: XEl, errors: ValidationIssue[]): void {
  const order = ['faultcode', 'faultstring', 'faultactor', 'detail'];
  let last = -1;
  const seen = new Set<string>();
  for (const child of fault.children) {
    const idx = child.ns === '' ? order.indexOf(child.local) : -1;
    if (idx < 0 || idx <= last) {
      errors.push({ path: child.path, message: `Element '${child.local}': This element is not expected.` });
      return;
    }
    last = idx;
    seen.add(child.local);
    if (child.local === 'detail') {
      for (const d of child.children) {
        if (isNetSuiteNamespace(d.ns) || schemas.namespaces.has(d.ns))
          errors.push(...validateAgainstGlobal(schemas, d));
      }
    } else if (child.children.length > 0) {
      errors.push({
        path: child.path,
        message: `Element '${child.local}': Element content is not allowed, because the content type is a simple type definition.`,
      });
    }
  }
  for (const required of ['faultcode', 'faultstring']) {
    if (!seen.has(required))
      errors.push({
        path: fault.path,
        message: `Element 'Fault': Missing child element(s). Expected is ( ${required} ).`,
      });
  }
}

/**
 * Validates a SOAP 1.1 envelope: its structure, then every Header child and Body child against the
 * NetSuite 2023_2 schemas (any `_YYYY_N` namespace version is treated as 2023_2). Header children are
 * validated when the schemas declare them and skipped otherwise (lax, as in the SOAP 1.1 envelope schema);
 * Body children must be declared NetSuite elements or a Fault (whose NetSuite detail entries are validated).
 */
export function validateEnvelope(xml: string, schemas: SchemaSet): ValidationResult {
  const root = parse(xml);
  if (!('children' in root)) return root;
  const errors: ValidationIssue[] = [];
  if (!isSoap(root, 'Envelope')) {
    return result([
      { path: root.path, message: `Root element must be {${SOAP_ENV_NS}}Envelope, found '${root.qname}'.` },
    ]);
  }
  if (root.text.trim() !== '')
    errors.push({ path: root.path, message: 'Character content is not allowed in Envelope.' });
  const kids = root.children;
  let i = 0;
  const header = kids[i] && isSoap(kids[i] as XEl, 'Header') ? (kids[i++] as XEl) : undefined;
  const body = kids[i] && isSoap(kids[i] as XEl, 'Body') ? (kids[i++] as XEl) : undefined;
  if (!body) {
    errors.push({ path: root.path, message: "Element 'Envelope': Missing child element(s). Expected is ( Body )." });
    return result(errors);
  }
  for (const extra of kids.slice(i))
    errors.push({ path: extra.path, message: `Element '${extra.qname}': This element is not expected.` });
  for (const h of header?.children ?? []) {
    // Header entries are processed laxly (as the SOAP 1.1 envelope schema says): validated when declared.
    if (schemas.elements.has(qkey(h.ns, h.local))) errors.push(...validateAgainstGlobal(schemas, h));
  }
  if (body.children.length === 0) errors.push({ path: body.path, message: 'The Body is empty.' });
  for (const b of body.children) {
    if (isSoap(b, 'Fault')) validateFault(schemas, b, errors);
    else errors.push(...validateAgainstGlobal(schemas, b));
  }
  return result(errors);
}

/** Validates a standalone document whose root is a global element of the schemas (e.g. `<platformMsgs:add>`). */
export function validateDocument(xml: string, schemas: SchemaSet): ValidationResult {
  const root = parse(xml);
  if (!('children' in root)) return root;
  return result(validateAgainstGlobal(schemas, root));
}
