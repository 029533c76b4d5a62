import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from './migrations.js';
import { adaptersUnderTest, postgresAdapter, sqliteAdapter, type AdapterUnderTest } from './testing.js';
import type { InboxRow, PreparedInboxEntry, RouteDecision, Store, WorkSpec } from './types.js';

/** The one behavioural suite every store adapter must pass (embedded SQLite and PostgreSQL). */
const T0 = 1_700_000_000_000;
const OPS = ['ns.upsert', 'ns.delete'];

const entry = (sourceKey: string, over: Partial<PreparedInboxEntry> = {}): PreparedInboxEntry => {
  const payload = over.payloadJson ?? JSON.stringify({ key: sourceKey });
  return {
    source: 'netsuite-webhook',
    sourceKey,
    recordType: 'customer',
    recordId: sourceKey,
    payloadJson: payload,
    payloadBytes: payload.length,
    receivedAt: T0,
    ...over,
  };
};

const work = (row: InboxRow, over: Partial<WorkSpec> = {}): WorkSpec => {
  const p = row.payload as { lane?: string; op?: string; sup?: boolean };
  return {
    flow: 'customers',
    target: 'netsuite',
    operation: p.op ?? 'ns.upsert',
    laneKey: p.lane ?? row.sourceKey,
    idempotencyKey: `ext-${row.sourceKey}`,
    payload: row.payload,
    supersedable: p.sup ?? false,
    ...over,
  };
};
const toWork = (row: InboxRow): RouteDecision => ({ kind: 'work', items: [work(row)] });

async function enqueue(store: Store, items: { key: string; lane?: string; op?: string; sup?: boolean }[], now = T0) {
  await store.append(
    items.map((i) => entry(i.key, { payloadJson: JSON.stringify(i) })),
    now,
  );
  await store.route(1000, toWork, now);
}

const claim = (store: Store, owner: string, now = T0, limit = 100) =>
  store.claim({ owner, limit, leaseMs: 30_000, now, operations: OPS });

const ok = (id: number, now = T0) => ({ id, kind: 'done' as const, attempt: { at: now, outcome: 'ok' as const } });

for (const adapter of adaptersUnderTest()) {
  const suite = adapter.skipReason ? describe.skip : describe;
  suite(`store adapter: ${adapter.name}${adapter.skipReason ? ` (skipped: ${adapter.skipReason})` : ''}`, () => {
    let a: AdapterUnderTest;
    let store: Store;
    const others: Store[] = [];
    beforeEach(async () => {
      a = adapter.name === 'sqlite' ? sqliteAdapter() : postgresAdapter();
      await a.setup();
      store = await a.open();
    });
    afterEach(async () => {
      for (const s of others.splice(0)) await s.close();
      await store.close();
      await a.teardown();
    });

    it('migrates to the latest version, and opening again is a no-op', async () => {
      expect(store.schemaVersion).toBe(LATEST_VERSION);
      const again = await a.open();
      others.push(again);
      expect(again.schemaVersion).toBe(LATEST_VERSION);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('stores each (source, sourceKey) once and advances the replay checkpoint only to stored events', async () => {
      const cdc = (replayId: number) =>
        entry(`/data/AccountChangeEvent:${replayId}`, {
          source: 'salesforce-cdc',
          channel: '/data/AccountChangeEvent',
          replayId,
        });
      expect(await store.lastReplayId('/data/AccountChangeEvent')).toBeUndefined();
      expect(await store.append([cdc(10), cdc(11), cdc(12)], T0)).toEqual({ inserted: 3, duplicates: 0 });
      expect(await store.append([cdc(11), cdc(13)], T0)).toEqual({ inserted: 1, duplicates: 1 });
      expect(await store.lastReplayId('/data/AccountChangeEvent')).toBe(13);
      expect(await store.checkpoint('/data/AccountChangeEvent')).toEqual({ replayId: 13, receivedAt: T0 });
      expect(await store.checkpoint('/data/Other')).toBeUndefined();
      await store.append([cdc(5)], T0);
      expect(await store.lastReplayId('/data/AccountChangeEvent')).toBe(13);
      // same key from another source is a different event
      expect(await store.append([entry('/data/AccountChangeEvent:10')], T0)).toEqual({ inserted: 1, duplicates: 0 });
      expect((await store.counts(T0)).inboxPending).toBe(6);
    });

    it('records intake rejections in the dead-letter queue, never replayable, and logs them', async () => {
      await store.append([entry('big', { rejectReason: 'payload is 9000000 bytes, over the 262144 limit' })], T0);
      const { items } = await store.listDlq({ limit: 10 });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        stage: 'intake',
        replayable: false,
        reason: expect.stringContaining('9000000'),
      });
      await expect(store.replayDlq(items[0]!.id, T0)).rejects.toMatchObject({ code: 'DLQ_NOT_REPLAYABLE' });
      expect((await store.counts(T0)).inboxPending).toBe(0);
    });

    it('routes pending entries in order into work, skips and rejections (a throwing router rejects)', async () => {
      await store.append([entry('a'), entry('b'), entry('c'), entry('d')], T0);
      const seen: string[] = [];
      const n = await store.route(
        10,
        (row) => {
          seen.push(row.sourceKey);
          if (row.sourceKey === 'b') return { kind: 'skip', flow: 'customers', reason: 'flow customers is off' };
          if (row.sourceKey === 'c') throw new Error('field "email" of customer c is not an email');
          return toWork(row);
        },
        T0,
      );
      expect(n).toBe(4);
      expect(seen).toEqual(['a', 'b', 'c', 'd']);
      expect(await store.route(10, toWork, T0)).toBe(0);
      const summary = await store.summary(T0);
      expect(summary.byFlow).toEqual(
        expect.arrayContaining([
          { flow: 'customers', outcome: 'skipped', count: 1 },
          { flow: '(none)', outcome: 'rejected', count: 1 },
        ]),
      );
      expect(summary.pending).toMatchObject({ inbox: 0, ready: 2 });
      const dlq = await store.listDlq({ limit: 10, stage: 'route' });
      expect(dlq.items[0]).toMatchObject({
        reason: expect.stringContaining('"email" of customer c'),
        replayable: true,
      });
    });

    it('claims only lane heads: one record in order and never concurrently', async () => {
      await enqueue(store, [
        { key: 'a1', lane: 'A' },
        { key: 'a2', lane: 'A' },
        { key: 'b1', lane: 'B' },
      ]);
      const first = await claim(store, 'w1');
      expect(first.map((i) => i.idempotencyKey)).toEqual(['ext-a1', 'ext-b1']);
      expect(await claim(store, 'w2')).toEqual([]);
      await store.complete('w1', [ok(first[0]!.id)], T0);
      const next = await claim(store, 'w2');
      expect(next.map((i) => i.idempotencyKey)).toEqual(['ext-a2']);
    });

    it('coalesces a run of supersedable changes to the latest, stopping at another operation', async () => {
      await enqueue(store, [
        { key: 'v1', lane: 'R', sup: true },
        { key: 'v2', lane: 'R', sup: true },
        { key: 'v3', lane: 'R', sup: true },
        { key: 'del', lane: 'R', op: 'ns.delete' },
        { key: 'v5', lane: 'R', sup: true },
      ]);
      const [c] = await claim(store, 'w1');
      expect(c!.idempotencyKey).toBe('ext-v3');
      expect(c!.supersedes).toHaveLength(2);
      await store.complete('w1', [ok(c!.id)], T0);
      const [d] = await claim(store, 'w1');
      expect(d!.idempotencyKey).toBe('ext-del');
      const s = await store.summary(T0);
      expect(s.byFlow).toEqual(
        expect.arrayContaining([
          { flow: 'customers', outcome: 'superseded', count: 2 },
          { flow: 'customers', outcome: 'applied', count: 1 },
        ]),
      );
    });

    it('never coalesces changes that are not supersedable', async () => {
      await enqueue(store, [
        { key: 'p1', lane: 'P' },
        { key: 'p2', lane: 'P' },
      ]);
      const [c] = await claim(store, 'w1');
      expect(c!.idempotencyKey).toBe('ext-p1');
      expect(c!.supersedes).toEqual([]);
    });

    it('retries after the backoff, keeping the lane blocked meanwhile, and dead-letters with history', async () => {
      await enqueue(store, [
        { key: 'x1', lane: 'X' },
        { key: 'x2', lane: 'X' },
      ]);
      const [c] = await claim(store, 'w1');
      await store.complete(
        'w1',
        [
          {
            id: c!.id,
            kind: 'retry',
            nextAttemptAt: T0 + 5_000,
            attempt: { at: T0, outcome: 'transient', code: 'NS_RECORD_LOCKED', message: 'locked' },
          },
        ],
        T0,
      );
      expect(await claim(store, 'w1', T0 + 1_000)).toEqual([]);
      const [again] = await claim(store, 'w1', T0 + 5_000);
      expect(again).toMatchObject({ id: c!.id, attempts: 1 });
      await store.complete(
        'w1',
        [
          {
            id: c!.id,
            kind: 'dead',
            reason: 'NS_VALIDATION: field companyName is required',
            response: { code: 'USER_ERROR' },
            attempt: { at: T0 + 5_000, outcome: 'permanent', code: 'NS_VALIDATION' },
          },
        ],
        T0 + 5_000,
      );
      const { items } = await store.listDlq({ limit: 10, stage: 'deliver' });
      expect(items[0]).toMatchObject({
        stage: 'deliver',
        idempotencyKey: 'ext-x1',
        laneKey: 'X',
        attempts: 2,
        response: { code: 'USER_ERROR' },
        payload: { key: 'x1', lane: 'X' },
      });
      expect(items[0]!.history.map((h) => h.outcome)).toEqual(['transient', 'permanent']);
      // the lane moves on past the dead letter
      expect((await claim(store, 'w1', T0 + 5_000)).map((i) => i.idempotencyKey)).toEqual(['ext-x2']);
    });

    it('replays a dead letter as a new item at the tail of its lane, once', async () => {
      await enqueue(store, [{ key: 'r1', lane: 'R' }]);
      const [c] = await claim(store, 'w1');
      await store.complete(
        'w1',
        [{ id: c!.id, kind: 'dead', reason: 'bad', attempt: { at: T0, outcome: 'permanent' } }],
        T0,
      );
      const dead = (await store.listDlq({ limit: 1 })).items[0]!;
      const result = await store.replayDlq(dead.id, T0 + 1);
      expect(result.workId).toBeGreaterThan(c!.id);
      await expect(store.replayDlq(dead.id, T0 + 2)).rejects.toMatchObject({ code: 'DLQ_NOT_REPLAYABLE' });
      await expect(store.replayDlq(999_999, T0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const [r] = await claim(store, 'w1', T0 + 2);
      expect(r).toMatchObject({ id: result.workId, idempotencyKey: 'ext-r1', attempts: 0 });
      expect((await store.listDlq({ limit: 10, status: 'open' })).items).toHaveLength(0);
    });

    it('replays a routing rejection by routing its inbox entry again', async () => {
      await store.append([entry('u1')], T0);
      await store.route(10, () => ({ kind: 'reject', reason: 'no flow handles record type customer' }), T0);
      const dead = (await store.listDlq({ limit: 1 })).items[0]!;
      expect(await store.replayDlq(dead.id, T0)).toMatchObject({ inboxId: expect.any(Number) });
      expect(await store.route(10, toWork, T0)).toBe(1);
      expect((await claim(store, 'w1')).map((i) => i.idempotencyKey)).toEqual(['ext-u1']);
    });

    it('pages the dead-letter queue newest first with filters', async () => {
      await store.append(
        Array.from({ length: 5 }, (_, i) => entry(`k${i}`)),
        T0,
      );
      await store.route(
        10,
        (row) => ({ kind: 'reject', flow: row.sourceKey === 'k0' ? 'orders' : 'customers', reason: 'r' }),
        T0,
      );
      const p1 = await store.listDlq({ limit: 2 });
      expect(p1.items).toHaveLength(2);
      expect(p1.items[0]!.id).toBeGreaterThan(p1.items[1]!.id);
      const p2 = await store.listDlq({ limit: 2, before: p1.nextCursor! });
      const p3 = await store.listDlq({ limit: 2, before: p2.nextCursor! });
      expect([...p1.items, ...p2.items, ...p3.items].map((i) => i.id)).toHaveLength(5);
      expect(p3.nextCursor).toBeNull();
      expect((await store.listDlq({ limit: 10, flow: 'orders' })).items).toHaveLength(1);
    });

    it('ignores completion from a worker that lost its lease, and resumes expired claims', async () => {
      await enqueue(store, [{ key: 'l1' }]);
      const [c] = await claim(store, 'w1');
      expect(await store.reclaimExpired(T0 + 1_000)).toBe(0);
      expect(await store.reclaimExpired(T0 + 31_000)).toBe(1);
      const [c2] = await claim(store, 'w2', T0 + 31_000);
      expect(c2!.id).toBe(c!.id);
      expect(await store.complete('w1', [ok(c!.id)], T0 + 31_000)).toEqual({ completed: 0, lost: [c!.id] });
      expect(await store.extendLeases('w2', [c!.id], T0 + 90_000)).toBe(1);
      expect(await store.reclaimExpired(T0 + 60_000)).toBe(0);
      expect(await store.complete('w2', [ok(c!.id)], T0 + 60_000)).toEqual({ completed: 1, lost: [] });
    });

    it('after a crash, reopening resumes work that was in flight: not lost, not duplicated', async () => {
      await enqueue(store, [{ key: 'c1' }, { key: 'c2' }]);
      const claimed = await claim(store, 'crashed-worker');
      expect(claimed).toHaveLength(2);
      const reopened = await a.open();
      others.push(reopened);
      const later = T0 + (reopened.shared ? 31_000 : 1);
      const resumed = await reopened.recover(later);
      expect(resumed).toBe(2);
      const again = await reopened.claim({ owner: 'new', limit: 10, leaseMs: 30_000, now: later, operations: OPS });
      expect(again.map((i) => i.idempotencyKey).sort()).toEqual(['ext-c1', 'ext-c2']);
      await reopened.complete(
        'new',
        again.map((i) => ok(i.id, later)),
        later,
      );
      expect(await reopened.claim({ owner: 'new', limit: 10, leaseMs: 30_000, now: later, operations: OPS })).toEqual(
        [],
      );
      const s = await reopened.summary(later);
      expect(s.byFlow).toEqual([{ flow: 'customers', outcome: 'applied', count: 2 }]);
    });

    it('two workers claiming at once never share an item or a lane', async () => {
      const items = Array.from({ length: 60 }, (_, i) => ({ key: `m${i}`, lane: `L${i % 20}` }));
      await enqueue(store, items);
      const second = store.shared ? await a.open() : store;
      if (second !== store) others.push(second);
      const [x, y] = await Promise.all([claim(store, 'w1', T0, 15), claim(second, 'w2', T0, 15)]);
      const ids = [...x, ...y].map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      const lanes = [...x, ...y].map((i) => i.laneKey);
      expect(new Set(lanes).size).toBe(lanes.length);
      expect(ids.length).toBe(20);
    });

    it('summarises counts by flow and outcome, pending work, lag and the oldest pending item', async () => {
      await enqueue(store, [{ key: 's1' }, { key: 's2' }], T0);
      const [c] = await claim(store, 'w1', T0, 1);
      await store.complete('w1', [ok(c!.id, T0 + 10)], T0 + 10);
      const s = await store.summary(T0 + 4_000);
      expect(s.pending).toEqual({ inbox: 0, ready: 1, inFlight: 0, retrying: 0 });
      expect(s.oldestPendingAt).toBe(new Date(T0).toISOString());
      expect(s.lagSeconds).toBe(4);
      expect(s.byFlow).toEqual([{ flow: 'customers', outcome: 'applied', count: 1 }]);
      expect((await store.summary(T0 + 4_000, T0 + 1_000)).byFlow).toEqual([]);
    });

    it('purges finished history past retention, keeping unfinished work and open dead letters', async () => {
      await enqueue(
        store,
        [
          { key: 'p1', lane: 'A' },
          { key: 'p2', lane: 'B' },
          { key: 'p3', lane: 'C' },
        ],
        T0,
      );
      const [a, b] = await claim(store, 'w1', T0, 2);
      await store.complete(
        'w1',
        [ok(a!.id), { id: b!.id, kind: 'dead', reason: 'bad', attempt: { at: T0, outcome: 'permanent' } }],
        T0,
      );
      expect(await store.purge(T0 + 1)).toBeGreaterThan(0);
      const s = await store.summary(T0 + 2);
      expect(s.byFlow).toEqual([]);
      expect(s.pending.ready).toBe(1);
      const [dead] = (await store.listDlq({ limit: 5 })).items;
      expect((await store.replayDlq(dead!.id, T0 + 2)).workId).toBeGreaterThan(0);
      // the entry of the applied change is gone, so its key may come again; the others stay deduplicated
      expect(await store.append([entry('p1', { payloadJson: '{"key":"p1"}' }), entry('p3')], T0 + 3)).toEqual({
        inserted: 1,
        duplicates: 1,
      });
    });

    it('holds concurrency leases in the database when shared (PostgreSQL)', async () => {
      if (!store.shared) {
        expect(store.leases).toBeUndefined();
        return;
      }
      const other = await a.open();
      others.push(other);
      await store.leases!.ensure('netsuite', 3, T0);
      await other.leases!.ensure('netsuite', 3, T0);
      const got = [
        await store.leases!.acquire('netsuite', 'r1', 60_000, T0),
        await other.leases!.acquire('netsuite', 'r2', 60_000, T0),
        await store.leases!.acquire('netsuite', 'r1', 60_000, T0),
      ];
      expect(got.sort()).toEqual([0, 1, 2]);
      expect(await other.leases!.acquire('netsuite', 'r2', 60_000, T0)).toBeUndefined();
      await store.leases!.release('netsuite', 1, 'r1'); // not r1's slot: nothing is freed
      expect(await other.leases!.acquire('netsuite', 'r2', 60_000, T0)).toBeUndefined();
      await other.leases!.release('netsuite', 1, 'r2');
      expect(await other.leases!.acquire('netsuite', 'r4', 60_000, T0)).toBe(1);
      // a renewed lease holds; an expired one (crashed replica) frees its slot
      expect(await store.leases!.renew('netsuite', 'r1', [2], T0 + 120_000)).toBe(1);
      expect(await other.leases!.acquire('netsuite', 'r3', 60_000, T0 + 61_000)).toBe(0);
      expect(await other.leases!.acquire('netsuite', 'r3', 60_000, T0 + 61_000)).toBe(1);
      expect(await other.leases!.acquire('netsuite', 'r3', 60_000, T0 + 61_000)).toBeUndefined();
      expect(await store.leases!.decrease('netsuite', T0 + 61_000, 1_000)).toBe(1);
      expect(await other.leases!.level('netsuite')).toBe(1);
      expect(await store.leases!.increase('netsuite', T0 + 62_000, 5_000)).toBe(1);
      expect(await store.leases!.increase('netsuite', T0 + 67_000, 5_000)).toBe(2);
    });
  });
}
