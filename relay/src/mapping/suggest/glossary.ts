/**
 * What common NetSuite standard fields mean, in the words Salesforce admins use for them. A field's glossary
 * entries act as alternative labels ("entity" on a bill is the supplier; "location" is the warehouse or store).
 * Keyed by SuiteTalk field name; applies only to NetSuite fields.
 */
export const NETSUITE_GLOSSARY: Record<string, readonly string[]> = {
  entity: ['customer', 'vendor', 'supplier', 'client', 'payee', 'party'],
  customer: ['customer', 'account', 'client', 'payer'],
  employee: ['employee', 'buyer', 'purchaser', 'requester', 'consultant', 'resource'],
  salesRep: ['sales rep', 'salesperson', 'seller', 'agent', 'account manager'],
  location: ['location', 'warehouse', 'site', 'store', 'branch', 'office', 'deliver to', 'plant'],
  createdFrom: ['purchase order', 'sales order', 'source document', 'original order'],
  paymentMethod: ['payment method', 'method', 'tender', 'payment type'],
  payment: ['amount', 'payment amount', 'amount paid'],
  territory: ['region', 'sales region', 'area', 'district'],
  startDate: ['start date', 'customer since', 'since'],
  organizer: ['owner', 'assigned to', 'host'],
  assigned: ['owner', 'assigned to'],
  company: ['related to', 'account', 'customer'],
  contact: ['contact', 'name', 'who'],
  accessLevel: ['private', 'visibility'],
  title: ['subject', 'name'],
  dueDate: ['due date', 'receive by', 'expected date', 'expires'],
  tranDate: ['date', 'transaction date'],
  otherRefNum: ['po number', 'reference number', 'customer reference'],
  altName: ['legal name', 'alternate name'],
  vatRegNumber: ['tax id', 'tax number', 'vat number'],
  terms: ['payment terms', 'terms'],
  exchangeRate: ['fx rate', 'exchange rate', 'conversion rate'],
  shipMethod: ['carrier', 'ship via', 'shipping method'],
  memo: ['memo', 'notes', 'remarks', 'description'],
};
