// Dev-only: suggestion figures on the SEEN splits (dev..fresh40) with their misses. Never lists later (held-out) splits.
// ABL=1 ablates vocabulary (both glossaries, every other synonym group) to mimic unseen vocabulary: structural
// changes should help there without breaking silence.
import { SYNONYM_GROUPS } from '../../relay/src/mapping/suggest/lexicon.js';
import { NETSUITE_GLOSSARY, SALESFORCE_GLOSSARY } from '../../relay/src/mapping/suggest/glossary.js';
if (process.env.ABL) {
  for (const g of [NETSUITE_GLOSSARY, SALESFORCE_GLOSSARY]) for (const k of Object.keys(g)) delete (g as Record<string, unknown>)[k];
  for (let i = SYNONYM_GROUPS.length - 1; i >= 0; i--) if (i % 2 === 1) SYNONYM_GROUPS.splice(i, 1);
}
const { loadPairs, scoreSuggestions } = await import('../../test/mapping-eval/pairs.js');
const SEEN = new Set(['dev', 'test', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14', 'fresh15', 'fresh16', 'fresh17', 'fresh18', 'fresh19', 'fresh20', 'fresh21', 'fresh22', 'fresh23', 'fresh24', 'fresh25', 'fresh26', 'fresh27', 'fresh28', 'fresh29', 'fresh30', 'fresh31', 'fresh32', 'fresh33', 'fresh34', 'fresh35', 'fresh36', 'fresh37', 'fresh38', 'fresh39', 'fresh40']);
const pairs = loadPairs().filter((p) => SEEN.has(p.split));
const th = process.env.TH ? Number(process.env.TH) : undefined;
const ef = process.env.EF ? Number(process.env.EF) : undefined;
const opts = { ...(th ? { threshold: th } : {}), ...(ef ? { eliminationFloor: ef } : {}) };
for (const split of SEEN) {
  const s = await scoreSuggestions(pairs.filter((p) => p.split === split), opts);
  if (!process.env.Q) console.log(`${split}: P ${s.precision} R ${s.recall} silence ${s.silence}`);
  if (process.env.V) for (const e of s.errors) console.log('   ', e);
}
const all = await scoreSuggestions(pairs, opts);
console.log(`ALL seen: P ${all.precision} R ${all.recall} silence ${all.silence} (${all.targets} targets)`);
