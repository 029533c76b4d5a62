import type { Governance } from '../../governance.js';
import type { AccountState } from '../../state/account.js';
import { isNsRecordError } from '../../state/errors.js';
import type { RecordType } from '../../state/types.js';
import type { XEl } from '../../xsd/index.js';
import type { SchemaSet } from '../../xsd/model.js';
import type { Json } from '../codec.js';
import { NS } from '../namespaces.js';
import type { SearchSessions } from '../search-sessions.js';

export interface SoapPreferences {
  ignoreReadOnlyFields: boolean;
  warningAsError: boolean;
}

export interface SearchPreferences {
  bodyFieldsOnly: boolean;
  returnSearchColumns: boolean;
  pageSize?: number;
}

/** Everything an operation handler needs for one request. */
export interface OperationContext {
  schemas: SchemaSet;
  account: AccountState;
  governance: Governance;
  searches: SearchSessions;
  version: string;
  /** Authenticated token id ('' for the unauthenticated getDataCenterUrls). */
  tokenId: string;
  /** Origin the request reached (what getDataCenterUrls returns as the account's domains). */
  baseUrl: string;
  preferences: SoapPreferences;
  searchPreferences: SearchPreferences;
  /** The `lock` fault was injected: writes to existing records fail with RCRD_LOCKED_BY_WF. */
  lockInjected: boolean;
}

export type Operation = (ctx: OperationContext, request: XEl) => Promise<Json>;

export const RECORD_REF = `{${NS.platformCore}}RecordRef`;
export const BASE_REF = `{${NS.platformCore}}BaseRef`;
export const RECORD = `{${NS.platformCore}}Record`;

export interface StatusDetail {
  code: string;
  message: string;
  type?: 'ERROR' | 'WARN' | 'INFO';
}

export function ok(): Json {
  return { isSuccess: true };
}

export function failed(detail: StatusDetail): Json {
  return {
    isSuccess: false,
    statusDetail: [{ type: detail.type ?? 'ERROR', code: detail.code, message: detail.message }],
  };
}

/** A thrown NsRecordError → its statusDetail; anything else is a bug and propagates. */
export function detailOf(err: unknown): StatusDetail {
  if (isNsRecordError(err)) return { code: err.code, message: err.message };
  throw err;
}

export function baseRef(type: RecordType | undefined, ids: { internalId?: string; externalId?: string }): Json {
  return { xsiType: RECORD_REF, internalId: ids.internalId, externalId: ids.externalId, type };
}

export function children(el: XEl, local: string): XEl[] {
  return el.children.filter((c) => c.local === local);
}

export function child(el: XEl, local: string): XEl | undefined {
  return el.children.find((c) => c.local === local);
}

export function attr(el: XEl, local: string): string | undefined {
  return el.attrs.find((a) => a.local === local && a.ns === '')?.value;
}
