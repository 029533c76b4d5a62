/* global describe, it, expect, jest, beforeEach */
import record from 'N/record';
import Record from 'N/record/instance';
import { get, RECENT_PAYMENTS } from 'SuiteScripts/nsc/financial_summary';
import { realErrors, scriptWith, suiteqlWith } from './helpers';

jest.mock('N/error');
jest.mock('N/log');
jest.mock('N/query');
jest.mock('N/record');
jest.mock('N/record/instance');
jest.mock('N/runtime');
jest.mock('N/runtime/script');

const customerFields = {
  externalid: 'SF-001',
  entityid: 'CUST-1',
  companyname: 'Acme GmbH',
  currency: '1',
  balance: 1500.5,
  overduebalance: 400,
  creditlimit: 10000,
  creditholdoverride: 'OFF',
  daysoverdue: 12,
  unbilledorders: 250,
};

const invoices = [
  { id: 41, tranid: 'INV-41', trandate: '2026-09-01', duedate: '2026-10-01', foreigntotal: 400, foreignamountremaining: 400, status: 'A' },
  { id: 42, tranid: 'INV-42', trandate: '2026-10-05', duedate: '2026-11-04', foreigntotal: 1100.5, foreignamountremaining: 1100.5, status: 'A' },
];
const payments = Array.from({ length: 14 }, (_, i) => ({ id: 100 + i, tranid: `PAY-${i}`, trandate: '2026-08-01', foreigntotal: 10 * i }));

describe('financial_summary RESTlet', () => {
  let calls;
  beforeEach(() => {
    jest.clearAllMocks();
    realErrors();
    scriptWith({ usage: 4965 });
    record.Type = { CUSTOMER: 'customer' };
    record.load.mockReturnValue(Record);
    Record.getValue.mockImplementation(({ fieldId }) => customerFields[fieldId] ?? '');
    calls = suiteqlWith((sql, params) => {
      if (sql.startsWith('SELECT id FROM customer')) return params[0] === 7 || params[0] === 'SF-001' ? [{ id: 7 }] : [];
      if (sql.includes("'CustInvc'")) return invoices;
      if (sql.includes("'CustPymt'")) return payments;
      throw new Error(`unexpected SuiteQL ${sql}`);
    });
  });

  it('answers balance, credit, open invoices and recent payments for an internal id', () => {
    const summary = JSON.parse(get({ customerId: '7' }));
    expect(record.load).toHaveBeenCalledWith({ type: 'customer', id: '7' });
    expect(summary).toMatchObject({
      customer: { id: '7', externalId: 'SF-001', entityId: 'CUST-1', companyName: 'Acme GmbH' },
      balance: 1500.5,
      overdueBalance: 400,
      creditLimit: 10000,
      creditHold: 'OFF',
      daysOverdue: 12,
      unbilledOrders: 250,
      remainingUsage: 4965,
    });
    expect(summary.openInvoices).toEqual([
      { id: '41', number: 'INV-41', date: '2026-09-01', dueDate: '2026-10-01', total: 400, remaining: 400, status: 'Open' },
      { id: '42', number: 'INV-42', date: '2026-10-05', dueDate: '2026-11-04', total: 1100.5, remaining: 1100.5, status: 'Open' },
    ]);
    expect(summary.recentPayments).toHaveLength(RECENT_PAYMENTS);
    expect(summary.recentPayments[0]).toEqual({ id: '100', number: 'PAY-0', date: '2026-08-01', amount: 0 });
  });

  it('binds the customer id as a parameter, never inside the SQL text', () => {
    get({ customerId: '7' });
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call.sql).not.toContain('7');
      expect(call.params).toEqual([7]);
    }
  });

  it('finds the customer by external id', () => {
    const summary = JSON.parse(get({ externalId: 'SF-001' }));
    expect(calls[0]).toEqual({ sql: 'SELECT id FROM customer WHERE externalid = ?', params: ['SF-001'] });
    expect(summary.customer.id).toBe('7');
  });

  it('rejects a request with neither or both keys, or a non-numeric id', () => {
    expect(() => get({})).toThrow(expect.objectContaining({ name: 'NSC_INVALID_REQUEST' }));
    expect(() => get({ customerId: '7', externalId: 'SF-001' })).toThrow(/exactly one/);
    expect(() => get({ customerId: "7' OR 1=1" })).toThrow(/internal id/);
    expect(calls).toHaveLength(0);
  });

  it('names the missing customer', () => {
    expect(() => get({ externalId: 'nope' })).toThrow(
      expect.objectContaining({ name: 'NSC_CUSTOMER_NOT_FOUND', message: 'No customer with external id nope.' }),
    );
    expect(record.load).not.toHaveBeenCalled();
  });

  it('reports an empty credit limit as null and an unset hold as AUTO', () => {
    Record.getValue.mockImplementation(({ fieldId }) => ({ ...customerFields, creditlimit: '', creditholdoverride: '' })[fieldId] ?? '');
    const summary = JSON.parse(get({ customerId: '7' }));
    expect(summary.creditLimit).toBeNull();
    expect(summary.creditHold).toBe('AUTO');
  });
});
