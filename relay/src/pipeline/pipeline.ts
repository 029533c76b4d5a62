import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { pino } from 'pino';
import type { Registry as PromRegistry } from 'prom-client';
import type { ReadinessCheck } from '../http/readiness.js';
import type { Logger } from '../logging/logger.js';
import type { ClaimedItem, ReplayResult, Store } from '../store/types.js';
import { Breakers, type BreakerOptions } from './breakers.js';
import { runBatch } from './dispatch.js';
import { DEFAULT_RETRY, type RetryPolicyOptions } from './failures.js';
import { createInbox } from './inbox.js';
import type { InboxPort, ReplayCheckpoints } from './inbox-port.js';
import { AdaptiveLimiter, LeaseLimiter, type ConcurrencyLimiter } from './limiter.js';
import { createPipelineMetrics, type PipelineMetrics } from './metrics.js';
import { FlowRegistry } from './registry.js';
import type { Flow, TargetOperation } from './types.js';

export interface PipelineOptions {
  store: Store;
  /** Flows and target operations; or pass `flows` and `operations`. */
  registry?: FlowRegistry;
  flows?: readonly Flow[];
  operations?: readonly TargetOperation[];
  logger?: Logger;
  /** The app's Prometheus registry. */
  metrics?: PromRegistry;
  /** NS_CONCURRENCY: the ceiling of the `netsuite` limiter (default 5). */
  nsConcurrency?: number;
  /** Ceilings of other named limiters (default 10 each). */
  limits?: Record<string, number>;
  /** How long a partial batch may wait for more items (default 25 ms). */
  lingerMs?: number;
  /** Idle poll interval, for work added by other replicas or due after a backoff (default 250 ms). */
  pollMs?: number;
  /** Claim lease; renewed while a batch is in flight (default 60 s). */
  leaseMs?: number;
  /** Batches in flight at once across all operations (default 8). */
  maxInFlightBatches?: number;
  callTimeoutMs?: number;
  retry?: Partial<RetryPolicyOptions>;
  breaker?: Partial<BreakerOptions>;
  maxPayloadBytes?: number;
  /** Finished history (and the inbox dedupe window) is kept this long (default 7 days); purged hourly. */
  retentionMs?: number;
  /** This worker's identity in leases (default host:pid:random). */
  owner?: string;
  now?: () => number;
}

export interface Pipeline {
  readonly inbox: InboxPort & ReplayCheckpoints;
  readonly registry: FlowRegistry;
  readonly owner: string;
  /** Resumes work a crash left in flight, then starts routing, claiming and dispatching. */
  start(): Promise<void>;
  /** Stops claiming, finishes in-flight batches within `timeoutMs`, hands back the rest. */
  stop(timeoutMs?: number): Promise<{ clean: boolean }>;
  replay(dlqId: number): Promise<ReplayResult>;
  readiness(): ReadinessCheck;
  limiter(name: string): ConcurrencyLimiter | undefined;
  isRunning(): boolean;
  /** Wakes the worker (new work was stored elsewhere). */
  wake(): void;
}

export function createPipeline(options: PipelineOptions): Pipeline {
  return new PipelineWorker(options);
}

class PipelineWorker implements Pipeline {
  readonly inbox: InboxPort & ReplayCheckpoints;
  readonly registry: FlowRegistry;
  readonly owner: string;
  private readonly store: Store;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly metrics?: PipelineMetrics;
  private readonly breakers: Breakers;
  private readonly retry: RetryPolicyOptions;
  private readonly limiters = new Map<string, ConcurrencyLimiter>();
  private readonly buffers = new Map<string, ClaimedItem[]>();
  private readonly inFlight = new Map<Promise<void>, number[]>();
  private readonly abort = new AbortController();
  private running = false;
  private stopping = false;
  private loopDone: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** A wake that came while the worker was busy: the next sleep returns at once. */
  private wakePending = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private lastReclaim = 0;
  private lastPurge = 0;
  private readonly cfg: Required<
    Pick<PipelineOptions, 'lingerMs' | 'pollMs' | 'leaseMs' | 'maxInFlightBatches' | 'callTimeoutMs'>
  >;

  constructor(private readonly o: PipelineOptions) {
    this.store = o.store;
    this.registry = o.registry ?? new FlowRegistry({ flows: o.flows, operations: o.operations });
    this.log = o.logger ?? pino({ level: 'silent' });
    this.now = o.now ?? Date.now;
    this.owner = o.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.retry = { ...DEFAULT_RETRY, ...o.retry };
    this.cfg = {
      lingerMs: o.lingerMs ?? 25,
      pollMs: o.pollMs ?? 250,
      leaseMs: o.leaseMs ?? 60_000,
      maxInFlightBatches: o.maxInFlightBatches ?? 8,
      callTimeoutMs: o.callTimeoutMs ?? 120_000,
    };
    this.metrics = o.metrics ? createPipelineMetrics(o.metrics, o.store, this.now) : undefined;
    this.breakers = new Breakers(
      { threshold: o.breaker?.threshold ?? 5, halfOpenAfterMs: o.breaker?.halfOpenAfterMs ?? 30_000 },
      this.now,
      (target, state) => {
        this.metrics?.breakerOpen.set({ target }, state === 'open' ? 1 : 0);
        this.log.warn({ target, state }, `circuit of ${target} is ${state}`);
      },
    );
    this.inbox = createInbox(o.store, {
      maxPayloadBytes: o.maxPayloadBytes,
      now: this.now,
      metrics: this.metrics,
      onStored: () => this.wake(),
    });
  }

  isRunning = () => this.running;

  wake = () => {
    const w = this.wakeUp;
    this.wakeUp = undefined;
    if (w) w();
    else this.wakePending = true;
  };

  limiter(name: string): ConcurrencyLimiter | undefined {
    let l = this.limiters.get(name);
    if (!l) {
      const max = name === 'netsuite' ? (this.o.nsConcurrency ?? 5) : (this.o.limits?.[name] ?? 10);
      const opts = {
        now: this.now,
        onLevel: (n: string, level: number) => this.metrics?.limiterLevel.set({ limiter: n }, level),
      };
      l = this.store.leases
        ? new LeaseLimiter(name, max, this.store.leases, this.owner, { ...opts, leaseMs: 15_000 })
        : new AdaptiveLimiter(name, max, opts);
      this.metrics?.limiterLevel.set({ limiter: name }, l.level());
      this.limiters.set(name, l);
    }
    return l;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const resumed = await this.store.recover(this.now());
    if (resumed > 0) this.log.info({ resumed }, 'resumed work left in flight by a previous process');
    for (const op of this.registry.operations()) if (op.limiter) this.limiter(op.limiter);
    this.running = true;
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(50, Math.floor(this.cfg.leaseMs / 3)));
    this.heartbeat.unref();
    this.loopDone = this.loop();
  }

  async stop(timeoutMs = 10_000): Promise<{ clean: boolean }> {
    if (!this.running) return { clean: true };
    this.stopping = true;
    this.wake();
    await this.loopDone;
    await this.handBackBuffered('shutdown: handed back before dispatch');
    const pending = [...this.inFlight.keys()];
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.all(pending).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.log.warn({ batches: this.inFlight.size }, 'drain timed out: handing back in-flight batches');
      this.abort.abort(new Error('shutdown'));
      await Promise.race([Promise.all([...this.inFlight.keys()]), new Promise((r) => setTimeout(r, 2_000).unref())]);
    }
    clearInterval(this.heartbeat);
    this.running = false;
    return { clean: finished };
  }

  async replay(dlqId: number): Promise<ReplayResult> {
    const result = await this.store.replayDlq(dlqId, this.now());
    this.log.info({ ...result }, 'dead letter replayed');
    this.wake();
    return result;
  }

  readiness(): ReadinessCheck {
    return {
      name: 'pipeline',
      critical: true,
      check: async () => {
        await this.store.ping();
        if (!this.running) return { state: 'down', detail: this.stopping ? 'stopped' : 'not started' };
        const open = this.registry
          .operations()
          .map((op) => op.target)
          .filter((t) => this.breakers.state(t) === 'open');
        return open.length > 0
          ? { state: 'degraded', detail: `circuit open for ${[...new Set(open)].join(', ')}` }
          : { state: 'up', detail: `${this.store.kind} store` };
      },
    };
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const busy = await this.tick();
        failures = 0;
        if (!busy) await this.sleep(this.nextWakeIn());
      } catch (err) {
        failures++;
        this.log.error({ err }, 'pipeline worker error; backing off');
        await this.sleep(Math.min(5_000, this.cfg.pollMs * 2 ** Math.min(failures, 5)));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakePending || this.stopping) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => {
          this.wakeUp = undefined;
          resolve();
        },
        Math.max(0, ms),
      );
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private nextWakeIn(): number {
    let next = this.cfg.pollMs;
    const now = this.now();
    for (const items of this.buffers.values()) {
      const first = items[0];
      if (first) next = Math.min(next, first.readyAt + this.cfg.lingerMs - now);
    }
    return next;
  }

  /** One round: reclaim expired leases, route new inbox entries, claim lane heads, dispatch batches. */
  private async tick(): Promise<boolean> {
    this.wakePending = false;
    const now = this.now();
    if (now - this.lastReclaim > this.cfg.leaseMs / 2) {
      this.lastReclaim = now;
      const n = await this.store.reclaimExpired(now);
      if (n > 0) this.log.warn({ items: n }, 'reclaimed items whose lease expired');
    }
    const retention = this.o.retentionMs ?? 7 * 24 * 3_600_000;
    if (now - this.lastPurge > Math.min(3_600_000, retention)) {
      this.lastPurge = now;
      const n = await this.store.purge(now - retention);
      if (n > 0) this.log.info({ rows: n }, 'purged finished history past retention');
    }
    const routed = await this.store.route(200, this.registry.decide, now);
    const ops = this.registry.operations();
    const buffered = [...this.buffers.values()].reduce((n, b) => n + b.length, 0);
    const capacity = this.cfg.maxInFlightBatches - this.inFlight.size;
    const largest = Math.max(1, ...ops.map((op) => op.maxBatch));
    const limit = Math.min(1_000, capacity * largest) - buffered;
    let claimed: ClaimedItem[] = [];
    if (limit > 0) {
      const allowed = ops.filter((op) => this.breakers.allows(op.target)).map((op) => op.operation);
      claimed = await this.store.claim({
        owner: this.owner,
        limit,
        leaseMs: this.cfg.leaseMs,
        now,
        operations: allowed,
      });
      for (const c of claimed) {
        if (c.supersedes.length)
          this.metrics?.processed.inc(
            { flow: c.flow, operation: c.operation, outcome: 'superseded' },
            c.supersedes.length,
          );
        const b = this.buffers.get(c.operation) ?? [];
        b.push(c);
        this.buffers.set(c.operation, b);
      }
    }
    const dispatched = this.flush(this.now());
    return routed > 0 || claimed.length > 0 || dispatched > 0;
  }

  /** Dispatches full batches, and partial ones whose oldest item has lingered long enough. */
  private flush(now: number): number {
    let dispatched = 0;
    for (const [name, items] of this.buffers) {
      const op = this.registry.operation(name);
      if (!op) continue;
      while (items.length > 0 && this.inFlight.size < this.cfg.maxInFlightBatches) {
        const oldest = Math.min(...items.map((i) => i.readyAt));
        if (items.length < op.maxBatch && now - oldest < this.cfg.lingerMs && !this.stopping) break;
        this.dispatch(op, items.splice(0, op.maxBatch));
        dispatched++;
      }
      if (items.length === 0) this.buffers.delete(name);
    }
    return dispatched;
  }

  private dispatch(op: TargetOperation, items: ClaimedItem[]): void {
    this.metrics?.batchSize.observe({ operation: op.operation }, items.length);
    const ids = items.map((i) => i.id);
    const task = (async () => {
      try {
        const report = await runBatch(op, items, {
          breakers: this.breakers,
          limiter: op.limiter ? this.limiter(op.limiter) : undefined,
          retry: this.retry,
          callTimeoutMs: this.cfg.callTimeoutMs,
          signal: this.abort.signal,
          now: this.now,
        });
        this.metrics?.callSeconds.observe({ operation: op.operation, result: report.call }, report.durationMs / 1000);
        const result = await this.store.complete(this.owner, report.outcomes, this.now());
        if (result.lost.length)
          this.log.warn({ ids: result.lost, operation: op.operation }, 'lease lost before completion');
        for (const o of report.outcomes) {
          const item = items.find((i) => i.id === o.id);
          const outcome = o.kind === 'done' ? 'applied' : o.kind === 'release' ? 'handed_back' : o.kind;
          this.metrics?.processed.inc({ flow: item?.flow ?? '', operation: op.operation, outcome });
          if (o.kind === 'retry')
            this.metrics?.retries.inc({ operation: op.operation, code: o.attempt.code ?? 'unknown' });
          if (o.kind === 'dead')
            this.log.warn({ workId: o.id, operation: op.operation, reason: o.reason }, 'dead-lettered');
        }
      } catch (err) {
        // the store was unreachable: the claims stay leased and are resumed when their lease expires
        this.log.error({ err, operation: op.operation, items: ids.length }, 'could not record batch outcome');
      }
    })();
    this.inFlight.set(task, ids);
    void task.finally(() => {
      this.inFlight.delete(task);
      this.wake();
    });
  }

  private async handBackBuffered(note: string): Promise<void> {
    const items = [...this.buffers.values()].flat();
    this.buffers.clear();
    if (items.length === 0) return;
    const now = this.now();
    await this.store
      .complete(
        this.owner,
        items.map((i) => ({ id: i.id, kind: 'release' as const, notBefore: now, note })),
        now,
      )
      .catch((err: unknown) => this.log.error({ err }, 'could not hand back buffered items'));
  }

  private async renewLeases(): Promise<void> {
    const ids = [...[...this.inFlight.values()].flat(), ...[...this.buffers.values()].flat().map((i) => i.id)];
    if (ids.length === 0) return;
    try {
      await this.store.extendLeases(this.owner, ids, this.now() + this.cfg.leaseMs);
    } catch (err) {
      this.log.error({ err }, 'could not renew leases');
    }
  }
}
