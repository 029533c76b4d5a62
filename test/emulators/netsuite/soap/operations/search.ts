import { NsRecordError } from '../../state/errors.js';
import type { SearchCondition } from '../../state/search.js';
import type { RecordType } from '../../state/types.js';
import type { XEl } from '../../xsd/index.js';
import { xsiTypeOf, type Json } from '../codec.js';
import { faults } from '../faults.js';
import { SEARCH_BASIC_XSD, SEARCH_XSD } from '../record-types.js';
import { totalPages, type SearchSession } from '../search-sessions.js';
import { newNsId } from '../writer.js';
import { attr, child, children, detailOf, failed, ok, type Operation, type OperationContext } from './context.js';
import { recordOut } from './records.js';

const MIN_PAGE = 5;
const MAX_PAGE = 1000;

/** One SearchXxxField element of a *SearchBasic → a condition. */
function condition(el: XEl): SearchCondition {
  if (el.local === 'customFieldList') {
    throw new NsRecordError('INVALID_SEARCH', 'Custom field criteria are not supported by this emulator.');
  }
  const values: (string | number | boolean)[] = [];
  for (const v of [...children(el, 'searchValue'), ...children(el, 'searchValue2')]) {
    const internalId = attr(v, 'internalId');
    const externalId = attr(v, 'externalId');
    if (internalId !== undefined || externalId !== undefined) {
      values.push((el.local === 'externalId' ? externalId : internalId || externalId) ?? '');
    } else {
      values.push(v.text.trim());
    }
  }
  let operator = attr(el, 'operator');
  if (!operator) {
    // SearchBooleanField has no operator: `is` true/false.
    operator = 'is';
    if (values[0] === 'true' || values[0] === 'false') values[0] = values[0] === 'true';
  }
  return { field: el.local, operator, values };
}

function criteria(
  ctx: OperationContext,
  searchRecord: XEl,
): { types: readonly RecordType[]; conditions: SearchCondition[] } {
  const key = xsiTypeOf(searchRecord) ?? '';
  let basic: XEl | undefined;
  let types = SEARCH_XSD[key];
  if (types) {
    for (const c of searchRecord.children) {
      if (c.local !== 'basic')
        throw new NsRecordError('INVALID_SEARCH', `Search joins (${c.local}) are not supported by this emulator.`);
    }
    basic = child(searchRecord, 'basic');
  } else {
    types = SEARCH_BASIC_XSD[key];
    basic = searchRecord;
  }
  if (!types) {
    const local = key.slice(key.indexOf('}') + 1) || 'SearchRecord';
    throw new NsRecordError('INVALID_RCRD_TYPE', `The search type ${local} is not supported by this emulator.`);
  }
  return { types, conditions: (basic?.children ?? []).map(condition) };
}

/** Renders one page of a search session as a searchResult. */
export function page(ctx: OperationContext, session: SearchSession, pageIndex: number): Json {
  const pages = totalPages(session.hits.length, session.pageSize);
  const start = (pageIndex - 1) * session.pageSize;
  const records = session.hits
    .slice(start, start + session.pageSize)
    .map((h) => ({ h, r: ctx.account.find(h.type, { internalId: h.internalId }) }))
    .filter((x) => x.r !== undefined)
    .map(({ h, r }) => recordOut(h.type, r!, session.bodyFieldsOnly));
  return {
    status: ok(),
    totalRecords: session.hits.length,
    pageSize: session.pageSize,
    totalPages: pages,
    pageIndex,
    searchId: session.searchId,
    recordList: { record: records },
  };
}

const search: Operation = async (ctx, request) => {
  const prefs = ctx.searchPreferences;
  const pageSize = prefs.pageSize ?? MAX_PAGE;
  try {
    if (pageSize < MIN_PAGE || pageSize > MAX_PAGE) {
      throw new NsRecordError(
        'INVALID_SEARCH_PAGE_SIZE',
        `The page size must be between ${MIN_PAGE} and ${MAX_PAGE}; it was ${pageSize}.`,
      );
    }
    const { types, conditions } = criteria(ctx, child(request, 'searchRecord')!);
    const hits = ctx.account
      .searchHits(types, conditions)
      .map((h) => ({ type: h.type, internalId: h.record.internalId! }));
    const session = ctx.searches.add({
      searchId: newNsId(ctx.account.accountId, ctx.account.now()),
      hits,
      pageSize,
      bodyFieldsOnly: prefs.bodyFieldsOnly,
      tokenId: ctx.tokenId,
    });
    await ctx.governance.delay(Math.min(pageSize, hits.length));
    return { searchResult: page(ctx, session, 1) };
  } catch (e) {
    return { searchResult: { status: failed(detailOf(e)) } };
  }
};

const searchMoreWithId: Operation = async (ctx, request) => {
  const searchId = child(request, 'searchId')?.text.trim() ?? '';
  const pageIndex = Number(child(request, 'pageIndex')?.text.trim());
  const session = ctx.searches.get(searchId);
  if (!session || session.tokenId !== ctx.tokenId) throw faults.searchExpired();
  const pages = totalPages(session.hits.length, session.pageSize);
  if (!Number.isInteger(pageIndex) || pageIndex < 1 || pageIndex > pages)
    throw faults.invalidPageIndex(pageIndex, pages);
  await ctx.governance.delay(
    Math.max(0, Math.min(session.pageSize, session.hits.length - (pageIndex - 1) * session.pageSize)),
  );
  return { searchResult: page(ctx, session, pageIndex) };
};

export const searchOperations: Record<string, Operation> = { search, searchMoreWithId };
