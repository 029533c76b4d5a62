import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { ValidationError } from '../http/errors.js';
import type { Store } from '../store/types.js';

export interface SyncRoutesDeps {
  store: Pick<Store, 'summary'>;
  now?: () => number;
}

const query = z.object({
  since: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z' })
    .optional(),
});

const invalid = (result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}) => {
  if (!result.success) {
    const issue = result.error?.issues[0];
    const field = issue?.path.map(String).join('.') || '(query)';
    throw new ValidationError(`Query parameter "${field}" ${issue?.message ?? 'is invalid'}`, { field });
  }
};

/**
 * `GET /summary` (mount at `/sync`): counts by flow and outcome from the sync log (optionally since a
 * time), pending work, lag (age of the oldest unfinished change) and open dead letters.
 */
export function syncRoutes(deps: SyncRoutesDeps): Hono {
  const now = deps.now ?? Date.now;
  const app = new Hono();
  app.get('/summary', zValidator('query', query, invalid), async (c) => {
    const { since } = c.req.valid('query');
    return c.json(await deps.store.summary(now(), since ? Date.parse(since) : undefined));
  });
  return app;
}
