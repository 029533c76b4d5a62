import { describe, expect, it } from 'vitest';
import { FIXTURE_METADATA } from '../test-support.js';
import { loadMetadata, parseFieldXml } from './metadata-loader.js';
import { DEFAULT_CDC_ENTITIES, SchemaRegistry } from './registry.js';
import { getField } from './types.js';

describe('force-app metadata loader', () => {
  it('reads custom fields on standard objects with their type, length and flags', async () => {
    const schema = new SchemaRegistry(await loadMetadata(FIXTURE_METADATA));
    const account = schema.get('Account')!;
    const nsId = getField(account, 'NetSuite_Internal_Id__c')!;
    expect(nsId).toMatchObject({
      type: 'string',
      length: 20,
      externalId: true,
      unique: true,
      custom: true,
      required: false,
    });
    expect(nsId.inlineHelpText).toBe('NetSuite customer internal id');
    const status = getField(account, 'NetSuite_Sync_Status__c')!;
    expect(status).toMatchObject({ type: 'picklist', restrictedPicklist: true, defaultValue: 'Pending' });
    expect(status.picklistValues).toEqual(['Pending', 'Synced', 'Error']);
    expect(getField(account, 'NetSuite_Balance__c')).toMatchObject({ type: 'currency', precision: 16, scale: 2 });
    expect(getField(account, 'NetSuite_Credit_Hold__c')).toMatchObject({ type: 'boolean', defaultValue: false });
  });

  it('builds custom objects with system fields, master-detail links and auto-number names', async () => {
    const schema = new SchemaRegistry(await loadMetadata(FIXTURE_METADATA));
    const invoice = schema.get('NetSuite_Invoice__c')!;
    expect(invoice.keyPrefix).toMatch(/^a[0-9a-z]{2}$/);
    expect(invoice.label).toBe('NetSuite Invoice');
    const master = getField(invoice, 'Account__c')!;
    expect(master).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      required: true,
      relationshipName: 'Account__r',
      cascadeDelete: true,
      updateable: false,
    });
    expect(getField(invoice, 'OwnerId')).toBeUndefined(); // detail records have no owner
    expect(schema.childRelationship(schema.get('Account')!, 'NetSuite_Invoices__r')).toMatchObject({
      childSObject: 'NetSuite_Invoice__c',
      field: 'Account__c',
    });
    const log = schema.get('Sync_Log__c')!;
    expect(getField(log, 'Name')).toMatchObject({ createable: false, defaultValue: 'SL-{000000}' });
    expect(getField(log, 'Message__c')).toMatchObject({ type: 'textarea', length: 131072 });
    expect(getField(log, 'Notes__c')).toMatchObject({ type: 'textarea', length: 255 });
    expect(getField(log, 'Contact_Email__c')!.type).toBe('email');
    expect(getField(log, 'Link__c')!.type).toBe('url');
    expect(getField(log, 'Phone__c')!.type).toBe('phone');
    expect(getField(log, 'Success_Rate__c')).toMatchObject({ type: 'percent', precision: 5, scale: 2 });
    expect(getField(log, 'Records__c')).toMatchObject({ type: 'double', precision: 18, scale: 0 });
    expect(getField(log, 'Occurred_At__c')!.type).toBe('datetime');
    expect(getField(log, 'Formula_Text__c')).toMatchObject({ createable: false, updateable: false });
    expect(getField(log, 'Account__c')).toMatchObject({ cascadeDelete: false, nillable: true });
  });

  it('reads platform events and CDC channel members', async () => {
    const meta = await loadMetadata(FIXTURE_METADATA);
    const schema = new SchemaRegistry(meta);
    const event = schema.get('NetSuite_Sync_Request__e')!;
    expect(event.kind).toBe('platformEvent');
    expect(event.keyPrefix.startsWith('e')).toBe(true);
    expect(getField(event, 'Record_Id__c')).toMatchObject({ required: true, length: 18 });
    expect(getField(event, 'EventUuid')).toMatchObject({ createable: false });
    expect([...schema.cdcEntities].sort()).toEqual([...DEFAULT_CDC_ENTITIES, 'NetSuite_Invoice__c'].sort());
    expect([...(schema.customChannels.get('Account') ?? [])]).toEqual(['NetSuite_Connect__chn']);
  });

  it('reports an unusable field instead of failing the whole load', async () => {
    const schema = new SchemaRegistry(await loadMetadata(FIXTURE_METADATA));
    expect(schema.problems).toEqual([expect.stringContaining("field type 'Location' is not supported")]);
    expect(() => parseFieldXml('X.field-meta.xml', '<NotAField/>')).toThrow(/not a CustomField document/);
  });

  it('falls back to the default CDC entities when the package selects none, and tolerates a missing folder', async () => {
    const schema = new SchemaRegistry(await loadMetadata('/nonexistent/force-app'));
    expect([...schema.cdcEntities]).toEqual(DEFAULT_CDC_ENTITIES);
    expect(schema.get('NetSuite_Invoice__c')).toBeUndefined();
  });
});
