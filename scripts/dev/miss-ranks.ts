// Dev-only: for each miss on the SEEN splits, the expected source's score and rank (ABL=1 ablates vocabulary).
import { SYNONYM_GROUPS } from '../../relay/src/mapping/suggest/lexicon.js';
import { NETSUITE_GLOSSARY, SALESFORCE_GLOSSARY } from '../../relay/src/mapping/suggest/glossary.js';
if (process.env.ABL) {
  for (const g of [NETSUITE_GLOSSARY, SALESFORCE_GLOSSARY]) for (const k of Object.keys(g)) delete (g as Record<string, unknown>)[k];
  for (let i = SYNONYM_GROUPS.length - 1; i >= 0; i--) if (i % 2 === 1) SYNONYM_GROUPS.splice(i, 1);
}
const { loadPairs } = await import('../../test/mapping-eval/pairs.js');
const { suggestMappings } = await import('../../relay/src/mapping/suggest/suggest.js');
const { prepareField, scorePair } = await import('../../relay/src/mapping/suggest/score.js');
const SEEN = new Set(['dev', 'test', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14', 'fresh15', 'fresh16', 'fresh17', 'fresh18', 'fresh19', 'fresh20', 'fresh21', 'fresh22', 'fresh23', 'fresh24', 'fresh25', 'fresh26', 'fresh27', 'fresh28', 'fresh29', 'fresh30', 'fresh31', 'fresh32', 'fresh33', 'fresh34', 'fresh35', 'fresh36', 'fresh37', 'fresh38', 'fresh39', 'fresh40']);
const buckets: Record<string, number> = {};
for (const p of loadPairs().filter((x) => SEEN.has(x.split))) {
  const got = new Map((await suggestMappings(p.source, p.target)).map((s) => [s.targetField, s.sourceField]));
  const an = (s: typeof p.source) => ({ autoNumberName: s.system === 'salesforce' && !s.fields.some((f) => f.name === 'Name') });
  const src = p.source.fields.map((f) => prepareField(f, p.source.object, p.source.system, an(p.source)));
  for (const tf of p.target.fields) {
    const want = p.expected[tf.name] ?? null;
    if (!want || got.get(tf.name) === want) continue;
    const t = prepareField(tf, p.target.object, p.target.system, an(p.target));
    const scored = src.map((s) => ({ n: s.field.name, c: scorePair(s, t).confidence })).sort((a, b) => b.c - a.c);
    const rank = scored.findIndex((x) => x.n === want) + 1;
    const c = scored.find((x) => x.n === want)!.c;
    const b = c === 0 ? 'zero' : rank === 1 ? 'rank1' : 'lower';
    buckets[b] = (buckets[b] ?? 0) + 1;
    if (process.env.V) console.log(b, c.toFixed(2), `#${rank}`, p.id, tf.name, tf.label, '<-', want, '| top', scored[0]!.n, scored[0]!.c.toFixed(2));
  }
}
console.log(buckets);
