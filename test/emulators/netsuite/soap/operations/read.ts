import { NsRecordError } from '../../state/errors.js';
import type { XEl } from '../../xsd/index.js';
import type { Json } from '../codec.js';
import { child, children, detailOf, failed, ok, type Operation, type OperationContext } from './context.js';
import { parseRef, recordOut, refType } from './records.js';
import { checkLimit } from './write.js';

function read(ctx: OperationContext, el: XEl): Json {
  try {
    const ref = parseRef(el);
    const type = refType(ref.type);
    if (!ref.internalId && !ref.externalId)
      throw new NsRecordError('INVALID_KEY_OR_REF', 'The specified key is invalid.');
    const record = ctx.account.get(type, ref);
    return { status: ok(), record: recordOut(type, record) };
  } catch (e) {
    return { status: failed(detailOf(e)) };
  }
}

const get: Operation = async (ctx, request) => {
  await ctx.governance.delay(1);
  return { readResponse: read(ctx, children(request, 'baseRef')[0]!) };
};

const getList: Operation = async (ctx, request) => {
  const refs = children(request, 'baseRef');
  checkLimit('getList', refs.length);
  await ctx.governance.delay(refs.length);
  return { readResponseList: { status: ok(), readResponse: refs.map((r) => read(ctx, r)) } };
};

/** initialize: salesOrder → invoice, invoice → customerPayment, customer → transactions. */
const initialize: Operation = async (ctx, request) => {
  await ctx.governance.delay(1);
  const init = child(request, 'initializeRecord')!;
  const target = child(init, 'type')?.text.trim() ?? '';
  const refEl = child(init, 'reference');
  try {
    const targetType = refType(target);
    if (!refEl)
      throw new NsRecordError('INITIALIZE_ARG_REQD', 'You must specify a reference record to initialize from.');
    const ref = parseRef(refEl);
    const record = ctx.account.initialize(targetType, { ...ref, type: ref.type ?? '' });
    return { readResponse: { status: ok(), record: recordOut(targetType, record) } };
  } catch (e) {
    return { readResponse: { status: failed(detailOf(e)) } };
  }
};

const getAccountGovernanceInfo: Operation = async (ctx) => {
  const limit = ctx.governance.knobs.concurrency;
  return {
    getAccountGovernanceInfoResult: {
      status: ok(),
      accountConcurrencyLimit: limit,
      unallocatedConcurrencyLimit: limit,
    },
  };
};

const getIntegrationGovernanceInfo: Operation = async (ctx) => ({
  getIntegrationGovernanceInfoResult: {
    status: ok(),
    integrationConcurrencyLimit: ctx.governance.knobs.concurrency,
    limitType: '_account',
  },
});

const getServerTime: Operation = async (ctx) => {
  const now = ctx.account.now().toISOString();
  return { getServerTimeResult: { status: ok(), serverTime: now } };
};

/** getDataCenterUrls (no login needed): the account's domains, here the emulator's own origin. */
const getDataCenterUrls: Operation = async (ctx, request) => {
  const account = child(request, 'account')?.text.trim() ?? '';
  if (account !== ctx.account.accountId) {
    return {
      getDataCenterUrlsResult: { status: failed({ code: 'INVALID_ACCT', message: `Invalid account ${account}.` }) },
    };
  }
  const url = ctx.baseUrl;
  return {
    getDataCenterUrlsResult: {
      status: ok(),
      dataCenterUrls: { restDomain: url, webservicesDomain: url, systemDomain: url },
    },
  };
};

export const readOperations: Record<string, Operation> = {
  getDataCenterUrls,
  get,
  getList,
  initialize,
  getAccountGovernanceInfo,
  getIntegrationGovernanceInfo,
  getServerTime,
};
