import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

/** One Prometheus registry per app instance, so tests never share global metric state. */
export function createMetricsRegistry(options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'nsc_' });
  return registry;
}

/** Records an HTTP request histogram labelled by method, matched route and status. */
export function httpMetrics(registry: Registry): MiddlewareHandler {
  const existing = registry.getSingleMetric('nsc_http_request_duration_seconds');
  const duration =
    (existing as Histogram<'method' | 'route' | 'status'> | undefined) ??
    new Histogram({
      name: 'nsc_http_request_duration_seconds',
      help: 'HTTP requests served by the relay, by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  const total =
    (registry.getSingleMetric('nsc_http_requests_total') as Counter<'method' | 'route' | 'status'> | undefined) ??
    new Counter({
      name: 'nsc_http_requests_total',
      help: 'HTTP requests served by the relay',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
  return async (c, next) => {
    const end = duration.startTimer();
    await next();
    const labels = { method: c.req.method, route: safeRoute(c), status: String(c.res.status) };
    end(labels);
    total.inc(labels);
  };
}

function safeRoute(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    const r = routePath(c);
    return r === '/*' || r === '*' ? 'unmatched' : r;
  } catch {
    return 'unmatched';
  }
}
