/**
 * sObject collection writes (PROTOCOL-NOTES.md §4.3): at most 200 records per request, `allOrNone:false`,
 * and one result per record in input order. The whole-request status is never trusted: a 200 answer is
 * read item by item, a result list of the wrong length is a protocol error for that chunk, and a failed
 * request fails each of its records with the request's error.
 */
import { SalesforceError, fromSalesforceErrors, isSalesforceError, type RawSalesforceError } from './errors.js';
import type { RecordResult } from './port.js';

export const COLLECTION_LIMIT = 200;

export function chunk<T>(items: readonly T[], size = COLLECTION_LIMIT): T[][] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError('chunk size must be a positive integer');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface RawItem {
  id?: string | null;
  success?: boolean;
  created?: boolean;
  errors?: RawSalesforceError[];
}

/** Maps one collection answer to results; `indexes[i]` is the caller's position of the i-th sent record. */
export function mapCollectionResults(
  body: unknown,
  indexes: readonly number[],
  context: { sobject?: string; externalIds?: readonly (string | undefined)[] },
): RecordResult[] {
  if (!Array.isArray(body) || body.length !== indexes.length) {
    const got = Array.isArray(body) ? `${body.length} results` : 'no result list';
    const error = new SalesforceError({
      code: 'SF_PROTOCOL',
      message: `Salesforce answered a ${indexes.length}-record ${context.sobject ?? 'record'} collection call with ${got}; the outcome of each record is unknown`,
    });
    return indexes.map((index, i) => ({
      index,
      ok: false,
      error: error.forRecord({ index, sobject: context.sobject, externalId: context.externalIds?.[i] }),
    }));
  }
  return (body as RawItem[]).map((item, i): RecordResult => {
    const index = indexes[i] as number;
    const record = { index, sobject: context.sobject, externalId: context.externalIds?.[i], id: item?.id ?? undefined };
    if (item && item.success === true && typeof item.id === 'string') {
      return item.created === undefined
        ? { index, ok: true, id: item.id }
        : { index, ok: true, id: item.id, created: item.created };
    }
    const errors =
      Array.isArray(item?.errors) && item.errors.length > 0
        ? item.errors
        : [
            {
              statusCode: 'UNKNOWN_ERROR',
              message: `Salesforce reported no success and no error for ${context.sobject ?? 'record'} #${index}`,
            },
          ];
    return { index, ok: false, error: fromSalesforceErrors(errors, { record }) };
  });
}

/** The same error for every record of a chunk (the request itself failed). */
export function failChunk(
  error: SalesforceError,
  indexes: readonly number[],
  context: { sobject?: string; externalIds?: readonly (string | undefined)[] },
): RecordResult[] {
  return indexes.map((index, i) => ({
    index,
    ok: false,
    error: error.forRecord({ index, sobject: context.sobject, externalId: context.externalIds?.[i] }),
  }));
}

/** Errors that make sending the next chunks of the same batch pointless. */
const STOP_BATCH: ReadonlySet<string> = new Set(['SF_REQUEST_LIMIT', 'SF_AUTH_FAILED', 'SF_SESSION_EXPIRED']);

export interface BatchItem<T> {
  /** Position in the caller's input. */
  index: number;
  payload: T;
  externalId?: string;
}

/**
 * Validates every input item (`prepare` throwing a SalesforceError fails that item alone), sends the rest in
 * chunks of 200 one after another, and returns one result per input item in input order. After a chunk
 * fails with a limit or login error the remaining chunks are failed with it instead of being sent.
 */
export async function runBatch<I, T>(
  items: readonly I[],
  sobject: string | undefined,
  prepare: (item: I, index: number) => { payload: T; externalId?: string },
  send: (part: readonly BatchItem<T>[]) => Promise<unknown>,
): Promise<RecordResult[]> {
  const results: RecordResult[] = new Array<RecordResult>(items.length);
  const ready: BatchItem<T>[] = [];
  items.forEach((item, index) => {
    try {
      ready.push({ index, ...prepare(item, index) });
    } catch (err) {
      if (!isSalesforceError(err)) throw err;
      results[index] = { index, ok: false, error: err.forRecord({ index, sobject }) };
    }
  });
  let stop: SalesforceError | undefined;
  for (const part of chunk(ready, COLLECTION_LIMIT)) {
    const indexes = part.map((p) => p.index);
    const context = { sobject, externalIds: part.map((p) => p.externalId) };
    let mapped: RecordResult[];
    if (stop) mapped = failChunk(stop, indexes, context);
    else {
      try {
        mapped = mapCollectionResults(await send(part), indexes, context);
      } catch (err) {
        if (!isSalesforceError(err)) throw err;
        if (STOP_BATCH.has(err.code)) stop = err;
        mapped = failChunk(err, indexes, context);
      }
    }
    for (const r of mapped) results[r.index] = r;
  }
  return results;
}
