import { errors, NsRecordError } from '../../state/errors.js';
import type { NsRecord, RecordType } from '../../state/types.js';
import { isRecordType } from '../../state/types.js';
import type { XEl } from '../../xsd/index.js';
import { toJson, xsiTypeOf, type Json } from '../codec.js';
import { READ_ONLY_FIELDS, RECORD_XSD, recordTypeOfXsd, SUBLIST_FIELDS } from '../record-types.js';
import { attr, RECORD, type OperationContext } from './context.js';

export interface ParsedRecord {
  type?: RecordType;
  record: NsRecord;
  /** Set when the record cannot be processed at all (unsupported type, read-only field). */
  error?: NsRecordError;
}

/** A `record` element (xsi:type listRel:Customer, ...) → the state's JSON record. */
export function parseRecord(ctx: OperationContext, el: XEl): ParsedRecord {
  const typeKey = xsiTypeOf(el);
  const type = typeKey ? recordTypeOfXsd(typeKey) : undefined;
  const json = toJson(ctx.schemas, el, typeKey ?? RECORD) as Json;
  delete json.xsiType;
  const record = json as NsRecord;
  if (!type) {
    const local = typeKey?.slice(typeKey.indexOf('}') + 1) ?? 'Record';
    return {
      record,
      error: new NsRecordError('INVALID_RCRD_TYPE', `The record type ${local} is not supported by this emulator.`),
    };
  }
  const readOnly = READ_ONLY_FIELDS.filter((f) => record[f] !== undefined);
  if (readOnly.length > 0) {
    if (!ctx.preferences.ignoreReadOnlyFields) {
      return {
        type,
        record,
        error: new NsRecordError(
          'INSUFFICIENT_PERMISSION',
          `You do not have permissions to set a value for element ${readOnly[0]} due to one of the following reasons: ` +
            '1) The field is read-only; 2) An associated feature is disabled; 3) The field is available either when a ' +
            'record is created or updated, but not in both cases.',
        ),
      };
    }
    for (const f of readOnly) delete record[f];
  }
  return { type, record };
}

/** A baseRef/RecordRef element → { type, internalId, externalId }. */
export function parseRef(el: XEl): { type?: string; internalId?: string; externalId?: string } {
  const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  return {
    type: attr(el, 'type'),
    internalId: nonEmpty(attr(el, 'internalId')),
    externalId: nonEmpty(attr(el, 'externalId')),
  };
}

export function refType(type: string | undefined): RecordType {
  if (!type) throw new NsRecordError('RCRD_TYPE_REQD', 'You must specify a record type.');
  if (!isRecordType(type))
    throw new NsRecordError('INVALID_RCRD_TYPE', `The record type ${type} is not supported by this emulator.`);
  return type;
}

/** A state record → the JSON the codec renders as `<record xsi:type="...">`. */
export function recordOut(type: RecordType, record: NsRecord, bodyFieldsOnly = false): Json {
  const out: Json = { xsiType: RECORD_XSD[type], ...record };
  if (bodyFieldsOnly) for (const f of SUBLIST_FIELDS) delete out[f];
  return out;
}

export function requireRecord<T>(value: T | undefined): T {
  if (value === undefined) throw errors.notFound();
  return value;
}
