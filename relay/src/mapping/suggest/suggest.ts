import type { Schema, Suggestion } from './schema.js';
import { prepareField, scorePair, SCORE_WEIGHTS, type PairScore, type PreparedField } from './score.js';
import { maxWeightAssignment } from './assign.js';
import type { AcceptedMapping, AcceptedMappingsPort } from './memory.js';
import { GENERIC_WEIGHT, STOPWORDS } from './lexicon.js';

export interface SuggestOptions {
  memory?: AcceptedMappingsPort;
  /** Below this confidence no suggestion is made (tuned on the dev split). */
  threshold?: number;
  /** Lowest confidence the elimination pass accepts (1 turns it off). */
  eliminationFloor?: number;
}

/**
 * Candidate scores are bimodal. Over the 31 seen pairs (dev..fresh3, 80 unmappable targets) every unmappable target
 * stays silent for any threshold from 0.30 up, and recall is flat between 0.34 and 0.42; 0.35 keeps a margin above
 * the point where silence first breaks (below 0.30) while admitting weaker lexical matches on unseen vocabulary.
 */
export const DEFAULT_THRESHOLD = 0.35;

/** Scoring yields to the event loop after this many field pairs (a few milliseconds of work). */
const YIELD_EVERY_PAIRS = 2_000;

/**
 * Second pass, by elimination: a target left without a suggestion takes a weaker candidate when both are still free,
 * each is the other's best among the free fields, the types agree fully and the names share a word. Tuned on the
 * seen splits (see docs/mapping.md).
 */
export const ELIMINATION = { floor: 0.15, typeFit: 0.9, margin: 0.75 };

/** A matched word that says what a field is about, not only its kind ("date", "amount", "name" do not). */
const meaningful = (m: string) => m.split(/[≈~=+]/).filter(Boolean).every((w) => !(w in GENERIC_WEIGHT) && !STOPWORDS.has(w));

/** Field kinds specific enough that the last free one on each side are each other's counterpart. */
const UNIQUE_KINDS = new Set(['longtext']);
const UNIQUE_KIND_CONFIDENCE = 0.3;

/** A free notes field on each side (and nothing else of that kind free) is the same notes field. */
function uniqueKindPass(src: PreparedField[], tgt: PreparedField[], scores: PairScore[][], taken: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const kind of UNIQUE_KINDS) {
    const freeT = tgt.map((t, i) => (t.family === kind && taken[i]! < 0 ? i : -1)).filter((i) => i >= 0);
    const freeS = src.map((s, j) => (s.family === kind && !taken.includes(j) ? j : -1)).filter((j) => j >= 0);
    if (freeT.length === 1 && freeS.length === 1 && (scores[freeT[0]!]![freeS[0]!]!.evidence?.typeFit ?? 0) >= ELIMINATION.typeFit) out.push([freeT[0]!, freeS[0]!]);
  }
  return out;
}

/** Pairs left-over targets and sources that are each other's clear best (see ELIMINATION). */
function eliminationPass(scores: PairScore[][], taken: number[], floor: number): [number, number][] {
  const used = new Set(taken);
  const freeS = scores[0]?.map((_, j) => j).filter((j) => !used.has(j)) ?? [];
  const freeT = taken.map((j, i) => (j < 0 ? i : -1)).filter((i) => i >= 0);
  const ok = (sc: PairScore) => sc.confidence >= floor && (sc.evidence?.typeFit ?? 0) >= ELIMINATION.typeFit && (sc.evidence?.matched ?? []).some(meaningful) && !sc.evidence?.headMismatch;
  const bestOf = (list: number[], conf: (k: number) => number) => {
    const sorted = [...list].sort((a, b) => conf(b) - conf(a));
    return { best: sorted[0], second: sorted[1] !== undefined ? conf(sorted[1]) : 0 };
  };
  const out: [number, number][] = [];
  for (const i of freeT) {
    const { best: j, second } = bestOf(freeS, (k) => scores[i]![k]!.confidence);
    if (j === undefined) continue;
    const sc = scores[i]![j]!;
    if (!ok(sc) || second > ELIMINATION.margin * sc.confidence) continue;
    const back = bestOf(freeT, (k) => scores[k]![j]!.confidence);
    if (back.best !== i || back.second > ELIMINATION.margin * sc.confidence) continue;
    out.push([i, j]);
  }
  return out;
}

const isLookup = (f: PreparedField) => f.family === 'reference' || f.family === 'picklist';

/** A schema's fields prepared for scoring. A Salesforce object without a Name field is named by its auto-number. */
export function prepareSchema(schema: Schema): PreparedField[] {
  const autoNumberName = schema.system === 'salesforce' && !schema.fields.some((f) => f.name === 'Name');
  const fields = schema.fields.map((f) => prepareField(f, schema.object, schema.system, { autoNumberName }));
  // A date role says something only when one date of the schema plays it ("the" start date, not one of three).
  const count = new Map<string, number>();
  for (const f of fields) for (const r of f.dateRoles) count.set(r, (count.get(r) ?? 0) + 1);
  for (const f of fields) f.dateRoles = f.dateRoles.filter((r) => count.get(r) === 1);
  return fields;
}

/**
 * For each target field, the best source field with a confidence and reasons; at most one suggestion per target,
 * each source used at most once (maximum-weight assignment, not greedy), nothing when nothing is credible.
 */
export async function suggestMappings(source: Schema, target: Schema, opts: SuggestOptions = {}): Promise<Suggestion[]> {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  // A Salesforce object without a Name field is named by its auto-number (see prepareField).
  const src = prepareSchema(source);
  const tgt = prepareSchema(target);
  const accepted = opts.memory ? await opts.memory.accepted(source.system, target.system) : [];

  // Accepted pairs indexed by field names (the store returns up to thousands of them).
  const byFields = new Map<string, AcceptedMapping[]>();
  for (const m of accepted) {
    const key = `${m.sourceField}\u0000${m.targetField}`;
    byFields.set(key, [...(byFields.get(key) ?? []), m]);
  }
  /** A pair's score with what admins accepted before; reasons only when `explain` (see scorePair). */
  const scoreWithMemory = (s: PreparedField, t: PreparedField, explain: boolean): PairScore => {
    const sc = scorePair(s, t, explain);
    const known = byFields.get(`${s.field.name}\u0000${t.field.name}`);
    if (!known) return sc;
    const same = known.find((m) => m.sourceObject === source.object && m.targetObject === target.object);
    const other = same ? undefined : known[0];
    if (same) {
      sc.confidence = Math.min(0.99, Math.max(sc.confidence, 0.5) + SCORE_WEIGHTS.memorySame);
      if (explain) sc.reasons.unshift(`accepted by an admin for ${source.object} → ${target.object} before (${same.count}×)`);
    } else if (other) {
      sc.confidence = Math.min(0.99, sc.confidence + SCORE_WEIGHTS.memoryOther);
      if (explain) sc.reasons.unshift(`accepted by an admin on ${other.sourceObject} → ${other.targetObject} (${other.count}×)`);
    }
    return sc;
  };
  const scores: PairScore[][] = [];
  let sinceYield = 0;
  for (const t of tgt) {
    scores.push(src.map((s) => scoreWithMemory(s, t, false)));
    // Large schemas (hundreds of fields a side) take seconds: let the relay's other work run in between.
    sinceYield += src.length;
    if (sinceYield >= YIELD_EVERY_PAIRS) {
      sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  // A field that stores the other system's id for a record feeds that lookup or select directly: it goes ahead of
  // any other lookup or select for the same target, which would need a crosswalk.
  scores.forEach((row, i) => {
    const stored = row.filter((sc) => sc.evidence?.storedId).reduce((m, sc) => Math.max(m, sc.confidence), 0);
    if (stored) row.forEach((sc, j) => {
      if (!sc.evidence?.storedId && isLookup(src[j]!) && isLookup(tgt[i]!) && sc.confidence >= stored) sc.confidence = Math.max(0, stored - 0.01);
    });
  });
  /** Targets paired by a second pass, with the reason that pass gives. */
  const weak = new Map<number, string>();
  // Squared confidences: one strong pair outweighs two weak ones that would displace it (0.66² > 0.45² + 0.2²).
  const weights = scores.map((row) => row.map((s) => (s.confidence >= threshold ? s.confidence ** 2 : 0)));
  const assignment = maxWeightAssignment(weights).map((j, i) => (j >= 0 && scores[i]![j]!.confidence >= threshold ? j : -1));
  for (const [i, j] of eliminationPass(scores, assignment, opts.eliminationFloor ?? ELIMINATION.floor)) {
    assignment[i] = j; // keeps its own, lower confidence
    weak.set(i, 'the only free pair left on both sides with these words and this type (chosen by elimination)');
  }
  for (const [i, j] of uniqueKindPass(src, tgt, scores, assignment)) {
    assignment[i] = j;
    scores[i]![j]!.confidence = Math.max(scores[i]![j]!.confidence, UNIQUE_KIND_CONFIDENCE);
    weak.set(i, `the only ${tgt[i]!.family === 'longtext' ? 'long-text' : tgt[i]!.family} fields left on both sides (chosen by elimination)`);
  }
  const out: Suggestion[] = [];
  assignment.forEach((j, i) => {
    if (j < 0) return;
    const sc = scores[i]![j]!;
    if (sc.confidence < threshold && !weak.has(i)) return;
    // Explained now, for the pairs suggested only.
    const reasons = scoreWithMemory(src[j]!, tgt[i]!, true).reasons;
    if (weak.has(i)) reasons.push(weak.get(i)!);
    out.push({ sourceField: src[j]!.field.name, targetField: tgt[i]!.field.name, confidence: Math.round(sc.confidence * 1000) / 1000, reasons });
  });
  return out.sort((a, b) => b.confidence - a.confidence);
}
