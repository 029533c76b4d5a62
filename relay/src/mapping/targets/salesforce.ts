import { spec, specs, type RecordSpec } from './descriptor.js';

/**
 * Salesforce target fields the shipped mappings write: standard fields with their documented lengths, and the
 * package's custom fields (force-app/main/default/objects). Order.Status is a restricted picklist.
 */
const billing = (p: 'Billing' | 'Shipping' | 'Mailing') =>
  specs({ [`${p}Street`]: 'textarea:255', [`${p}City`]: 'string:40', [`${p}State`]: 'string:80', [`${p}PostalCode`]: 'string:20', [`${p}Country`]: 'string:80' });

const objects: Record<string, RecordSpec> = {
  Account: {
    ...specs({
      Name: 'string:255!', Phone: 'phone:40', Fax: 'phone:40', Website: 'url:255', Description: 'textarea:32000', Type: 'string:255',
      AccountNumber: 'string:40', NetSuite_Internal_Id__c: 'string:20', NetSuite_Entity_Id__c: 'string:100', OwnerId: 'ref>User',
      ParentId: 'ref>Account', CurrencyIsoCode: 'string:3', NetSuite_Balance__c: 'currency', NetSuite_Overdue_Balance__c: 'currency',
      NetSuite_Credit_Limit__c: 'currency', NetSuite_Days_Overdue__c: 'number', NetSuite_Unbilled_Orders__c: 'currency',
      NetSuite_Last_Sync__c: 'datetime', NetSuite_Sync_Error__c: 'textarea:32768',
    }),
    ...billing('Billing'),
    ...billing('Shipping'),
    NetSuite_Credit_Hold__c: spec('picklist', { values: ['_auto', '_on', '_off'], restricted: true }),
    NetSuite_Sync_Status__c: spec('picklist', { values: ['Not Synced', 'Pending', 'Synced', 'Error', 'Held', 'Excluded'], restricted: true }),
  },
  Contact: {
    ...specs({
      Salutation: 'string:40', FirstName: 'string:40', LastName: 'string:80!', Title: 'string:128', Email: 'email:80',
      Phone: 'phone:40', MobilePhone: 'phone:40', AccountId: 'ref>Account', NetSuite_Internal_Id__c: 'string:20',
    }),
    ...billing('Mailing'),
  },
  Opportunity: specs({ NetSuite_Internal_Id__c: 'string:20' }),
  User: specs({ FirstName: 'string:40', LastName: 'string:80!', Email: 'email:128!', Phone: 'phone:40', Title: 'string:80', IsActive: 'boolean' }),
  Lead: specs({ FirstName: 'string:40', LastName: 'string:80!', Company: 'string:255!', Email: 'email:80', Phone: 'phone:40', LeadSource: 'string:255' }),
  Case: specs({ Subject: 'string:255', Description: 'textarea:32000', Status: 'string:40', Priority: 'string:40', Origin: 'string:40', AccountId: 'ref>Account' }),
  Product2: {
    ...specs({ Name: 'string:255!', ProductCode: 'string:255', Description: 'textarea:4000', Family: 'string:40', IsActive: 'boolean', NetSuite_Internal_Id__c: 'string:20' }),
    NetSuite_Item_Type__c: spec('picklist', {
      values: ['inventoryItem', 'nonInventorySaleItem', 'nonInventoryResaleItem', 'serviceSaleItem', 'serviceResaleItem', 'otherChargeSaleItem', 'assemblyItem', 'kitItem', 'lotNumberedInventoryItem', 'serializedInventoryItem', 'discountItem', 'giftCertificateItem', 'downloadItem'],
      restricted: true,
    }),
  },
  PricebookEntry: specs({ Product2Id: 'ref>Product2!', Pricebook2Id: 'ref>Pricebook2!', UnitPrice: 'currency!', IsActive: 'boolean', CurrencyIsoCode: 'string:3' }),
  Order: {
    ...specs({
      NetSuite_Sales_Order_Id__c: 'string:20', NetSuite_Sales_Order_Number__c: 'string:45', NetSuite_Invoice_Number__c: 'string:45',
      NetSuite_Amount_Remaining__c: 'currency', NetSuite_Last_Sync__c: 'datetime', NetSuite_Sync_Error__c: 'textarea:32768',
    }),
    NetSuite_Order_Status__c: spec('picklist', {
      values: ['Pending Approval', 'Pending Fulfillment', 'Cancelled', 'Partially Fulfilled', 'Pending Billing/Partially Fulfilled', 'Pending Billing', 'Billed', 'Closed'],
      restricted: true,
    }),
    NetSuite_Payment_Status__c: spec('picklist', { values: ['Not Invoiced', 'Unpaid', 'Partially Paid', 'Paid'], restricted: true }),
    NetSuite_Sync_Status__c: spec('picklist', { values: ['Not Synced', 'Pending', 'Synced', 'Error', 'Held', 'Excluded'], restricted: true }),
  },
  NetSuite_Invoice__c: {
    ...specs({
      Name: 'string:80!', Tran_Id__c: 'string:40', NetSuite_Internal_Id__c: 'string:20!', Account__c: 'ref>Account!', Order__c: 'ref>Order',
      Invoice_Date__c: 'date', Due_Date__c: 'date', Total__c: 'currency', Amount_Remaining__c: 'currency', Currency__c: 'string:3',
    }),
    Status__c: spec('picklist', { values: ['Open', 'Paid In Full', 'Pending Approval', 'Rejected', 'Voided'], restricted: true }),
  },
  NetSuite_Payment__c: {
    ...specs({
      Name: 'string:80!', Tran_Id__c: 'string:40', NetSuite_Internal_Id__c: 'string:20!', Account__c: 'ref>Account!', Invoice__c: 'ref>NetSuite_Invoice__c',
      Payment_Date__c: 'date', Amount__c: 'currency', Payment_Method__c: 'string:80', Currency__c: 'string:3', Memo__c: 'string:255',
      Applied_Invoices__c: 'textarea:32768',
    }),
    Status__c: spec('picklist', { values: ['Not Deposited', 'Deposited', 'Unapproved Payment', 'Voided'], restricted: true }),
  },
  NetSuite_Vendor_Bill__c: specs({
    Name: 'string:80!', NetSuite_Internal_Id__c: 'string:20!', Vendor__c: 'ref>Account', Bill_Date__c: 'date', Due_Date__c: 'date',
    Total__c: 'currency', Currency__c: 'string:3', Memo__c: 'string:255',
  }),
  Journal_Entry__c: specs({
    Entry_Date__c: 'date!', Currency__c: 'string:3', Memo__c: 'string:255', Subsidiary__c: 'string:80', NetSuite_Internal_Id__c: 'string:20',
    NetSuite_Last_Sync__c: 'datetime', NetSuite_Sync_Error__c: 'textarea:32768',
  }),
  Journal_Entry_Line__c: specs({ Journal_Entry__c: 'ref>Journal_Entry__c!', GL_Account__c: 'string:80!', Debit__c: 'currency', Credit__c: 'currency', Memo__c: 'string:255' }),
};

/** Every object accepts its own Id (the record a write-back updates). */
export const salesforceObjects: Record<string, RecordSpec> = Object.fromEntries(
  Object.entries(objects).map(([name, fields]) => [name, { Id: spec('string:18'), ...fields }]),
);
