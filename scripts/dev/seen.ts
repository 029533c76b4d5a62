// Dev-only: which evaluation splits count as seen (measured once and recorded), and the vocabulary ablation.
// Import this module FIRST: the ablation must run before the suggester builds its phrase index.
import { SYNONYM_GROUPS } from '../../relay/src/mapping/suggest/lexicon.js';
import { NETSUITE_GLOSSARY, SALESFORCE_GLOSSARY } from '../../relay/src/mapping/suggest/glossary.js';

/** The last split whose first look is recorded in test/mapping-eval/README.md; later splits stay unread here. */
export const LAST_SEEN = 'fresh64';

// ABL=1 ablates vocabulary (both glossaries, every other synonym group) to mimic unseen vocabulary.
if (process.env.ABL) {
  for (const g of [NETSUITE_GLOSSARY, SALESFORCE_GLOSSARY]) for (const k of Object.keys(g)) delete (g as Record<string, unknown>)[k];
  for (let i = SYNONYM_GROUPS.length - 1; i >= 0; i--) if (i % 2 === 1) SYNONYM_GROUPS.splice(i, 1);
}

/** The seen splits, in order, and the pairs they hold. */
export async function seenPairs() {
  const { loadPairs, SPLITS } = await import('../../test/mapping-eval/pairs.js');
  const seen = SPLITS.slice(0, SPLITS.indexOf(LAST_SEEN) + 1);
  return { splits: seen, pairs: loadPairs().filter((p) => (seen as readonly string[]).includes(p.split)) };
}
