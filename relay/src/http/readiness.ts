/** One dependency's state for GET /readyz. */
export type DependencyState = 'up' | 'down' | 'degraded' | 'not_configured';

export interface ReadinessCheck {
  name: string;
  /** Whether a `down` state makes the relay not ready (default true). */
  critical?: boolean;
  check(): Promise<{ state: DependencyState; detail?: string }>;
}

export interface ReadinessReport {
  ready: boolean;
  dependencies: { name: string; state: DependencyState; critical: boolean; detail?: string }[];
}

const CHECK_TIMEOUT_MS = 2_000;

export async function evaluateReadiness(
  checks: readonly ReadinessCheck[],
  draining: boolean,
): Promise<ReadinessReport> {
  const dependencies = await Promise.all(
    checks.map(async (c) => {
      const critical = c.critical !== false;
      try {
        const result = await Promise.race([
          c.check(),
          new Promise<{ state: DependencyState; detail: string }>((resolve) =>
            setTimeout(() => resolve({ state: 'down', detail: 'check timed out' }), CHECK_TIMEOUT_MS).unref(),
          ),
        ]);
        return { name: c.name, critical, ...result };
      } catch (err) {
        return { name: c.name, critical, state: 'down' as const, detail: (err as Error).message };
      }
    }),
  );
  if (draining) dependencies.unshift({ name: 'relay', critical: true, state: 'down', detail: 'shutting down' });
  const ready = dependencies.every((d) => !d.critical || d.state !== 'down');
  return { ready, dependencies };
}
