/**
 * `POST /composite`: up to 25 subrequests in order, in one transaction, with `@{ref.path}` references
 * to earlier results. allOrNone rolls everything back at the first failure; the other subrequests then
 * answer PROCESSING_HALTED. The whole request is one API call.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { SfError } from '../errors.js';
import { readJson } from './body.js';
import type { RestDeps, RestEnv } from './context.js';
import { methodNotAllowed, sfJson } from './middleware.js';

export const MAX_SUBREQUESTS = 25;

const subrequest = z.object({
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  url: z.string().min(1),
  referenceId: z.string().regex(/^[A-Za-z0-9_]+$/, 'referenceId must be alphanumeric or underscore'),
  body: z.unknown().optional(),
  httpHeaders: z.record(z.string(), z.string()).optional(),
});
const compositeBody = z.object({
  allOrNone: z.boolean().optional(),
  collateSubrequests: z.boolean().optional(),
  compositeRequest: z.array(subrequest).min(1),
});

interface SubResponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

const HALTED = [
  {
    errorCode: 'PROCESSING_HALTED',
    message: 'The transaction was rolled back since another operation in the same transaction failed.',
  },
];

/** Reads `records[0].Id` style paths out of an earlier subrequest's body. */
function lookup(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

class BadReference extends Error {}

function substitute(text: string, results: Map<string, unknown>): string {
  return text.replace(/@\{([A-Za-z0-9_]+)((?:\.[^}.[\]]+|\[\d+\])*)\}/g, (_m, ref: string, path: string) => {
    const body = results.get(ref);
    const value = body === undefined ? undefined : lookup(body, path.replace(/^\./, ''));
    if (value === undefined || value === null || typeof value === 'object') {
      throw new BadReference(
        `Invalid reference specified. No value for ${ref}${path} found in ${ref}. Provided referenceId ${ref}`,
      );
    }
    return String(value);
  });
}

export function compositeRequestRoutes(deps: RestDeps): Hono<RestEnv> {
  const { org } = deps;
  const app = new Hono<RestEnv>({ strict: false });

  app.post('/', async (c: Context<RestEnv>) => {
    const parsed = compositeBody.safeParse(await readJson(c));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SfError(
        'JSON_PARSER_ERROR',
        `Cannot deserialize request body: '${issue?.path.join('.') || 'body'}' ${issue?.message ?? 'is invalid'}`,
        400,
      );
    }
    const { compositeRequest, allOrNone = false } = parsed.data;
    if (compositeRequest.length > MAX_SUBREQUESTS) {
      throw new SfError('LIMIT_EXCEEDED', `Maximum number of subrequests allowed is ${MAX_SUBREQUESTS}.`, 400);
    }
    const ids = new Set<string>();
    for (const s of compositeRequest) {
      if (ids.has(s.referenceId))
        throw new SfError('INVALID_INPUT', `Duplicate referenceId provided in the request: ${s.referenceId}`, 400);
      ids.add(s.referenceId);
    }
    const authorization = c.req.header('authorization') ?? '';
    const callOptions = c.req.header('sforce-call-options');

    const run = async (): Promise<SubResponse[]> => {
      const results = new Map<string, unknown>();
      const out: SubResponse[] = [];
      let halted = false;
      for (const s of compositeRequest) {
        if (halted) {
          out.push({ body: HALTED, httpHeaders: {}, httpStatusCode: 400, referenceId: s.referenceId });
          continue;
        }
        let response: SubResponse;
        try {
          const url = substitute(s.url, results);
          const body = s.body === undefined ? undefined : substitute(JSON.stringify(s.body), results);
          if (!/^\/services\/data\/v\d+\.0\//.test(url)) {
            throw new BadReference(`The URL must start with /services/data/vXX.X/: ${url}`);
          }
          if (/^\/services\/data\/v\d+\.0\/composite\/?(?:\?|$)/.test(url)) {
            throw new BadReference('A composite request cannot contain another composite request');
          }
          const headers: Record<string, string> = {
            ...s.httpHeaders,
            authorization,
            'content-type': 'application/json',
          };
          if (callOptions !== undefined) headers['sforce-call-options'] = callOptions;
          const res = await deps.dispatch(new Request(`${deps.baseUrl()}${url}`, { method: s.method, headers, body }));
          const text = await res.text();
          const location = res.headers.get('location');
          response = {
            body: text === '' ? null : (JSON.parse(text) as unknown),
            httpHeaders: location === null ? {} : { Location: location },
            httpStatusCode: res.status,
            referenceId: s.referenceId,
          };
        } catch (e) {
          if (!(e instanceof BadReference)) throw e;
          response = {
            body: [{ errorCode: 'PROCESSING_HALTED', message: e.message }],
            httpHeaders: {},
            httpStatusCode: 400,
            referenceId: s.referenceId,
          };
        }
        out.push(response);
        if (response.httpStatusCode < 300) results.set(s.referenceId, response.body);
        else if (allOrNone) halted = true;
      }
      return out;
    };

    const responses = await org.compositeTransaction(
      c.get('dml'),
      run,
      (r) => !allOrNone || r.every((x) => x.httpStatusCode < 300),
    );
    const failedAll = allOrNone && responses.some((r) => r.httpStatusCode >= 300);
    const compositeResponse = failedAll
      ? responses.map((r) =>
          r.httpStatusCode >= 300 ? r : { ...r, body: HALTED, httpHeaders: {}, httpStatusCode: 400 },
        )
      : responses;
    return sfJson(c, { compositeResponse });
  });
  app.all('/', methodNotAllowed('POST'));
  return app;
}
