import { errors } from '../errors.js';
import { ITEM_TYPES, type StoredRecord } from '../types.js';
import { num, round2, rows, type RuleContext } from './context.js';

type Fields = Record<string, unknown>;

/** Common body fields of transactions: dates, subsidiary/currency refs, tranId numbering. */
export function prepareTransactionBody(
  ctx: RuleContext,
  fields: Fields,
  opts: { prefix: string; entity?: StoredRecord; sequence: number },
): void {
  if (!fields.tranDate) fields.tranDate = ctx.now().toISOString();
  for (const field of ['tranDate', 'dueDate']) {
    const v = fields[field];
    if (v !== undefined && (typeof v !== 'string' || Number.isNaN(Date.parse(v)))) {
      throw errors.user(`Invalid date value for ${field}: ${JSON.stringify(v)}.`);
    }
  }
  if (!fields.tranId) fields.tranId = `${opts.prefix}${opts.sequence}`;
  if (!fields.subsidiary && opts.entity?.fields.subsidiary) fields.subsidiary = opts.entity.fields.subsidiary;
  if (ctx.options.oneWorld) ctx.required(fields.subsidiary, 'Subsidiary');
  const sub = ctx.setupRef('subsidiary', fields.subsidiary, 'subsidiary');
  if (sub) fields.subsidiary = sub;
  if (!fields.currency && opts.entity?.fields.currency) fields.currency = opts.entity.fields.currency;
  if (!fields.currency) fields.currency = { internalId: '1' };
  fields.currency = ctx.setupRef('currency', fields.currency, 'currency');
  if (fields.exchangeRate === undefined) fields.exchangeRate = 1;
  for (const [field, list] of [
    ['department', 'department'],
    ['class', 'classification'],
    ['location', 'location'],
  ] as const) {
    const ref = ctx.setupRef(field, fields[field], list);
    if (ref) fields[field] = ref;
  }
}

/**
 * Item lines of sales transactions: the item must exist (INVALID_KEY_OR_REF), quantity defaults to
 * 1, rate defaults to the item's rate, amount = quantity × rate unless given. Lines are numbered.
 */
export function prepareItemLines(ctx: RuleContext, lines: Fields[], opts: { firstLine?: number } = {}): Fields[] {
  let next = opts.firstLine ?? 1;
  return lines.map((line) => {
    ctx.required(line.item, 'Item');
    const item = ctx.ref('item', line.item, ITEM_TYPES)!;
    const out: Fields = { ...line, item: item.ref };
    const quantity = num(line.quantity) ?? 1;
    let rate = num(line.rate);
    let amount = num(line.amount);
    if (rate === undefined && amount !== undefined && quantity !== 0) rate = round2(amount / quantity);
    if (rate === undefined) rate = num(item.stored.fields.rate) ?? 0;
    if (amount === undefined) amount = round2(quantity * rate);
    if (num(line.quantity) === undefined && line.quantity !== undefined) throw errors.user('Invalid quantity.');
    out.quantity = quantity;
    out.rate = String(rate);
    out.amount = amount;
    if (out.description === undefined && typeof item.stored.fields.salesDescription === 'string') {
      out.description = item.stored.fields.salesDescription;
    }
    if (typeof out.line !== 'number') out.line = next;
    next = Math.max(next, Number(out.line)) + 1;
    for (const [field, list] of [
      ['department', 'department'],
      ['class', 'classification'],
      ['location', 'location'],
    ] as const) {
      const ref = ctx.setupRef(field, out[field], list);
      if (ref) out[field] = ref;
    }
    return out;
  });
}

export function sumAmounts(lines: Fields[], key = 'amount'): number {
  return round2(lines.reduce((total, l) => total + (num(l[key]) ?? 0), 0));
}

/**
 * Merges a sublist update: `replaceAll` absent or true replaces the list; false updates the rows
 * whose key (`line`, `doc`) matches and appends the others, as SuiteTalk does.
 */
export function mergeSublist(oldList: unknown, newList: unknown, rowKey: string, lineKey: string): unknown {
  if (newList === undefined) return oldList;
  const replaceAll = (newList as Fields | null)?.replaceAll;
  if (replaceAll !== false) {
    const copy = { ...(newList as Fields) };
    delete copy.replaceAll;
    return copy;
  }
  const merged = rows(oldList, rowKey).map((r) => ({ ...r }));
  for (const row of rows(newList, rowKey)) {
    const idx = merged.findIndex((m) => row[lineKey] !== undefined && String(m[lineKey]) === String(row[lineKey]));
    if (idx >= 0) {
      const next: Fields = { ...merged[idx], ...row };
      // A new quantity or rate without an amount recomputes the amount, as NetSuite's line math does.
      if (row.amount === undefined && (row.quantity !== undefined || row.rate !== undefined)) delete next.amount;
      merged[idx] = next;
    } else merged.push({ ...row });
  }
  return { [rowKey]: merged };
}

export function addDays(iso: string, days: number): string {
  const d = new Date(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString();
}
