import { describe, expect, it } from 'vitest';
import { loadPairs, SPLITS } from './pairs.js';

describe('labelled schema pairs', () => {
  const pairs = loadPairs();

  it('label every target field, each with a real source field or null, one-to-one', () => {
    for (const p of pairs) {
      const targets = p.target.fields.map((f) => f.name).sort();
      expect(Object.keys(p.expected).sort(), p.id).toEqual(targets);
      const sources = new Set(p.source.fields.map((f) => f.name));
      const used = Object.values(p.expected).filter((v): v is string => v !== null);
      for (const s of used) expect(sources.has(s), `${p.id}: ${s}`).toBe(true);
      expect(new Set(used).size, p.id).toBe(used.length);
    }
  });

  it('load every split, including the fresh4, fresh5 and fresh6 held-out splits', () => {
    const count = (split: string) => pairs.filter((p) => p.split === split).length;
    for (const split of SPLITS) expect(count(split), split).toBeGreaterThan(0);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
    const fresh4 = pairs.filter((p) => p.split === 'fresh4');
    expect(fresh4.reduce((n, p) => n + Object.keys(p.expected).length, 0)).toBeGreaterThanOrEqual(60);
  });

  it('give fresh6 at least 4 pairs, 60 labelled targets and some (10-20 %) with no correct source', () => {
    const fresh6 = pairs.filter((p) => p.split === 'fresh6');
    expect(fresh6.length).toBeGreaterThanOrEqual(4);
    const labels = fresh6.flatMap((p) => Object.values(p.expected));
    expect(labels.length).toBeGreaterThanOrEqual(60);
    const share = labels.filter((v) => v === null).length / labels.length;
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.2);
  });
});
