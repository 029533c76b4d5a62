import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { ValidationError } from '../http/errors.js';
import { suggestRequestSchema } from '../mapping/suggest/schema.js';
import { suggestMappings } from '../mapping/suggest/suggest.js';
import type { AcceptedMappingsPort } from '../mapping/suggest/memory.js';
import { previewMapping, previewRequestSchema, type PreviewDeps } from '../mapping/preview.js';
import { MappingRegistry } from '../mapping/registry.js';

export interface MappingRoutesDeps extends Partial<PreviewDeps> {
  /** Memory of mappings admins accepted (boosts suggestions). */
  memory?: AcceptedMappingsPort;
}

/** Turns a failed zod parse into the relay's error body, naming each field. */
const validated = <T extends z.ZodType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (!result.success)
      throw new ValidationError(
        'Invalid request body',
        result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
  });

/**
 * Mapping routes, mounted at /mappings under /api/v1 (bearer auth applied by createApp):
 * POST /suggest (contract fixed in DESIGN.md) and POST /preview (runs a mapping, validation and anomaly
 * checks on one record; writes nothing).
 */
export function mappingRoutes(deps: MappingRoutesDeps = {}): Hono {
  const registry = deps.registry ?? new MappingRegistry();
  const previewDeps: PreviewDeps = { ...deps, registry };
  const app = new Hono();
  app.post('/suggest', validated(suggestRequestSchema), async (c) => {
    const { source, target } = c.req.valid('json');
    const suggestions = await suggestMappings(source, target, deps.memory ? { memory: deps.memory } : {});
    return c.json({ suggestions });
  });
  app.post('/preview', validated(previewRequestSchema), async (c) => c.json(await previewMapping(previewDeps, c.req.valid('json'))));
  return app;
}
