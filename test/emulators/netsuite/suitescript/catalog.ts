import { readFileSync } from 'node:fs';
import type { RecordType } from '../state/types.js';
import { ScriptError } from './execution.js';

/**
 * SuiteScript ids ↔ the account state's SuiteTalk (XSD) names.
 * field-catalog.json was generated from reference/netsuite/record-fields-2023_2.md: for each record
 * (and sublist row) type, every XSD field with a kind (ref, date, bool, num, str, enum, list, object).
 */
export type FieldKind = 'ref' | 'date' | 'bool' | 'num' | 'str' | 'enum' | 'list' | 'object';

const catalog = JSON.parse(readFileSync(new URL('./field-catalog.json', import.meta.url), 'utf8')) as Record<string, Record<string, FieldKind>>;

/** N/record type ids (record.Type values) → the state's record types. */
export const SCRIPT_TYPES: Readonly<Record<string, RecordType>> = {
  customer: 'customer',
  contact: 'contact',
  salesorder: 'salesOrder',
  invoice: 'invoice',
  customerpayment: 'customerPayment',
  inventoryitem: 'inventoryItem',
  noninventoryitem: 'nonInventorySaleItem',
  serviceitem: 'serviceSaleItem',
};

export const scriptTypeOf = (type: RecordType): string | undefined =>
  Object.entries(SCRIPT_TYPES).find(([, t]) => t === type)?.[0];

export function stateType(scriptType: unknown): RecordType {
  const t = SCRIPT_TYPES[String(scriptType).toLowerCase()];
  if (!t) throw new ScriptError('SSS_INVALID_RECORD_TYPE', `emulator: record type ${String(scriptType)} is not emulated`);
  return t;
}

/** Sublist id in SuiteScript → [XSD list field, row element]. */
export function sublistNames(sublistId: string): [string, string] {
  return [`${sublistId}List`, sublistId];
}

export interface FieldInfo {
  name: string;
  kind: FieldKind;
  custom: boolean;
}

const SPECIAL: Record<string, FieldInfo> = {
  externalid: { name: 'externalId', kind: 'str', custom: false },
  id: { name: 'internalId', kind: 'str', custom: false },
};

/** Resolves a SuiteScript field id on a record type (or `type.sublist`); unknown ids fail loudly. */
export function fieldInfo(catalogKey: string, fieldId: string): FieldInfo {
  const lower = fieldId.toLowerCase();
  if (SPECIAL[lower]) return SPECIAL[lower];
  if (/^cust(entity|body|item|col|record)_/.test(lower)) return { name: lower, kind: 'str', custom: true };
  const fields = catalog[catalogKey];
  if (!fields) throw new ScriptError('SSS_INVALID_SUBLIST_OPERATION', `emulator: no field catalog for ${catalogKey}`);
  const name = Object.keys(fields).find((k) => k.toLowerCase() === lower);
  if (!name) throw new ScriptError('SSS_INVALID_FIELD_ID', `emulator: ${fieldId} is not a field of ${catalogKey}`);
  return { name, kind: fields[name]!, custom: false };
}
