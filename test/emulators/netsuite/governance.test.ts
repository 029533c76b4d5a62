import { describe, expect, it } from 'vitest';
import { createRng, Governance, knobsFromEnv } from './governance.js';

describe('Governance', () => {
  it('holds one account-wide limit across endpoints and frees slots on release', () => {
    const g = new Governance({ knobs: { concurrency: 2 } });
    const a = g.tryAcquire('soap')!;
    const b = g.tryAcquire('restlet')!;
    expect(g.tryAcquire('rest')).toBeUndefined();
    a.release();
    a.release(); // idempotent
    const c = g.tryAcquire('rest');
    expect(c).toBeDefined();
    expect(g.tryAcquire('soap')).toBeUndefined();
    b.release();
    c!.release();
    expect(g.stats()).toMatchObject({
      inFlight: 0,
      peakInFlight: 2,
      accepted: 3,
      rejected: 2,
      byEndpoint: { soap: 1, restlet: 1, rest: 1 },
    });
  });

  it('draws faults deterministically from the seed and honours forced faults first', () => {
    const draw = (seed: string) => {
      const g = new Governance({ seed, knobs: { faultRate: 0.5 } });
      return Array.from({ length: 40 }, () => g.drawFault() ?? '-').join(',');
    };
    expect(draw('a')).toBe(draw('a'));
    expect(draw('a')).not.toBe(draw('b'));
    const g = new Governance({ knobs: { faultRate: 0 } });
    expect(g.drawFault()).toBeUndefined();
    g.injectNext('lock', 'concurrency');
    expect([g.drawFault(), g.drawFault(), g.drawFault()]).toEqual(['lock', 'concurrency', undefined]);
    g.set({ faultRate: 1, faultKinds: ['5xx'] });
    expect(g.drawFault()).toBe('5xx');
    g.reset();
    expect(g.knobs.faultRate).toBe(0);
  });

  it('models latency per call plus per record, through an injectable sleep', async () => {
    const slept: number[] = [];
    const g = new Governance({ knobs: { latencyMs: 20, perRecordMs: 2 }, sleep: async (ms) => void slept.push(ms) });
    await g.delay(10);
    await g.delay(0);
    expect(slept).toEqual([40, 20]);
  });

  it('reads NS_EMULATOR_* and names the bad variable', () => {
    expect(
      knobsFromEnv({
        NS_EMULATOR_CONCURRENCY: '3',
        NS_EMULATOR_FAULT_RATE: '0.1',
        NS_EMULATOR_FAULT_KINDS: 'lock,5xx',
      }),
    ).toEqual({
      concurrency: 3,
      faultRate: 0.1,
      faultKinds: ['lock', '5xx'],
    });
    expect(() => knobsFromEnv({ NS_EMULATOR_FAULT_RATE: '2' })).toThrow(/NS_EMULATOR_FAULT_RATE/);
    expect(() => knobsFromEnv({ NS_EMULATOR_FAULT_KINDS: 'boom' })).toThrow(/NS_EMULATOR_FAULT_KINDS/);
    const r = createRng('x');
    const v = r();
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThan(1);
  });
});
