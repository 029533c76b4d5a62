import type { Schema, Suggestion } from './schema.js';
import { prepareField, scorePair, SCORE_WEIGHTS } from './score.js';
import { maxWeightAssignment } from './assign.js';
import type { AcceptedMappingsPort } from './memory.js';

export interface SuggestOptions {
  memory?: AcceptedMappingsPort;
  /** Below this confidence no suggestion is made (tuned on the dev split). */
  threshold?: number;
}

/**
 * Candidate scores are bimodal. Over the 31 seen pairs (dev..fresh3, 80 unmappable targets) every unmappable target
 * stays silent for any threshold from 0.30 up, and recall is flat between 0.34 and 0.42; 0.35 keeps a margin above
 * the point where silence first breaks (below 0.30) while admitting weaker lexical matches on unseen vocabulary.
 */
export const DEFAULT_THRESHOLD = 0.35;

/**
 * For each target field, the best source field with a confidence and reasons; at most one suggestion per target,
 * each source used at most once (maximum-weight assignment, not greedy), nothing when nothing is credible.
 */
export async function suggestMappings(source: Schema, target: Schema, opts: SuggestOptions = {}): Promise<Suggestion[]> {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  // A Salesforce object without a Name field is named by its auto-number (see prepareField).
  const autoNumberName = (s: Schema) => ({ autoNumberName: s.system === 'salesforce' && !s.fields.some((f) => f.name === 'Name') });
  const src = source.fields.map((f) => prepareField(f, source.object, source.system, autoNumberName(source)));
  const tgt = target.fields.map((f) => prepareField(f, target.object, target.system, autoNumberName(target)));
  const accepted = opts.memory ? await opts.memory.accepted(source.system, target.system) : [];

  const scores = tgt.map((t) =>
    src.map((s) => {
      const sc = scorePair(s, t);
      const same = accepted.find((m) => m.sourceObject === source.object && m.targetObject === target.object && m.sourceField === s.field.name && m.targetField === t.field.name);
      const other = same ? undefined : accepted.find((m) => m.sourceField === s.field.name && m.targetField === t.field.name);
      if (same) {
        sc.confidence = Math.min(0.99, Math.max(sc.confidence, 0.5) + SCORE_WEIGHTS.memorySame);
        sc.reasons.unshift(`accepted by an admin for ${source.object} → ${target.object} before (${same.count}×)`);
      } else if (other) {
        sc.confidence = Math.min(0.99, sc.confidence + SCORE_WEIGHTS.memoryOther);
        sc.reasons.unshift(`accepted by an admin on ${other.sourceObject} → ${other.targetObject} (${other.count}×)`);
      }
      return sc;
    }),
  );
  const weights = scores.map((row) => row.map((s) => (s.confidence >= threshold ? s.confidence : 0)));
  const assignment = maxWeightAssignment(weights);
  const out: Suggestion[] = [];
  assignment.forEach((j, i) => {
    if (j < 0) return;
    const sc = scores[i]![j]!;
    if (sc.confidence < threshold) return;
    out.push({ sourceField: src[j]!.field.name, targetField: tgt[i]!.field.name, confidence: Math.round(sc.confidence * 1000) / 1000, reasons: sc.reasons });
  });
  return out.sort((a, b) => b.confidence - a.confidence);
}
