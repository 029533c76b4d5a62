import type { System } from '../definition.js';
import { getPath } from '../paths.js';
import type { OrderLike } from './detectors.js';
import type { PartyLike } from './duplicates.js';

const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));
const id = (ref: unknown): string | undefined =>
  str(getPath(ref, 'salesforceId')) ?? str(getPath(ref, 'netsuiteInternalId')) ?? str(getPath(ref, 'netsuiteExternalId'));

/** Reads a (possibly partial) canonical sales order as the order detectors see it. */
export function orderFromCanonical(c: Record<string, unknown>, record: string): OrderLike {
  const lines = Array.isArray(c.lines) ? (c.lines as Record<string, unknown>[]) : [];
  const q = (v: unknown) => (typeof v === 'number' ? String(v) : str(v));
  return {
    record,
    customerId: id(c.customer),
    repId: id(c.salesRep),
    currency: str(c.currency) ?? 'USD',
    total: str(getPath(c, 'total.amount')),
    opportunityAmount: str(getPath(c, 'opportunityAmount.amount')),
    lines: lines.map((l, i) => ({
      lineNumber: i + 1,
      productId: id(l.item),
      quantity: q(l.quantity),
      unitPrice: str(getPath(l, 'unitPrice.amount')),
      discountPercent: q(l.discountPercent),
      amount: str(getPath(l, 'amount.amount')),
    })),
  };
}

/** Reads a canonical customer, contact, vendor or lead as a party for duplicate detection. */
export function partyFromCanonical(c: Record<string, unknown>, fallbackId: string): PartyLike {
  const name = str(c.companyName) ?? [str(c.firstName), str(c.lastName)].filter(Boolean).join(' ');
  const addr = (Array.isArray(c.addresses) ? (c.addresses[0] as Record<string, unknown> | undefined) : undefined) ?? (c.mailingAddress as Record<string, unknown> | undefined);
  return {
    id: id(c.ids) ?? fallbackId,
    name,
    email: str(c.email),
    website: str(c.website),
    phone: str(c.phone),
    street: str(addr?.street1),
    city: str(addr?.city),
    postalCode: str(addr?.postalCode),
    country: str(addr?.country),
  };
}

export type PartyKind = 'customer' | 'contact' | 'vendor' | 'lead';

/** Finds existing parties that could be duplicates (the store backs it with a blocking index). */
export interface PartyDirectory {
  candidates(kind: PartyKind, party: PartyLike): Promise<readonly PartyLike[]>;
}

/** The write side the durable store adds: one row per (kind, system, id), replaced on each upsert. */
export interface PartyRecorder {
  upsertParty(kind: PartyKind, system: System, party: PartyLike): Promise<void>;
}
