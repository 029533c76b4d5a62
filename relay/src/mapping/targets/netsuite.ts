import { spec, specs, type RecordSpec } from './descriptor.js';

/**
 * NetSuite target fields the shipped mappings write (names from SuiteTalk 2023_2, record-fields-2023_2.md).
 * Lengths follow NetSuite's field limits (companyName/entityId 83, names 32, email 254, phone 32, memo 999,
 * text areas 4000). RecordRefs are { internalId } or { externalId }.
 */
const address = {
  'addr1': 'string:150', 'addr2': 'string:150', 'addr3': 'string:150', 'city': 'string:50', 'state': 'string:30',
  'zip': 'string:36', 'country': 'string:60', 'addressee': 'string:150', 'addrPhone': 'phone:32',
};
const prefixed = (p: string, o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${p}.${k}`, v]));

export const netsuiteRecords: Record<string, RecordSpec> = {
  customer: {
    ...specs({
      externalId: 'string:255', entityId: 'string:83', companyName: 'string:83!', isPerson: 'boolean', phone: 'phone:32',
      fax: 'phone:32', email: 'email:254', url: 'url:999', comments: 'textarea:4000', isInactive: 'boolean',
      subsidiary: 'ref>subsidiary!', salesRep: 'ref>employee', currency: 'ref>currency', parent: 'ref>customer',
      creditLimit: 'currency', category: 'ref>customerCategory',
      internalId: 'string:18',
      ...prefixed('addressbookList.addressbook.0.addressbookAddress', address),
      ...prefixed('addressbookList.addressbook.1.addressbookAddress', address),
      'addressbookList.addressbook.0.defaultBilling': 'boolean', 'addressbookList.addressbook.1.defaultShipping': 'boolean',
    }),
    entityStatus: spec('ref>customerStatus'),
  },
  contact: specs({
    externalId: 'string:255', salutation: 'string:15', firstName: 'string:32', middleName: 'string:32', lastName: 'string:32!',
    title: 'string:99', email: 'email:254', phone: 'phone:32', mobilePhone: 'phone:32', company: 'ref>customer',
    isInactive: 'boolean', subsidiary: 'ref>subsidiary',
  }),
  employee: specs({
    externalId: 'string:255', firstName: 'string:32', lastName: 'string:32!', email: 'email:254!', phone: 'phone:32',
    title: 'string:99', isSalesRep: 'boolean', isInactive: 'boolean', subsidiary: 'ref>subsidiary!', supervisor: 'ref>employee',
  }),
  vendor: specs({
    externalId: 'string:255', companyName: 'string:83!', email: 'email:254', phone: 'phone:32', currency: 'ref>currency',
    subsidiary: 'ref>subsidiary!', isInactive: 'boolean',
  }),
  lead: specs({
    externalId: 'string:255', firstName: 'string:32', lastName: 'string:32', companyName: 'string:83!', email: 'email:254',
    phone: 'phone:32', leadSource: 'ref>campaign', subsidiary: 'ref>subsidiary!',
  }),
  supportCase: specs({
    externalId: 'string:255', title: 'string:999!', incomingMessage: 'textarea:4000', company: 'ref>customer!', contact: 'ref>contact',
    status: 'ref>supportCaseStatus', priority: 'ref>supportCasePriority', origin: 'ref>supportCaseOrigin',
  }),
  nonInventorySaleItem: specs({
    externalId: 'string:255', itemId: 'string:60!', displayName: 'string:60', salesDescription: 'textarea:4000',
    isInactive: 'boolean', isTaxable: 'boolean', upcCode: 'string:99',
  }),
  salesOrder: specs({
    externalId: 'string:255', entity: 'ref>customer!', tranDate: 'datetime!', currency: 'ref>currency!', memo: 'string:999',
    otherRefNum: 'string:45', salesRep: 'ref>employee', opportunity: 'ref>opportunity', discountRate: 'string:20',
    orderStatus: 'string', subsidiary: 'ref>subsidiary',
    'itemList.item': 'list!',
    ...prefixed('billingAddress', address), ...prefixed('shippingAddress', address),
  }),
  'salesOrder.itemList.item': specs({ item: 'ref>item!', quantity: 'number!', rate: 'string:20', amount: 'currency', description: 'textarea:4000', line: 'number' }),
  vendorBill: specs({
    externalId: 'string:255', entity: 'ref>vendor!', tranDate: 'datetime!', dueDate: 'datetime', currency: 'ref>currency!',
    memo: 'string:999', tranId: 'string:45', userTotal: 'currency',
  }),
  journalEntry: specs({
    externalId: 'string:255', tranDate: 'datetime!', currency: 'ref>currency!', memo: 'string:999', subsidiary: 'ref>subsidiary!',
    'lineList.line': 'list!',
  }),
  'journalEntry.lineList.line': specs({ account: 'ref>account!', debit: 'currency', credit: 'currency', memo: 'string:999', entity: 'ref>customer' }),
};
