/**
 * Reads the package's SFDX source metadata (`force-app/main/default`): custom objects and fields
 * (`objects/<Obj>/<Obj>.object-meta.xml`, `objects/<Obj>/fields/*.field-meta.xml`) and the CDC channel
 * members (`platformEventChannelMembers/*.platformEventChannelMember-meta.xml`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { buildFields } from './standard-objects.js';
import type { FieldDef, FieldType } from './types.js';

export interface LoadedObject {
  name: string;
  /** Present when the folder holds an `.object-meta.xml` (always for custom objects and events). */
  label?: string;
  pluralLabel?: string;
  nameField?: { label: string; type: 'Text' | 'AutoNumber'; displayFormat?: string };
  fields: FieldDef[];
  /** Fields' parse problems: the loader skips a bad field and says why instead of crashing. */
  problems: string[];
}

export interface ChannelMember {
  channel: string;
  /** Entity name without the `ChangeEvent` suffix, e.g. `Account`. */
  entity: string;
}

export interface LoadedMetadata {
  objects: LoadedObject[];
  channelMembers: ChannelMember[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['value', 'referenceTo', 'picklistValues'].includes(name),
});

const str = z.union([z.string(), z.number()]).transform(String);
const bool = z
  .union([z.string(), z.boolean()])
  .transform((v) => v === true || v === 'true')
  .optional();

const fieldXml = z.object({
  fullName: str.optional(),
  label: str.optional(),
  type: z.string().optional(),
  length: z.coerce.number().optional(),
  precision: z.coerce.number().optional(),
  scale: z.coerce.number().optional(),
  required: bool,
  unique: bool,
  externalId: bool,
  caseSensitive: bool,
  defaultValue: str.optional(),
  inlineHelpText: str.optional(),
  referenceTo: z.array(str).optional(),
  relationshipName: str.optional(),
  reparentableMasterDetail: bool,
  formula: str.optional(),
  valueSet: z
    .object({
      restricted: bool,
      valueSetDefinition: z
        .object({
          value: z.array(z.object({ fullName: str, default: bool, label: str.optional() })).optional(),
        })
        .optional(),
    })
    .optional(),
});

const TYPE_MAP: Record<string, FieldType> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  EncryptedText: 'string',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Lookup: 'reference',
  MasterDetail: 'reference',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  AutoNumber: 'string',
};

/** Converts one CustomField XML document into a FieldDef; throws with a clear reason when unusable. */
export function parseFieldXml(fileName: string, xml: string): FieldDef {
  const doc: unknown = parser.parse(xml);
  const root = z.object({ CustomField: fieldXml }).safeParse(doc);
  if (!root.success) throw new Error(`${fileName}: not a CustomField document`);
  const f = root.data.CustomField;
  const name = f.fullName ?? fileName.replace(/\.field-meta\.xml$/, '');
  const xmlType = f.type ?? '';
  const type = TYPE_MAP[xmlType];
  if (type === undefined) throw new Error(`${fileName}: field type '${xmlType}' is not supported`);
  const readOnly = f.formula !== undefined || xmlType === 'AutoNumber' || xmlType === 'Summary';
  const masterDetail = xmlType === 'MasterDetail';
  const values = f.valueSet?.valueSetDefinition?.value ?? [];
  const isText = ['string', 'textarea', 'email', 'phone', 'url'].includes(type);
  const defaults: Record<string, number> = { TextArea: 255, Email: 80, Phone: 40, Url: 255, AutoNumber: 30 };
  const checkboxDefault = type === 'boolean' ? f.defaultValue === 'true' : null;
  const picklistDefault = values.find((v) => v.default === true)?.fullName ?? null;
  const required = (f.required ?? false) || masterDetail;
  const spec: Partial<FieldDef> & { type: FieldType } = {
    type,
    label: f.label ?? name,
    length: isText ? (f.length ?? defaults[xmlType] ?? 255) : type === 'reference' ? 18 : type === 'picklist' ? 255 : 0,
    precision: f.precision ?? 0,
    scale: f.scale ?? 0,
    nillable: !required && type !== 'boolean',
    createable: !readOnly,
    updateable: !readOnly && (!masterDetail || f.reparentableMasterDetail === true),
    unique: f.unique ?? false,
    externalId: f.externalId ?? false,
    idLookup: (f.externalId ?? false) || (f.unique ?? false),
    caseSensitive: f.caseSensitive ?? false,
    picklistValues: values.map((v) => v.fullName),
    restrictedPicklist: f.valueSet?.restricted ?? false,
    referenceTo: f.referenceTo ?? [],
    relationshipName: type === 'reference' ? `${name.replace(/__c$/, '')}__r` : null,
    defaultValue: checkboxDefault ?? picklistDefault,
    inlineHelpText: f.inlineHelpText ?? null,
    childRelationshipName: f.relationshipName !== undefined ? `${f.relationshipName}__r` : null,
    cascadeDelete: masterDetail,
  };
  const def = buildFields({ [name]: spec }).get(name.toLowerCase());
  if (def === undefined) throw new Error(`${fileName}: could not build field`);
  def.custom = true;
  return def;
}

const objectXml = z.object({
  CustomObject: z
    .object({
      label: str.optional(),
      pluralLabel: str.optional(),
      nameField: z
        .object({
          label: str.optional(),
          type: z.enum(['Text', 'AutoNumber']).optional(),
          displayFormat: str.optional(),
        })
        .optional(),
    })
    .passthrough(),
});

async function listDir(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).sort();
  } catch {
    return [];
  }
}

export async function loadObject(objectsDir: string, name: string): Promise<LoadedObject> {
  const dir = join(objectsDir, name);
  const out: LoadedObject = { name, fields: [], problems: [] };
  const objectFile = (await listDir(dir)).find((f) => f === `${name}.object-meta.xml`);
  if (objectFile !== undefined) {
    const parsed = objectXml.safeParse(parser.parse(await readFile(join(dir, objectFile), 'utf8')));
    if (parsed.success) {
      const o = parsed.data.CustomObject;
      out.label = o.label ?? name;
      out.pluralLabel = o.pluralLabel ?? out.label;
      if (o.nameField !== undefined) {
        out.nameField = {
          label: o.nameField.label ?? `${out.label} Name`,
          type: o.nameField.type ?? 'Text',
          ...(o.nameField.displayFormat !== undefined ? { displayFormat: o.nameField.displayFormat } : {}),
        };
      }
    } else {
      out.problems.push(`${objectFile}: not a CustomObject document`);
    }
  }
  for (const file of await listDir(join(dir, 'fields'))) {
    if (!file.endsWith('.field-meta.xml')) continue;
    try {
      out.fields.push(parseFieldXml(file, await readFile(join(dir, 'fields', file), 'utf8')));
    } catch (e) {
      out.problems.push(`${name}: ${(e as Error).message}`);
    }
  }
  return out;
}

const memberXml = z.object({
  PlatformEventChannelMember: z.object({ eventChannel: str, selectedEntity: str }).passthrough(),
});

async function loadChannelMembers(root: string): Promise<ChannelMember[]> {
  const dir = join(root, 'platformEventChannelMembers');
  const members: ChannelMember[] = [];
  for (const file of await listDir(dir)) {
    if (!file.endsWith('.platformEventChannelMember-meta.xml')) continue;
    const parsed = memberXml.safeParse(parser.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success) continue;
    const m = parsed.data.PlatformEventChannelMember;
    members.push({
      channel: m.eventChannel,
      entity: m.selectedEntity.replace(/(__)?ChangeEvent$/, (s) => (s.startsWith('__') ? '__c' : '')),
    });
  }
  return members;
}

/** Loads every object folder and channel member under an SFDX `main/default` directory. */
export async function loadMetadata(root: string): Promise<LoadedMetadata> {
  const objectsDir = join(root, 'objects');
  const objects: LoadedObject[] = [];
  for (const name of await listDir(objectsDir)) objects.push(await loadObject(objectsDir, name));
  return { objects, channelMembers: await loadChannelMembers(root) };
}
