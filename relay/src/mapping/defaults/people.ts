import type { MappingDefinitionInput } from '../definition.js';
import { f } from './helpers.js';

const to = { direction: 'toNetSuite' as const };

/** Salesforce User → NetSuite employee (sales reps), so orders can carry the right salesRep. */
export const userEmployee: MappingDefinitionInput = {
  id: 'user-employee',
  label: 'User → Employee',
  canonical: 'employee',
  salesforce: { object: 'User' },
  netsuite: { record: 'employee' },
  direction: 'toNetSuite',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId', to),
    f('firstName', { read: '$titleCase(FirstName)' }, 'firstName', to),
    f('lastName', { read: '$titleCase(LastName)' }, 'lastName', { ...to, required: true }),
    f('email', { read: '$lower(Email)' }, 'email', { ...to, required: true }),
    f('phone', { read: '$e164(Phone, $defaultCountry)' }, 'phone', to),
    f('title', { read: '$clean(Title)' }, 'title', to),
    f('isInactive', { read: '$not(IsActive)' }, 'isInactive', { ...to, default: false }),
    f('isSalesRep', undefined, 'isSalesRep', { ...to, default: true }),
    f('subsidiary.name', undefined, { field: 'subsidiary', write: '$ref($lookup("subsidiary", $value))' }, { ...to, default: 'default' }),
  ],
};

/** Salesforce Lead → NetSuite lead. */
export const leadLead: MappingDefinitionInput = {
  id: 'lead-lead',
  label: 'Lead → Lead',
  canonical: 'lead',
  salesforce: { object: 'Lead' },
  netsuite: { record: 'lead' },
  direction: 'toNetSuite',
  condition: 'isConverted != true',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId', to),
    f('isConverted', 'IsConverted', undefined, to),
    f('firstName', { read: '$titleCase(FirstName)' }, 'firstName', to),
    f('lastName', { read: '$titleCase(LastName)' }, 'lastName', { ...to, required: true }),
    f('companyName', { read: '$clean(Company)' }, 'companyName', { ...to, required: true, onOverflow: 'truncate' }),
    f('email', { read: '$lower(Email)' }, 'email', to),
    f('phone', { read: '$e164(Phone, $defaultCountry)' }, 'phone', to),
    f('source', 'LeadSource', { field: 'leadSource', write: '$ref($lookup("leadSource", $value))' }, to),
    f('subsidiary.name', undefined, { field: 'subsidiary', write: '$ref($lookup("subsidiary", $value))' }, { ...to, default: 'default' }),
  ],
};

/** Case ↔ support case, status and priority through crosswalk tables both ways. */
export const caseSupportCase: MappingDefinitionInput = {
  id: 'case-support-case',
  label: 'Case ↔ Support Case',
  canonical: 'supportCase',
  salesforce: { object: 'Case' },
  netsuite: { record: 'supportCase' },
  direction: 'both',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId'),
    f('subject', { field: 'Subject', read: '$clean(Subject)' }, { field: 'title', read: '$clean(title)' }, { required: true }),
    f('description', 'Description', 'incomingMessage'),
    f('status', 'Status', { field: 'status', read: '$reverseLookup("caseStatus", status.internalId)', write: '$ref($lookup("caseStatus", $value))' }),
    f('priority', 'Priority', { field: 'priority', read: '$reverseLookup("casePriority", priority.internalId)', write: '$ref($lookup("casePriority", $value))' }),
    f('customer.salesforceId', 'AccountId', { field: 'company', read: 'company.externalId', write: '$extRef($value)' }, { required: true }),
  ],
};

/** Account of Type "Vendor" ↔ vendor. */
export const accountVendor: MappingDefinitionInput = {
  id: 'account-vendor',
  label: 'Account (Type = Vendor) ↔ Vendor',
  canonical: 'vendor',
  salesforce: { object: 'Account' },
  netsuite: { record: 'vendor' },
  direction: 'both',
  condition: 'accountType = "Vendor"',
  fields: [
    f('ids.salesforceId', 'Id', 'externalId'),
    f('accountType', 'Type', undefined, { default: 'Vendor' }),
    f('companyName', { field: 'Name', read: '$clean(Name)' }, { field: 'companyName', read: '$clean(companyName)' }, { required: true, onOverflow: 'truncate' }),
    f('phone', { field: 'Phone', read: '$e164(Phone, $defaultCountry)' }, { field: 'phone', read: '$e164(phone, $defaultCountry)' }),
    f('currency', 'CurrencyIsoCode', { field: 'currency', read: '$reverseLookup("currency", currency.internalId)', write: '$ref($lookup("currency", $value))' }, { default: 'USD' }),
    f('subsidiary.name', undefined, { field: 'subsidiary', write: '$ref($lookup("subsidiary", $value))' }, { direction: 'toNetSuite', default: 'default' }),
  ],
};
