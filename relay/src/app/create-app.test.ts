import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { createMetricsRegistry } from '../http/metrics.js';
import { AppError } from '../http/errors.js';
import { createApp, type AppDeps } from './create-app.js';

function deps(overrides: Partial<AppDeps> = {}) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _e, cb) {
      lines.push(String(chunk));
      cb();
    },
  }) as unknown as import('pino').DestinationStream;
  const probe = new Hono();
  probe.get('/ok', (c) => c.json({ ok: true }));
  probe.get('/domain-error', () => {
    throw new AppError('RECORD_INVALID', 'Account 001 has no name', 422, { field: 'Name' });
  });
  probe.get('/crash', () => {
    throw new Error('internal detail: connection string postgres://u:pw@h/db');
  });
  const base: AppDeps = {
    config: { RELAY_API_TOKENS: ['tok-123456'] },
    logger: createLogger({ destination, level: 'error' }),
    metrics: createMetricsRegistry({ defaultMetrics: false }),
    api: [{ path: '/probe', routes: probe }],
    ...overrides,
  };
  return { deps: base, lines };
}

const auth = { headers: { authorization: 'Bearer tok-123456' } };

describe('createApp', () => {
  it('answers /healthz', async () => {
    const res = await createApp(deps().deps).request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('reports one readiness entry per dependency and 503 when a critical one is down', async () => {
    const { deps: d } = deps({
      readiness: [
        { name: 'store', check: async () => ({ state: 'up' }) },
        { name: 'netsuite', critical: false, check: async () => ({ state: 'down', detail: 'timeout' }) },
      ],
    });
    let res = await createApp(d).request('/readyz');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dependencies: { name: string; state: string }[] };
    expect(body.dependencies.map((x) => `${x.name}:${x.state}`)).toEqual(['store:up', 'netsuite:down']);

    d.readiness = [{ name: 'store', check: async () => ({ state: 'down' }) }];
    res = await createApp(d).request('/readyz');
    expect(res.status).toBe(503);
  });

  it('is not ready while draining', async () => {
    const { deps: d } = deps({ isDraining: () => true });
    const res = await createApp(d).request('/readyz');
    expect(res.status).toBe(503);
  });

  it('serves Prometheus metrics including the HTTP request histogram', async () => {
    const app = createApp(deps().deps);
    await app.request('/api/v1/probe/ok', auth);
    const res = await app.request('/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /nsc_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/probe\/ok",status="200"\} 1/,
    );
  });

  it('requires a bearer token under /api/v1 and compares it exactly', async () => {
    const app = createApp(deps().deps);
    expect((await app.request('/api/v1/probe/ok')).status).toBe(401);
    expect((await app.request('/api/v1/probe/ok', { headers: { authorization: 'Bearer tok-12345' } })).status).toBe(
      401,
    );
    const denied = await app.request('/api/v1/probe/ok', { headers: { authorization: 'Bearer wrong' } });
    expect(await denied.json()).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'The bearer token is not accepted' },
    });
    expect((await app.request('/api/v1/probe/ok', auth)).status).toBe(200);
  });

  it('refuses every token when none are configured', async () => {
    const app = createApp(deps({ config: { RELAY_API_TOKENS: [] } }).deps);
    expect((await app.request('/api/v1/probe/ok', { headers: { authorization: 'Bearer ' } })).status).toBe(401);
  });

  it('turns domain errors into the error body with their code and details', async () => {
    const res = await createApp(deps().deps).request('/api/v1/probe/domain-error', auth);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: { code: 'RECORD_INVALID', message: 'Account 001 has no name', details: { field: 'Name' } },
    });
  });

  it('hides unknown errors behind a generic 500 and logs them without secrets', async () => {
    const { deps: d, lines } = deps();
    const res = await createApp(d).request('/api/v1/probe/crash', auth);
    expect(res.status).toBe(500);
    const body = JSON.stringify(await res.json());
    expect(body).toBe('{"error":{"code":"INTERNAL","message":"Internal error"}}');
    expect(lines.join('')).toContain('unhandled error');
    expect(lines.join('')).not.toContain(':pw@');
  });

  it('answers unknown routes with the JSON error body', async () => {
    const res = await createApp(deps().deps).request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
