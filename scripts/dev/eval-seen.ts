// Dev-only: suggestion figures on the seen splits (see seen.ts) with their misses. Never lists later (held-out) splits.
// ABL=1 ablates vocabulary to mimic unseen schemas: structural changes should help there without breaking silence.
import { seenPairs } from './seen.js';

const { scoreSuggestions } = await import('../../test/mapping-eval/pairs.js');
const { splits, pairs } = await seenPairs();
const th = process.env.TH ? Number(process.env.TH) : undefined;
const ef = process.env.EF ? Number(process.env.EF) : undefined;
const opts = { ...(th ? { threshold: th } : {}), ...(ef ? { eliminationFloor: ef } : {}) };
for (const split of splits) {
  const s = await scoreSuggestions(pairs.filter((p) => p.split === split), opts);
  if (!process.env.Q) console.log(`${split}: P ${s.precision} R ${s.recall} silence ${s.silence}`);
  if (process.env.V) for (const e of s.errors) console.log('   ', e);
}
const all = await scoreSuggestions(pairs, opts);
console.log(`ALL seen: P ${all.precision} R ${all.recall} silence ${all.silence} (${all.targets} targets)`);
