import type { MappingDefinitionInput } from '../definition.js';
import type { CrosswalkTables } from '../crosswalk.js';
import { accountCustomer, contactContact, customerAccountStatus } from './customers.js';
import { opportunitySalesOrder, orderSalesOrder, salesOrderOpportunityLink, salesOrderOrderStatus } from './orders.js';
import { invoiceMirror, invoiceOrderStatus, journalEntry, paymentMirror, vendorBillMirror } from './finance.js';
import { accountVendor, caseSupportCase, leadLead, userEmployee } from './people.js';
import { itemPricebookEntry, productItem } from './catalog.js';
import { NS_COUNTRY_ENUM } from '../targets/netsuite-countries.js';

/** Every shipped mapping, as data. Admin overrides (Sync_Flow__c / Sync_Mapping__c) are layered on top. */
export const defaultMappings: readonly MappingDefinitionInput[] = [
  accountCustomer,
  customerAccountStatus,
  contactContact,
  opportunitySalesOrder,
  orderSalesOrder,
  salesOrderOrderStatus,
  salesOrderOpportunityLink,
  productItem,
  itemPricebookEntry,
  invoiceMirror,
  invoiceOrderStatus,
  paymentMirror,
  userEmployee,
  leadLead,
  caseSupportCase,
  accountVendor,
  vendorBillMirror,
  journalEntry,
];

/** Status vocabularies that are fixed by the two products; account-specific tables come from configuration. */
export const defaultCrosswalk: CrosswalkTables = {
  orderStatus: {
    _pendingApproval: 'Pending Approval', _pendingFulfillment: 'Pending Fulfillment', _partiallyFulfilled: 'Partially Fulfilled',
    _pendingBillingPartFulfilled: 'Pending Billing/Partially Fulfilled', _pendingBilling: 'Pending Billing', _fullyBilled: 'Billed', _closed: 'Closed', _cancelled: 'Cancelled',
  },
  invoiceStatus: {
    _open: 'Open', _paidInFull: 'Paid In Full', _pendingApproval: 'Pending Approval', _rejected: 'Rejected', _voided: 'Voided',
    Open: 'Open', 'Paid In Full': 'Paid In Full', 'Pending Approval': 'Pending Approval', Rejected: 'Rejected', Voided: 'Voided',
  },
  paymentDepositStatus: {
    _notDeposited: 'Not Deposited', _deposited: 'Deposited', _unapprovedPayment: 'Unapproved Payment', _voided: 'Voided',
    'Not Deposited': 'Not Deposited', Deposited: 'Deposited', 'Unapproved Payment': 'Unapproved Payment', Voided: 'Voided',
  },
  pricebook: {},
  /** ISO country → SuiteTalk Country enum literal (addresses). */
  nsCountry: NS_COUNTRY_ENUM,
};
