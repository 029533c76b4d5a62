// Dev-only: for each miss on the seen splits, the expected source's score and rank (ABL=1 ablates vocabulary).
import { seenPairs } from './seen.js';

const { suggestMappings, prepareSchema } = await import('../../relay/src/mapping/suggest/suggest.js');
const { scorePair } = await import('../../relay/src/mapping/suggest/score.js');
const buckets: Record<string, number> = {};
for (const p of (await seenPairs()).pairs) {
  const got = new Map((await suggestMappings(p.source, p.target)).map((s) => [s.targetField, s.sourceField]));
  const src = prepareSchema(p.source);
  for (const t of prepareSchema(p.target)) {
    const want = p.expected[t.field.name] ?? null;
    if (!want || got.get(t.field.name) === want) continue;
    const scored = src.map((s) => ({ n: s.field.name, c: scorePair(s, t).confidence })).sort((a, b) => b.c - a.c);
    const rank = scored.findIndex((x) => x.n === want) + 1;
    const c = scored.find((x) => x.n === want)!.c;
    const b = c === 0 ? 'zero' : rank === 1 ? 'rank1' : 'lower';
    buckets[b] = (buckets[b] ?? 0) + 1;
    if (process.env.V) console.log(b, c.toFixed(2), `#${rank}`, p.id, t.field.name, t.field.label, '<-', want, '| top', scored[0]!.n, scored[0]!.c.toFixed(2));
  }
}
console.log(buckets);
