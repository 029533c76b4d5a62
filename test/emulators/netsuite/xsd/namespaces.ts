/**
 * NetSuite namespaces carry the endpoint version (`urn:core_2024_1.platform.webservices.netsuite.com`).
 * The schemas here are 2023_2; any version is validated as if it were 2023_2.
 */
const VERSIONED_NS = /^(urn:[A-Za-z.]+)_(\d+_\d+)(\.[A-Za-z.]+\.webservices\.netsuite\.com)$/;

export const SCHEMA_VERSION = '2023_2';

/** Maps a NetSuite namespace of any version to its 2023_2 form; other namespaces pass unchanged. */
const canonicalCache = new Map<string, string>();

export function canonicalNamespace(ns: string): string {
  let hit = canonicalCache.get(ns);
  if (hit === undefined) {
    const m = VERSIONED_NS.exec(ns);
    hit = m ? `${m[1]}_${SCHEMA_VERSION}${m[3]}` : ns;
    if (canonicalCache.size < 1000) canonicalCache.set(ns, hit);
  }
  return hit;
}

/** The version token (`2024_1`) of a NetSuite namespace, or undefined. */
export function namespaceVersion(ns: string): string | undefined {
  return VERSIONED_NS.exec(ns)?.[2];
}

export const isNetSuiteNamespace = (ns: string): boolean => VERSIONED_NS.test(ns);
