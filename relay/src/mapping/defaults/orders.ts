import type { FieldMapping, MappingDefinitionInput } from '../definition.js';
import { f } from './helpers.js';

const to = { direction: 'toNetSuite' as const };

const lineFields = (qty: string, price: string, total: string): FieldMapping[] => [
  f('item.salesforceId', 'Product2Id', { field: 'item', write: '$ref($lookup("item", $value))' }, { ...to, required: true }),
  f('description', 'Description', 'description', to),
  f('quantity', { field: qty, read: `$toDecimal(${qty})` }, { field: 'quantity', write: '$toNumber($value)' }, { ...to, required: true }),
  f('unitPrice.amount', { field: price, read: `$amount(${price})` }, { field: 'rate', write: '$value' }, { ...to, required: true }),
  f('amount.amount', { field: total, read: `$amount(${total})` }, { field: 'amount', write: '$toNumber($value)' }, to),
];

const headerFields = (dateField: string, amountField: string): FieldMapping[] => [
  f('ids.salesforceId', 'Id', 'externalId', to),
  f('customer.salesforceId', 'AccountId', { field: 'entity', write: '$extRef($value)' }, { ...to, required: true }),
  f('orderDate', dateField, { field: 'tranDate', write: '$dateToZoned($value, $tz)' }, { ...to, required: true }),
  f('currency', 'CurrencyIsoCode', { field: 'currency', write: '$ref($lookup("currency", $value))' }, { ...to, default: 'USD' }),
  f('salesRep.salesforceId', 'OwnerId', { field: 'salesRep', write: '$ref($lookup("employee", $value))' }, to),
  f('memo', 'Description', { field: 'memo', write: '$truncate($value, 999)' }, to),
  f('total.amount', { field: amountField, read: `$amount(${amountField})` }, undefined, to),
  f('subsidiary.name', undefined, { field: 'subsidiary', write: '$ref($lookup("subsidiary", $value))' }, { ...to, default: 'default' }),
  // Business rule as data: 10 % discount when the amount exceeds 10,000 (exact decimal comparison).
  f('discountPercent', { read: `$cmp($coalesce(${amountField}, 0), "10000") > 0 ? "10" : undefined` }, { field: 'discountRate', write: '$value ? "-" & $value & "%" : undefined' }, to),
];

/** Closed-won Opportunity with its line items → sales order. */
export const opportunitySalesOrder: MappingDefinitionInput = {
  id: 'opportunity-sales-order',
  label: 'Opportunity (+ line items) → Sales Order',
  canonical: 'salesOrder',
  salesforce: { object: 'Opportunity' },
  netsuite: { record: 'salesOrder' },
  direction: 'toNetSuite',
  condition: 'isWon = true',
  fields: [
    ...headerFields('CloseDate', 'Amount'),
    f('isWon', 'IsWon', undefined, to),
    f('opportunityAmount.amount', { field: 'Amount', read: '$amount(Amount)' }, undefined, to),
  ],
  lines: [{ canonical: 'lines', salesforce: 'OpportunityLineItems', netsuite: 'itemList.item', fields: lineFields('Quantity', 'UnitPrice', 'TotalPrice') }],
  rules: [
    { id: 'opportunity-without-lines', when: '$count(lines) = 0', action: 'block', field: 'itemList.item', message: 'The Opportunity has no products, so the sales order would have no lines', suggestedFix: 'Add products to the Opportunity before closing it.' },
  ],
};

/** Activated Order with its items → sales order. */
export const orderSalesOrder: MappingDefinitionInput = {
  id: 'order-sales-order',
  label: 'Order (+ items) → Sales Order',
  canonical: 'salesOrder',
  salesforce: { object: 'Order' },
  netsuite: { record: 'salesOrder' },
  direction: 'toNetSuite',
  condition: 'sourceStatus = "Activated"',
  fields: [
    ...headerFields('EffectiveDate', 'TotalAmount'),
    f('sourceStatus', 'Status', undefined, to),
    f('poNumber', 'PoNumber', { field: 'otherRefNum', write: '$truncate($value, 45)' }, to),
  ],
  lines: [{ canonical: 'lines', salesforce: 'OrderItems', netsuite: 'itemList.item', fields: lineFields('Quantity', 'UnitPrice', 'TotalPrice') }],
};

/** Sales order status → Order fields (id, number, status). */
export const salesOrderOrderStatus: MappingDefinitionInput = {
  id: 'sales-order-order-status',
  label: 'Sales Order status → Order',
  canonical: 'salesOrder',
  salesforce: { object: 'Order' },
  netsuite: { record: 'salesOrder' },
  direction: 'toSalesforce',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId', { direction: 'toSalesforce', required: true }),
    f('ids.netsuiteInternalId', 'NetSuite_Sales_Order_Id__c', 'internalId', { direction: 'toSalesforce', master: 'netsuite' }),
    f('number', 'NetSuite_Sales_Order_Number__c', 'tranId', { direction: 'toSalesforce', master: 'netsuite' }),
    f('status', { field: 'NetSuite_Order_Status__c', write: '$lookup("orderStatus", $value)' }, 'orderStatus', { direction: 'toSalesforce', master: 'netsuite' }),
  ],
};

/** Sales order created from an Opportunity → the Opportunity's NetSuite_Internal_Id__c (the link back). */
export const salesOrderOpportunityLink: MappingDefinitionInput = {
  id: 'sales-order-opportunity-link',
  label: 'Sales Order id → Opportunity',
  canonical: 'salesOrder',
  salesforce: { object: 'Opportunity' },
  netsuite: { record: 'salesOrder' },
  direction: 'toSalesforce',
  // Only orders whose externalId is an Opportunity Id (key prefix 006); Order-based ones link through Order.
  sourceCondition: '$substring($string(externalId), 0, 3) = "006"',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId', { direction: 'toSalesforce', required: true }),
    f('ids.netsuiteInternalId', 'NetSuite_Internal_Id__c', 'internalId', { direction: 'toSalesforce', master: 'netsuite', required: true }),
  ],
};
