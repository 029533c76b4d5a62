// Dev-only: top candidates for one target field of a seen eval pair. Usage: tsx explain-target.ts <pairId> <targetField>
import { loadPairs } from '../../test/mapping-eval/pairs.js';
import { prepareField, scorePair } from '../../relay/src/mapping/suggest/score.js';
const [pairId, targetField] = process.argv.slice(2);
const p = loadPairs().find((x) => x.id === pairId && !/fresh(4[1-9]|[5-9][0-9])/.test(x.split));
if (!p) throw new Error('no such seen pair');
const an = (s: typeof p.source) => ({ autoNumberName: s.system === 'salesforce' && !s.fields.some((f) => f.name === 'Name') });
const t = prepareField(p.target.fields.find((f) => f.name === targetField)!, p.target.object, p.target.system, an(p.target));
console.log('target concepts', [...t.name.items.keys()], [...t.label.items.keys()], t.alts.map((a) => [...a.items.keys()]));
const rows = p.source.fields.map((f) => ({ f: f.name, sc: scorePair(prepareField(f, p.source.object, p.source.system, an(p.source)), t) }));
rows.sort((a, b) => b.sc.confidence - a.sc.confidence);
for (const r of rows.slice(0, 4)) console.log(r.sc.confidence.toFixed(3), r.f, r.sc.reasons.join(' | '));
