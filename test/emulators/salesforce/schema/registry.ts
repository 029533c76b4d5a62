/**
 * The org's schema: standard objects plus the package metadata, with relationships linked both ways
 * and the CDC channel membership.
 */
import { buildFields, standardObjects, systemFields } from './standard-objects.js';
import type { ChannelMember, LoadedMetadata, LoadedObject } from './metadata-loader.js';
import { fieldDef, getField, type FieldDef, type ObjectDef } from './types.js';

/** Child relationship names of the standard lookups (child.field → name, cascade delete). */
const STANDARD_CHILDREN: Record<string, [string, boolean]> = {
  'Account.ParentId': ['ChildAccounts', false],
  'Contact.AccountId': ['Contacts', true],
  'Opportunity.AccountId': ['Opportunities', true],
  'Opportunity.Pricebook2Id': ['Opportunities', false],
  'OpportunityLineItem.OpportunityId': ['OpportunityLineItems', true],
  'OpportunityLineItem.PricebookEntryId': ['OpportunityLineItems', false],
  'Order.AccountId': ['Orders', true],
  'Order.OpportunityId': ['Orders', false],
  'Order.Pricebook2Id': ['Orders', false],
  'OrderItem.OrderId': ['OrderItems', true],
  'OrderItem.PricebookEntryId': ['OrderItems', false],
  'PricebookEntry.Pricebook2Id': ['PricebookEntries', true],
  'PricebookEntry.Product2Id': ['PricebookEntries', true],
  'Case.AccountId': ['Cases', true],
  'Case.ContactId': ['Cases', false],
};

/** Entities whose change events the org publishes when the package selects none. */
export const DEFAULT_CDC_ENTITIES = ['Account', 'Contact', 'Opportunity', 'Order', 'Product2'];

export class SchemaRegistry {
  private readonly objects = new Map<string, ObjectDef>();
  private readonly byPrefix = new Map<string, ObjectDef>();
  /** Entity → custom channels (e.g. `NetSuite_Connect__chn`) selecting it. */
  readonly customChannels = new Map<string, Set<string>>();
  readonly cdcEntities = new Set<string>();
  readonly problems: string[] = [];

  /**
   * `currencies`: when given, the org has multi-currency on: every record object gets a restricted
   * `CurrencyIsoCode` picklist (the first currency is the corporate default). Without it, as in a new
   * org, `CurrencyIsoCode` does not exist and selecting it fails with INVALID_FIELD.
   */
  constructor(metadata: LoadedMetadata = { objects: [], channelMembers: [] }, options: { currencies?: string[] } = {}) {
    for (const obj of standardObjects()) this.add(obj);
    let customIndex = 0;
    let eventIndex = 0;
    for (const loaded of metadata.objects) {
      this.problems.push(...loaded.problems);
      const existing = this.get(loaded.name);
      if (existing !== undefined) {
        for (const f of loaded.fields) existing.fields.set(f.name.toLowerCase(), f);
        continue;
      }
      if (loaded.name.endsWith('__e')) this.add(this.platformEvent(loaded, eventIndex++));
      else if (loaded.name.endsWith('__c')) this.add(this.customObject(loaded, customIndex++));
      else this.problems.push(`${loaded.name}: no such standard object in the emulator; its fields are ignored`);
    }
    if (options.currencies !== undefined && options.currencies.length > 0) this.enableMultiCurrency(options.currencies);
    this.linkChildren();
    this.applyChannelMembers(metadata.channelMembers);
  }

  private add(obj: ObjectDef): void {
    this.objects.set(obj.name.toLowerCase(), obj);
    this.byPrefix.set(obj.keyPrefix, obj);
  }

  private customObject(loaded: LoadedObject, index: number): ObjectDef {
    const hasMaster = loaded.fields.some((f) => f.cascadeDelete);
    const nameField = loaded.nameField ?? { label: `${loaded.label ?? loaded.name} Name`, type: 'Text' as const };
    const auto = nameField.type === 'AutoNumber';
    const fields = buildFields({
      ...systemFields(loaded.name, !hasMaster),
      Name: {
        type: 'string',
        length: 80,
        label: nameField.label,
        nillable: auto,
        createable: !auto,
        updateable: !auto,
        idLookup: true,
      },
    });
    const nameDef = fields.get('name');
    if (nameDef !== undefined && auto) nameDef.defaultValue = nameField.displayFormat ?? '{0}';
    for (const f of loaded.fields) fields.set(f.name.toLowerCase(), f);
    return {
      name: loaded.name,
      label: loaded.label ?? loaded.name,
      labelPlural: loaded.pluralLabel ?? loaded.name,
      keyPrefix: `a${index.toString(36).padStart(2, '0')}`,
      kind: 'custom',
      fields,
      childRelationships: [],
    };
  }

  private platformEvent(loaded: LoadedObject, index: number): ObjectDef {
    const fields = new Map<string, FieldDef>();
    const sys: FieldDef[] = [
      fieldDef({
        name: 'ReplayId',
        type: 'string',
        label: 'Replay ID',
        createable: false,
        updateable: false,
        custom: false,
      }),
      fieldDef({
        name: 'CreatedDate',
        type: 'datetime',
        label: 'Created Date',
        createable: false,
        updateable: false,
        nillable: false,
      }),
      fieldDef({
        name: 'CreatedById',
        type: 'reference',
        referenceTo: ['User'],
        label: 'Created By ID',
        createable: false,
        updateable: false,
        nillable: false,
      }),
      fieldDef({
        name: 'EventUuid',
        type: 'string',
        length: 36,
        label: 'Event UUID',
        createable: false,
        updateable: false,
      }),
    ];
    for (const f of [...sys, ...loaded.fields]) fields.set(f.name.toLowerCase(), { ...f, updateable: false });
    return {
      name: loaded.name,
      label: loaded.label ?? loaded.name,
      labelPlural: loaded.pluralLabel ?? loaded.name,
      keyPrefix: `e${index.toString(36).padStart(2, '0')}`,
      kind: 'platformEvent',
      fields,
      childRelationships: [],
    };
  }

  private enableMultiCurrency(currencies: string[]): void {
    for (const obj of this.objects.values()) {
      if (obj.kind === 'platformEvent') continue;
      obj.fields.set(
        'currencyisocode',
        fieldDef({
          name: 'CurrencyIsoCode',
          type: 'picklist',
          label: `${obj.label} Currency`,
          length: 3,
          picklistValues: currencies,
          restrictedPicklist: true,
          defaultValue: currencies[0],
          nillable: false,
          custom: false,
        }),
      );
    }
  }

  private linkChildren(): void {
    for (const child of this.objects.values()) {
      for (const f of child.fields.values()) {
        if (f.type !== 'reference') continue;
        const std = STANDARD_CHILDREN[`${child.name}.${f.name}`];
        if (std !== undefined) {
          f.childRelationshipName = std[0];
          f.cascadeDelete = std[1];
        }
        if (f.childRelationshipName === null) continue;
        for (const parentName of f.referenceTo) {
          const parent = this.get(parentName);
          parent?.childRelationships.push({
            relationshipName: f.childRelationshipName,
            childSObject: child.name,
            field: f.name,
            cascadeDelete: f.cascadeDelete,
          });
        }
      }
    }
  }

  private applyChannelMembers(members: ChannelMember[]): void {
    const entities = members.length > 0 ? members.map((m) => m.entity) : DEFAULT_CDC_ENTITIES;
    for (const e of entities) {
      const obj = this.get(e);
      if (obj === undefined) this.problems.push(`channel member ${e}: no such object`);
      else this.cdcEntities.add(obj.name);
    }
    for (const m of members) {
      const obj = this.get(m.entity);
      if (obj === undefined) continue;
      const set = this.customChannels.get(obj.name) ?? new Set<string>();
      set.add(m.channel);
      this.customChannels.set(obj.name, set);
    }
  }

  get(name: string): ObjectDef | undefined {
    return this.objects.get(name.toLowerCase());
  }

  byKeyPrefix(prefix: string): ObjectDef | undefined {
    return this.byPrefix.get(prefix);
  }

  all(): ObjectDef[] {
    return [...this.objects.values()];
  }

  field(obj: ObjectDef, name: string): FieldDef | undefined {
    return getField(obj, name);
  }

  /** The lookup field on `obj` whose relationship name is `relName` (Account, Owner, Parent__r). */
  parentRelationship(obj: ObjectDef, relName: string): FieldDef | undefined {
    const lower = relName.toLowerCase();
    for (const f of obj.fields.values()) {
      if (f.type === 'reference' && f.relationshipName?.toLowerCase() === lower) return f;
    }
    return undefined;
  }

  childRelationship(obj: ObjectDef, relName: string) {
    const lower = relName.toLowerCase();
    return obj.childRelationships.find((r) => r.relationshipName.toLowerCase() === lower);
  }
}
