import type { NsRecordType } from '../port.js';
import type { RestWebServicesClient } from './client.js';

/**
 * SuiteQL over REST takes no bound parameters: literals go into the text, escaped here and only here
 * (single quotes doubled, control characters refused). Numbers must be finite; identifiers come from
 * the fixed tables below, never from input.
 */
export function sqlString(value: string): string {
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') throw new RangeError('SuiteQL string literal contains control characters');
  }
  return `'${value.replace(/'/g, "''")}'`;
}

export function sqlNumber(value: string | number): string {
  const s = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new RangeError(`not a number for SuiteQL: ${JSON.stringify(s)}`);
  return s;
}

/** `TO_TIMESTAMP('2026-11-26 21:00:00', 'YYYY-MM-DD HH24:MI:SS')` (UTC). */
export function sqlTimestamp(d: Date): string {
  const iso = d.toISOString();
  return `TO_TIMESTAMP(${sqlString(`${iso.slice(0, 10)} ${iso.slice(11, 19)}`)}, 'YYYY-MM-DD HH24:MI:SS')`;
}

/** Where each record type lives in SuiteQL. */
export const SUITEQL_TABLE: Record<NsRecordType, { table: string; where?: string }> = {
  customer: { table: 'customer' },
  contact: { table: 'contact' },
  employee: { table: 'employee' },
  vendor: { table: 'vendor' },
  inventoryItem: { table: 'item', where: "itemtype = 'InvtPart'" },
  nonInventorySaleItem: { table: 'item', where: "itemtype = 'NonInvtPart'" },
  serviceSaleItem: { table: 'item', where: "itemtype = 'Service'" },
  salesOrder: { table: 'transaction', where: "type = 'SalesOrd'" },
  invoice: { table: 'transaction', where: "type = 'CustInvc'" },
  customerPayment: { table: 'transaction', where: "type = 'CustPymt'" },
  vendorBill: { table: 'transaction', where: "type = 'VendBill'" },
  journalEntry: { table: 'transaction', where: "type = 'Journal'" },
};

/** Search-side TransactionStatus values → transaction.status letters. */
export const STATUS_LETTER: Record<string, string> = {
  _salesOrderPendingApproval: 'A',
  _salesOrderPendingFulfillment: 'B',
  _salesOrderCancelled: 'C',
  _salesOrderPartiallyFulfilled: 'D',
  _salesOrderPendingBillingPartiallyFulfilled: 'E',
  _salesOrderPendingBilling: 'F',
  _salesOrderBilled: 'G',
  _salesOrderClosed: 'H',
  _invoiceOpen: 'A',
  _invoicePaidInFull: 'B',
  _invoicePendingApproval: 'D',
  _invoiceRejected: 'E',
  _invoiceVoided: 'V',
  _paymentNotDeposited: 'B',
  _paymentDeposited: 'C',
};

export interface SuiteQlPage {
  items: Record<string, string>[];
  hasMore: boolean;
  totalResults: number;
  offset: number;
}

/** One page of a SuiteQL query (`Prefer: transient`, limit 1–1000). */
export async function suiteqlPage(
  client: RestWebServicesClient,
  q: string,
  limit: number,
  offset: number,
): Promise<SuiteQlPage> {
  const json = (await client.json(
    'POST',
    client.url('/services/rest/query/v1/suiteql', { limit, offset }),
    'SuiteQL',
    { q },
    { prefer: 'transient' },
  )) as {
    items?: Record<string, unknown>[];
    hasMore?: boolean;
    totalResults?: number;
    offset?: number;
  };
  const items = (json.items ?? []).map((row) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => k !== 'links')
        .map(([k, v]) => [k, String(v)]),
    ),
  );
  return {
    items,
    hasMore: Boolean(json.hasMore),
    totalResults: Number(json.totalResults ?? items.length),
    offset: Number(json.offset ?? offset),
  };
}

/** Every row of a query, following hasMore. */
export async function suiteqlAll(
  client: RestWebServicesClient,
  q: string,
  limit = 1000,
): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await suiteqlPage(client, q, limit, offset);
    rows.push(...page.items);
    if (!page.hasMore) return rows;
  }
}
