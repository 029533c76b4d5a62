/**
 * Replication API: `GET /sobjects/X/updated/?start=&end=` and `/deleted/?start=&end=`, the ids changed
 * or deleted in a window (by SystemModstamp), so a consumer can catch up on what streaming missed.
 */
import { Hono, type Context } from 'hono';
import { SfError } from '../errors.js';
import type { Org } from '../org.js';
import { formatDateTime, parseDateTime } from '../store/values.js';
import type { RestEnv } from './context.js';
import { sfJson } from './middleware.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const RETENTION_DAYS = 30;

function window(c: Context<RestEnv>, org: Org): { start: number; end: number } {
  const rawStart = c.req.query('start');
  const rawEnd = c.req.query('end');
  if (rawStart === undefined || rawEnd === undefined) {
    throw new SfError('MISSING_ARGUMENT', 'Both start and end parameters are required', 400);
  }
  const start = parseDateTime(rawStart);
  const end = parseDateTime(rawEnd);
  if (start === undefined || end === undefined) {
    throw new SfError('INVALID_REPLICATION_DATE', 'start and end must be ISO 8601 date-times', 400);
  }
  if (end <= start)
    throw new SfError('INVALID_REPLICATION_DATE', 'startDate must chronologically precede endDate', 400);
  if (start < org.now() - RETENTION_DAYS * DAY) {
    throw new SfError('INVALID_REPLICATION_DATE', `startDate cannot be more than ${RETENTION_DAYS} days ago`, 400);
  }
  // Salesforce covers whole minutes: the window ends at the last full minute before `end`.
  return { start: Math.floor(start / MINUTE) * MINUTE, end: Math.floor(Math.min(end, org.now()) / MINUTE) * MINUTE };
}

export function replicationRoutes(org: Org): Hono<RestEnv> {
  const app = new Hono<RestEnv>({ strict: false });
  const modstamp = (v: unknown) => (typeof v === 'string' ? (parseDateTime(v) ?? 0) : 0);

  const updated = (c: Context<RestEnv>) => {
    const obj = org.dml.object(c.req.param('type') ?? '');
    const { start, end } = window(c, org);
    const ids = [...org.store.ofType(obj.name)]
      .filter((r) => {
        const t = modstamp(r.values.SystemModstamp);
        return t >= start && t < end;
      })
      .map((r) => r.id);
    return sfJson(c, { ids, latestDateCovered: formatDateTime(end) });
  };

  const deleted = (c: Context<RestEnv>) => {
    const obj = org.dml.object(c.req.param('type') ?? '');
    const { start, end } = window(c, org);
    const gone = [...org.store.ofType(obj.name, true)].filter((r) => r.deleted);
    const deletedRecords = gone
      .filter((r) => {
        const t = modstamp(r.values.SystemModstamp);
        return t >= start && t < end;
      })
      .map((r) => ({ id: r.id, deletedDate: r.values.SystemModstamp }));
    const earliest = gone.reduce((min, r) => Math.min(min, modstamp(r.values.SystemModstamp)), start);
    return sfJson(c, {
      deletedRecords,
      earliestDateAvailable: formatDateTime(Math.floor(earliest / MINUTE) * MINUTE),
      latestDateCovered: formatDateTime(end),
    });
  };

  app.get('/:type/updated', updated);
  app.get('/:type/deleted', deleted);
  return app;
}
