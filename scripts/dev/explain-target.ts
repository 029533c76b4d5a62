// Dev-only: top candidates for one target field of a seen eval pair. Usage: tsx explain-target.ts <pairId> <targetField>
import { seenPairs } from './seen.js';

const { prepareSchema } = await import('../../relay/src/mapping/suggest/suggest.js');
const { scorePair } = await import('../../relay/src/mapping/suggest/score.js');
const [pairId, targetField] = process.argv.slice(2);
const p = (await seenPairs()).pairs.find((x) => x.id === pairId);
if (!p) throw new Error('no such seen pair');
const t = prepareSchema(p.target).find((f) => f.field.name === targetField);
if (!t) throw new Error(`no target field ${targetField}`);
console.log('target concepts', [...t.name.items.keys()], [...t.label.items.keys()], t.alts.map((a) => [...a.items.keys()]));
const rows = prepareSchema(p.source).map((s) => ({ f: s.field.name, sc: scorePair(s, t) }));
rows.sort((a, b) => b.sc.confidence - a.sc.confidence);
for (const r of rows.slice(0, 4)) console.log(r.sc.confidence.toFixed(3), r.f, r.sc.reasons.join(' | '));
