import type { System } from '../definition.js';

/** Answers whether a referenced record exists in the target (the flows back it with the store's id map). */
export interface ReferenceResolver {
  exists(system: System, recordType: string, ref: { internalId?: string; externalId?: string; id?: string }): Promise<boolean | 'unknown'>;
}

/** A resolver over known ids, for previews and tests: "<recordType>:<id>" strings. */
export function knownIdsResolver(known: Iterable<string>): ReferenceResolver {
  const set = new Set(known);
  return {
    async exists(_system, recordType, ref) {
      const id = ref.internalId ?? ref.externalId ?? ref.id;
      return id !== undefined && set.has(`${recordType}:${id}`);
    },
  };
}
