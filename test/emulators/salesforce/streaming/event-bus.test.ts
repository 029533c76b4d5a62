import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventBus } from './event-bus.js';

const HOUR = 3600_000;

function bus(now: { t: number }, retentionMs = 72 * HOUR) {
  return new EventBus({ retentionMs, now: () => now.t, channels: ['/data/ChangeEvents'] });
}

describe('EventBus', () => {
  it('assigns increasing replay ids shared by every listed channel', () => {
    const b = bus({ t: 0 });
    const a = b.publish(['/data/ChangeEvents', '/data/AccountChangeEvent'], { ChangeEventHeader: { entityName: 'Account' } });
    const c = b.publish(['/data/AccountChangeEvent'], { ChangeEventHeader: { entityName: 'Account' } });
    expect(c.replayId).toBeGreaterThan(a.replayId);
    expect(b.retained('/data/ChangeEvents').map((e) => e.replayId)).toEqual([a.replayId]);
    expect(b.retained('/data/AccountChangeEvent').map((e) => e.replayId)).toEqual([a.replayId, c.replayId]);
    expect(b.tip()).toBe(c.replayId);
  });

  it('builds the Salesforce data envelope: schema, payload copy, event.replayId (+ EventUuid on /event/ channels)', () => {
    const b = bus({ t: 0 });
    const payload = { CreatedDate: '2026-11-26T00:00:00.000Z', Amount__c: 5 };
    b.publish(['/event/Sync__e'], payload);
    payload.Amount__c = 6; // the stored event is a copy
    const [pe] = b.retained('/event/Sync__e');
    expect(pe!.data.payload.Amount__c).toBe(5);
    expect(pe!.data.event.EventUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(pe!.data.schema).toMatch(/^[A-Za-z0-9_-]{22}$/);
    b.publish(['/data/ChangeEvents'], { ChangeEventHeader: { entityName: 'Account' }, Name: 'x' });
    b.publish(['/data/ChangeEvents'], { ChangeEventHeader: { entityName: 'Account' }, Phone: 'y' });
    b.publish(['/data/ChangeEvents'], { ChangeEventHeader: { entityName: 'Contact' } });
    const [x, y, z] = b.retained('/data/ChangeEvents');
    expect(Object.keys(x!.data.event)).toEqual(['replayId']);
    expect(x!.data.schema).toBe(y!.data.schema); // same entity, same schema even with other fields
    expect(z!.data.schema).not.toBe(x!.data.schema);
    b.publish(['/event/Sync__e'], {}, { schema: 'fixedSchemaId', eventUuid: 'u-1' });
    expect(b.retained('/event/Sync__e')[1]!.data).toMatchObject({ schema: 'fixedSchemaId', event: { EventUuid: 'u-1' } });
  });

  it('drops events older than the retention window and then refuses their replay ids', () => {
    const now = { t: 0 };
    const b = bus(now, 10 * HOUR);
    const old = b.publish(['/data/ChangeEvents'], {}).replayId;
    now.t = 5 * HOUR;
    const recent = b.publish(['/data/ChangeEvents'], {}).replayId;
    expect(b.resolveReplay('/data/ChangeEvents', old)).toEqual({ ok: true, afterReplayId: old });
    now.t = 10 * HOUR + 1;
    expect(b.retained('/data/ChangeEvents').map((e) => e.replayId)).toEqual([recent]);
    expect(b.resolveReplay('/data/ChangeEvents', old)).toEqual({ ok: false });
    expect(b.resolveReplay('/data/ChangeEvents', recent)).toEqual({ ok: true, afterReplayId: recent });
    expect(b.resolveReplay('/data/ChangeEvents', -2)).toEqual({ ok: true, afterReplayId: 0 });
    expect(b.resolveReplay('/data/ChangeEvents', -1)).toEqual({ ok: true, afterReplayId: recent });
    expect(b.resolveReplay('/data/ChangeEvents', 12345)).toEqual({ ok: false });
    expect(b.resolveReplay('/data/ChangeEvents', -7)).toEqual({ ok: false });
    expect(b.eventsAfter('/data/ChangeEvents', 0).map((e) => e.replayId)).toEqual([recent]);
  });

  it('a replay id from another channel is not valid on this one', () => {
    const b = bus({ t: 0 });
    const r = b.publish(['/event/A__e'], {}).replayId;
    b.defineChannel('/event/B__e');
    expect(b.resolveReplay('/event/B__e', r)).toEqual({ ok: false });
  });

  it('knows defined channels, rejects bad input and notifies listeners', () => {
    const b = bus({ t: 0 });
    expect(b.hasChannel('/data/ChangeEvents')).toBe(true);
    expect(b.hasChannel('/event/Nope__e')).toBe(false);
    expect(() => b.defineChannel('event/x')).toThrow(/must start with/);
    expect(() => b.publish([], {})).toThrow(/at least one channel/);
    expect(() => new EventBus({ retentionMs: 0 })).toThrow(/retentionMs/);
    const seen: string[][] = [];
    let drops = 0;
    const off = b.onPublish((chs) => seen.push([...chs]));
    b.onSessionDrop(() => drops++);
    b.publish(['/data/ChangeEvents'], {});
    off();
    b.publish(['/data/ChangeEvents'], {});
    b.forceSessionDrop();
    expect(seen).toEqual([['/data/ChangeEvents']]);
    expect(drops).toBe(1);
  });
});

describe('EventBus properties', () => {
  it('eventsAfter/hasEventsAfter/resolveReplay agree with a naive model for any publish sequence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ channel: fc.constantFrom('/event/A__e', '/event/B__e'), advanceMs: fc.integer({ min: 0, max: 5 }) }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: -3, max: 45 }),
        (publishes, retentionMs, probe) => {
          const now = { t: 0 };
          const b = new EventBus({ retentionMs, now: () => now.t, channels: ['/event/A__e', '/event/B__e'] });
          const model: { channel: string; replayId: number; at: number }[] = [];
          for (const p of publishes) {
            now.t += p.advanceMs;
            model.push({ channel: p.channel, replayId: b.publish([p.channel], {}).replayId, at: now.t });
          }
          const kept = (ch: string) => model.filter((m) => m.channel === ch && m.at > now.t - retentionMs);
          for (const ch of ['/event/A__e', '/event/B__e']) {
            const expected = kept(ch).filter((m) => m.replayId > probe).map((m) => m.replayId);
            expect(b.eventsAfter(ch, probe).map((e) => e.replayId)).toEqual(expected);
            expect(b.eventsAfter(ch, probe, 2).map((e) => e.replayId)).toEqual(expected.slice(0, 2));
            expect(b.hasEventsAfter(ch, probe)).toBe(expected.length > 0);
            const valid = probe === -1 || probe === -2 || kept(ch).some((m) => m.replayId === probe);
            expect(b.resolveReplay(ch, probe).ok).toBe(valid);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
