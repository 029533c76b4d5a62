// Dev-only: the suggestions whose reasons match PAT (a regex) on the seen splits, right or wrong; ALL=1 lists the right ones too.
import { seenPairs } from './seen.js';
const { suggestMappings } = await import('../../relay/src/mapping/suggest/suggest.js');
const pat = new RegExp(process.env.PAT ?? 'both dates|values include|holds the number');
const tally: Record<string, number> = {};
for (const p of (await seenPairs()).pairs) {
  for (const s of await suggestMappings(p.source, p.target)) {
    const r = s.reasons.find((x) => pat.test(x));
    if (!r) continue;
    const ok = p.expected[s.targetField] === s.sourceField;
    const k = `${ok ? 'OK ' : 'BAD'} ${r.replace(/".*?"/g, '"…"').slice(0, 40)}`;
    tally[k] = (tally[k] ?? 0) + 1;
    if (!ok || process.env.ALL) console.log(ok ? 'OK ' : 'BAD', s.confidence, p.id, s.targetField, '<-', s.sourceField, '| want', p.expected[s.targetField], '|', r);
  }
}
console.log(tally);
