import type { AccountState } from '../../state/account.js';
import { isNsRecordError } from '../../state/errors.js';
import { clone } from '../../state/record-store.js';
import { FAMILY, type NsRecord, type RecordType } from '../../state/types.js';
import { fieldInfo, scriptTypeOf, stateType, sublistNames, type FieldInfo } from '../catalog.js';
import { Execution, options, required, ScriptError, type HostObject } from '../execution.js';

/** N/record governance: load/create and save/delete units per record family. */
export const RECORD_UNITS: Record<'entity' | 'item' | 'transaction', { load: number; save: number }> = {
  entity: { load: 5, save: 10 },
  item: { load: 5, save: 10 },
  transaction: { load: 10, save: 20 },
};

const TYPE_ENUM = {
  CUSTOMER: 'customer',
  CONTACT: 'contact',
  SALES_ORDER: 'salesorder',
  INVOICE: 'invoice',
  CUSTOMER_PAYMENT: 'customerpayment',
  INVENTORY_ITEM: 'inventoryitem',
  NON_INVENTORY_ITEM: 'noninventoryitem',
  SERVICE_ITEM: 'serviceitem',
  ITEM_FULFILLMENT: 'itemfulfillment',
};

/** State errors become SuiteScriptErrors with the same code and text. */
export function asScriptError(e: unknown): never {
  if (isNsRecordError(e)) throw new ScriptError(e.code, e.message);
  throw e;
}

type Row = Record<string, unknown>;

const toScriptEnum = (v: unknown) => (typeof v === 'string' && v.startsWith('_') ? v.slice(1).toUpperCase() : v);
const fromScriptEnum = (v: unknown) => (typeof v === 'string' && /^[A-Z_]+$/.test(v) ? `_${v.toLowerCase()}` : v);

function read(info: FieldInfo, raw: unknown): unknown {
  if (raw === undefined || raw === null) return info.kind === 'bool' ? false : '';
  switch (info.kind) {
    case 'ref':
      return (raw as { internalId?: string }).internalId ?? '';
    case 'date':
      return new Date(String(raw).length === 10 ? `${String(raw)}T00:00:00Z` : String(raw));
    case 'bool':
      return raw === true || raw === 'T' || raw === 'true';
    case 'num':
      return typeof raw === 'number' ? raw : Number(raw);
    case 'enum':
      return toScriptEnum(raw);
    case 'list':
    case 'object':
      throw new ScriptError('SSS_INVALID_API_USAGE', `emulator: ${info.name} is a sublist or structure; use the sublist APIs`);
    default:
      return raw;
  }
}

function write(info: FieldInfo, value: unknown, record: string): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  switch (info.kind) {
    case 'ref':
      return { internalId: String(value) };
    case 'date':
      if (value instanceof Date) return value.toISOString();
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
      break;
    case 'bool':
      return value === true || value === 'T';
    case 'num': {
      const n = typeof value === 'number' ? value : Number(value);
      if (Number.isFinite(n)) return n;
      break;
    }
    case 'enum':
      return fromScriptEnum(value);
    case 'list':
    case 'object':
      throw new ScriptError('SSS_INVALID_API_USAGE', `emulator: ${info.name} is a sublist or structure; use the sublist APIs`);
    default:
      return String(value);
  }
  throw new ScriptError('INVALID_FLD_VALUE', `You have entered an Invalid Field Value ${String(value)} for the following field: ${info.name.toLowerCase()} (${record})`);
}

/** A standard-mode record as N/record hands it to scripts, backed by the account state. */
export class EmulatedRecord {
  private readonly data: NsRecord;
  private readonly changed = new Set<string>();
  private readonly lines = new Map<string, Row[]>();

  constructor(
    private readonly state: AccountState,
    private readonly exec: Execution,
    readonly type: RecordType,
    data: NsRecord,
    private readonly version: number | undefined,
    private readonly readOnly = false,
  ) {
    this.data = clone(data);
  }

  get id(): number | null {
    return this.data.internalId ? Number(this.data.internalId) : null;
  }

  private label(): string {
    return `${scriptTypeOf(this.type)} ${this.data.internalId ?? '(new)'}`;
  }

  private writable(): void {
    if (this.readOnly) throw new ScriptError('SSS_INVALID_API_USAGE', 'emulator: this record is read-only in this context');
  }

  getValue(fieldId: string): unknown {
    const info = fieldInfo(this.type, fieldId);
    if (info.custom) {
      const cf = this.customFields().find((c) => c.scriptId === info.name);
      return cf ? (cf.value as unknown) : '';
    }
    if (info.name === 'internalId') return this.id;
    return read(info, this.data[info.name]);
  }

  setValue(fieldId: string, value: unknown): void {
    this.writable();
    const info = fieldInfo(this.type, fieldId);
    if (info.custom) {
      const list = this.customFields().filter((c) => c.scriptId !== info.name);
      if (value !== '' && value !== null && value !== undefined) {
        const xsiType = typeof value === 'boolean' ? 'BooleanCustomFieldRef' : typeof value === 'number' ? 'DoubleCustomFieldRef' : 'StringCustomFieldRef';
        list.push({ scriptId: info.name, xsiType, value });
      }
      this.data.customFieldList = { customField: list };
      this.changed.add('customFieldList');
      return;
    }
    if (info.name === 'internalId') throw new ScriptError('SSS_INVALID_API_USAGE', 'The id of a record cannot be set.');
    const v = write(info, value, this.label());
    if (v === undefined) delete this.data[info.name];
    else this.data[info.name] = v;
    this.changed.add(info.name);
  }

  private customFields(): Row[] {
    const list = (this.data.customFieldList as { customField?: Row[] } | undefined)?.customField;
    return Array.isArray(list) ? list : [];
  }

  private sublist(sublistId: string): Row[] {
    if (!this.lines.has(sublistId)) {
      const [list, row] = sublistNames(sublistId);
      const inner = (this.data[list] as Record<string, unknown> | undefined)?.[row];
      this.lines.set(sublistId, Array.isArray(inner) ? clone(inner as Row[]) : inner ? [clone(inner as Row)] : []);
    }
    return this.lines.get(sublistId)!;
  }

  private line(sublistId: string, line: number, insert = false): void {
    const n = this.sublist(sublistId).length;
    if (!Number.isInteger(line) || line < 0 || line > (insert ? n : n - 1)) {
      throw new ScriptError('SSS_INVALID_SUBLIST_OPERATION', `You have attempted an invalid sublist or line item operation (${sublistId} line ${line}).`);
    }
  }

  toHost(): HostObject {
    const fid = (args: unknown[], m: string) => String(required(options(args, m), 'fieldId', m));
    const sid = (args: unknown[], m: string) => String(required(options(args, m), 'sublistId', m));
    const lineOf = (args: unknown[]) => Number(options(args, 'line').line);
    return {
      label: `record.${scriptTypeOf(this.type)}`,
      props: () => ({ id: this.id, type: scriptTypeOf(this.type), isDynamic: false }),
      methods: {
        getValue: (...a) => this.getValue(fid(a, 'getValue')),
        setValue: (...a) => {
          this.setValue(fid(a, 'setValue'), options(a, 'setValue').value);
          return undefined;
        },
        getLineCount: (...a) => this.sublist(sid(a, 'getLineCount')).length,
        getSublistValue: (...a) => {
          const s = sid(a, 'getSublistValue');
          const line = lineOf(a);
          this.line(s, line);
          const info = fieldInfo(`${this.type}.${s}`, fid(a, 'getSublistValue'));
          return read(info, this.sublist(s)[line]![info.name]);
        },
        setSublistValue: (...a) => {
          this.writable();
          const s = sid(a, 'setSublistValue');
          const line = lineOf(a);
          this.line(s, line);
          const info = fieldInfo(`${this.type}.${s}`, fid(a, 'setSublistValue'));
          const v = write(info, options(a, 'setSublistValue').value, this.label());
          const row = this.sublist(s)[line]!;
          if (v === undefined) delete row[info.name];
          else row[info.name] = v;
          this.changed.add(sublistNames(s)[0]);
          return undefined;
        },
        insertLine: (...a) => {
          this.writable();
          const s = sid(a, 'insertLine');
          const line = lineOf(a);
          this.line(s, line, true);
          this.sublist(s).splice(line, 0, {});
          this.changed.add(sublistNames(s)[0]);
          return undefined;
        },
        removeLine: (...a) => {
          this.writable();
          const s = sid(a, 'removeLine');
          const line = lineOf(a);
          this.line(s, line);
          this.sublist(s).splice(line, 1);
          this.changed.add(sublistNames(s)[0]);
          return undefined;
        },
        save: () => this.save(),
      },
    };
  }

  save(): number {
    this.writable();
    this.exec.usage.spend(RECORD_UNITS[FAMILY[this.type]].save, 'record.save');
    const payload: NsRecord = {};
    for (const [sublistId, rows] of this.lines) {
      const [list, row] = sublistNames(sublistId);
      if (this.changed.has(list)) this.data[list] = { [row]: rows, replaceAll: true };
    }
    try {
      if (this.data.internalId === undefined) {
        const saved = this.state.add(this.type, this.data, { source: 'suitescript' });
        this.data.internalId = saved.internalId;
        return Number(saved.internalId);
      }
      payload.internalId = this.data.internalId;
      for (const key of this.changed) payload[key] = this.data[key];
      const saved = this.state.update(this.type, payload, { source: 'suitescript', expectedVersion: this.version });
      return Number(saved.internalId);
    } catch (e) {
      return asScriptError(e);
    }
  }
}

/** N/record: load, create, delete in standard mode. Dynamic mode and other methods fail loudly. */
export function recordModule(state: AccountState) {
  return (exec: Execution): HostObject => {
    const standardOnly = (o: Record<string, unknown>) => {
      if (o.isDynamic) throw new ScriptError('SSS_NOT_YET_SUPPORTED', 'emulator: dynamic mode is not emulated');
    };
    return {
      label: 'N/record',
      props: () => ({ Type: TYPE_ENUM }),
      methods: {
        load: (...a) => {
          const o = options(a, 'record.load');
          standardOnly(o);
          const type = stateType(required(o, 'type', 'record.load'));
          const id = String(required(o, 'id', 'record.load'));
          exec.usage.spend(RECORD_UNITS[FAMILY[type]].load, 'record.load');
          const stored = state.stored(type, { internalId: id });
          if (!stored) throw new ScriptError('RCRD_DSNT_EXIST', 'That record does not exist.');
          const rec = new EmulatedRecord(state, exec, type, state.get(type, { internalId: id }), stored.version);
          return exec.register(rec.toHost());
        },
        create: (...a) => {
          const o = options(a, 'record.create');
          standardOnly(o);
          const type = stateType(required(o, 'type', 'record.create'));
          exec.usage.spend(RECORD_UNITS[FAMILY[type]].load, 'record.create');
          return exec.register(new EmulatedRecord(state, exec, type, {}, undefined).toHost());
        },
        delete: (...a) => {
          const o = options(a, 'record.delete');
          const type = stateType(required(o, 'type', 'record.delete'));
          const id = String(required(o, 'id', 'record.delete'));
          exec.usage.spend(RECORD_UNITS[FAMILY[type]].save, 'record.delete');
          try {
            state.delete(type, { internalId: id }, { source: 'suitescript' });
          } catch (e) {
            asScriptError(e);
          }
          return Number(id);
        },
      },
    };
  };
}
