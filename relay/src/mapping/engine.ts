import type { Finding, FindingAction } from './findings.js';
import { allows, otherSystem, type FieldMapping, type MappingDefinition, type System } from './definition.js';
import { ExpressionCache } from './expression.js';
import { isMappingError } from './errors.js';
import { Crosswalk } from './crosswalk.js';
import { getPath, isBlank, setPath } from './paths.js';
import { truncateAtWord } from './cleansing.js';
import type { RecordSpec } from './targets/descriptor.js';

export interface RunOptions {
  /** The system the record comes from. */
  from: System;
  record: Record<string, unknown>;
  /** The current target record, when known: fields whose master is the target keep the target's value. */
  existingTarget?: Record<string, unknown>;
  crosswalk?: Crosswalk;
  /** Company time zone for Salesforce dates ↔ NetSuite date-times; default country for phones. */
  timeZone?: string;
  defaultCountry?: string;
  /** Target field limits (for deliberate truncation); validation uses the same table. */
  targetSpec?: RecordSpec;
  cache?: ExpressionCache;
}

export interface RunResult {
  mapping: string;
  record: string;
  canonical: Record<string, unknown>;
  payload: Record<string, unknown>;
  findings: Finding[];
  /** False when the mapping's condition excluded the record (nothing to write). */
  included: boolean;
  action: FindingAction | 'write';
}

const defaultCache = new ExpressionCache();

export function recordLabel(def: MappingDefinition, from: System, record: Record<string, unknown>): string {
  const object = from === 'salesforce' ? def.salesforce.object : def.netsuite.record;
  const id = record.Id ?? record.internalId ?? record.externalId;
  return `${object}:${typeof id === 'string' || typeof id === 'number' ? id : '(new)'}`;
}

const asList = (v: unknown): Record<string, unknown>[] => {
  if (Array.isArray(v)) return v as Record<string, unknown>[];
  const recs = (v as { records?: unknown } | null | undefined)?.records; // Salesforce subquery shape
  return Array.isArray(recs) ? (recs as Record<string, unknown>[]) : [];
};

/** Runs a mapping on one record: source → canonical → target payload, with findings. Pure; writes nothing. */
export async function runMapping(def: MappingDefinition, opts: RunOptions): Promise<RunResult> {
  const from = opts.from;
  const to = otherSystem(from);
  const cache = opts.cache ?? defaultCache;
  const record = recordLabel(def, from, opts.record);
  const findings: Finding[] = [];
  const crosswalk = opts.crosswalk ?? Crosswalk.load({});
  const lookups = new Set<string>();
  const bindings = {
    lookup: (table: string, key: unknown) => {
      if (key === undefined || key === null || key === '') return undefined;
      const v = crosswalk.resolve(table, String(key));
      if (v === undefined) lookups.add(`${table}:${String(key)}`);
      return v;
    },
    reverseLookup: (table: string, value: unknown) => (value === undefined || value === null ? undefined : crosswalk.reverse(table, value as string)),
    /** The target's current record, for enrichment ("keep NetSuite's terms when Salesforce has none"). */
    existing: opts.existingTarget,
    tz: opts.timeZone ?? 'UTC',
    defaultCountry: opts.defaultCountry ?? 'US',
  };

  const fail = (field: string, err: unknown) => {
    if (!isMappingError(err)) throw err;
    findings.push({ code: err.code, field, record, severity: 'error', message: err.message, suggestedFix: 'Fix the mapping expression or lookup table named in the message; the record is held until then.' });
  };

  async function readFields(fields: FieldMapping[], src: Record<string, unknown>, into: Record<string, unknown>, prefix: string) {
    for (const f of fields) {
      if (!allows(f.direction, from)) continue;
      const side = f[from];
      if (!side) {
        if (f.default !== undefined) setPath(into, f.canonical, f.default);
        continue;
      }
      let value: unknown;
      try {
        value = side.read ? await cache.get(side.read, { mapping: def.id, field: `${prefix}${f.canonical}` }).evaluate(src, bindings) : side.field ? getPath(src, side.field) : undefined;
        if (side.transform && !isBlank(value)) value = await cache.get(side.transform, { mapping: def.id, field: `${prefix}${side.field ?? f.canonical}` }).evaluate(value, bindings);
      } catch (err) {
        fail(prefix + f.canonical, err);
        continue;
      }
      if (isBlank(value)) value = f.default;
      if (isBlank(value)) {
        if (f.required)
          findings.push({ code: 'REQUIRED_MISSING', field: prefix + f.canonical, record, severity: 'error', message: `${side.field ?? f.canonical} is required by mapping ${def.id} but is empty`, suggestedFix: `Fill ${side.field ?? f.canonical} in ${from}, or give the mapping a default.` });
        continue;
      }
      setPath(into, f.canonical, value);
    }
  }

  async function writeFields(fields: FieldMapping[], canonical: Record<string, unknown>, out: Record<string, unknown>, prefix: string, existing?: Record<string, unknown>) {
    for (const f of fields) {
      if (!allows(f.direction, from)) continue;
      const side = f[to];
      if (!side?.field) continue;
      const value = getPath(canonical, f.canonical);
      let v: unknown;
      try {
        v = side.write ? await cache.get(side.write, { mapping: def.id, field: prefix + side.field }).evaluate(canonical, { ...bindings, value }) : value;
      } catch (err) {
        fail(prefix + side.field, err);
        continue;
      }
      if (v === undefined) continue;
      const current = existing ? getPath(existing, side.field) : undefined;
      if (f.master === to && !isBlank(current) && JSON.stringify(current) !== JSON.stringify(v)) {
        findings.push({ code: 'MASTER_KEPT', field: prefix + side.field, record, severity: 'info', message: `${to} is master of ${side.field}; its value is kept`, suggestedFix: `Change the field master to ${from} if ${from} should win.` });
        continue;
      }
      const max = opts.targetSpec?.[side.field]?.maxLength;
      if (f.onOverflow === 'truncate' && max !== undefined && typeof v === 'string' && v.length > max) {
        const cut = truncateAtWord(v, max);
        findings.push({ code: 'VALUE_TRUNCATED', field: prefix + side.field, record, severity: 'warning', message: `${side.field} is ${v.length} characters; ${to} allows ${max}. Written as "${cut}"; the full value stays in ${from}.`, suggestedFix: `Shorten the ${from} value to ${max} characters if the cut form is not acceptable.` });
        v = cut;
      }
      setPath(out, side.field, v);
    }
  }

  if (def.sourceCondition) {
    let ok = false;
    try {
      ok = (await cache.get(def.sourceCondition, { mapping: def.id, field: '(source condition)' }).evaluate(opts.record, bindings)) === true;
    } catch (err) {
      fail('(source condition)', err);
    }
    if (!ok) {
      findings.push({ code: 'CONDITION_NOT_MET', field: '', record, severity: findings.length ? 'error' : 'info', message: `Skipped: the record does not meet the flow's conditions (${def.sourceCondition})`, suggestedFix: 'Nothing to do unless the record should sync; then change it or the flow conditions.' });
      return { mapping: def.id, record, canonical: {}, payload: {}, findings, included: false, action: decideAction(findings) };
    }
  }
  const canonical: Record<string, unknown> = {};
  await readFields(def.fields, opts.record, canonical, '');
  for (const lm of def.lines) {
    const srcPath = lm[from];
    if (!srcPath) continue;
    const lines: Record<string, unknown>[] = [];
    for (const [i, line] of asList(getPath(opts.record, srcPath)).entries()) {
      const c: Record<string, unknown> = {};
      await readFields(lm.fields, line, c, `${lm.canonical}.${i}.`);
      lines.push(c);
    }
    setPath(canonical, lm.canonical, lines);
  }

  let included = true;
  if (def.condition) {
    try {
      included = (await cache.get(def.condition, { mapping: def.id, field: '(condition)' }).evaluate(canonical, bindings)) === true;
    } catch (err) {
      fail('(condition)', err);
      included = false;
    }
    if (!included)
      findings.push({ code: 'CONDITION_NOT_MET', field: '', record, severity: 'info', message: `Skipped: the record does not meet the condition of ${def.id} (${def.condition})`, suggestedFix: 'Nothing to do unless the record should sync; then change it or the condition.' });
  }

  const payload: Record<string, unknown> = {};
  if (included) {
    await writeFields(def.fields, canonical, payload, '', opts.existingTarget);
    for (const lm of def.lines) {
      const dst = lm[to];
      if (!dst) continue;
      const out: Record<string, unknown>[] = [];
      for (const [i, c] of asList(getPath(canonical, lm.canonical)).entries()) {
        const o: Record<string, unknown> = {};
        await writeFields(lm.fields, c, o, `${dst}.${i}.`);
        out.push(o);
      }
      setPath(payload, dst, out);
    }
  }

  for (const rule of def.rules) {
    let fired = false;
    try {
      fired = (await cache.get(rule.when, { mapping: def.id, field: `(rule ${rule.id})` }).evaluate(canonical, bindings)) === true;
    } catch (err) {
      fail(`(rule ${rule.id})`, err);
    }
    if (fired)
      findings.push({ code: `RULE_${rule.id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`, field: rule.field, record, severity: rule.action === 'block' ? 'error' : rule.action === 'hold' ? 'warning' : 'info', message: rule.message, suggestedFix: rule.suggestedFix });
  }
  for (const l of lookups)
    findings.push({ code: 'LOOKUP_MISSING', field: l.split(':')[0] ?? '', record, severity: 'error', message: `No crosswalk entry for ${l}`, suggestedFix: `Add "${l.split(':').slice(1).join(':')}" to crosswalk table "${l.split(':')[0]}".` });
  return { mapping: def.id, record, canonical, payload, findings, included, action: decideAction(findings) };
}

/** Errors block, warnings hold for review, info only flags; a clean record is written. */
export function decideAction(findings: readonly Finding[]): FindingAction | 'write' {
  if (findings.some((f) => f.severity === 'error')) return 'block';
  if (findings.some((f) => f.severity === 'warning')) return 'hold';
  if (findings.some((f) => f.severity === 'info' && f.code !== 'CONDITION_NOT_MET' && f.code !== 'MASTER_KEPT')) return 'flag';
  return 'write';
}
