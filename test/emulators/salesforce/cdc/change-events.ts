/**
 * Change Data Capture: turns a committed transaction's change entries into change events with a real
 * ChangeEventHeader and publishes them on `/data/<Entity>ChangeEvent`, `/data/ChangeEvents` and the
 * package's custom channels (`/data/NetSuite_Connect__chn`).
 */
import { randomUUID } from 'node:crypto';
import type { SchemaRegistry } from '../schema/registry.js';
import type { ObjectDef } from '../schema/types.js';
import type { ChangeEntry, DmlContext, FieldValues } from '../store/org-store.js';
import type { EventBus } from '../streaming/index.js';

/** Fields never carried in a change event body. */
const OMITTED = new Set(['Id', 'IsDeleted', 'SystemModstamp']);

export function changeEventChannel(entity: string): string {
  return entity.endsWith('__c') ? `/data/${entity.slice(0, -3)}__ChangeEvent` : `/data/${entity}ChangeEvent`;
}

export function changeOrigin(ctx: DmlContext): string {
  if (!ctx.viaApi) return '';
  return `com/salesforce/api/rest/${ctx.apiVersion};client=${ctx.clientId ?? ''}`;
}

/** Where a field sits in the body: `BillingCity` → BillingAddress.City, `FirstName` → Name.FirstName. */
function compoundPath(obj: ObjectDef, field: string): [string, string] | undefined {
  const def = obj.fields.get(field.toLowerCase());
  const compound = def?.compoundFieldName;
  if (compound === null || compound === undefined) return undefined;
  if (compound === 'Name') return ['Name', field];
  const prefix = compound.slice(0, -'Address'.length);
  return [compound, field.slice(prefix.length)];
}

function hasPersonName(obj: ObjectDef): boolean {
  return obj.fields.get('lastname')?.compoundFieldName === 'Name';
}

/** The event body: header plus fields (all non-null for CREATE/UNDELETE, changed ones for UPDATE). */
export function buildBody(obj: ObjectDef, entry: ChangeEntry): { fields: FieldValues; changedFields: string[] } {
  const fields: FieldValues = {};
  const changedFields: string[] = [];
  if (entry.changeType === 'DELETE') return { fields, changedFields };
  const isUpdate = entry.changeType === 'UPDATE';
  const names = isUpdate ? entry.changedFields : Object.keys(entry.after);
  for (const name of names) {
    if (OMITTED.has(name)) continue;
    const def = obj.fields.get(name.toLowerCase());
    if (def === undefined || def.type === 'address') continue;
    if (name === 'Name' && hasPersonName(obj)) continue; // carried as the compound Name
    const stored = entry.after[name] ?? null;
    // CometD carries datetimes as ISO-8601 with `Z` (the REST API writes `+0000`).
    const value = def.type === 'datetime' && typeof stored === 'string' ? stored.replace(/\+0000$/, 'Z') : stored;
    if (!isUpdate && value === null) continue;
    const path = compoundPath(obj, name);
    if (path === undefined) {
      fields[name] = value;
      if (isUpdate) changedFields.push(name);
      continue;
    }
    const [compound, component] = path;
    const group = (fields[compound] ??= {}) as FieldValues;
    if (isUpdate) {
      group[component] = value;
      changedFields.push(`${compound}.${component}`);
    } else {
      // CREATE/UNDELETE: the whole compound value, every component present.
      for (const f of obj.fields.values()) {
        const p = f.compoundFieldName === compound ? compoundPath(obj, f.name) : undefined;
        if (p !== undefined) group[p[1]] = entry.after[f.name] ?? null;
      }
    }
  }
  return { fields, changedFields };
}

export interface CdcOptions {
  schema: SchemaRegistry;
  bus: EventBus;
  now: () => number;
}

export class ChangeDataCapture {
  private commitNumber = 1_100_670_838_951;

  constructor(private readonly opts: CdcOptions) {}

  /** Channels an entity's events go to (empty when the entity is not selected for CDC). */
  channelsFor(entity: string): string[] {
    if (!this.opts.schema.cdcEntities.has(entity)) return [];
    const custom = [...(this.opts.schema.customChannels.get(entity) ?? [])].map((c) => `/data/${c}`);
    return [changeEventChannel(entity), '/data/ChangeEvents', ...custom];
  }

  /** Every channel CDC may publish to, so subscribers can attach before the first change. */
  allChannels(): string[] {
    const set = new Set<string>();
    for (const e of this.opts.schema.cdcEntities) for (const c of this.channelsFor(e)) set.add(c);
    return [...set];
  }

  /**
   * Publishes the committed changes of one transaction; returns how many events went out. As in a real
   * org, records of one entity that got the same change (same type, same field values) in the same
   * transaction share one event whose `recordIds` lists them all.
   */
  publish(ctx: DmlContext, changes: ChangeEntry[]): number {
    const groups = new Map<
      string,
      { entity: string; changeType: ChangeEntry['changeType']; recordIds: string[]; body: ReturnType<typeof buildBody> }
    >();
    for (const entry of changes) {
      if (this.channelsFor(entry.entity).length === 0) continue;
      const obj = this.opts.schema.get(entry.entity);
      if (obj === undefined) continue;
      const body = buildBody(obj, entry);
      const key = JSON.stringify([entry.entity, entry.changeType, body.fields, body.changedFields]);
      const group = groups.get(key);
      if (group === undefined)
        groups.set(key, { entity: entry.entity, changeType: entry.changeType, recordIds: [entry.recordId], body });
      else group.recordIds.push(entry.recordId);
    }
    if (groups.size === 0) return 0;
    const transactionKey = randomUUID();
    const commitTimestamp = this.opts.now();
    const commitNumber = ++this.commitNumber;
    let sequenceNumber = 0;
    for (const g of groups.values()) {
      const payload = {
        ChangeEventHeader: {
          entityName: g.entity,
          recordIds: g.recordIds,
          changeType: g.changeType,
          changeOrigin: changeOrigin(ctx),
          transactionKey,
          sequenceNumber: ++sequenceNumber,
          commitTimestamp,
          commitNumber,
          commitUser: ctx.userId,
          nulledFields: [],
          diffFields: [],
          changedFields: g.body.changedFields,
        },
        ...g.body.fields,
      };
      this.opts.bus.publish(this.channelsFor(g.entity), payload);
    }
    return sequenceNumber;
  }
}
