import type { FieldMapping } from '../definition.js';

type Side = string | { field?: string; read?: string; write?: string };
type Input = Omit<Partial<FieldMapping>, 'salesforce' | 'netsuite' | 'canonical'>;

const side = (s: Side | undefined) => (s === undefined ? undefined : typeof s === 'string' ? { field: s } : s);

/** Compact field-mapping builder for the shipped defaults: f(canonical, salesforce, netsuite, options). */
export function f(canonical: string, sf: Side | undefined, ns: Side | undefined, o: Input = {}): FieldMapping {
  return {
    canonical,
    ...(sf !== undefined ? { salesforce: side(sf) } : {}),
    ...(ns !== undefined ? { netsuite: side(ns) } : {}),
    direction: o.direction ?? 'both',
    master: o.master ?? 'salesforce',
    required: o.required ?? false,
    onOverflow: o.onOverflow ?? 'error',
    ...(o.default !== undefined ? { default: o.default } : {}),
  } as FieldMapping;
}

export const NS_ADDR = (i: number, f: string) => `addressbookList.addressbook.${i}.addressbookAddress.${f}`;
/** The same address field as a JSONata path. */
export const NS_ADDR_J = (i: number, f: string) => `addressbookList.addressbook[${i}].addressbookAddress.${f}`;
