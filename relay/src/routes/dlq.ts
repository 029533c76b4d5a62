import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { ValidationError } from '../http/errors.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/types.js';

export interface DlqRoutesDeps {
  store: Pick<Store, 'listDlq'>;
  pipeline: Pick<Pipeline, 'replay'>;
}

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().positive().optional(),
  status: z.enum(['open', 'replayed']).optional(),
  stage: z.enum(['intake', 'route', 'deliver']).optional(),
  flow: z.string().min(1).max(100).optional(),
  target: z.string().min(1).max(100).optional(),
});

const idParam = z.object({ id: z.coerce.number().int().positive() });

const invalid =
  (where: string) =>
  (result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }) => {
    if (!result.success) {
      const issue = result.error?.issues[0];
      const field = issue?.path.map(String).join('.') || `(${where})`;
      throw new ValidationError(`${where} "${field}": ${issue?.message ?? 'is invalid'}`, { field });
    }
  };

/**
 * The dead-letter queue (mount at `/dlq`): `GET /` lists entries newest first (`limit`, `cursor` =
 * the previous page's `nextCursor`, filters `status`, `stage`, `flow`, `target`); `POST /:id/replay`
 * sends an entry back through the pipeline (202), 404 when unknown, 409 when already replayed or not
 * replayable.
 */
export function dlqRoutes(deps: DlqRoutesDeps): Hono {
  const app = new Hono();
  app.get('/', zValidator('query', listQuery, invalid('Query parameter')), async (c) => {
    const q = c.req.valid('query');
    const page = await deps.store.listDlq({
      limit: q.limit,
      before: q.cursor,
      status: q.status,
      stage: q.stage,
      flow: q.flow,
      target: q.target,
    });
    return c.json(page);
  });
  app.post('/:id/replay', zValidator('param', idParam, invalid('Path parameter')), async (c) => {
    const { id } = c.req.valid('param');
    const replayed = await deps.pipeline.replay(id);
    return c.json({ replayed }, 202);
  });
  return app;
}
