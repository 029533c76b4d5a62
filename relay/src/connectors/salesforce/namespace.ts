/**
 * The package namespace (SF_NAMESPACE, `nsc` when installed from the managed package). Flows and mappings
 * use unprefixed names (`NetSuite_Internal_Id__c`); on the wire custom names carry the prefix
 * (`nsc__NetSuite_Internal_Id__c`, `nsc__Sync_Log__c`, `nsc__Mappings__r`). Names that already carry a
 * namespace and standard names pass through unchanged.
 */
const CUSTOM_SUFFIX = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*__(?:c|r|e|mdt|x|b|chn)$/;

export interface Namespacer {
  readonly namespace: string | undefined;
  /** Unprefixed name or field path → the org's name. */
  toOrg(name: string): string;
  /** Org name or field path → unprefixed name. */
  fromOrg(name: string): string;
  recordToOrg<T extends Record<string, unknown>>(record: T): Record<string, unknown>;
  /** Strips the prefix from keys, recursively through parent relationships and child arrays. */
  recordFromOrg(record: Record<string, unknown>): Record<string, unknown>;
}

export function createNamespacer(namespace?: string): Namespacer {
  const ns = namespace?.trim() || undefined;
  const prefix = ns ? `${ns}__` : '';
  const segTo = (s: string) => (ns && CUSTOM_SUFFIX.test(s) ? prefix + s : s);
  const segFrom = (s: string) =>
    ns && s.startsWith(prefix) && CUSTOM_SUFFIX.test(s.slice(prefix.length)) ? s.slice(prefix.length) : s;
  const toOrg = (name: string) => (ns ? name.split('.').map(segTo).join('.') : name);
  const fromOrg = (name: string) => (ns ? name.split('.').map(segFrom).join('.') : name);

  const mapValue = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(mapValue);
    if (v && typeof v === 'object' && !(v instanceof Date)) return recordFromOrg(v as Record<string, unknown>);
    return v;
  };
  function recordFromOrg(record: Record<string, unknown>): Record<string, unknown> {
    if (!ns) return record;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record))
      out[k === 'attributes' ? k : fromOrg(k)] = k === 'attributes' ? v : mapValue(v);
    return out;
  }
  return {
    namespace: ns,
    toOrg,
    fromOrg,
    recordToOrg(record) {
      if (!ns) return { ...record };
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(record)) out[k === 'attributes' ? k : toOrg(k)] = v;
      return out;
    },
    recordFromOrg,
  };
}
