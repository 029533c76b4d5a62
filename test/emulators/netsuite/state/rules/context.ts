import { errors } from '../errors.js';
import type { RecordStore } from '../record-store.js';
import type { SetupListName, SetupLists } from '../setup-lists.js';
import type { RecordRef, RecordType, StoredRecord } from '../types.js';

export interface AccountOptions {
  /** OneWorld: subsidiary required on entities and transactions. Default true. */
  oneWorld: boolean;
  /** Advanced Shipping: invoices bill only fulfilled quantities. Default false (billing fulfils). */
  advancedShipping: boolean;
  /** Sales orders start in _pendingApproval unless the request sets orderStatus. Default false. */
  salesOrderApproval: boolean;
}

/** What a record's rules can see and use while a save is prepared. */
export class RuleContext {
  constructor(
    readonly store: RecordStore,
    readonly setup: SetupLists,
    readonly options: AccountOptions,
    readonly now: () => Date,
  ) {}

  /** A stored record's display name, as NetSuite puts it in RecordRef `name`. */
  displayName(stored: StoredRecord): string {
    const f = stored.fields;
    const pick = (...keys: string[]): string[] =>
      keys.map((k) => f[k]).filter((v): v is string => typeof v === 'string' && v !== '');
    switch (stored.type) {
      case 'customer':
      case 'vendor': {
        const parts = pick('entityId');
        const company = pick('companyName')[0] ?? pick('firstName', 'lastName').join(' ');
        if (company && company !== parts[0]) parts.push(company);
        return parts.join(' ');
      }
      case 'contact':
      case 'employee':
        return pick('entityId')[0] ?? pick('firstName', 'lastName').join(' ');
      case 'inventoryItem':
      case 'nonInventorySaleItem':
      case 'serviceSaleItem':
        return pick('itemId')[0] ?? stored.internalId;
      default:
        return pick('tranId')[0] ?? stored.internalId;
    }
  }

  /**
   * Resolves a RecordRef to a stored record of one of `types`; INVALID_KEY_OR_REF when it names
   * nothing. Returns the normalised reference ({ internalId, name }) or undefined when absent.
   */
  ref(
    field: string,
    value: unknown,
    types: readonly RecordType[],
  ): { ref: RecordRef; stored: StoredRecord } | undefined {
    const given = presentRef(value);
    if (!given) return undefined;
    for (const type of types) {
      const stored = this.store.find(type, given);
      if (stored) return { ref: { internalId: stored.internalId, name: this.displayName(stored) }, stored };
    }
    throw errors.invalidRef(field, given.internalId ?? given.externalId ?? '');
  }

  setupRef(field: string, value: unknown, list: SetupListName): RecordRef | undefined {
    const given = presentRef(value);
    if (!given) return undefined;
    const key = given.internalId ?? '';
    const name = this.setup[list][key];
    if (name === undefined) throw errors.invalidRef(field, key || (given.externalId ?? ''));
    return { internalId: key, name };
  }

  /** Throws "Please enter value(s) for: <label>" when the value is absent or blank. */
  required(value: unknown, label: string): void {
    if (value === undefined || value === null || value === '') throw errors.required(label);
  }
}

/** A present value must be a usable reference: anything else is "The specified key is invalid." */
function presentRef(value: unknown): RecordRef | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const ref = asRef(value);
  if (!ref) throw errors.invalidKey();
  return ref;
}

export function asRef(value: unknown): RecordRef | undefined {
  if (value === undefined || value === null || typeof value !== 'object') return undefined;
  const v = value as RecordRef;
  const internalId = typeof v.internalId === 'string' && v.internalId !== '' ? v.internalId : undefined;
  const externalId = typeof v.externalId === 'string' && v.externalId !== '' ? v.externalId : undefined;
  if (!internalId && !externalId) return undefined;
  return { internalId, externalId, type: v.type, name: v.name };
}

export function num(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/** Sublist rows: `{ item: [...] }` → the array (tolerating a single object). */
export function rows(list: unknown, key: string): Record<string, unknown>[] {
  if (!list || typeof list !== 'object') return [];
  const inner = (list as Record<string, unknown>)[key];
  if (Array.isArray(inner)) return inner.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object');
  if (inner && typeof inner === 'object') return [inner as Record<string, unknown>];
  return [];
}
