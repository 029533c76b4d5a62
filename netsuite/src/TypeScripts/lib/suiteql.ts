/**
 * SuiteQL helpers shared by the RESTlets.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */

import * as query from 'N/query';

export type Row = Record<string, string | number | boolean | null>;

/** Runs one SuiteQL statement with bound parameters (10 usage units) and returns plain rows. */
export function rows(sql: string, params: (string | number | boolean)[]): Row[] {
  return query.runSuiteQL({ query: sql, params }).asMappedResults() as Row[];
}

/** `?, ?, ?` for an IN list of n bound parameters. */
export const placeholders = (n: number): string => new Array(n).fill('?').join(', ');

export const num = (v: unknown): number => {
  if (v === null || v === undefined || v === '') return 0;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : 0;
};

export const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
