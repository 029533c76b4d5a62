/** Dotted paths with numeric indices ("addressbookList.addressbook.0.addr1") over plain JSON objects. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function splitPath(path: string): string[] {
  const parts = path.split('.').filter((p) => p.length > 0);
  for (const p of parts) if (FORBIDDEN.has(p)) throw new RangeError(`Forbidden path segment "${p}" in "${path}"`);
  return parts;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const p of splitPath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = splitPath(path);
  let cur: Record<string, unknown> = obj;
  parts.forEach((p, i) => {
    if (i === parts.length - 1) {
      cur[p] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(parts[i + 1] ?? '');
    const next = cur[p];
    if (next === null || typeof next !== 'object') cur[p] = nextIsIndex ? [] : {};
    cur = cur[p] as Record<string, unknown>;
  });
}

export const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
