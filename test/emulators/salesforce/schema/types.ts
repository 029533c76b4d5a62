/** The emulator's schema model: what a describe call reports and what DML validation enforces. */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'picklist'
  | 'multipicklist'
  | 'reference'
  | 'email'
  | 'phone'
  | 'url'
  | 'address';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  /** Max characters for text types. */
  length: number;
  precision: number;
  scale: number;
  /** Required on create: not nillable, createable, no default. */
  required: boolean;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  idLookup: boolean;
  custom: boolean;
  picklistValues: string[];
  restrictedPicklist: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  /** Parent compound field (BillingAddress, Name) for components such as BillingCity or FirstName. */
  compoundFieldName: string | null;
  defaultValue: unknown;
  inlineHelpText: string | null;
  /** For lookups: the relationship name the parent uses for its children (`Contacts`, `Invoices__r`). */
  childRelationshipName: string | null;
  /** Master-detail (or cascade lookup): deleting the parent deletes the child. */
  cascadeDelete: boolean;
}

export interface ChildRelationship {
  relationshipName: string;
  childSObject: string;
  field: string;
  cascadeDelete: boolean;
}

export type ObjectKind = 'standard' | 'custom' | 'platformEvent';

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  kind: ObjectKind;
  /** Fields by lower-cased API name. */
  fields: Map<string, FieldDef>;
  childRelationships: ChildRelationship[];
}

export function fieldDef(partial: Partial<FieldDef> & Pick<FieldDef, 'name' | 'type'>): FieldDef {
  const isText = ['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist'].includes(partial.type);
  return {
    label: partial.name,
    length: isText ? 255 : partial.type === 'id' || partial.type === 'reference' ? 18 : 0,
    precision: partial.type === 'double' || partial.type === 'currency' || partial.type === 'percent' ? 18 : 0,
    scale: partial.type === 'currency' ? 2 : 0,
    required: false,
    nillable: true,
    createable: true,
    updateable: true,
    unique: false,
    caseSensitive: false,
    externalId: false,
    idLookup: false,
    custom: partial.name.endsWith('__c'),
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    compoundFieldName: null,
    defaultValue: null,
    inlineHelpText: null,
    childRelationshipName: null,
    cascadeDelete: false,
    ...partial,
  };
}

export function getField(obj: ObjectDef, name: string): FieldDef | undefined {
  return obj.fields.get(name.toLowerCase());
}
