import { describe, expect, it } from 'vitest';
import { isNetSuiteError, type NetSuiteError } from '../../relay/src/connectors/netsuite/errors.js';
import type { NetSuitePort, NsRecord, NsSearchPage, WriteResult } from '../../relay/src/connectors/netsuite/port.js';

/**
 * The NetSuitePort contract: what every flow may rely on, whichever transport is behind the port.
 * Call it from a test file with a factory that gives a port pointed at a fresh emulated account.
 * Every test makes its own records (unique external ids), so the suite can share one account.
 */
export interface PortUnderTest {
  port: NetSuitePort;
}

let counter = 0;
const uid = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;
const sub = { internalId: '1' };

const ok = (r: WriteResult): string => {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.internalId;
};
const customer = (externalId: string, fields: Record<string, unknown> = {}): NsRecord => ({
  type: 'customer',
  externalId,
  fields: { companyName: `Contract ${externalId}`, subsidiary: sub, ...fields },
});
const refId = (v: unknown) => (v as { internalId?: string } | undefined)?.internalId;
const rowsOf = (list: unknown, key: string) => {
  const inner = (list as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(inner) ? (inner as Record<string, unknown>[]) : inner ? [inner as Record<string, unknown>] : [];
};

async function rejection(p: Promise<unknown>): Promise<NetSuiteError> {
  try {
    await p;
  } catch (e) {
    if (isNetSuiteError(e)) return e;
    throw e;
  }
  throw new Error('expected a NetSuiteError');
}

export function netSuitePortContract(name: string, subject: () => PortUnderTest): void {
  describe(`NetSuitePort contract: ${name}`, () => {
    const port = () => subject().port;

    it('adds records and reads them back by internal and external id', async () => {
      const ext = uid('add');
      const [r] = await port().add([customer(ext, { email: 'add@example.com', phone: '030 1234' })]);
      const id = ok(r!);
      const byId = await port().get({ type: 'customer', internalId: id });
      expect(byId).toMatchObject({ type: 'customer', internalId: id, externalId: ext });
      expect(byId.fields).toMatchObject({ companyName: `Contract ${ext}`, email: 'add@example.com', phone: '030 1234' });
      expect(refId(byId.fields.subsidiary)).toBe('1');
      const byExt = await port().get({ type: 'customer', externalId: ext });
      expect(byExt.internalId).toBe(id);
    });

    it('round-trips custom fields by script id', async () => {
      const ext = uid('cf');
      const [r] = await port().add([{ ...customer(ext), customFields: [{ scriptId: 'custentity_nsc_sf_id', value: '001xx000003DGb2AAG' }] }]);
      ok(r!);
      const read = await port().get({ type: 'customer', externalId: ext });
      expect(read.customFields?.find((f) => f.scriptId === 'custentity_nsc_sf_id')?.value).toBe('001xx000003DGb2AAG');
    });

    it('answers one result per input, in order, with per-record failures that name the problem', async () => {
      const a = uid('mix');
      const c = uid('mix');
      const results = await port().add([customer(a), { type: 'customer', externalId: uid('mix'), fields: { companyName: 'No Subsidiary Co' } }, customer(c)]);
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      const failed = results[1] as { ok: false; error: NetSuiteError };
      expect(failed.error.code).toBe('NS_VALIDATION');
      expect(failed.error.message).toContain('Subsidiary');
      expect(failed.error.retryable).toBe(false);
    });

    it('upserts idempotently by external id', async () => {
      const ext = uid('ups');
      const [first] = await port().upsert([customer(ext, { phone: '111' })]);
      const [second] = await port().upsert([customer(ext, { phone: '222' })]);
      expect(ok(second!)).toBe(ok(first!));
      const rec = await port().get({ type: 'customer', externalId: ext });
      expect(rec.fields.phone).toBe('222');
      const [missing] = await port().upsert([{ type: 'customer', fields: { companyName: 'x', subsidiary: sub } }]);
      expect(missing!.ok).toBe(false);
    });

    it('upserts a batch with a bad record in the middle without losing the others', async () => {
      const exts = [uid('bat'), uid('bat'), uid('bat')];
      const results = await port().upsert([customer(exts[0]!), { type: 'customer', externalId: exts[1]!, fields: { companyName: 'Bad' } }, customer(exts[2]!)]);
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      expect((results[1] as { error: NetSuiteError }).error.code).toBe('NS_VALIDATION');
      const found = await port().findByExternalIds('customer', exts);
      expect(found.map((r) => r?.externalId ?? null)).toEqual([exts[0], null, exts[2]]);
    });

    it('updates by external id and reports a missing record as NS_NOT_FOUND', async () => {
      const ext = uid('upd');
      ok((await port().add([customer(ext)]))[0]!);
      const [updated, missing] = await port().update([
        { type: 'customer', externalId: ext, fields: { email: 'new@example.com' } },
        { type: 'customer', externalId: uid('nobody'), fields: { email: 'x@example.com' } },
      ]);
      expect(updated!.ok).toBe(true);
      expect((missing as { ok: false; error: NetSuiteError }).error.code).toBe('NS_NOT_FOUND');
      expect((await port().get({ type: 'customer', externalId: ext })).fields.email).toBe('new@example.com');
    });

    it('deletes, after which get throws NS_NOT_FOUND and getList reports it per key', async () => {
      const keep = uid('del');
      const gone = uid('del');
      const [k, g] = await port().add([customer(keep), customer(gone)]);
      const [d] = await port().delete([{ type: 'customer', internalId: ok(g!) }]);
      expect(d!.ok).toBe(true);
      expect((await rejection(port().get({ type: 'customer', externalId: gone }))).code).toBe('NS_NOT_FOUND');
      const list = await port().getList([
        { type: 'customer', internalId: ok(k!) },
        { type: 'customer', externalId: gone },
      ]);
      expect(list[0]!.ok && list[0]!.record.externalId).toBe(keep);
      expect(!list[1]!.ok && list[1]!.error.code).toBe('NS_NOT_FOUND');
    });

    it('writes and reads a sales order with item lines', async () => {
      const cust = ok((await port().add([customer(uid('so-c'))]))[0]!);
      const itemExt = uid('item');
      const item = ok((await port().add([{ type: 'inventoryItem', externalId: itemExt, fields: { itemId: itemExt, displayName: 'Widget', subsidiaryList: { recordRef: [sub] } } }]))[0]!);
      const soExt = uid('so');
      const [so] = await port().add([
        {
          type: 'salesOrder',
          externalId: soExt,
          fields: {
            entity: { internalId: cust },
            itemList: { item: [{ item: { internalId: item }, quantity: 2, rate: 10 }, { item: { internalId: item }, quantity: 1, rate: 5 }] },
          },
        },
      ]);
      const soId = ok(so!);
      const read = await port().get({ type: 'salesOrder', internalId: soId });
      expect(refId(read.fields.entity)).toBe(cust);
      const lines = rowsOf(read.fields.itemList, 'item');
      expect(lines.map((l) => [refId(l.item), Number(l.quantity)])).toEqual([
        [item, 2],
        [item, 1],
      ]);
      expect(Number(read.fields.total)).toBe(25);

      const invoice = await port().initialize({ type: 'invoice', reference: { type: 'salesOrder', internalId: soId } });
      expect(invoice.type).toBe('invoice');
      expect(refId(invoice.fields.entity)).toBe(cust);
      expect(rowsOf(invoice.fields.itemList, 'item').map((l) => Number(l.quantity))).toEqual([2, 1]);
      const bad = await rejection(port().initialize({ type: 'invoice', reference: { type: 'salesOrder', internalId: '999999' } }));
      expect(bad.code).toBe('NS_INVALID_REFERENCE');
    });

    it('searches changes since an instant, page by page, lazily', async () => {
      const since = new Date(Date.now() - 1000);
      const exts = Array.from({ length: 7 }, () => uid('srch'));
      for (const r of await port().add(exts.map((e) => customer(e)))) ok(r);
      const pages: NsSearchPage[] = [];
      for await (const page of port().search({ type: 'customer', modifiedSince: since, externalIds: exts, pageSize: 5 })) pages.push(page);
      expect(pages.map((p) => p.pageIndex)).toEqual([1, 2]);
      expect(pages[0]!.totalRecords).toBe(7);
      expect(pages[0]!.totalPages).toBe(2);
      expect(pages.flatMap((p) => p.records.map((r) => r.externalId)).sort()).toEqual([...exts].sort());
      const future: NsSearchPage[] = [];
      for await (const page of port().search({ type: 'customer', modifiedSince: new Date(Date.now() + 3_600_000), externalIds: exts, pageSize: 5 })) future.push(page);
      expect(future.flatMap((p) => p.records)).toEqual([]);
    });

    it('reports the account concurrency limit', async () => {
      const g = await port().governance();
      expect(g.accountConcurrencyLimit).toBeGreaterThan(0);
    });
  });
}
