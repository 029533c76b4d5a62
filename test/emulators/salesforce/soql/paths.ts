/** Field paths in SOQL (`Name`, `Account.Name`, `Account.Owner.Email`, `Parent__r.Code__c`). */
import { SfError } from '../errors.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import type { OrgStore, StoredRecord } from '../store/org-store.js';
import { fieldValue } from '../rest/records.js';

export interface PathRef {
  /** Lookup fields followed, in order, with the object each leads to. */
  steps: Array<{ field: FieldDef; target: ObjectDef }>;
  /** The object owning the final field. */
  owner: ObjectDef;
  field: FieldDef;
  /** Names as the result uses them: relationship names then the field's API name. */
  names: string[];
}

export function noSuchColumnInQuery(name: string, obj: ObjectDef): SfError {
  return new SfError(
    'INVALID_FIELD',
    `No such column '${name}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    400,
  );
}

export function resolvePath(schema: SchemaRegistry, root: ObjectDef, path: string): PathRef {
  const parts = path.split('.');
  // `Account.Name` on Account itself may be written with the object name as prefix.
  if (
    parts.length > 1 &&
    parts[0]?.toLowerCase() === root.name.toLowerCase() &&
    schema.parentRelationship(root, parts[0]) === undefined
  ) {
    parts.shift();
  }
  const steps: PathRef['steps'] = [];
  const names: string[] = [];
  let current = root;
  for (const rel of parts.slice(0, -1)) {
    const lookup = schema.parentRelationship(current, rel);
    const target = lookup === undefined ? undefined : schema.get(lookup.referenceTo[0] ?? '');
    if (lookup === undefined || target === undefined) {
      throw new SfError(
        'INVALID_FIELD',
        `Didn't understand relationship '${rel}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        400,
      );
    }
    steps.push({ field: lookup, target });
    names.push(lookup.relationshipName ?? rel);
    current = target;
  }
  const last = parts[parts.length - 1] ?? '';
  const field = current.fields.get(last.toLowerCase());
  if (field === undefined) throw noSuchColumnInQuery(last, current);
  names.push(field.name);
  return { steps, owner: current, field, names };
}

/** The record a path's final field lives on (undefined when a lookup on the way is empty). */
export function ownerRecord(store: OrgStore, rec: StoredRecord, ref: PathRef): StoredRecord | undefined {
  let current: StoredRecord | undefined = rec;
  for (const step of ref.steps) {
    const id: unknown = current?.values[step.field.name];
    current = typeof id === 'string' ? store.get(id) : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

export function readPath(store: OrgStore, rec: StoredRecord, ref: PathRef): unknown {
  const owner = ownerRecord(store, rec, ref);
  return owner === undefined ? null : fieldValue(ref.owner, owner.values, ref.field.name);
}
