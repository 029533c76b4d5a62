import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const require = createRequire(import.meta.url);
type PropType = string | string[];
interface TypeSchema {
  type: string;
  extends?: string;
  props: Record<string, PropType>;
}
// jsforce ships the Metadata API type schema; it is the best offline description of element names.
const { ApiSchemas } = require('jsforce/lib/api/metadata/schema') as { ApiSchemas: Record<string, TypeSchema> };

/**
 * Newer element names the jsforce schema (an older API version) does not know yet, per root type.
 * Each was checked against the Metadata API reference for API 62.0.
 */
const NEWER_ELEMENTS: Record<string, string[]> = {
  NamedCredential: ['calloutStatus', 'namedCredentialParameters', 'namedCredentialType'],
  PermissionSet: ['externalCredentialPrincipalAccesses'],
  // itemInstances replaced componentInstances in API 47.0 (lwc-recipes flexipages use it).
  FlexiPageRegion: ['itemInstances'],
};

export interface SchemaProblem {
  file: string;
  message: string;
}

export function findMetadataXml(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== '__tests__') walk(p);
      } else if (name.endsWith('-meta.xml')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function propsOf(typeName: string): Record<string, PropType> | undefined {
  const t = ApiSchemas[typeName];
  if (!t) return undefined;
  const parent = t.extends ? propsOf(t.extends) : undefined;
  return { ...(parent ?? {}), ...t.props };
}

function elementType(prop: PropType): string | undefined {
  const raw = Array.isArray(prop) ? prop[0] : prop;
  const name = raw?.replace(/^\?/, '');
  return name && ApiSchemas[name] ? name : undefined;
}

function checkElement(file: string, typeName: string, node: unknown, path: string, out: SchemaProblem[]) {
  if (typeof node !== 'object' || node === null) return;
  const props = propsOf(typeName);
  if (!props) return;
  const allowed = new Set([...Object.keys(props), ...(NEWER_ELEMENTS[typeName] ?? [])]);
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key.startsWith('@_') || key === '#text') continue;
    if (!allowed.has(key)) {
      out.push({ file, message: `<${key}> is not an element of ${typeName} (at ${path})` });
      continue;
    }
    const childType = props[key] ? elementType(props[key]) : undefined;
    if (!childType) continue;
    for (const item of Array.isArray(value) ? value : [value])
      checkElement(file, childType, item, `${path}/${key}`, out);
  }
}

/** Well-formedness of every metadata XML file, and element names against the Metadata API schema. */
export function checkMetadataXml(files: readonly string[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const parser = new XMLParser({ ignoreAttributes: false, ignoreDeclaration: true });
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      problems.push({ file, message: `malformed XML: ${valid.err.msg} (line ${valid.err.line})` });
      continue;
    }
    const doc = parser.parse(xml) as Record<string, unknown>;
    const [root] = Object.keys(doc);
    if (!root) {
      problems.push({ file, message: 'no root element' });
      continue;
    }
    const ns = (doc[root] as Record<string, unknown>)?.['@_xmlns'];
    if (ns !== 'http://soap.sforce.com/2006/04/metadata') {
      problems.push({ file, message: `root <${root}> lacks xmlns="http://soap.sforce.com/2006/04/metadata"` });
    }
    checkElement(file, root, doc[root], root, problems);
  }
  return problems;
}
