/**
 * RESTlet customscript_nsc_financial_summary: one customer's financial position in one call.
 *
 * GET ?customerId=<internalId> | ?externalId=<externalId>
 * Usage: 1 SuiteQL lookup (10) + 1 customer load (5) + 2 SuiteQL queries (20) = 35 of 5,000 units.
 *
 * @NApiVersion 2.1
 * @NScriptType Restlet
 * @NModuleScope SameAccount
 */

import type { EntryPoints } from 'N/types';
import * as error from 'N/error';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import { rows, num, str } from './lib/suiteql';
import { toJson } from './lib/values';

/** How many recent payments the summary lists. */
export const RECENT_PAYMENTS = 10;

/** transaction.status letters of an invoice, as the UI names them. */
const INVOICE_STATUS: Record<string, string> = {
  A: 'Open',
  B: 'Paid In Full',
  D: 'Pending Approval',
  E: 'Rejected',
  V: 'Voided',
};

interface Params {
  customerId?: string;
  externalId?: string;
}

function badRequest(message: string): never {
  throw error.create({ name: 'NSC_INVALID_REQUEST', message, notifyOff: true });
}

/** Finds the customer's internal id from either key; throws NSC_CUSTOMER_NOT_FOUND when there is none. */
export function resolveCustomerId(params: Params): string {
  const byId = params.customerId !== undefined && params.customerId !== '';
  const byExternal = params.externalId !== undefined && params.externalId !== '';
  if (byId === byExternal) badRequest('Give exactly one of the parameters customerId or externalId.');
  if (byId && !/^\d+$/.test(params.customerId as string)) badRequest('customerId must be a NetSuite internal id (digits).');
  const found = byId
    ? rows('SELECT id FROM customer WHERE id = ?', [Number(params.customerId)])
    : rows('SELECT id FROM customer WHERE externalid = ?', [params.externalId as string]);
  if (found.length === 0) {
    const key = byId ? `internal id ${params.customerId}` : `external id ${params.externalId}`;
    throw error.create({ name: 'NSC_CUSTOMER_NOT_FOUND', message: `No customer with ${key}.`, notifyOff: true });
  }
  return String(found[0]!.id);
}

export function financialSummary(params: Params) {
  const id = resolveCustomerId(params);
  const customer = record.load({ type: record.Type.CUSTOMER, id });
  const value = (fieldId: string) => customer.getValue({ fieldId });

  const invoices = rows(
    "SELECT t.id, t.tranid, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate, TO_CHAR(t.duedate, 'YYYY-MM-DD') AS duedate, " +
      't.foreigntotal, t.foreignamountremaining, t.status FROM transaction t ' +
      "WHERE t.type = 'CustInvc' AND t.entity = ? AND t.foreignamountremaining > 0 ORDER BY t.duedate ASC, t.id ASC",
    [Number(id)],
  );
  const payments = rows(
    "SELECT t.id, t.tranid, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate, t.foreigntotal FROM transaction t " +
      "WHERE t.type = 'CustPymt' AND t.entity = ? ORDER BY t.trandate DESC, t.id DESC",
    [Number(id)],
  );

  const summary = {
    customer: {
      id,
      externalId: toJson(value('externalid')),
      entityId: toJson(value('entityid')),
      companyName: toJson(value('companyname')),
      currency: toJson(value('currency')),
    },
    balance: num(value('balance')),
    overdueBalance: num(value('overduebalance')),
    creditLimit: value('creditlimit') === '' || value('creditlimit') === null ? null : num(value('creditlimit')),
    creditHold: str(value('creditholdoverride')) ?? 'AUTO',
    daysOverdue: num(value('daysoverdue')),
    unbilledOrders: num(value('unbilledorders')),
    openInvoices: invoices.map((r) => ({
      id: String(r.id),
      number: str(r.tranid),
      date: str(r.trandate),
      dueDate: str(r.duedate),
      total: num(r.foreigntotal),
      remaining: num(r.foreignamountremaining),
      status: INVOICE_STATUS[String(r.status)] ?? str(r.status),
    })),
    recentPayments: payments.slice(0, RECENT_PAYMENTS).map((r) => ({
      id: String(r.id),
      number: str(r.tranid),
      date: str(r.trandate),
      amount: num(r.foreigntotal),
    })),
    asOf: new Date().toISOString(),
    remainingUsage: runtime.getCurrentScript().getRemainingUsage(),
  };
  log.debug({ title: 'financial summary', details: `customer ${id}: ${summary.openInvoices.length} open invoices` });
  return summary;
}

export const get: EntryPoints.RESTlet.get = (params?: Partial<Params>) => JSON.stringify(financialSummary(params ?? {}));
