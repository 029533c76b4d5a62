/**
 * `/query`, `/queryAll` and `/query/<locator>`: SOQL with paging. The first page holds up to the batch
 * size (2000, or `Sforce-Query-Options: batchSize=n`); the rest waits behind `nextRecordsUrl`.
 */
import { Hono, type Context } from 'hono';
import { SfError } from '../errors.js';
import type { FieldValues } from '../store/org-store.js';
import { SoqlEngine } from '../soql/executor.js';
import type { RestDeps, RestEnv } from './context.js';
import { methodNotAllowed, sfJson } from './middleware.js';

interface Cursor {
  rows: FieldValues[];
  totalSize: number;
  batchSize: number;
  version: string;
}

const MAX_CURSORS = 1000;

export function queryRoutes(deps: RestDeps): Hono<RestEnv> {
  const { org } = deps;
  const app = new Hono<RestEnv>({ strict: false });
  const cursors = new Map<string, Cursor>();

  const page = (c: Context<RestEnv>, locatorId: string, cursor: Cursor, offset: number) => {
    const records = cursor.rows.slice(offset, offset + cursor.batchSize);
    const next = offset + cursor.batchSize;
    const body: Record<string, unknown> = { totalSize: cursor.totalSize, done: next >= cursor.rows.length };
    if (next < cursor.rows.length) body.nextRecordsUrl = `/services/data/v${cursor.version}/query/${locatorId}-${next}`;
    else cursors.delete(locatorId);
    body.records = records;
    return sfJson(c, body);
  };

  const batchSize = (c: Context<RestEnv>): number => {
    const m = /batchSize=(\d+)/i.exec(c.req.header('sforce-query-options') ?? '');
    const requested = m === null ? org.knobs.queryBatchSize : Number(m[1]);
    return Math.min(2000, Math.max(200, requested));
  };

  const run = (includeDeleted: boolean) => (c: Context<RestEnv>) => {
    const q = c.req.query('q');
    if (q === undefined || q.trim() === '') {
      throw new SfError('MALFORMED_QUERY', 'A query string has to be specified', 400);
    }
    const version = c.get('apiVersion');
    const result = new SoqlEngine(org, version, includeDeleted).run(q);
    const cursor: Cursor = { rows: result.records, totalSize: result.totalSize, batchSize: batchSize(c), version };
    const locatorId = org.dml.newId('01g');
    if (cursor.rows.length > cursor.batchSize) {
      if (cursors.size >= MAX_CURSORS) cursors.delete(cursors.keys().next().value as string);
      cursors.set(locatorId, cursor);
    }
    return page(c, locatorId, cursor, 0);
  };

  app.get('/query', run(false));
  app.get('/queryAll', run(true));
  const more = (c: Context<RestEnv>) => {
    const m = /^(.+)-(\d+)$/.exec(c.req.param('locator') ?? '');
    const cursor = m === null ? undefined : cursors.get(m[1]!);
    if (m === null || cursor === undefined) {
      throw new SfError('INVALID_QUERY_LOCATOR', 'invalid query locator', 400);
    }
    return page(c, m[1]!, cursor, Number(m[2]));
  };
  app.get('/query/:locator', more);
  app.get('/queryAll/:locator', more);
  for (const path of ['/query', '/queryAll', '/query/:locator', '/queryAll/:locator'])
    app.all(path, methodNotAllowed('HEAD,GET'));
  return app;
}
