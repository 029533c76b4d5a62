import type { MappingDefinitionInput } from '../definition.js';
import { f, NS_ADDR, NS_ADDR_J } from './helpers.js';

const addr = (i: number, sfPrefix: 'Billing' | 'Shipping') => {
  const c = `addresses.${i}`;
  const ns = (x: string) => NS_ADDR(i, x);
  const nj = (x: string) => NS_ADDR_J(i, x);
  return [
    f(`${c}.street1`, { field: `${sfPrefix}Street`, read: `$street(${sfPrefix}Street, 1)`, write: `$joinStreet(addresses[${i}].street1, addresses[${i}].street2, addresses[${i}].street3)` }, { field: ns('addr1'), read: `$clean(${nj('addr1')})` }),
    f(`${c}.street2`, { read: `$street(${sfPrefix}Street, 2)` }, { field: ns('addr2'), read: `$clean(${nj('addr2')})` }),
    f(`${c}.street3`, { read: `$street(${sfPrefix}Street, 3)` }, { field: ns('addr3'), read: `$clean(${nj('addr3')})` }),
    f(`${c}.city`, { field: `${sfPrefix}City`, read: `$clean(${sfPrefix}City)` }, { field: ns('city'), read: `$clean(${nj('city')})` }),
    f(`${c}.state`, { field: `${sfPrefix}State`, read: `$state(${sfPrefix}State, ${sfPrefix}Country)` }, { field: ns('state'), read: `$state(${nj('state')}, $coalesce($reverseLookup("nsCountry", ${nj('country')}), ${nj('country')}))` }),
    f(`${c}.postalCode`, { field: `${sfPrefix}PostalCode`, read: `$postal(${sfPrefix}PostalCode)` }, { field: ns('zip'), read: `$postal(${nj('zip')})` }),
    // Canonical ISO 3166 code; NetSuite takes the SuiteTalk Country enum literal (_unitedStates), read back either way.
    f(`${c}.country`, { field: `${sfPrefix}Country`, read: `$country(${sfPrefix}Country)` }, { field: ns('country'), read: `$country($coalesce($reverseLookup("nsCountry", ${nj('country')}), ${nj('country')}))`, write: '$lookup("nsCountry", $value)' }),
  ];
};

/** Account ↔ customer: Salesforce is master of the party data, NetSuite of its numbering. */
export const accountCustomer: MappingDefinitionInput = {
  id: 'account-customer',
  label: 'Account ↔ Customer',
  canonical: 'customer',
  salesforce: { object: 'Account' },
  netsuite: { record: 'customer' },
  direction: 'both',
  condition: '$not(isInactive = true)',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId'),
    f('ids.netsuiteInternalId', 'NetSuite_Internal_Id__c', 'internalId', { master: 'netsuite', direction: 'toSalesforce' }),
    f('entityId', 'NetSuite_Entity_Id__c', 'entityId', { direction: 'toSalesforce', master: 'netsuite' }),
    // NetSuite companyName holds 83 characters, Salesforce Name 255: cut at a word boundary with a finding.
    f('companyName', { field: 'Name', read: '$clean(Name)' }, { field: 'companyName', read: '$clean(companyName)' }, { required: true, onOverflow: 'truncate' }),
    f('phone', { field: 'Phone', read: '$e164(Phone, $defaultCountry)' }, { field: 'phone', read: '$e164(phone, $defaultCountry)' }),
    f('fax', { field: 'Fax', read: '$e164(Fax, $defaultCountry)' }, { field: 'fax', read: '$e164(fax, $defaultCountry)' }),
    f('website', { field: 'Website', read: '$lower(Website)' }, { field: 'url', read: '$lower(url)' }),
    f('description', 'Description', 'comments'),
    f('isInactive', undefined, 'isInactive', { direction: 'toSalesforce', default: false }),
    f('currency', 'CurrencyIsoCode', { field: 'currency', read: '$reverseLookup("currency", currency.internalId)', write: '$ref($lookup("currency", $value))' }, { default: 'USD' }),
    f('subsidiary.name', undefined, { field: 'subsidiary', write: '$ref($lookup("subsidiary", $value))' }, { direction: 'toNetSuite', default: 'default' }),
    f('salesRep.salesforceId', 'OwnerId', { field: 'salesRep', write: '$ref($lookup("employee", $value))' }, { direction: 'toNetSuite' }),
    ...addr(0, 'Billing'),
    f('addresses.0.defaultBilling', undefined, { field: 'addressbookList.addressbook.0.defaultBilling' }, { direction: 'toNetSuite', default: true }),
    ...addr(1, 'Shipping'),
    f('addresses.1.defaultShipping', undefined, { field: 'addressbookList.addressbook.1.defaultShipping' }, { direction: 'toNetSuite', default: true }),
  ],
  rules: [
    { id: 'company-name-required-chars', when: '$length(companyName) < 2', action: 'hold', field: 'companyName', message: 'Company name is shorter than 2 characters', suggestedFix: 'Give the Account its full legal name.' },
  ],
};

/** NetSuite customer → Account status fields (balance, overdue, credit limit, hold, last sync). */
export const customerAccountStatus: MappingDefinitionInput = {
  id: 'customer-account-status',
  label: 'Customer financial status → Account',
  canonical: 'customer',
  salesforce: { object: 'Account' },
  netsuite: { record: 'customer' },
  direction: 'toSalesforce',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId', { direction: 'toSalesforce', required: true }),
    f('ids.netsuiteInternalId', 'NetSuite_Internal_Id__c', 'internalId', { direction: 'toSalesforce', master: 'netsuite' }),
    f('balance.amount', 'NetSuite_Balance__c', { read: '$amount(balance)' }, { direction: 'toSalesforce', master: 'netsuite' }),
    f('overdueBalance.amount', 'NetSuite_Overdue_Balance__c', { read: '$amount(overdueBalance)' }, { direction: 'toSalesforce', master: 'netsuite' }),
    f('creditLimit.amount', 'NetSuite_Credit_Limit__c', { read: '$amount(creditLimit)' }, { direction: 'toSalesforce', master: 'netsuite' }),
    f('creditHold', 'NetSuite_Credit_Hold__c', { read: 'creditHoldOverride' }, { direction: 'toSalesforce', master: 'netsuite' }),
    f('daysOverdue', 'NetSuite_Days_Overdue__c', { read: '$toNumber(daysOverdue)' }, { direction: 'toSalesforce', master: 'netsuite' }),
    f('unbilledOrders.amount', 'NetSuite_Unbilled_Orders__c', { read: '$amount(unbilledOrders)' }, { direction: 'toSalesforce', master: 'netsuite' }),
  ],
};

/** Contact ↔ contact, names cleaned and cased, phones in E.164. */
export const contactContact: MappingDefinitionInput = {
  id: 'contact-contact',
  label: 'Contact ↔ Contact',
  canonical: 'contact',
  salesforce: { object: 'Contact' },
  netsuite: { record: 'contact' },
  direction: 'both',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId'),
    f('ids.netsuiteInternalId', 'NetSuite_Internal_Id__c', 'internalId', { master: 'netsuite', direction: 'toSalesforce' }),
    f('customer.salesforceId', 'AccountId', { field: 'company', read: 'company.externalId', write: '$extRef($value)' }),
    f('salutation', 'Salutation', 'salutation'),
    f('firstName', { field: 'FirstName', read: '$titleCase(FirstName)' }, { field: 'firstName', read: '$titleCase(firstName)' }),
    f('lastName', { field: 'LastName', read: '$titleCase(LastName)' }, { field: 'lastName', read: '$titleCase(lastName)' }, { required: true }),
    f('title', { field: 'Title', read: '$clean(Title)' }, { field: 'title', read: '$clean(title)' }),
    f('email', { field: 'Email', read: '$lower(Email)' }, { field: 'email', read: '$lower(email)' }),
    f('phone', { field: 'Phone', read: '$e164(Phone, $defaultCountry)' }, { field: 'phone', read: '$e164(phone, $defaultCountry)' }),
    f('mobilePhone', { field: 'MobilePhone', read: '$e164(MobilePhone, $defaultCountry)' }, { field: 'mobilePhone', read: '$e164(mobilePhone, $defaultCountry)' }),
  ],
};
