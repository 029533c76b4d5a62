import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  MappingRegistry,
  isMappingError,
  parseFlowRecord,
  parseMappingRecord,
  type FieldOverride,
  type FlowOverride,
} from '../mapping/index.js';
import type { Output } from './output.js';

/** `nsc mappings list`: every shipped mapping with its direction and state. */
export function mappingsList(out: Output, json = false): number {
  const registry = new MappingRegistry();
  const all = registry.list();
  if (json) {
    out.line(
      JSON.stringify(
        all.map((m) => ({
          id: m.id,
          label: m.label,
          salesforce: m.salesforce.object,
          netsuite: m.netsuite.record,
          direction: m.direction,
        })),
      ),
    );
    return 0;
  }
  for (const m of all) {
    out.line(
      `${m.id.padEnd(28)} ${m.salesforce.object.padEnd(24)} ${m.direction.padEnd(12)} ${m.netsuite.record.padEnd(18)} ${m.fields.length} fields${registry.isActive(m.id) ? '' : ' (off)'}`,
    );
  }
  return 0;
}

/** `nsc mappings show <id>`: one mapping definition as JSON. */
export function mappingsShow(out: Output, id: string): number {
  const m = new MappingRegistry().get(id);
  if (!m) {
    out.fail(`no mapping ${id}`, 'see nsc mappings list');
    return 1;
  }
  out.line(JSON.stringify(m, null, 2));
  return 0;
}

const exportFile = z.object({
  flows: z.array(z.unknown()).default([]),
  mappings: z
    .array(z.object({ flowKey: z.string(), from: z.enum(['salesforce', 'netsuite']), record: z.unknown() }))
    .default([]),
});

/**
 * `nsc mappings validate <file>`: checks admin overrides exported from Salesforce
 * (`{ flows: [Sync_Flow__c...], mappings: [{ flowKey, from, record: Sync_Mapping__c }] }`) against the
 * shipped mappings, and names each bad mapping and field.
 */
export function mappingsValidate(out: Output, file: string): number {
  let data: z.infer<typeof exportFile>;
  try {
    data = exportFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    out.fail(`${file} is not a mapping export`, (err as Error).message.split('\n')[0]);
    return 1;
  }
  const problems: string[] = [];
  const flows: FlowOverride[] = [];
  const fields: FieldOverride[] = [];
  const attempt = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (err) {
      problems.push(isMappingError(err) ? err.message : `${what}: ${(err as Error).message}`);
    }
  };
  data.flows.forEach((f, i) => attempt(`flows[${i}]`, () => flows.push(parseFlowRecord(f))));
  data.mappings.forEach((m, i) =>
    attempt(`mappings[${i}]`, () => {
      const parsed = parseMappingRecord(m.record, m.flowKey, m.from);
      if (parsed) fields.push(parsed);
    }),
  );
  const registry = new MappingRegistry({ flows, fields });
  for (const e of registry.errors) problems.push(e.message);
  if (problems.length === 0) {
    out.ok(`${file}`, `${flows.length} flow and ${fields.length} field overrides are valid`);
    return 0;
  }
  for (const p of problems) out.fail(p);
  return 1;
}
