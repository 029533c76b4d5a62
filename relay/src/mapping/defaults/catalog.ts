import type { MappingDefinitionInput } from '../definition.js';
import { f } from './helpers.js';

/** Product2 ↔ non-inventory sale item: NetSuite is master of the item number once it exists. */
export const productItem: MappingDefinitionInput = {
  id: 'product-item',
  label: 'Product2 ↔ Item',
  canonical: 'item',
  salesforce: { object: 'Product2' },
  netsuite: { record: 'nonInventorySaleItem' },
  direction: 'both',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId'),
    f('ids.netsuiteInternalId', 'NetSuite_Internal_Id__c', 'internalId', { direction: 'toSalesforce', master: 'netsuite' }),
    f('sku', { field: 'ProductCode', read: '$upper(ProductCode)' }, { field: 'itemId', read: '$upper(itemId)' }, { required: true, master: 'netsuite' }),
    f('name', { field: 'Name', read: '$clean(Name)' }, { field: 'displayName', read: '$clean(displayName)' }, { required: true }),
    f('description', 'Description', 'salesDescription'),
    f('isActive', 'IsActive', { field: 'isInactive', read: '$not(isInactive)', write: '$not($value)' }, { default: true }),
    f('type', 'NetSuite_Item_Type__c', undefined, { direction: 'toSalesforce', master: 'netsuite', default: 'nonInventorySaleItem' }),
  ],
};

/** The item's base price → PricebookEntry in the standard price book. */
export const itemPricebookEntry: MappingDefinitionInput = {
  id: 'item-pricebook-entry',
  label: 'Item base price → PricebookEntry',
  canonical: 'priceEntry',
  salesforce: { object: 'PricebookEntry' },
  netsuite: { record: 'nonInventorySaleItem' },
  direction: 'toSalesforce',
  fields: [
    f('item.salesforceId', 'Product2Id', { read: '$coalesce(externalId, $reverseLookup("item", internalId))' }, { direction: 'toSalesforce', master: 'netsuite', required: true }),
    f('priceBook', { field: 'Pricebook2Id', write: '$lookup("pricebook", $value)' }, undefined, { direction: 'toSalesforce', master: 'netsuite', default: 'Standard' }),
    f('unitPrice.amount', 'UnitPrice', { read: '$amount(pricingMatrix.pricing[0].priceList.price[0].value)' }, { direction: 'toSalesforce', master: 'netsuite', required: true }),
    f('unitPrice.currency', 'CurrencyIsoCode', { read: '$reverseLookup("currency", pricingMatrix.pricing[0].currency.internalId)' }, { direction: 'toSalesforce', master: 'netsuite', default: 'USD' }),
    f('isActive', 'IsActive', { read: '$not(isInactive)' }, { direction: 'toSalesforce', master: 'netsuite', default: true }),
  ],
};
