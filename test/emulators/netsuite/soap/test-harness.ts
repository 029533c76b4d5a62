import { startNetSuiteEmulator, type NetSuiteEmulatorOptions, type RunningNetSuiteEmulator } from '../index.js';
import { soapCall, type EnvelopeOptions, type SoapResult, type TbaKeys } from './test-client.js';

/** Test-only: an emulator on port 0 plus a signed-call helper and XML record builders (XSD field order). */
export interface Harness {
  emu: RunningNetSuiteEmulator;
  keys: TbaKeys;
  call(
    op: string,
    body: Record<string, unknown>,
    o?: EnvelopeOptions & { soapAction?: string | null },
  ): Promise<SoapResult>;
}

export async function startHarness(opts: NetSuiteEmulatorOptions = {}): Promise<Harness> {
  const emu = await startNetSuiteEmulator({ env: {}, ...opts });
  const s = emu.account.secrets;
  const keys: TbaKeys = {
    account: emu.env.NS_ACCOUNT_ID!,
    consumerKey: s.consumerKey,
    consumerSecret: s.consumerSecret,
    tokenId: s.tokenId,
    tokenSecret: s.tokenSecret,
  };
  return { emu, keys, call: (op, body, o = {}) => soapCall(emu.url, keys, op, body, o) };
}

type X = Record<string, unknown>;
const ref = (internalId: string | number, extra: X = {}) => ({ '@_internalId': String(internalId), ...extra });

export const xml = {
  customer: (o: {
    externalId?: string;
    companyName: string;
    email?: string;
    entityId?: string;
    subsidiary?: string | null;
    terms?: string;
    internalId?: string;
    extra?: X;
  }) => ({
    '@_xsi:type': 'listRel:Customer',
    ...(o.internalId ? { '@_internalId': o.internalId } : {}),
    ...(o.externalId ? { '@_externalId': o.externalId } : {}),
    ...(o.entityId ? { 'listRel:entityId': o.entityId } : {}),
    'listRel:companyName': o.companyName,
    ...(o.email ? { 'listRel:email': o.email } : {}),
    ...(o.subsidiary === null ? {} : { 'listRel:subsidiary': ref(o.subsidiary ?? '1') }),
    ...(o.terms ? { 'listRel:terms': ref(o.terms) } : {}),
    ...(o.extra ?? {}),
  }),
  item: (o: {
    externalId?: string;
    itemId: string;
    rate: number;
    kind?: 'InventoryItem' | 'NonInventorySaleItem' | 'ServiceSaleItem';
  }) => ({
    '@_xsi:type': `listAcct:${o.kind ?? 'InventoryItem'}`,
    ...(o.externalId ? { '@_externalId': o.externalId } : {}),
    'listAcct:itemId': o.itemId,
    'listAcct:rate': String(o.rate),
  }),
  salesOrder: (o: {
    externalId?: string;
    entity: string;
    lines: { item: string; quantity: number; rate?: number }[];
    memo?: string;
    orderStatus?: string;
  }) => ({
    '@_xsi:type': 'tranSales:SalesOrder',
    ...(o.externalId ? { '@_externalId': o.externalId } : {}),
    'tranSales:entity': ref(o.entity),
    ...(o.orderStatus ? { 'tranSales:orderStatus': o.orderStatus } : {}),
    ...(o.memo ? { 'tranSales:memo': o.memo } : {}),
    'tranSales:itemList': {
      'tranSales:item': o.lines.map((l) => ({
        'tranSales:item': ref(l.item),
        'tranSales:quantity': String(l.quantity),
        ...(l.rate !== undefined ? { 'tranSales:rate': String(l.rate) } : {}),
      })),
    },
  }),
  recordRef: (type: string, ids: { internalId?: string; externalId?: string }) => ({
    '@_xsi:type': 'platformCore:RecordRef',
    '@_type': type,
    ...(ids.internalId ? { '@_internalId': ids.internalId } : {}),
    ...(ids.externalId ? { '@_externalId': ids.externalId } : {}),
  }),
};

/** Response helpers over the prefix-stripped parse. */
export function writeResults(
  r: SoapResult,
  op: string,
): { ok: boolean; code?: string; message?: string; internalId?: string; externalId?: string; type?: string }[] {
  const resp = r.body[`${op}Response`];
  if (!resp) throw new Error(`no ${op}Response (HTTP ${r.status}): ${r.xml.slice(0, 600)}`);
  const list = resp.writeResponseList ? resp.writeResponseList.writeResponse : resp.writeResponse;
  return (list as X[]).map((w) => {
    const status = w.status as X;
    const detail = (status.statusDetail as X[] | undefined)?.[0];
    const base = (w.baseRef ?? {}) as X;
    return {
      ok: status['@_isSuccess'] === 'true',
      code: detail?.code as string | undefined,
      message: detail?.message as string | undefined,
      internalId: base['@_internalId'] as string | undefined,
      externalId: base['@_externalId'] as string | undefined,
      type: base['@_type'] as string | undefined,
    };
  });
}

export function readResults(r: SoapResult, op: string): { ok: boolean; code?: string; record?: X }[] {
  const resp = r.body[`${op}Response`];
  if (!resp) throw new Error(`no ${op}Response (HTTP ${r.status}): ${r.xml.slice(0, 600)}`);
  const list = resp.readResponseList ? resp.readResponseList.readResponse : resp.readResponse;
  return (list as X[]).map((rr) => {
    const status = rr.status as X;
    const detail = (status.statusDetail as X[] | undefined)?.[0];
    return {
      ok: status['@_isSuccess'] === 'true',
      code: detail?.code as string | undefined,
      record: (rr.record as X[] | undefined)?.[0],
    };
  });
}
