import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { AppError, ValidationError } from '../http/errors.js';
import { systemSchema } from '../mapping/definition.js';
import { suggestRequestSchema } from '../mapping/suggest/schema.js';
import { suggestMappings } from '../mapping/suggest/suggest.js';
import type { AcceptedMapping, AcceptedMappingsPort } from '../mapping/suggest/memory.js';
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

const name = z.string().trim().min(1).max(255);
const sideSchema = z.object({ system: systemSchema, object: name });

/** An admin accepted these field pairs between two objects (the designer's "accept" action). */
export const acceptRequestSchema = z.object({
  source: sideSchema,
  target: sideSchema,
  mappings: z.array(z.object({ sourceField: name, targetField: name })).min(1).max(500),
});

/**
 * Mapping routes, mounted at /mappings under /api/v1 (bearer auth applied by createApp):
 * POST /suggest (contract fixed in DESIGN.md), POST /accept (remembers the field pairs an admin accepted, so
 * later suggestions rank them higher; 503 NOT_CONFIGURED without a memory) and POST /preview (runs a mapping,
 * validation and anomaly checks on one record; writes nothing).
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
  app.post('/accept', validated(acceptRequestSchema), async (c) => {
    const many = deps.memory?.recordMany?.bind(deps.memory);
    const one = deps.memory?.record?.bind(deps.memory);
    if (!many && !one)
      throw new AppError('NOT_CONFIGURED', 'No mapping memory is configured on this relay', 503, { part: 'mapping memory' });
    const { source, target, mappings } = c.req.valid('json');
    // A pair listed twice in one request is one acceptance.
    const unique = new Map<string, Omit<AcceptedMapping, 'count'>>();
    for (const m of mappings)
      unique.set(JSON.stringify([m.sourceField, m.targetField]), {
        sourceSystem: source.system,
        sourceObject: source.object,
        sourceField: m.sourceField,
        targetSystem: target.system,
        targetObject: target.object,
        targetField: m.targetField,
      });
    const list = [...unique.values()];
    if (many) await many(list);
    else if (one) for (const m of list) await one(m);
    return c.json({ recorded: list.length });
  });
  app.post('/preview', validated(previewRequestSchema), async (c) => c.json(await previewMapping(previewDeps, c.req.valid('json'))));
  return app;
}
