import type { NsRecord } from '../port.js';

/** One realistic record per supported type (sublists, references, addresses, custom fields). */
export const SAMPLE_RECORDS: NsRecord[] = [
  {
    type: 'customer',
    externalId: '001xx000003DGb2AAG',
    fields: {
      entityId: 'ACME & Sons <EU>',
      isPerson: false,
      companyName: 'Acme & Sons "Europe" Ltd',
      email: 'ap@acme.example',
      phone: '+44 20 7946 0000',
      isInactive: false,
      subsidiary: { internalId: '1', type: 'subsidiary' },
      creditLimit: 25000,
      stage: '_customer',
      addressbookList: {
        replaceAll: true,
        addressbook: [
          {
            defaultBilling: true,
            defaultShipping: true,
            label: 'HQ',
            addressbookAddress: { country: '_unitedKingdom', addr1: '1 High St', city: 'London', zip: 'EC1A 1BB' },
          },
        ],
      },
    },
    customFields: [
      { scriptId: 'custentity_sf_id', value: '001xx000003DGb2AAG' },
      { scriptId: 'custentity_synced', value: true },
      { scriptId: 'custentity_tier', value: { internalId: '2' } },
      { scriptId: 'custentity_score', value: 7 },
      { scriptId: 'custentity_ratio', value: 0.25 },
      { scriptId: 'custentity_since', value: new Date('2024-01-02T03:04:05Z') },
      { scriptId: 'custentity_tags', value: [{ internalId: '1' }, { internalId: '3' }] },
    ],
  },
  {
    type: 'contact',
    externalId: '003xx000004TmiQAAS',
    fields: {
      company: { externalId: '001xx000003DGb2AAG' },
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@acme.example',
      title: 'CFO',
    },
  },
  {
    type: 'employee',
    externalId: 'EMP-1',
    fields: {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@example.com',
      subsidiary: { internalId: '1' },
      isSalesRep: true,
    },
  },
  {
    type: 'vendor',
    externalId: 'VEND-1',
    fields: {
      companyName: 'Parts Inc',
      isPerson: false,
      email: 'billing@parts.example',
      subsidiary: { internalId: '1' },
    },
  },
  {
    type: 'inventoryItem',
    externalId: '01txx0000006i2AAAQ',
    fields: { itemId: 'WIDGET-1', displayName: 'Widget', salesDescription: 'A widget', cost: 3.5, isInactive: false },
  },
  {
    type: 'nonInventorySaleItem',
    externalId: '01txx0000006i2BAAQ',
    fields: { itemId: 'SETUP-FEE', displayName: 'Setup fee', salesDescription: 'One-off setup' },
  },
  {
    type: 'serviceSaleItem',
    externalId: '01txx0000006i2CAAQ',
    fields: { itemId: 'SUPPORT-HR', displayName: 'Support hour' },
  },
  {
    type: 'salesOrder',
    externalId: '801xx000003GZ8AAAW',
    fields: {
      entity: { externalId: '001xx000003DGb2AAG' },
      tranDate: new Date('2024-05-01T00:00:00Z'),
      orderStatus: '_pendingApproval',
      memo: 'Order <from> Salesforce & co',
      otherRefNum: 'PO-77',
      itemList: {
        item: [
          { item: { externalId: '01txx0000006i2AAAQ' }, quantity: 2, rate: '10.00', amount: 20 },
          { item: { externalId: '01txx0000006i2CAAQ' }, quantity: 1.5, description: 'Onboarding' },
        ],
      },
    },
    customFields: [{ scriptId: 'custbody_sf_order_id', value: '801xx000003GZ8AAAW' }],
  },
  {
    type: 'invoice',
    externalId: 'INV-EXT-1',
    fields: {
      entity: { internalId: '42' },
      createdFrom: { internalId: '77' },
      tranDate: '2024-05-02',
      itemList: { item: [{ item: { internalId: '12' }, quantity: 2, rate: '10.00', amount: 20 }] },
    },
  },
  {
    type: 'customerPayment',
    externalId: 'PAY-EXT-1',
    fields: {
      customer: { internalId: '42' },
      payment: 20,
      tranDate: new Date('2024-05-03T00:00:00Z'),
      applyList: { apply: [{ apply: true, doc: 1001, amount: 20 }] },
    },
  },
  {
    type: 'vendorBill',
    externalId: 'BILL-EXT-1',
    fields: {
      entity: { internalId: '301' },
      tranId: 'VINV-9',
      expenseList: { expense: [{ account: { internalId: '58' }, amount: 120.5, memo: 'Freight' }] },
      itemList: { item: [{ item: { internalId: '12' }, quantity: 10, rate: '3.50' }] },
    },
  },
  {
    type: 'journalEntry',
    externalId: 'JE-EXT-1',
    fields: {
      tranDate: new Date('2024-05-31T00:00:00Z'),
      memo: 'Accrual',
      subsidiary: { internalId: '1' },
      lineList: {
        line: [
          { account: { internalId: '1' }, debit: 100, memo: 'Dr' },
          { account: { internalId: '2' }, credit: 100, memo: 'Cr', entity: { internalId: '42' } },
        ],
      },
    },
  },
];
