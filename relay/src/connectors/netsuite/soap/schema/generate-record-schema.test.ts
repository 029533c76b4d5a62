import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNetSuiteSchemas, type SchemaSet } from '../../../../../../test/emulators/netsuite/xsd/index.js';
import { effectiveType } from '../../../../../../test/emulators/netsuite/xsd/validate.js';
import {
  XSD_NS,
  type ElementParticle,
  type GroupParticle,
} from '../../../../../../test/emulators/netsuite/xsd/model.js';
import { PREFIX_BY_NAMESPACE } from '../namespaces.js';
import type { SchemaTable } from './schema-types.js';

/**
 * Generates `record-schema.generated.ts` (the field order, types and enums the SOAP connector needs,
 * taken from the 2023_2 XSDs) and fails when the committed table differs from the XSDs.
 * Regenerate with: UPDATE_NS_SCHEMA=1 npx vitest run relay/src/connectors/netsuite/soap/schema
 */

const ROOTS = [
  'listRel:Customer',
  'listRel:Contact',
  'listEmp:Employee',
  'listRel:Vendor',
  'listAcct:InventoryItem',
  'listAcct:NonInventorySaleItem',
  'listAcct:ServiceSaleItem',
  'tranSales:SalesOrder',
  'tranSales:Invoice',
  'tranCust:CustomerPayment',
  'tranPurch:VendorBill',
  'tranGeneral:JournalEntry',
  'platformCommon:CustomerSearchBasic',
  'platformCommon:ContactSearchBasic',
  'platformCommon:EmployeeSearchBasic',
  'platformCommon:VendorSearchBasic',
  'platformCommon:ItemSearchBasic',
  'platformCommon:TransactionSearchBasic',
  'listRel:CustomerSearch',
  'listRel:ContactSearch',
  'listEmp:EmployeeSearch',
  'listRel:VendorSearch',
  'listAcct:ItemSearch',
  'tranSales:TransactionSearch',
  'platformCore:StringCustomFieldRef',
  'platformCore:BooleanCustomFieldRef',
  'platformCore:LongCustomFieldRef',
  'platformCore:DoubleCustomFieldRef',
  'platformCore:DateCustomFieldRef',
  'platformCore:SelectCustomFieldRef',
  'platformCore:MultiSelectCustomFieldRef',
];

/** Search joins (customerJoin, itemJoin...) are not used by the connector: not followed. */
const SKIP_FIELD = (typeName: string) => /SearchBasic$/.test(typeName) && !ROOTS.includes(typeName);

const NAMESPACE_BY_PREFIX = new Map(Object.entries(PREFIX_BY_NAMESPACE).map(([ns, p]) => [p, ns]));

function prefixed(schemas: SchemaSet, key: string): string {
  const m = /^\{([^}]*)\}(.*)$/.exec(key);
  if (!m) throw new Error(`bad key ${key}`);
  const [, ns = '', local = ''] = m;
  if (ns === XSD_NS) return local;
  const prefix = PREFIX_BY_NAMESPACE[ns.replace('_2023_2', '_{v}')];
  if (!prefix) throw new Error(`no prefix for ${ns} (type ${local})`);
  return `${prefix}:${local}`;
}

function keyOf(prefixedName: string): string {
  const [prefix = '', local = ''] = prefixedName.split(':');
  const ns = NAMESPACE_BY_PREFIX.get(prefix);
  if (!ns) throw new Error(`unknown prefix ${prefix}`);
  return `{${ns.replace('_{v}', '_2023_2')}}${local}`;
}

function flatten(g: GroupParticle | undefined, out: ElementParticle[]): void {
  for (const item of g?.items ?? []) {
    if (item.kind === 'element') out.push(item);
    else if (item.kind === 'sequence' && item.min === 1 && item.max === 1) flatten(item, out);
    else throw new Error('the connector table supports plain sequences only');
  }
}

export async function generate(): Promise<SchemaTable> {
  const schemas = await loadNetSuiteSchemas();
  const types: Record<string, unknown> = {};
  const enums: Record<string, string[]> = {};
  const queue = [...ROOTS];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const key = keyOf(name);
    const def = schemas.types.get(key);
    if (!def) throw new Error(`type ${name} not found`);
    if (def.kind === 'simple') {
      enums[name] = [...(def.enumeration ?? [])];
      continue;
    }
    const eff = effectiveType(schemas, key);
    if (!eff) throw new Error(`no effective type for ${name}`);
    const particles: ElementParticle[] = [];
    flatten(eff.content, particles);
    const fields = particles.map((p) => {
      const t = prefixed(schemas, p.type);
      if (t.includes(':') && !SKIP_FIELD(t)) queue.push(t);
      const prefix = PREFIX_BY_NAMESPACE[p.ns.replace('_2023_2', '_{v}')] ?? '';
      return [p.name, prefix, t, p.min, p.max === Number.POSITIVE_INFINITY ? -1 : p.max];
    });
    const attrs = [...eff.attributes.values()].map((a) => {
      const t = prefixed(schemas, a.type);
      if (t.includes(':')) queue.push(t);
      return [a.name, t, a.required ? 1 : 0];
    });
    types[name] = {
      ...(eff.textType ? { text: prefixed(schemas, eff.textType) } : {}),
      fields,
      attrs,
    };
  }
  const sort = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return { types: sort(types), enums: sort(enums) } as SchemaTable;
}

function render(table: SchemaTable): string {
  const types = Object.entries(table.types)
    .map(([name, t]) => `    ${JSON.stringify(name)}: ${JSON.stringify(t)},`)
    .join('\n');
  const enums = Object.entries(table.enums)
    .map(([name, values]) => `    ${JSON.stringify(name)}: ${JSON.stringify(values)},`)
    .join('\n');
  return [
    '// GENERATED from the SuiteTalk 2023_2 XSDs by generate-record-schema.test.ts. Do not edit by hand.',
    '// Field rows: [name, element namespace prefix, type, minOccurs, maxOccurs (-1 = unbounded)].',
    '// Attribute rows: [name, type, required (1/0)]. Types: XSD built-in, `prefix:Type` (complex or enum).',
    '// prettier-ignore',
    "import type { SchemaTable } from './schema-types.js';",
    '',
    '// prettier-ignore',
    'export const SCHEMA: SchemaTable = {',
    '  types: {',
    types,
    '  },',
    '  enums: {',
    enums,
    '  },',
    '};',
    '',
  ].join('\n');
}

const TARGET = fileURLToPath(new URL('./record-schema.generated.ts', import.meta.url));

describe('record schema table', () => {
  it('matches the 2023_2 XSDs', async () => {
    const fresh = await generate();
    if (process.env.UPDATE_NS_SCHEMA === '1' || !existsSync(TARGET)) writeFileSync(TARGET, render(fresh));
    const { SCHEMA } = (await import('./record-schema.generated.js')) as { SCHEMA: SchemaTable };
    expect(SCHEMA).toEqual(fresh);
  });
});
