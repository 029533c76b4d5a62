import { Hono } from 'hono';
import type { AccountState } from '../state/account.js';
import { restError } from './errors.js';
import { jsonContentType } from './guard.js';
import { SuiteQlError } from './suiteql/ast.js';
import { runSuiteQl } from './suiteql/engine.js';

export const SUITEQL_PATH = '/services/rest/query/v1/suiteql';
export const SUITEQL_MAX_LIMIT = 1000;
/** SuiteQL through REST returns at most 100,000 rows however it is paged. */
export const SUITEQL_MAX_ROWS = 100_000;

/**
 * `POST /services/rest/query/v1/suiteql?limit=&offset=` with `Prefer: transient` and `{ "q": "…" }`.
 * Rows come back with every value as a string and NULL columns left out, as NetSuite does.
 */
export function suiteqlRoutes(state: AccountState): Hono {
  const app = new Hono();
  app.post(SUITEQL_PATH, async (c) => {
    if (!/\btransient\b/i.test(c.req.header('prefer') ?? '')) {
      return c.json(restError(400, 'INVALID_HEADER', "The request must include the header 'Prefer: transient'."), 400);
    }
    if (!jsonContentType(c)) return c.json(restError(415, 'INVALID_HEADER', 'The Content-Type header must be application/json.'), 415);
    let q: unknown;
    try {
      q = (JSON.parse(await c.req.text()) as { q?: unknown }).q;
    } catch {
      return c.json(restError(400, 'INVALID_CONTENT', 'The request body is not valid JSON.'), 400);
    }
    if (typeof q !== 'string' || q.trim() === '') return c.json(restError(400, 'INVALID_PARAMETER', "The body must be { \"q\": \"<SuiteQL>\" }.", 'q'), 400);
    const limit = Number(c.req.query('limit') ?? SUITEQL_MAX_LIMIT);
    const offset = Number(c.req.query('offset') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > SUITEQL_MAX_LIMIT) {
      return c.json(restError(400, 'INVALID_PARAMETER', `Invalid value for limit: it must be from 1 to ${SUITEQL_MAX_LIMIT}.`, 'limit'), 400);
    }
    if (!Number.isInteger(offset) || offset < 0) return c.json(restError(400, 'INVALID_PARAMETER', 'Invalid value for offset.', 'offset'), 400);
    let result;
    try {
      result = runSuiteQl(q, state);
    } catch (e) {
      if (e instanceof SuiteQlError) {
        return c.json(restError(400, 'INVALID_PARAMETER', `Invalid search query. Detailed unprocessed description follows. ${e.message}`), 400);
      }
      throw e;
    }
    const rows = result.rows.slice(0, SUITEQL_MAX_ROWS);
    const page = rows.slice(offset, offset + limit);
    const self = new URL(c.req.url);
    const link = (rel: string, o: number) => {
      const u = new URL(self);
      u.searchParams.set('limit', String(limit));
      u.searchParams.set('offset', String(o));
      return { rel, href: u.toString() };
    };
    const links = [link('self', offset)];
    if (offset > 0) links.unshift(link('previous', Math.max(0, offset - limit)), link('first', 0));
    if (offset + limit < rows.length) links.push(link('next', offset + limit), link('last', Math.floor((rows.length - 1) / limit) * limit));
    return c.json({
      links,
      count: page.length,
      hasMore: offset + limit < rows.length,
      items: page.map((r) => ({
        links: [],
        ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)])),
      })),
      offset,
      totalResults: rows.length,
    });
  });
  return app;
}
