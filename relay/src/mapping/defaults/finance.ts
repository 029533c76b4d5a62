import type { MappingDefinitionInput } from '../definition.js';
import { f } from './helpers.js';

const sf = { direction: 'toSalesforce' as const, master: 'netsuite' as const };
const nsCurrency = '$reverseLookup("currency", currency.internalId)';

/** NetSuite invoice → NetSuite_Invoice__c (a read-only mirror under the Account and Order). */
export const invoiceMirror: MappingDefinitionInput = {
  id: 'invoice-netsuite-invoice',
  label: 'Invoice → NetSuite_Invoice__c',
  canonical: 'invoice',
  salesforce: { object: 'NetSuite_Invoice__c' },
  netsuite: { record: 'invoice' },
  direction: 'toSalesforce',
  fields: [
    f('number', 'Name', 'tranId', { ...sf, required: true }),
    f('tranId', 'Tran_Id__c', 'tranId', sf),
    f('ids.netsuiteInternalId', 'NetSuite_Internal_Id__c', 'internalId', { ...sf, required: true }),
    f('customer.salesforceId', 'Account__c', { read: 'entity.externalId' }, { ...sf, required: true }),
    f('salesOrder.salesforceId', 'Order__c', { read: 'createdFrom.externalId' }, sf),
    f('invoiceDate', { field: 'Invoice_Date__c' }, { read: '$zonedToDate(tranDate, $tz)' }, sf),
    f('dueDate', { field: 'Due_Date__c' }, { read: '$zonedToDate(dueDate, $tz)' }, sf),
    f('currency', 'Currency__c', { read: nsCurrency }, sf),
    f('total.amount', 'Total__c', { read: '$amount(total)' }, sf),
    f('amountRemaining.amount', 'Amount_Remaining__c', { read: '$amount(amountRemaining)' }, sf),
    f('status', { field: 'Status__c', write: '$lookup("invoiceStatus", $value)' }, { read: 'status' }, sf),
  ],
};

/** NetSuite invoice → the Order's invoice number, amount remaining and payment status. */
export const invoiceOrderStatus: MappingDefinitionInput = {
  id: 'invoice-order-status',
  label: 'Invoice → Order payment status',
  canonical: 'invoice',
  salesforce: { object: 'Order' },
  netsuite: { record: 'invoice' },
  direction: 'toSalesforce',
  fields: [
    f('salesOrder.salesforceId', 'Id', { read: 'createdFrom.externalId' }, { ...sf, required: true }),
    f('number', 'NetSuite_Invoice_Number__c', 'tranId', sf),
    f('total.amount', undefined, { read: '$amount(total)' }, sf),
    f('amountRemaining.amount', 'NetSuite_Amount_Remaining__c', { read: '$amount(amountRemaining)' }, sf),
    // Paid when NetSuite says so; otherwise partially paid once anything was paid, else unpaid.
    f('status', { field: 'NetSuite_Payment_Status__c', write: '$value in ["Paid In Full", "_paidInFull"] ? "Paid" : ($cmp($coalesce(amountRemaining.amount, 0), $coalesce(total.amount, 0)) < 0 ? "Partially Paid" : "Unpaid")' }, { read: 'status' }, sf),
  ],
};

/** NetSuite customer payment → NetSuite_Payment__c. */
export const paymentMirror: MappingDefinitionInput = {
  id: 'payment-netsuite-payment',
  label: 'Customer Payment → NetSuite_Payment__c',
  canonical: 'payment',
  salesforce: { object: 'NetSuite_Payment__c' },
  netsuite: { record: 'customerPayment' },
  direction: 'toSalesforce',
  fields: [
    f('number', 'Name', { read: '$coalesce(tranId, internalId)' }, { ...sf, required: true }),
    f('tranId', 'Tran_Id__c', 'tranId', sf),
    f('ids.netsuiteInternalId', 'NetSuite_Internal_Id__c', 'internalId', { ...sf, required: true }),
    f('customer.salesforceId', 'Account__c', { read: 'customer.externalId' }, { ...sf, required: true }),
    f('depositStatus', { field: 'Status__c', write: '$lookup("paymentDepositStatus", $value)' }, { read: 'status' }, sf),
    f('appliedInvoices', 'Applied_Invoices__c', { read: '$join(applyList.apply[apply = true].refNum, ", ")' }, sf),
    f('paymentDate', 'Payment_Date__c', { read: '$zonedToDate(tranDate, $tz)' }, sf),
    f('total.amount', 'Amount__c', { read: '$amount(payment)' }, sf),
    f('currency', 'Currency__c', { read: nsCurrency }, sf),
    f('method', 'Payment_Method__c', { read: 'paymentMethod.name' }, sf),
    f('memo', 'Memo__c', { read: '$truncate(memo, 255)' }, sf),
  ],
};

/** NetSuite vendor bill → NetSuite_Vendor_Bill__c (accounts payable visible in the CRM). */
export const vendorBillMirror: MappingDefinitionInput = {
  id: 'vendor-bill-netsuite-vendor-bill',
  label: 'Vendor Bill → NetSuite_Vendor_Bill__c',
  canonical: 'vendorBill',
  salesforce: { object: 'NetSuite_Vendor_Bill__c' },
  netsuite: { record: 'vendorBill' },
  direction: 'toSalesforce',
  fields: [
    f('number', 'Name', { read: '$coalesce(tranId, internalId)' }, { ...sf, required: true }),
    f('ids.netsuiteInternalId', 'NetSuite_Internal_Id__c', 'internalId', { ...sf, required: true }),
    f('vendor.salesforceId', 'Vendor__c', { read: 'entity.externalId' }, sf),
    f('billDate', 'Bill_Date__c', { read: '$zonedToDate(tranDate, $tz)' }, sf),
    f('dueDate', 'Due_Date__c', { read: '$zonedToDate(dueDate, $tz)' }, sf),
    f('total.amount', 'Total__c', { read: '$amount(userTotal)' }, sf),
    f('currency', 'Currency__c', { read: nsCurrency }, sf),
    f('memo', 'Memo__c', { read: '$truncate(memo, 255)' }, sf),
  ],
};

/** Salesforce journal entry request (e.g. commission accruals) → NetSuite journal entry; must balance. */
export const journalEntry: MappingDefinitionInput = {
  id: 'journal-entry',
  label: 'Journal_Entry__c (+ lines) → Journal Entry',
  canonical: 'journalEntry',
  salesforce: { object: 'Journal_Entry__c' },
  netsuite: { record: 'journalEntry' },
  direction: 'toNetSuite',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId', { direction: 'toNetSuite' }),
    f('entryDate', 'Entry_Date__c', { field: 'tranDate', write: '$dateToZoned($value, $tz)' }, { direction: 'toNetSuite', required: true }),
    f('currency', 'Currency__c', { field: 'currency', write: '$ref($lookup("currency", $value))' }, { direction: 'toNetSuite', default: 'USD' }),
    f('memo', 'Memo__c', 'memo', { direction: 'toNetSuite' }),
    f('subsidiary.name', 'Subsidiary__c', { field: 'subsidiary', write: '$ref($lookup("subsidiary", $value))' }, { direction: 'toNetSuite', default: 'default' }),
  ],
  lines: [
    {
      canonical: 'lines',
      salesforce: 'Journal_Entry_Lines__r',
      netsuite: 'lineList.line',
      fields: [
        f('account.name', 'GL_Account__c', { field: 'account', write: '$ref($lookup("glAccount", $value))' }, { direction: 'toNetSuite', required: true }),
        f('debit', { read: '$toDecimal(Debit__c)' }, { field: 'debit', write: '$toNumber($value)' }, { direction: 'toNetSuite' }),
        f('credit', { read: '$toDecimal(Credit__c)' }, { field: 'credit', write: '$toNumber($value)' }, { direction: 'toNetSuite' }),
        f('memo', 'Memo__c', 'memo', { direction: 'toNetSuite' }),
      ],
    },
  ],
  rules: [
    { id: 'journal-unbalanced', when: '$sumDec(lines.debit) != $sumDec(lines.credit)', action: 'block', field: 'lineList.line', message: 'Debits and credits do not balance', suggestedFix: 'Correct the line amounts so total debits equal total credits.' },
  ],
};
