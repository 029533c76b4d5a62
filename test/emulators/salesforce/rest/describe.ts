/** Describe payloads (`/sobjects`, `/sobjects/X`, `/sobjects/X/describe`) built from the schema. */
import type { FieldDef, ObjectDef } from '../schema/types.js';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  address: 'urn:address',
};

function urls(version: string, obj: ObjectDef): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${obj.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function describeField(f: FieldDef): Record<string, unknown> {
  const text = ['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist'].includes(f.type);
  const autoNumber = f.type === 'string' && !f.createable && f.defaultValue !== null;
  return {
    aggregatable: f.type !== 'textarea' && f.type !== 'address',
    autoNumber,
    byteLength: text || f.type === 'id' || f.type === 'reference' ? f.length * 3 : 0,
    calculated: false,
    calculatedFormula: null,
    caseSensitive: f.caseSensitive,
    compoundFieldName: f.compoundFieldName,
    controllerName: null,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.type === 'boolean' ? f.defaultValue === true : autoNumber ? null : f.defaultValue,
    defaultValueFormula: null,
    defaultedOnCreate: f.defaultValue !== null || f.type === 'boolean' || !f.createable,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.type === 'int' ? f.precision : 0,
    externalId: f.externalId,
    filterable: f.type !== 'textarea' || f.length <= 255,
    groupable: !['double', 'currency', 'percent', 'textarea', 'address', 'datetime'].includes(f.type),
    htmlFormatted: false,
    idLookup: f.idLookup,
    inlineHelpText: f.inlineHelpText,
    label: f.label,
    length: text ? f.length : f.type === 'id' || f.type === 'reference' ? 18 : 0,
    name: f.name,
    nameField: f.name === 'Name',
    namePointing: false,
    nillable: f.nillable,
    permissionable: f.nillable && f.custom,
    picklistValues: f.picklistValues.map((value) => ({
      active: true,
      defaultValue: f.defaultValue === value,
      label: value,
      validFor: null,
      value,
    })),
    precision: ['double', 'currency', 'percent'].includes(f.type) ? f.precision : 0,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    relationshipOrder: f.type === 'reference' && f.cascadeDelete && f.custom ? 0 : null,
    restrictedPicklist: f.restrictedPicklist,
    scale: f.scale,
    soapType: SOAP_TYPES[f.type] ?? 'xsd:string',
    sortable: f.type !== 'textarea' || f.length <= 255,
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
    writeRequiresMasterRead: false,
  };
}

export function describeGlobalEntry(version: string, obj: ObjectDef): Record<string, unknown> {
  const event = obj.kind === 'platformEvent';
  return {
    activateable: false,
    createable: true,
    custom: obj.kind !== 'standard',
    customSetting: false,
    deletable: !event,
    deprecatedAndHidden: false,
    feedEnabled: false,
    keyPrefix: obj.keyPrefix,
    label: obj.label,
    labelPlural: obj.labelPlural,
    layoutable: !event,
    listviewable: null,
    lookupLayoutable: null,
    mergeable: ['Account', 'Contact', 'Lead'].includes(obj.name),
    mruEnabled: !event,
    name: obj.name,
    queryable: !event,
    replicateable: !event,
    retrieveable: !event,
    searchable: !event,
    searchLayoutable: !event,
    triggerable: true,
    undeletable: !event,
    updateable: !event,
    urls: urls(version, obj),
  };
}

export function describeSObject(version: string, obj: ObjectDef): Record<string, unknown> {
  return {
    ...describeGlobalEntry(version, obj),
    actionOverrides: [],
    childRelationships: obj.childRelationships.map((r) => ({
      cascadeDelete: r.cascadeDelete,
      childSObject: r.childSObject,
      deprecatedAndHidden: false,
      field: r.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: r.relationshipName,
      restrictedDelete: false,
    })),
    compactLayoutable: obj.kind !== 'platformEvent',
    fields: [...obj.fields.values()].map(describeField),
    hasSubtypes: false,
    isSubtype: false,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    supportedScopes: [{ label: 'All accounts', name: 'everything' }],
  };
}
