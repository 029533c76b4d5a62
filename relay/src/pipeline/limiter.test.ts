import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from './limiter.js';

describe('AdaptiveLimiter', () => {
  it('grants up to its level, queues the rest, and hands slots on in order', async () => {
    const l = new AdaptiveLimiter('netsuite', 2);
    const a = await l.acquire();
    const b = await l.acquire();
    const order: string[] = [];
    const c = l.acquire().then((p) => (order.push('c'), p));
    const d = l.acquire().then((p) => (order.push('d'), p));
    await Promise.resolve();
    expect(l.active()).toBe(2);
    a.release('neutral');
    (await c).release('neutral');
    b.release('neutral');
    (await d).release('neutral');
    expect(order).toEqual(['c', 'd']);
    expect(l.active()).toBe(0);
  });

  it('halves on a concurrency fault (once per cooldown) and steps back up after a calm period', async () => {
    let now = 0;
    const levels: number[] = [];
    const l = new AdaptiveLimiter('netsuite', 8, {
      now: () => now,
      cooldownMs: 1_000,
      calmMs: 5_000,
      onLevel: (_n, v) => levels.push(v),
    });
    (await l.acquire()).release('fault');
    expect(l.level()).toBe(4);
    now = 500;
    (await l.acquire()).release('fault');
    expect(l.level()).toBe(4);
    now = 1_600;
    (await l.acquire()).release('fault');
    expect(l.level()).toBe(2);
    now = 4_000;
    (await l.acquire()).release('ok');
    expect(l.level()).toBe(2);
    now = 6_700;
    (await l.acquire()).release('ok');
    expect(l.level()).toBe(3);
    now = 20_000;
    (await l.acquire()).release('ok');
    expect(l.level()).toBe(4);
    expect(levels).toEqual([8, 4, 2, 3, 4]);
    for (let i = 0; i < 20; i++) {
      now += 5_000;
      (await l.acquire()).release('ok');
    }
    expect(l.level()).toBe(8);
  });

  it('never goes below one, and a waiter can be aborted', async () => {
    const l = new AdaptiveLimiter('x', 1, { cooldownMs: 0 });
    const p = await l.acquire();
    const ac = new AbortController();
    const waiting = l.acquire(ac.signal);
    ac.abort(new Error('shutdown'));
    await expect(waiting).rejects.toThrow('shutdown');
    p.release('fault');
    expect(l.level()).toBe(1);
    expect(l.active()).toBe(0);
  });
});
