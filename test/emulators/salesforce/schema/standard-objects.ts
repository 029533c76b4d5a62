/**
 * Standard objects the flows touch, with their real API names, types, lengths, required fields and
 * picklists (as a default Enterprise org reports them in describe). Custom fields come from force-app.
 */
import { fieldDef, type FieldDef, type FieldType, type ObjectDef } from './types.js';

type Spec = Partial<FieldDef> & { type: FieldType };
type Specs = Record<string, Spec>;

const text = (length: number, extra: Partial<FieldDef> = {}): Spec => ({ type: 'string', length, ...extra });
const req = (spec: Spec): Spec => ({ ...spec, required: true, nillable: false });
const ref = (to: string, relationshipName: string, extra: Partial<FieldDef> = {}): Spec => ({
  type: 'reference',
  referenceTo: [to],
  relationshipName,
  ...extra,
});
const pick = (values: string[], extra: Partial<FieldDef> = {}): Spec => ({
  type: 'picklist',
  length: 255,
  picklistValues: values,
  ...extra,
});
const readOnly = (spec: Spec): Spec => ({ ...spec, createable: false, updateable: false });
const money = (precision = 18, scale = 2): Spec => ({ type: 'currency', precision, scale });

function address(prefix: string, label: string): Specs {
  const compoundFieldName = `${prefix}Address`;
  const c = { compoundFieldName };
  return {
    [`${prefix}Street`]: { type: 'textarea', length: 255, label: `${label} Street`, ...c },
    [`${prefix}City`]: text(40, { label: `${label} City`, ...c }),
    [`${prefix}State`]: text(80, { label: `${label} State/Province`, ...c }),
    [`${prefix}PostalCode`]: text(20, { label: `${label} Zip/Postal Code`, ...c }),
    [`${prefix}Country`]: text(80, { label: `${label} Country`, ...c }),
    [`${prefix}Latitude`]: { type: 'double', precision: 18, scale: 15, label: `${label} Latitude`, ...c },
    [`${prefix}Longitude`]: { type: 'double', precision: 18, scale: 15, label: `${label} Longitude`, ...c },
    [`${prefix}GeocodeAccuracy`]: pick(
      [
        'Address',
        'NearAddress',
        'Block',
        'Street',
        'ExtendedZip',
        'Zip',
        'Neighborhood',
        'City',
        'County',
        'State',
        'Unknown',
      ],
      { label: `${label} Geocode Accuracy`, ...c },
    ),
    [compoundFieldName]: readOnly({ type: 'address', label: `${label} Address` }),
  };
}

function personName(withSalutation: boolean): Specs {
  const c = { compoundFieldName: 'Name' };
  return {
    ...(withSalutation
      ? { Salutation: pick(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.'], { label: 'Salutation', ...c }) }
      : {}),
    FirstName: text(40, { label: 'First Name', ...c }),
    MiddleName: text(40, { label: 'Middle Name', ...c }),
    LastName: req(text(80, { label: 'Last Name', ...c })),
    Suffix: text(40, { label: 'Suffix', ...c }),
    Name: readOnly(text(121, { label: 'Full Name', nillable: false })),
  };
}

const owner: Specs = { OwnerId: ref('User', 'Owner', { label: 'Owner ID', nillable: false }) };
const leadSource = pick(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'], {
  label: 'Lead Source',
});
const industry = pick(
  [
    'Agriculture',
    'Apparel',
    'Banking',
    'Biotechnology',
    'Chemicals',
    'Communications',
    'Construction',
    'Consulting',
    'Education',
    'Electronics',
    'Energy',
    'Engineering',
    'Entertainment',
    'Environmental',
    'Finance',
    'Food & Beverage',
    'Government',
    'Healthcare',
    'Hospitality',
    'Insurance',
    'Machinery',
    'Manufacturing',
    'Media',
    'Not For Profit',
    'Recreation',
    'Retail',
    'Shipping',
    'Technology',
    'Telecommunications',
    'Transportation',
    'Utilities',
    'Other',
  ],
  { label: 'Industry' },
);
const rating = pick(['Hot', 'Warm', 'Cold'], { label: 'Rating' });

const SPECS: Array<{ name: string; label: string; plural: string; keyPrefix: string; fields: Specs; owned?: boolean }> =
  [
    {
      name: 'Account',
      label: 'Account',
      plural: 'Accounts',
      keyPrefix: '001',
      owned: true,
      fields: {
        Name: req(text(255, { label: 'Account Name', idLookup: true })),
        AccountNumber: text(40, { label: 'Account Number' }),
        Site: text(80, { label: 'Account Site' }),
        Type: pick(
          [
            'Prospect',
            'Customer - Direct',
            'Customer - Channel',
            'Channel Partner / Reseller',
            'Installation Partner',
            'Technology Partner',
            'Other',
          ],
          { label: 'Account Type' },
        ),
        Industry: industry,
        Rating: rating,
        Ownership: pick(['Public', 'Private', 'Subsidiary', 'Other'], { label: 'Ownership' }),
        ParentId: ref('Account', 'Parent', { label: 'Parent Account ID' }),
        Phone: { type: 'phone', length: 40, label: 'Account Phone' },
        Fax: { type: 'phone', length: 40, label: 'Account Fax' },
        Website: { type: 'url', length: 255, label: 'Website' },
        AnnualRevenue: { ...money(18, 0), label: 'Annual Revenue' },
        NumberOfEmployees: { type: 'int', precision: 8, label: 'Employees' },
        Sic: text(20, { label: 'SIC Code' }),
        TickerSymbol: text(20, { label: 'Ticker Symbol' }),
        Description: { type: 'textarea', length: 32000, label: 'Account Description' },
        ...address('Billing', 'Billing'),
        ...address('Shipping', 'Shipping'),
      },
    },
    {
      name: 'Contact',
      label: 'Contact',
      plural: 'Contacts',
      keyPrefix: '003',
      owned: true,
      fields: {
        ...personName(true),
        AccountId: ref('Account', 'Account', { label: 'Account ID' }),
        Email: { type: 'email', length: 80, label: 'Email', idLookup: true },
        Phone: { type: 'phone', length: 40, label: 'Business Phone' },
        MobilePhone: { type: 'phone', length: 40, label: 'Mobile Phone' },
        Title: text(128, { label: 'Title' }),
        Department: text(80, { label: 'Department' }),
        Birthdate: { type: 'date', label: 'Birthdate' },
        LeadSource: leadSource,
        Description: { type: 'textarea', length: 32000, label: 'Contact Description' },
        ...address('Mailing', 'Mailing'),
        ...address('Other', 'Other'),
      },
    },
    {
      name: 'Lead',
      label: 'Lead',
      plural: 'Leads',
      keyPrefix: '00Q',
      owned: true,
      fields: {
        ...personName(true),
        Company: req(text(255, { label: 'Company' })),
        Title: text(128, { label: 'Title' }),
        Email: { type: 'email', length: 80, label: 'Email' },
        Phone: { type: 'phone', length: 40, label: 'Phone' },
        Status: pick(['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'], {
          label: 'Lead Status',
          nillable: false,
          restrictedPicklist: true,
          defaultValue: 'Open - Not Contacted',
        }),
        LeadSource: leadSource,
        Industry: industry,
        Rating: rating,
        AnnualRevenue: { ...money(18, 0), label: 'Annual Revenue' },
        NumberOfEmployees: { type: 'int', precision: 8, label: 'Employees' },
        IsConverted: readOnly({ type: 'boolean', label: 'Converted', nillable: false, defaultValue: false }),
        ...address('', 'Lead'), // Lead's compound address is `Address` over Street, City, ...
      },
    },
    {
      name: 'Opportunity',
      label: 'Opportunity',
      plural: 'Opportunities',
      keyPrefix: '006',
      owned: true,
      fields: {
        Name: req(text(120, { label: 'Name', idLookup: true })),
        AccountId: ref('Account', 'Account', { label: 'Account ID' }),
        StageName: req(
          pick(
            [
              'Prospecting',
              'Qualification',
              'Needs Analysis',
              'Value Proposition',
              'Id. Decision Makers',
              'Perception Analysis',
              'Proposal/Price Quote',
              'Negotiation/Review',
              'Closed Won',
              'Closed Lost',
            ],
            { label: 'Stage', restrictedPicklist: true },
          ),
        ),
        CloseDate: req({ type: 'date', label: 'Close Date' }),
        Amount: { ...money(), label: 'Amount' },
        Probability: { type: 'percent', precision: 3, scale: 0, label: 'Probability (%)' },
        Type: pick(
          [
            'Existing Customer - Upgrade',
            'Existing Customer - Replacement',
            'Existing Customer - Downgrade',
            'New Customer',
          ],
          { label: 'Opportunity Type' },
        ),
        LeadSource: leadSource,
        NextStep: text(255, { label: 'Next Step' }),
        Description: { type: 'textarea', length: 32000, label: 'Description' },
        Pricebook2Id: ref('Pricebook2', 'Pricebook2', { label: 'Price Book ID' }),
        IsClosed: readOnly({ type: 'boolean', label: 'Closed', nillable: false, defaultValue: false }),
        IsWon: readOnly({ type: 'boolean', label: 'Won', nillable: false, defaultValue: false }),
      },
    },
    {
      name: 'OpportunityLineItem',
      label: 'Opportunity Product',
      plural: 'Opportunity Product',
      keyPrefix: '00k',
      fields: {
        OpportunityId: req(ref('Opportunity', 'Opportunity', { label: 'Opportunity ID', updateable: false })),
        PricebookEntryId: ref('PricebookEntry', 'PricebookEntry', { label: 'Price Book Entry ID', updateable: false }),
        Product2Id: ref('Product2', 'Product2', { label: 'Product ID', updateable: false }),
        Quantity: req({ type: 'double', precision: 12, scale: 2, label: 'Quantity' }),
        UnitPrice: { ...money(), label: 'Sales Price' },
        TotalPrice: { ...money(), label: 'Total Price' },
        ListPrice: readOnly({ ...money(), label: 'List Price' }),
        Discount: { type: 'percent', precision: 5, scale: 2, label: 'Discount' },
        ServiceDate: { type: 'date', label: 'Date' },
        Description: text(255, { label: 'Line Description' }),
      },
    },
    {
      name: 'Order',
      label: 'Order',
      plural: 'Orders',
      keyPrefix: '801',
      owned: true,
      fields: {
        AccountId: req(ref('Account', 'Account', { label: 'Account ID' })),
        EffectiveDate: req({ type: 'date', label: 'Order Start Date' }),
        EndDate: { type: 'date', label: 'Order End Date' },
        Status: pick(['Draft', 'Activated'], {
          label: 'Status',
          nillable: false,
          restrictedPicklist: true,
          defaultValue: 'Draft',
        }),
        Name: text(80, { label: 'Order Name' }),
        OrderNumber: readOnly(text(30, { label: 'Order Number', nillable: false, idLookup: true })),
        Type: pick(['New', 'Renewal', 'Upgrade'], { label: 'Order Type' }),
        PoNumber: text(80, { label: 'PO Number' }),
        Description: { type: 'textarea', length: 32000, label: 'Description' },
        OpportunityId: ref('Opportunity', 'Opportunity', { label: 'Opportunity ID' }),
        Pricebook2Id: ref('Pricebook2', 'Pricebook2', { label: 'Price Book ID' }),
        TotalAmount: readOnly({ ...money(), label: 'Order Amount' }),
        ...address('Billing', 'Billing'),
        ...address('Shipping', 'Shipping'),
      },
    },
    {
      name: 'OrderItem',
      label: 'Order Product',
      plural: 'Order Products',
      keyPrefix: '802',
      fields: {
        OrderId: req(ref('Order', 'Order', { label: 'Order ID', updateable: false })),
        PricebookEntryId: req(
          ref('PricebookEntry', 'PricebookEntry', { label: 'Price Book Entry ID', updateable: false }),
        ),
        Product2Id: ref('Product2', 'Product2', { label: 'Product ID', updateable: false }),
        Quantity: req({ type: 'double', precision: 18, scale: 2, label: 'Quantity' }),
        UnitPrice: req({ ...money(), label: 'Unit Price' }),
        ListPrice: readOnly({ ...money(), label: 'List Price' }),
        TotalPrice: readOnly({ ...money(), label: 'Total Price' }),
        ServiceDate: { type: 'date', label: 'Start Date' },
        EndDate: { type: 'date', label: 'End Date' },
        Description: text(255, { label: 'Line Description' }),
        OrderItemNumber: readOnly(text(10, { label: 'Order Product Number' })),
      },
    },
    {
      name: 'Product2',
      label: 'Product',
      plural: 'Products',
      keyPrefix: '01t',
      fields: {
        Name: req(text(255, { label: 'Product Name', idLookup: true })),
        ProductCode: text(255, { label: 'Product Code' }),
        Description: { type: 'textarea', length: 4000, label: 'Product Description' },
        IsActive: { type: 'boolean', label: 'Active', nillable: false, defaultValue: false },
        Family: pick(['None'], { label: 'Product Family' }),
        StockKeepingUnit: text(180, { label: 'Product SKU' }),
        QuantityUnitOfMeasure: pick(['Each'], { label: 'Quantity Unit Of Measure' }),
        ExternalId: text(255, { label: 'External ID', externalId: true, idLookup: true }),
      },
    },
    {
      name: 'Pricebook2',
      label: 'Price Book',
      plural: 'Price Books',
      keyPrefix: '01s',
      fields: {
        Name: req(text(255, { label: 'Price Book Name', idLookup: true })),
        IsActive: { type: 'boolean', label: 'Active', nillable: false, defaultValue: false },
        IsStandard: readOnly({
          type: 'boolean',
          label: 'Is Standard Price Book',
          nillable: false,
          defaultValue: false,
        }),
        Description: text(255, { label: 'Description' }),
      },
    },
    {
      name: 'PricebookEntry',
      label: 'Price Book Entry',
      plural: 'Price Book Entries',
      keyPrefix: '01u',
      fields: {
        Pricebook2Id: req(ref('Pricebook2', 'Pricebook2', { label: 'Price Book ID', updateable: false })),
        Product2Id: req(ref('Product2', 'Product2', { label: 'Product ID', updateable: false })),
        UnitPrice: req({ ...money(), label: 'List Price' }),
        IsActive: { type: 'boolean', label: 'Active', nillable: false, defaultValue: false },
        UseStandardPrice: { type: 'boolean', label: 'Use Standard Price', nillable: false, defaultValue: false },
        Name: readOnly(text(255, { label: 'Product Name' })),
        ProductCode: readOnly(text(255, { label: 'Product Code' })),
      },
    },
    {
      name: 'Case',
      label: 'Case',
      plural: 'Cases',
      keyPrefix: '500',
      owned: true,
      fields: {
        CaseNumber: readOnly(text(30, { label: 'Case Number', nillable: false, idLookup: true })),
        Subject: text(255, { label: 'Subject' }),
        Description: { type: 'textarea', length: 32000, label: 'Description' },
        Status: pick(['New', 'Working', 'Escalated', 'Closed'], { label: 'Status', defaultValue: 'New' }),
        Priority: pick(['High', 'Medium', 'Low'], { label: 'Priority', defaultValue: 'Medium' }),
        Origin: pick(['Phone', 'Email', 'Web'], { label: 'Case Origin' }),
        Type: pick(['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other'], { label: 'Case Type' }),
        Reason: pick(
          ['Installation', 'Equipment Complexity', 'Performance', 'Breakdown', 'Equipment Design', 'Feedback', 'Other'],
          { label: 'Case Reason' },
        ),
        AccountId: ref('Account', 'Account', { label: 'Account ID' }),
        ContactId: ref('Contact', 'Contact', { label: 'Contact ID' }),
        SuppliedEmail: { type: 'email', length: 80, label: 'Web Email' },
        IsClosed: readOnly({ type: 'boolean', label: 'Closed', nillable: false, defaultValue: false }),
      },
    },
    {
      name: 'User',
      label: 'User',
      plural: 'Users',
      keyPrefix: '005',
      fields: {
        ...personName(false),
        Username: req(text(80, { label: 'Username', unique: true, idLookup: true })),
        Email: req({ type: 'email', length: 128, label: 'Email' }),
        Alias: req(text(8, { label: 'Alias' })),
        CommunityNickname: text(40, { label: 'Nickname', unique: true }),
        IsActive: { type: 'boolean', label: 'Active', nillable: false, defaultValue: true },
        Title: text(80, { label: 'Title' }),
        Department: text(80, { label: 'Department' }),
        TimeZoneSidKey: req(
          pick(['GMT', 'America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Paris'], {
            label: 'Time Zone',
            restrictedPicklist: true,
          }),
        ),
        LocaleSidKey: req(pick(['en_US', 'en_GB', 'fr_FR', 'de_DE'], { label: 'Locale', restrictedPicklist: true })),
        EmailEncodingKey: req(pick(['UTF-8', 'ISO-8859-1'], { label: 'Email Encoding', restrictedPicklist: true })),
        LanguageLocaleKey: req(pick(['en_US', 'fr', 'de'], { label: 'Language', restrictedPicklist: true })),
      },
    },
  ];

/** System fields every (non-event) object carries. */
function systemFields(objectName: string, owned: boolean): Specs {
  return {
    Id: readOnly({ type: 'id', length: 18, label: `${objectName} ID`, nillable: false, idLookup: true }),
    IsDeleted: readOnly({ type: 'boolean', label: 'Deleted', nillable: false, defaultValue: false }),
    ...(owned ? owner : {}),
    CreatedDate: readOnly({ type: 'datetime', label: 'Created Date', nillable: false }),
    CreatedById: readOnly(ref('User', 'CreatedBy', { label: 'Created By ID', nillable: false })),
    LastModifiedDate: readOnly({ type: 'datetime', label: 'Last Modified Date', nillable: false }),
    LastModifiedById: readOnly(ref('User', 'LastModifiedBy', { label: 'Last Modified By ID', nillable: false })),
    SystemModstamp: readOnly({ type: 'datetime', label: 'System Modstamp', nillable: false }),
  };
}

export function buildFields(specs: Specs): Map<string, FieldDef> {
  const fields = new Map<string, FieldDef>();
  for (const [name, spec] of Object.entries(specs)) {
    const def = fieldDef({ name, ...spec });
    // A field with a default value is not required on create even when not nillable.
    def.required = !def.nillable && def.createable && def.defaultValue === null && def.type !== 'boolean';
    fields.set(name.toLowerCase(), def);
  }
  return fields;
}

export function standardObjects(): ObjectDef[] {
  return SPECS.map((s) => ({
    name: s.name,
    label: s.label,
    labelPlural: s.plural,
    keyPrefix: s.keyPrefix,
    kind: 'standard' as const,
    fields: buildFields({ ...systemFields(s.name, s.owned === true), ...s.fields }),
    childRelationships: [],
  }));
}

export { systemFields };
