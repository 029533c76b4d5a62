import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../mapping/anomaly/history.js';
import type { PartyLike } from '../mapping/anomaly/duplicates.js';
import { findDuplicates } from '../mapping/anomaly/duplicates.js';
import { ACCEPTED_MAPPINGS_LIMIT } from './mapping-memory-queries.js';
import { HISTORY_POINTS_LIMIT } from './history-queries.js';
import { LATEST_VERSION } from './migrations.js';
import { PARTY_CANDIDATES_LIMIT } from './party-queries.js';
import { adaptersUnderTest, postgresAdapter, sqliteAdapter, type AdapterUnderTest } from './testing.js';
import type { Store } from './types.js';

/** What the mapping engine keeps in the store: the same behaviour on embedded SQLite and PostgreSQL. */
const pair = (sourceObject: string, sourceField: string, targetObject: string, targetField: string) => ({
  sourceSystem: 'salesforce' as const,
  sourceObject,
  sourceField,
  targetSystem: 'netsuite' as const,
  targetObject,
  targetField,
});

const point = (orderId: string, over: Partial<HistoryPoint> = {}): HistoryPoint => ({
  orderId,
  customerId: 'C1',
  repId: 'R1',
  productId: 'P1',
  currency: 'USD',
  orderTotal: 1000,
  quantity: 10,
  unitPrice: 100,
  at: '2026-01-01T00:00:00.000Z',
  ...over,
});

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

const ids = (ps: readonly { id: string }[]) => ps.map((p) => p.id).sort();

for (const adapter of adaptersUnderTest()) {
  const suite = adapter.skipReason ? describe.skip : describe;
  suite(`mapping memory in the store: ${adapter.name}${adapter.skipReason ? ` (skipped: ${adapter.skipReason})` : ''}`, () => {
    let a: AdapterUnderTest;
    let store: Store;
    beforeEach(async () => {
      a = adapter.name === 'sqlite' ? sqliteAdapter() : postgresAdapter();
      await a.setup();
      store = await a.open();
    });
    afterEach(async () => {
      await store.close();
      await a.teardown();
    });

    it('is migrated to the latest schema version with the mapping tables', () => {
      expect(store.schemaVersion).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
    });

    describe('accepted mappings', () => {
      it('counts each acceptance of the same (systems, objects, fields) and keeps others apart', async () => {
        const m = store.mappingMemory;
        await m.record(pair('Account', 'Name', 'customer', 'companyName'));
        await m.record(pair('Account', 'Name', 'customer', 'companyName'));
        await m.recordMany([pair('Account', 'Name', 'customer', 'companyName'), pair('Account', 'Phone', 'customer', 'phone')]);
        await m.record(pair('Lead', 'Company', 'lead', 'companyName'));
        const got = await m.accepted('salesforce', 'netsuite');
        expect(got).toHaveLength(3);
        expect(got[0]).toEqual({ ...pair('Account', 'Name', 'customer', 'companyName'), count: 3 });
        expect(got).toContainEqual({ ...pair('Account', 'Phone', 'customer', 'phone'), count: 1 });
        expect(got).toContainEqual({ ...pair('Lead', 'Company', 'lead', 'companyName'), count: 1 });
      });

      it('filters by source and target system, each direction apart', async () => {
        const m = store.mappingMemory;
        await m.record(pair('Account', 'Name', 'customer', 'companyName'));
        const back = { sourceSystem: 'netsuite' as const, sourceObject: 'customer', sourceField: 'companyName', targetSystem: 'salesforce' as const, targetObject: 'Account', targetField: 'Name' };
        await m.record(back);
        await m.record(back);
        expect(await m.accepted('salesforce', 'netsuite')).toEqual([{ ...pair('Account', 'Name', 'customer', 'companyName'), count: 1 }]);
        expect(await m.accepted('netsuite', 'salesforce')).toEqual([{ ...back, count: 2 }]);
        expect(await m.accepted('netsuite', 'netsuite')).toEqual([]);
        expect(ACCEPTED_MAPPINGS_LIMIT).toBeGreaterThan(0);
      });

      it('survives a restart', async () => {
        await store.mappingMemory.record(pair('Account', 'Name', 'customer', 'companyName'));
        await store.close();
        store = await a.open();
        expect(await store.mappingMemory.accepted('salesforce', 'netsuite')).toHaveLength(1);
      });
    });

    describe('order history', () => {
      it('answers points by customer, product and rep in one currency, with every field back', async () => {
        const h = store.orderHistory;
        await h.add(point('o1', { discountPercent: 5 }));
        await h.add(point('o2', { customerId: 'C2', repId: 'R2', currency: 'EUR', at: day(1) }));
        await h.add(point('o3', { productId: 'P2', repId: undefined, quantity: undefined, unitPrice: undefined, at: day(2) }));
        expect(await h.points('customer', 'C1', 'USD')).toEqual([
          point('o1', { discountPercent: 5 }),
          point('o3', { productId: 'P2', repId: undefined, quantity: undefined, unitPrice: undefined, at: day(2) }),
        ].map((p) => JSON.parse(JSON.stringify(p)) as HistoryPoint));
        expect((await h.points('product', 'P1', 'USD')).map((p) => p.orderId)).toEqual(['o1']);
        expect((await h.points('product', 'P1', 'EUR')).map((p) => p.orderId)).toEqual(['o2']);
        expect((await h.points('rep', 'R1', 'USD')).map((p) => p.orderId)).toEqual(['o1']);
        expect(await h.points('customer', 'C2', 'USD')).toEqual([]);
      });

      it('a replayed order replaces its points instead of counting twice', async () => {
        const h = store.orderHistory;
        await h.add(point('o1', { orderTotal: 1000 }));
        await h.add(point('o1', { orderTotal: 1200, quantity: 12 }));
        expect(await h.points('customer', 'C1', 'USD')).toEqual([point('o1', { orderTotal: 1200, quantity: 12 })]);
        // two lines, then the order comes again with one line: the dropped line is gone
        await h.replaceOrder('o2', [point('o2', { productId: 'P1' }), point('o2', { productId: 'P2' })]);
        expect((await h.points('customer', 'C1', 'USD')).filter((p) => p.orderId === 'o2')).toHaveLength(2);
        await h.replaceOrder('o2', [point('o2', { productId: 'P2', orderTotal: 500 })]);
        const o2 = (await h.points('customer', 'C1', 'USD')).filter((p) => p.orderId === 'o2');
        expect(o2).toEqual([point('o2', { productId: 'P2', orderTotal: 500 })]);
        expect(await h.points('product', 'P1', 'USD')).toEqual([point('o1', { orderTotal: 1200, quantity: 12 })]);
      });

      it('rejects a bad point naming the order and the field, storing nothing of a bad order', async () => {
        const h = store.orderHistory;
        await expect(h.add(point('o9', { at: 'yesterday' }))).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          message: expect.stringMatching(/order o9: at "yesterday" is not a date/),
        });
        await expect(h.add(point('o9', { orderTotal: Number.NaN }))).rejects.toThrow(/order o9: orderTotal/);
        await h.replaceOrder('o8', [point('o8')]);
        await expect(h.replaceOrder('o8', [point('o8', { productId: 'P2' }), point('o8', { quantity: Infinity })])).rejects.toThrow(/quantity/);
        await expect(h.replaceOrder('o8', [point('o7')])).rejects.toThrow(/order o7 given to replace order o8/);
        expect((await h.points('customer', 'C1', 'USD')).map((p) => p.orderId)).toEqual(['o8']);
      });

      it(`returns at most the ${HISTORY_POINTS_LIMIT} most recent points, oldest of them first`, async () => {
        const h = store.orderHistory;
        await h.add(point('old', { at: day(0) }));
        await h.add(point('older', { at: '2025-06-01T00:00:00Z' }));
        const lines = Array.from({ length: HISTORY_POINTS_LIMIT }, (_, i) => point('big', { productId: `P${i}`, at: day(1) }));
        await h.replaceOrder('big', lines);
        const got = await h.points('customer', 'C1', 'USD');
        expect(got).toHaveLength(HISTORY_POINTS_LIMIT);
        expect(new Set(got.map((p) => p.orderId))).toEqual(new Set(['big']));
        // one line fewer: the most recent earlier order comes back in, first (oldest) in the list
        await h.replaceOrder('big', lines.slice(1));
        const again = await h.points('customer', 'C1', 'USD');
        expect(again).toHaveLength(HISTORY_POINTS_LIMIT);
        expect(again[0]).toEqual(point('old', { at: day(0) }));
        expect(again.map((p) => p.at)).toEqual([...again.map((p) => p.at)].sort());
      });

      it('keeps each customer currency, the latest one winning', async () => {
        const h = store.orderHistory;
        expect(await h.customerCurrency('C1')).toBeUndefined();
        await h.setCustomerCurrency('C1', 'USD');
        await h.setCustomerCurrency('C2', 'EUR');
        await h.setCustomerCurrency('C1', 'GBP');
        expect(await h.customerCurrency('C1')).toBe('GBP');
        expect(await h.customerCurrency('C2')).toBe('EUR');
      });
    });

    describe('party directory', () => {
      const acme: PartyLike = { id: 'NS-1', name: 'Acme Corporation', website: 'https://www.acme.com', phone: '+1 415 555 2671', street: '1 Market Street', city: 'San Francisco', postalCode: '94105', country: 'US' };
      const known: PartyLike[] = [
        acme,
        { id: 'NS-2', name: 'Globex Inc.', email: 'ap@globex.io', phone: '+1 212 555 0100' },
        { id: 'NS-3', name: 'Initech LLC', email: 'billing@initech.com', street: '500 Oak Avenue', city: 'Austin', postalCode: '73301' },
        { id: 'NS-4', name: 'Smith John', email: 'john.smith@gmail.com' },
        { id: 'NS-5', name: 'Umbrella plc', email: 'info@gmail.com' },
      ];
      beforeEach(async () => {
        for (const p of known) await store.parties.upsertParty('customer', 'netsuite', p);
      });
      const find = (p: Omit<PartyLike, 'id'>) => store.parties.candidates('customer', { ...p, id: 'SF-NEW' });

      it('finds a party by each blocking key and not by unrelated ones', async () => {
        // same normalised name, nothing else
        expect(ids(await find({ name: 'ACME, Inc.' }))).toEqual(['NS-1']);
        // a typo past the first letters of the name
        expect(ids(await find({ name: 'Acmee Corp' }))).toEqual(['NS-1']);
        // first/last words in another order
        expect(ids(await find({ name: 'John Smith' }))).toEqual(['NS-4']);
        // same website/email domain under another name
        expect(ids(await find({ name: 'Zeta Holdings', email: 'jane@globex.io' }))).toEqual(['NS-2']);
        expect(ids(await find({ name: 'Zeta Holdings', website: 'acme.com' }))).toEqual(['NS-1']);
        // same phone written differently
        expect(ids(await find({ name: 'Zeta Holdings', phone: '(212) 555-0100' }))).toEqual(['NS-2']);
        // same address written with abbreviations
        expect(ids(await find({ name: 'Zeta Holdings', street: '500 Oak Ave.', city: 'Austin', postalCode: '73301' }))).toEqual(['NS-3']);
        // unrelated: no shared key, and a free-mail domain is not a key
        expect(await find({ name: 'Wayne Enterprises', email: 'bruce@gmail.com', phone: '+1 617 555 0199' })).toEqual([]);
      });

      it('feeds the duplicate matcher the true duplicates, with their stored fields', async () => {
        const candidate: PartyLike = { id: 'SF-1', name: 'ACME Inc.', website: 'acme.com', phone: '(415) 555-2671' };
        const others = await store.parties.candidates('customer', candidate);
        expect(others[0]).toEqual(acme);
        const findings = findDuplicates(candidate, others, { duplicate: 'flag', minScore: 0 } as never, 'Account SF-1');
        expect(findings.map((f) => f.evidence.other)).toEqual(['NS-1']);
      });

      it('keeps kinds apart, never returns the party itself, and replaces a party on upsert', async () => {
        expect(await store.parties.candidates('vendor', { id: 'x', name: 'Acme Corporation' })).toEqual([]);
        expect(await store.parties.candidates('customer', acme)).toEqual([]);
        await store.parties.upsertParty('customer', 'netsuite', { id: 'NS-1', name: 'Acme Corporation', email: 'ar@acme-new.com' });
        expect(ids(await find({ name: 'Other', website: 'acme.com' }))).toEqual([]);
        expect(await find({ name: 'Other', email: 'x@acme-new.com' })).toEqual([{ id: 'NS-1', name: 'Acme Corporation', email: 'ar@acme-new.com' }]);
        // the same id in another system is another row
        await store.parties.upsertParty('customer', 'salesforce', { id: 'NS-1', name: 'Acme Corporation' });
        expect(await find({ name: 'Acme Corporation' })).toHaveLength(2);
        await expect(store.parties.upsertParty('customer', 'netsuite', { id: '', name: 'No Id' })).rejects.toThrow(/needs an id/);
        await expect(store.parties.candidates('partner' as never, acme)).rejects.toThrow(/Unknown party kind "partner"/);
      });

      it(`bounds the candidate set to ${PARTY_CANDIDATES_LIMIT}, strongest matches first`, async () => {
        for (let i = 0; i <= PARTY_CANDIDATES_LIMIT; i++)
          await store.parties.upsertParty('customer', 'netsuite', { id: `AC-${i}`, name: `Acme Division ${i}` });
        const got = await store.parties.candidates('customer', { id: 'x', name: 'Acme Corporation', website: 'acme.com' });
        expect(got).toHaveLength(PARTY_CANDIDATES_LIMIT);
        expect(got[0]!.id).toBe('NS-1');
      });
    });
  });
}
