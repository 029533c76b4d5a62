import { z } from 'zod';
import { MappingError } from './errors.js';

/**
 * Crosswalk tables: Salesforce User → NetSuite Employee, Product2 → Item, currency ISO → NetSuite currency,
 * state/country integration values, subsidiary. An entry is a value, or an alias `{ "ref": "table:key" }`
 * that continues the lookup in another (or the same) table. Alias chains are checked for cycles both when
 * the tables are loaded (all of them) and at lookup time (defence in depth).
 */
export const crosswalkEntrySchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.object({ ref: z.string().regex(/^[A-Za-z0-9_.-]+:.+$/, 'a reference "table:key"') }),
]);
export const crosswalkTablesSchema = z.record(z.string().min(1), z.record(z.string(), crosswalkEntrySchema));
export type CrosswalkTables = z.infer<typeof crosswalkTablesSchema>;
export type CrosswalkValue = string | number | boolean;

const MAX_HOPS = 32;

function parseRef(ref: string): [string, string] {
  const i = ref.indexOf(':');
  return [ref.slice(0, i), ref.slice(i + 1)];
}

export class Crosswalk {
  private constructor(
    private readonly tables: CrosswalkTables,
    private readonly owner: string,
  ) {}

  /** Validates the tables and rejects any alias cycle, naming the table and key where it starts. */
  static load(input: unknown, owner = 'crosswalk'): Crosswalk {
    const parsed = crosswalkTablesSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MappingError(owner, issue ? issue.path.join('.') : '', `invalid crosswalk table: ${issue?.message ?? 'unknown'}`);
    }
    const cw = new Crosswalk(parsed.data, owner);
    for (const [table, entries] of Object.entries(parsed.data)) for (const key of Object.keys(entries)) cw.resolve(table, key);
    return cw;
  }

  /** Follows aliases; undefined when the key (or a referenced key) is absent; throws on a cycle. */
  resolve(table: string, key: string): CrosswalkValue | undefined {
    const seen: string[] = [];
    let t = table;
    let k = key;
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
      const id = `${t}:${k}`;
      if (seen.includes(id))
        throw new MappingError(this.owner, `${table}:${key}`, `cyclic lookup ${[...seen, id].join(' → ')}`, 'MAPPING_CYCLIC_LOOKUP');
      seen.push(id);
      const entry = this.tables[t]?.[k];
      if (entry === undefined) return undefined;
      if (typeof entry !== 'object') return entry;
      [t, k] = parseRef(entry.ref);
    }
    throw new MappingError(this.owner, `${table}:${key}`, `lookup chain longer than ${MAX_HOPS} hops`, 'MAPPING_CYCLIC_LOOKUP');
  }

  /** Reverse lookup (NetSuite value → Salesforce key) over direct entries of one table. */
  reverse(table: string, value: CrosswalkValue): string | undefined {
    for (const key of Object.keys(this.tables[table] ?? {})) if (this.resolve(table, key) === value) return key;
    return undefined;
  }

  has(table: string): boolean {
    return this.tables[table] !== undefined;
  }

  tableNames(): string[] {
    return Object.keys(this.tables);
  }

  /** A copy with other tables layered on top (admin overrides win), re-checked for cycles. */
  with(overrides: CrosswalkTables, owner = this.owner): Crosswalk {
    const merged: CrosswalkTables = { ...this.tables };
    for (const [t, entries] of Object.entries(overrides)) merged[t] = { ...(merged[t] ?? {}), ...entries };
    return Crosswalk.load(merged, owner);
  }
}
