import { errors } from '../errors.js';
import { ITEM_TYPES, type RecordType, type StoredRecord } from '../types.js';
import { rows, type RuleContext } from './context.js';

type Fields = Record<string, unknown>;

function checkUniqueEntityId(ctx: RuleContext, type: RecordType, fields: Fields, self?: StoredRecord): void {
  const entityId = fields.entityId;
  if (typeof entityId !== 'string' || entityId === '') return;
  const clash = ctx.store.all(type).find((r) => r.fields.entityId === entityId && r.internalId !== self?.internalId);
  if (clash) throw errors.dupEntity();
}

function subsidiary(ctx: RuleContext, fields: Fields, required: boolean): void {
  if (required && ctx.options.oneWorld) ctx.required(fields.subsidiary, 'Subsidiary');
  const ref = ctx.setupRef('subsidiary', fields.subsidiary, 'subsidiary');
  if (ref) fields.subsidiary = ref;
}

/** Customer and vendor: a company name (or first/last name for a person), unique entityId. */
function company(ctx: RuleContext, type: RecordType, fields: Fields, self?: StoredRecord): Fields {
  const isPerson = fields.isPerson === true;
  if (isPerson) {
    ctx.required(fields.firstName, 'First Name');
    ctx.required(fields.lastName, 'Last Name');
  } else {
    ctx.required(fields.companyName, 'Company Name');
  }
  if (fields.entityId === undefined || fields.entityId === '') {
    fields.entityId = isPerson ? `${String(fields.firstName)} ${String(fields.lastName)}` : fields.companyName;
  }
  if (fields.isPerson === undefined) fields.isPerson = false;
  if (fields.isInactive === undefined) fields.isInactive = false;
  checkUniqueEntityId(ctx, type, fields, self);
  subsidiary(ctx, fields, true);
  for (const [field, list] of [
    ['currency', 'currency'],
    ['terms', 'term'],
  ] as const) {
    const ref = ctx.setupRef(field, fields[field], list);
    if (ref) fields[field] = ref;
  }
  return fields;
}

export function prepareCustomer(ctx: RuleContext, fields: Fields, self?: StoredRecord): Fields {
  company(ctx, 'customer', fields, self);
  const salesRep = ctx.ref('salesRep', fields.salesRep, ['employee']);
  if (salesRep) fields.salesRep = salesRep.ref;
  const parent = ctx.ref('parent', fields.parent, ['customer']);
  if (parent) fields.parent = parent.ref;
  if (fields.stage === undefined) fields.stage = '_customer';
  // balance, overdueBalance, daysOverdue, unbilledOrders are read-only and derived on read.
  for (const ro of ['balance', 'overdueBalance', 'daysOverdue', 'unbilledOrders', 'depositBalance']) delete fields[ro];
  return fields;
}

export function prepareVendor(ctx: RuleContext, fields: Fields, self?: StoredRecord): Fields {
  company(ctx, 'vendor', fields, self);
  delete fields.balance;
  return fields;
}

export function prepareContact(ctx: RuleContext, fields: Fields, self?: StoredRecord): Fields {
  if (!fields.entityId) {
    ctx.required(fields.firstName, 'First Name');
    fields.entityId = [fields.firstName, fields.lastName].filter(Boolean).join(' ');
  }
  checkUniqueEntityId(ctx, 'contact', fields, self);
  const companyRef = ctx.ref('company', fields.company, ['customer', 'vendor']);
  if (companyRef) {
    fields.company = companyRef.ref;
    if (!fields.subsidiary && companyRef.stored.fields.subsidiary)
      fields.subsidiary = companyRef.stored.fields.subsidiary;
  }
  subsidiary(ctx, fields, false);
  if (fields.isInactive === undefined) fields.isInactive = false;
  return fields;
}

export function prepareEmployee(ctx: RuleContext, fields: Fields, self?: StoredRecord): Fields {
  ctx.required(fields.firstName, 'First Name');
  ctx.required(fields.lastName, 'Last Name');
  if (!fields.entityId) fields.entityId = `${String(fields.firstName)} ${String(fields.lastName)}`;
  checkUniqueEntityId(ctx, 'employee', fields, self);
  subsidiary(ctx, fields, true);
  const supervisor = ctx.ref('supervisor', fields.supervisor, ['employee']);
  if (supervisor) fields.supervisor = supervisor.ref;
  if (fields.isInactive === undefined) fields.isInactive = false;
  return fields;
}

/** Items: itemId required and unique across all item types (DUP_ITEM). */
export function prepareItem(ctx: RuleContext, type: RecordType, fields: Fields, self?: StoredRecord): Fields {
  ctx.required(fields.itemId, 'Item Name/Number');
  const clash = ITEM_TYPES.flatMap((t) => ctx.store.all(t)).find(
    (r) => r.fields.itemId === fields.itemId && !(r.type === type && r.internalId === self?.internalId),
  );
  if (clash) throw errors.dupItem();
  for (const field of ['incomeAccount', 'cogsAccount', 'assetAccount', 'expenseAccount']) {
    const ref = ctx.setupRef(field, fields[field], 'account');
    if (ref) fields[field] = ref;
  }
  const subs = rows(fields.subsidiaryList, 'recordRef');
  if (subs.length > 0) {
    fields.subsidiaryList = { recordRef: subs.map((s) => ctx.setupRef('subsidiary', s, 'subsidiary')) };
  }
  if (fields.isInactive === undefined) fields.isInactive = false;
  return fields;
}
