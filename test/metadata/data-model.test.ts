/**
 * The package data model (force-app objects, platform event, CDC channel, permission sets):
 * element names checked against the Metadata API schema (scripts/metadata), and the properties the relay
 * and the personas rely on (external ids, restricted picklists, exact permission grants).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { directionSchema, systemSchema } from '../../relay/src/mapping/definition.js';

import { checkMetadataXml, findMetadataXml } from '../../scripts/metadata/metadata-schema.js';

const ROOT = join(import.meta.dirname, '../../force-app/main/default');
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

type Xml = Record<string, unknown>;
const parse = (path: string): Xml => parser.parse(readFileSync(path, 'utf8')) as Xml;
const list = <T = Xml>(v: unknown): T[] => (v === undefined ? [] : Array.isArray(v) ? (v as T[]) : [v as T]);
const files = (dir: string, suffix: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .map((f) => join(dir, f))
    : [];

interface Field {
  fullName: string;
  type: string;
  label?: string;
  required?: string;
  externalId?: string;
  unique?: string;
  length?: string;
  inlineHelpText?: string;
  description?: string;
  trackHistory?: string;
  referenceTo?: string;
  relationshipName?: string;
  deleteConstraint?: string;
  valueSet?: { restricted?: string; valueSetDefinition?: { value: unknown } };
}
interface ObjectDef {
  name: string;
  root: Xml;
  fields: Field[];
}

function loadObjects(): Map<string, ObjectDef> {
  const out = new Map<string, ObjectDef>();
  for (const name of readdirSync(join(ROOT, 'objects'))) {
    const dir = join(ROOT, 'objects', name);
    const objFile = join(dir, `${name}.object-meta.xml`);
    const root = existsSync(objFile) ? ((parse(objFile).CustomObject ?? {}) as Xml) : {};
    const fields = files(join(dir, 'fields'), '.field-meta.xml').map((f) => parse(f).CustomField as Field);
    out.set(name, { name, root, fields });
  }
  return out;
}
const objects = loadObjects();
const field = (obj: string, name: string): Field => {
  const f = objects.get(obj)?.fields.find((x) => x.fullName === name);
  if (!f) throw new Error(`missing field ${obj}.${name}`);
  return f;
};
const picklistValues = (f: Field) => list<{ fullName: string; label: string }>(f.valueSet?.valueSetDefinition?.value);

interface PermSet {
  name: string;
  label: string;
  objectPermissions: Record<string, string>[];
  fieldPermissions: { field: string; editable: string; readable: string }[];
  userPermissions: unknown[];
}
const permsets = new Map<string, PermSet>(
  files(join(ROOT, 'permissionsets'), '.permissionset-meta.xml').map((path) => {
    const ps = parse(path).PermissionSet as Xml;
    const name = basename(path, '.permissionset-meta.xml');
    return [
      name,
      {
        name,
        label: String(ps.label),
        objectPermissions: list<Record<string, string>>(ps.objectPermissions),
        fieldPermissions: list(ps.fieldPermissions),
        userPermissions: list(ps.userPermissions),
      },
    ];
  }),
);
const ps = (name: string) => {
  const p = permsets.get(name);
  if (!p) throw new Error(`missing permission set ${name}`);
  return p;
};

const CUSTOM_OBJECTS = [...objects.keys()].filter((o) => o.endsWith('__c')).sort();
const STANDARD_WITH_FIELDS = ['Account', 'Contact', 'Opportunity', 'Order', 'Product2'];
const CONFIG_OBJECTS = ['Sync_Flow__c', 'Sync_Mapping__c'];
/** Salesforce refuses field permissions on required and master-detail fields (always accessible). */
const grantable = (f: Field) => f.required !== 'true' && f.type !== 'MasterDetail';
const packageFields = (objs: string[]) =>
  objs.flatMap((o) => (objects.get(o)?.fields ?? []).filter(grantable).map((f) => `${o}.${f.fullName}`));

describe('data model metadata: schema', () => {
  it('uses only element names the Metadata API defines (objects, fields, channels, permission sets)', () => {
    // The same check `npm run test:metadata` runs (scripts/metadata), over the data-model folders.
    const dirs = ['objects', 'permissionsets', 'platformEventChannels', 'platformEventChannelMembers'];
    const xmlFiles = dirs.flatMap((d) => (existsSync(join(ROOT, d)) ? findMetadataXml(join(ROOT, d)) : []));
    expect(xmlFiles.length).toBeGreaterThan(50);
    expect(checkMetadataXml(xmlFiles).map((p) => `${basename(p.file)}: ${p.message}`)).toEqual([]);
  });
});

describe('data model metadata: objects and fields', () => {
  it('declares the platform event as high volume, published after commit, with required identity fields', () => {
    const ev = objects.get('NetSuite_Sync_Request__e');
    expect(ev?.root).toMatchObject({
      eventType: 'HighVolume',
      publishBehavior: 'PublishAfterCommit',
      deploymentStatus: 'Deployed',
    });
    for (const name of ['Record_Id__c', 'Object_Name__c', 'Action__c'])
      expect(field('NetSuite_Sync_Request__e', name).required).toBe('true');
    const types = new Set(ev?.fields.map((f) => f.type));
    // Platform events accept Checkbox, Date, DateTime, Number, Text and LongTextArea only.
    for (const t of types) expect(['Checkbox', 'Date', 'DateTime', 'Number', 'Text', 'LongTextArea']).toContain(t);
  });

  it('gives every field a label, description and help text', () => {
    const missing = [...objects.values()].flatMap((o) =>
      o.fields.filter((f) => !f.label || !f.description || !f.inlineHelpText).map((f) => `${o.name}.${f.fullName}`),
    );
    expect(missing).toEqual([]);
    expect([...objects.values()].reduce((n, o) => n + o.fields.length, 0)).toBeGreaterThan(60);
  });

  it.each([
    ['Account', 'NetSuite_Internal_Id__c'],
    ['Contact', 'NetSuite_Internal_Id__c'],
    ['Opportunity', 'NetSuite_Internal_Id__c'],
    ['Product2', 'NetSuite_Internal_Id__c'],
    ['Order', 'NetSuite_Sales_Order_Id__c'],
    ['NetSuite_Invoice__c', 'NetSuite_Internal_Id__c'],
    ['NetSuite_Payment__c', 'NetSuite_Internal_Id__c'],
    ['NetSuite_Vendor_Bill__c', 'NetSuite_Internal_Id__c'],
    ['Journal_Entry__c', 'NetSuite_Internal_Id__c'],
    ['Sync_Flow__c', 'Flow_Key__c'],
    ['Sync_Log__c', 'Relay_Log_Id__c'],
  ])('%s.%s is a unique, case-insensitive text external id', (obj, name) => {
    const f = field(obj, name);
    expect(f).toMatchObject({ type: 'Text', externalId: 'true', unique: 'true', caseSensitive: 'false' });
    expect(Number(f.length)).toBeGreaterThanOrEqual(20);
  });

  it('restricts every picklist and mirrors NetSuite enumerations exactly', () => {
    const picklists = [...objects.values()].flatMap((o) =>
      o.fields.filter((f) => f.type === 'Picklist').map((f) => ({ o: o.name, f })),
    );
    expect(picklists.length).toBeGreaterThanOrEqual(12);
    for (const { o, f } of picklists) {
      expect(f.valueSet?.restricted, `${o}.${f.fullName}`).toBe('true');
      const values = picklistValues(f);
      expect(values.length, `${o}.${f.fullName}`).toBeGreaterThan(1);
      expect(new Set(values.map((v) => v.fullName)).size).toBe(values.length);
      for (const v of values) expect(v.label, `${o}.${f.fullName}.${v.fullName}`).toBeTruthy();
    }
    expect(picklistValues(field('Account', 'NetSuite_Credit_Hold__c'))).toEqual([
      { fullName: '_auto', default: 'false', label: 'Auto' },
      { fullName: '_on', default: 'false', label: 'On' },
      { fullName: '_off', default: 'false', label: 'Off' },
    ]);
    // Display names of SalesOrderOrderStatus (transactions.sales.xsd 2023_2), as NetSuite REST/SuiteQL return them.
    expect(picklistValues(field('Order', 'NetSuite_Order_Status__c')).map((v) => v.fullName)).toEqual([
      'Pending Approval',
      'Pending Fulfillment',
      'Cancelled',
      'Partially Fulfilled',
      'Pending Billing/Partially Fulfilled',
      'Pending Billing',
      'Billed',
      'Closed',
    ]);
  });

  it('uses the relay mapping engine codes for direction and field master, so records parse without translation', () => {
    const values = (o: string, f: string) =>
      picklistValues(field(o, f))
        .map((v) => v.fullName)
        .sort();
    for (const o of ['Sync_Flow__c', 'Sync_Mapping__c', 'Sync_Log__c'])
      expect(values(o, 'Direction__c')).toEqual([...directionSchema.options].sort());
    expect(values('Sync_Mapping__c', 'Field_Master__c')).toEqual([...systemSchema.options].sort());
    for (const o of ['Sync_Flow__c', 'Sync_Mapping__c'])
      expect(field(o, 'Definition__c')).toMatchObject({ type: 'LongTextArea', length: '131072' });
  });

  it('has exactly one default value per picklist that declares one', () => {
    for (const o of objects.values())
      for (const f of o.fields.filter((x) => x.type === 'Picklist')) {
        const defaults = list<{ default: string }>(f.valueSet?.valueSetDefinition?.value).filter(
          (v) => v.default === 'true',
        );
        expect(defaults.length, `${o.name}.${f.fullName}`).toBeLessThanOrEqual(1);
      }
  });

  it('uses currency for money and sane lengths for text', () => {
    for (const name of [
      'NetSuite_Balance__c',
      'NetSuite_Overdue_Balance__c',
      'NetSuite_Credit_Limit__c',
      'NetSuite_Unbilled_Orders__c',
    ])
      expect(field('Account', name).type).toBe('Currency');
    expect(field('Account', 'NetSuite_Last_Sync__c').type).toBe('DateTime');
    for (const o of objects.values())
      for (const f of o.fields) {
        if (f.type === 'Text') expect(Number(f.length), `${o.name}.${f.fullName}`).toBeLessThanOrEqual(255);
        if (f.type === 'LongTextArea') expect(Number(f.length)).toBeLessThanOrEqual(131072);
      }
  });

  it('relates the objects correctly (master-detail mapping, required lookups never SetNull)', () => {
    expect(field('Sync_Mapping__c', 'Sync_Flow__c')).toMatchObject({
      type: 'MasterDetail',
      referenceTo: 'Sync_Flow__c',
    });
    expect(objects.get('Sync_Mapping__c')?.root.sharingModel).toBe('ControlledByParent');
    // The relay's journal-entry mapping reads the lines as Journal_Entry_Lines__r.
    expect(field('Journal_Entry_Line__c', 'Journal_Entry__c')).toMatchObject({
      type: 'MasterDetail',
      relationshipName: 'Journal_Entry_Lines',
    });
    expect(objects.get('Journal_Entry_Line__c')?.root.sharingModel).toBe('ControlledByParent');
    expect(field('NetSuite_Vendor_Bill__c', 'Vendor__c')).toMatchObject({ type: 'Lookup', referenceTo: 'Account' });
    expect(field('NetSuite_Invoice__c', 'Account__c')).toMatchObject({
      type: 'Lookup',
      referenceTo: 'Account',
      required: 'true',
    });
    expect(field('NetSuite_Invoice__c', 'Order__c')).toMatchObject({ type: 'Lookup', referenceTo: 'Order' });
    expect(field('NetSuite_Payment__c', 'Account__c')).toMatchObject({ type: 'Lookup', referenceTo: 'Account' });
    expect(field('NetSuite_Payment__c', 'Invoice__c')).toMatchObject({
      type: 'Lookup',
      referenceTo: 'NetSuite_Invoice__c',
      deleteConstraint: 'SetNull',
    });
    for (const o of objects.values())
      for (const f of o.fields.filter((x) => x.type === 'Lookup'))
        if (f.required === 'true') expect(f.deleteConstraint, `${o.name}.${f.fullName}`).not.toBe('SetNull');
    // Relationship names must be unique per parent object.
    const rel = [...objects.values()].flatMap((o) =>
      o.fields.filter((f) => f.relationshipName).map((f) => `${f.referenceTo}.${f.relationshipName}`),
    );
    expect(new Set(rel).size).toBe(rel.length);
  });

  it('deploys every custom object with a name field, sharing model and history only where enabled (max 20 fields)', () => {
    for (const name of CUSTOM_OBJECTS) {
      const o = objects.get(name);
      expect(o?.root, name).toMatchObject({ deploymentStatus: 'Deployed' });
      expect((o?.root.nameField as Xml | undefined)?.type).toMatch(/^(Text|AutoNumber)$/);
      expect(['Private', 'Read', 'ReadWrite', 'ControlledByParent']).toContain(o?.root.sharingModel);
      const tracked = o?.fields.filter((f) => f.trackHistory === 'true') ?? [];
      if (o?.root.enableHistory !== 'true') expect(tracked, name).toEqual([]);
      expect(tracked.length).toBeLessThanOrEqual(20);
    }
    expect(objects.get('Sync_Flow__c')?.root.enableHistory).toBe('true');
  });
});

describe('data model metadata: change data capture channel', () => {
  it('selects Account, Contact, Opportunity, Order and Product2 on the custom data channel', () => {
    const chn = parse(
      join(ROOT, 'platformEventChannels/NetSuite_Connect__chn.platformEventChannel-meta.xml'),
    ).PlatformEventChannel;
    expect(chn).toMatchObject({ channelType: 'data', label: 'NetSuite Connect' });
    const members = files(join(ROOT, 'platformEventChannelMembers'), '.platformEventChannelMember-meta.xml').map(
      (p) => parse(p).PlatformEventChannelMember as { eventChannel: string; selectedEntity: string },
    );
    expect(members.every((m) => m.eventChannel === 'NetSuite_Connect__chn')).toBe(true);
    expect(members.map((m) => m.selectedEntity).sort()).toEqual([
      'AccountChangeEvent',
      'ContactChangeEvent',
      'OpportunityChangeEvent',
      'OrderChangeEvent',
      'Product2ChangeEvent',
    ]);
  });
});

describe('data model metadata: permission sets', () => {
  const objPerm = (set: string, obj: string) => ps(set).objectPermissions.find((p) => p.object === obj);
  const MIRRORS = ['NetSuite_Invoice__c', 'NetSuite_Payment__c', 'NetSuite_Vendor_Bill__c'];
  const JOURNAL = ['Journal_Entry__c', 'Journal_Entry_Line__c'];

  it('has exactly the three persona permission sets', () => {
    expect([...permsets.keys()].sort()).toEqual([
      'NetSuite_Connect_Admin',
      'NetSuite_Connect_Integration',
      'NetSuite_Connect_User',
    ]);
  });

  it.each(['NetSuite_Connect_Admin', 'NetSuite_Connect_User', 'NetSuite_Connect_Integration'])(
    '%s lists every grantable field of the objects it can read, once, and nothing that does not exist or cannot be granted',
    (name) => {
      const readable = ps(name)
        .objectPermissions.filter((p) => p.allowRead === 'true')
        .map((p) => p.object);
      const expected = packageFields([...STANDARD_WITH_FIELDS, ...CUSTOM_OBJECTS.filter((o) => readable.includes(o))]);
      const granted = ps(name).fieldPermissions.map((f) => f.field);
      expect(new Set(granted).size).toBe(granted.length);
      expect([...granted].sort()).toEqual([...expected].sort());
      for (const f of ps(name).fieldPermissions) {
        expect(f.readable, f.field).toBe('true');
        // A custom object's field is editable exactly when the object is.
        const obj = f.field.split('.')[0] as string;
        if (obj.endsWith('__c')) expect(f.editable, `${name} ${f.field}`).toBe(objPerm(name, obj)?.allowEdit);
      }
      // Standard object permissions and user permissions are dropped from managed packages.
      for (const p of ps(name).objectPermissions) expect(p.object, name).toMatch(/__(c|e)$/);
      expect(ps(name).userPermissions).toEqual([]);
    },
  );

  it('admin: full access to every package object and edit on every field', () => {
    for (const o of CUSTOM_OBJECTS)
      expect(objPerm('NetSuite_Connect_Admin', o), o).toMatchObject({
        allowCreate: 'true',
        allowRead: 'true',
        allowEdit: 'true',
        allowDelete: 'true',
      });
    expect(ps('NetSuite_Connect_Admin').fieldPermissions.every((f) => f.editable === 'true')).toBe(true);
    expect(objPerm('NetSuite_Connect_Admin', 'NetSuite_Sync_Request__e')).toMatchObject({
      allowCreate: 'true',
      allowRead: 'true',
    });
  });

  it('user: reads NetSuite data and logs, edits nothing, no configuration or journals, can request a sync', () => {
    for (const o of [...CONFIG_OBJECTS, ...JOURNAL]) expect(objPerm('NetSuite_Connect_User', o), o).toBeUndefined();
    for (const o of ['Sync_Log__c', ...MIRRORS])
      expect(objPerm('NetSuite_Connect_User', o), o).toMatchObject({
        allowRead: 'true',
        allowCreate: 'false',
        allowEdit: 'false',
        allowDelete: 'false',
        viewAllRecords: 'false',
        modifyAllRecords: 'false',
      });
    expect(ps('NetSuite_Connect_User').fieldPermissions.filter((f) => f.editable !== 'false')).toEqual([]);
    expect(objPerm('NetSuite_Connect_User', 'NetSuite_Sync_Request__e')).toMatchObject({ allowCreate: 'true' });
  });

  it('integration: edits the NetSuite fields, writes logs and mirrors, only reads configuration', () => {
    const editable = new Set(
      ps('NetSuite_Connect_Integration')
        .fieldPermissions.filter((f) => f.editable === 'true')
        .map((f) => f.field),
    );
    for (const f of packageFields(STANDARD_WITH_FIELDS)) expect(editable, f).toContain(f);
    for (const f of packageFields(CONFIG_OBJECTS)) expect(editable.has(f), f).toBe(false);
    for (const o of ['Sync_Log__c', ...MIRRORS])
      expect(objPerm('NetSuite_Connect_Integration', o), o).toMatchObject({
        allowCreate: 'true',
        allowEdit: 'true',
        allowRead: 'true',
        allowDelete: 'false',
        viewAllRecords: 'true',
      });
    for (const o of CONFIG_OBJECTS)
      expect(objPerm('NetSuite_Connect_Integration', o), o).toMatchObject({
        allowRead: 'true',
        allowCreate: 'false',
        allowEdit: 'false',
        allowDelete: 'false',
      });
    // Journal entries are raised by people; the relay only writes back the NetSuite id and sync status.
    expect(objPerm('NetSuite_Connect_Integration', 'Journal_Entry__c')).toMatchObject({
      allowRead: 'true',
      allowEdit: 'true',
      allowCreate: 'false',
      allowDelete: 'false',
    });
    expect(objPerm('NetSuite_Connect_Integration', 'Journal_Entry_Line__c')).toMatchObject({
      allowRead: 'true',
      allowEdit: 'false',
    });
    expect(objPerm('NetSuite_Connect_Integration', 'NetSuite_Sync_Request__e')).toMatchObject({
      allowRead: 'true',
      allowCreate: 'false',
    });
  });
});
