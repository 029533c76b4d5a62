import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Schema } from '../../relay/src/mapping/suggest/schema.js';
import { suggestMappings, type SuggestOptions } from '../../relay/src/mapping/suggest/suggest.js';

/** Every split, in the order it was written (see README.md); a pair naming another split is refused. */
export const SPLITS = ['dev', 'test', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14', 'fresh15', 'fresh16', 'fresh17', 'fresh18', 'fresh19', 'fresh20', 'fresh21', 'fresh22', 'fresh23', 'fresh24', 'fresh25', 'fresh26', 'fresh27', 'fresh28', 'fresh29', 'fresh30', 'fresh31', 'fresh32', 'fresh33', 'fresh34', 'fresh35', 'fresh36', 'fresh37', 'fresh38', 'fresh39', 'fresh40', 'fresh41', 'fresh42', 'fresh43', 'fresh44', 'fresh45', 'fresh46', 'fresh47', 'fresh48', 'fresh49', 'fresh50', 'fresh51', 'fresh52', 'fresh53', 'fresh54', 'fresh55', 'fresh56', 'fresh57', 'fresh58', 'fresh59', 'fresh60', 'fresh61', 'fresh62', 'fresh63', 'fresh64'] as const;
export type Split = (typeof SPLITS)[number];

type RawField = [string, string, string, string[]?];
interface RawPair {
  id: string;
  split: Split;
  source: { system: Schema['system']; object: string; fields: RawField[] };
  target: { system: Schema['system']; object: string; fields: RawField[] };
  expected: Record<string, string | null>;
}
export interface EvalPair {
  id: string;
  split: Split;
  source: Schema;
  target: Schema;
  expected: Record<string, string | null>;
}

const toSchema = (s: RawPair['source']): Schema => ({
  system: s.system,
  object: s.object,
  fields: s.fields.map(([name, label, type, samples]) => ({ name, label, type, ...(samples ? { samples } : {}) })),
});

export function loadPairs(): EvalPair[] {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'pairs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as RawPair;
      if (!(SPLITS as readonly string[]).includes(raw.split)) throw new Error(`${f}: split "${raw.split}" is not one of SPLITS in pairs.ts`);
      return { id: raw.id, split: raw.split, source: toSchema(raw.source), target: toSchema(raw.target), expected: raw.expected };
    });
}

export interface SuggestionScore {
  pairs: number;
  targets: number;
  mappable: number;
  suggested: number;
  correct: number;
  precision: number;
  recall: number;
  /** Share of unmappable targets left without a suggestion. */
  silence: number;
  errors: string[];
}

/** Precision = correct / suggested; recall = correct / targets that have a correct source. */
export async function scoreSuggestions(pairs: readonly EvalPair[], opts: SuggestOptions = {}): Promise<SuggestionScore> {
  let targets = 0, mappable = 0, suggested = 0, correct = 0, unmappable = 0, silent = 0;
  const errors: string[] = [];
  for (const p of pairs) {
    const got = new Map((await suggestMappings(p.source, p.target, opts)).map((s) => [s.targetField, s]));
    for (const [t, want] of Object.entries(p.expected)) {
      targets++;
      const s = got.get(t);
      if (want) mappable++;
      else unmappable++;
      if (s) suggested++;
      if (s && s.sourceField === want) correct++;
      if (!want && !s) silent++;
      if ((s?.sourceField ?? null) !== want)
        errors.push(`${p.id}: ${t} ← ${s ? `${s.sourceField} (${s.confidence})` : 'nothing'}, expected ${want ?? 'nothing'}`);
    }
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { pairs: pairs.length, targets, mappable, suggested, correct, precision: r(suggested ? correct / suggested : 1), recall: r(mappable ? correct / mappable : 1), silence: r(unmappable ? silent / unmappable : 1), errors };
}
