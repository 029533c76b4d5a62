import type { LeaseBackend } from '../store/types.js';

export type PermitOutcome = 'ok' | 'fault' | 'neutral';

export interface Permit {
  /** `fault`: the call hit the target's concurrency limit (the level steps down); `ok` lets it recover. */
  release(outcome: PermitOutcome): void;
}

/** A concurrency limit for one governed account (NetSuite: `NS_CONCURRENCY`, account-wide). */
export interface ConcurrencyLimiter {
  readonly name: string;
  readonly max: number;
  /** Current allowed concurrency (adapts between 1 and max). */
  level(): number;
  acquire(signal?: AbortSignal): Promise<Permit>;
}

export interface AdaptiveOptions {
  /** After a step down, further faults within this window do not step down again (default 1 s). */
  cooldownMs?: number;
  /** With no fault for this long, the level steps up by one (default 5 s). */
  calmMs?: number;
  now?: () => number;
  onLevel?: (name: string, level: number) => void;
}

const aborted = (signal?: AbortSignal) => signal?.reason ?? new Error('aborted');

/**
 * In-process adaptive limiter (embedded store: one process): AIMD, halving on concurrency faults,
 * one step up after a calm period.
 */
export class AdaptiveLimiter implements ConcurrencyLimiter {
  private current: number;
  private inUse = 0;
  private readonly waiters: (() => void)[] = [];
  private lastChange = -Infinity;
  private calmSince: number;
  private readonly now: () => number;

  constructor(
    readonly name: string,
    readonly max: number,
    private readonly options: AdaptiveOptions = {},
  ) {
    this.current = max;
    this.now = options.now ?? Date.now;
    this.calmSince = this.now();
    options.onLevel?.(name, max);
  }

  level = () => this.current;
  active = () => this.inUse;

  acquire(signal?: AbortSignal): Promise<Permit> {
    if (signal?.aborted) return Promise.reject(aborted(signal));
    if (this.inUse < this.current) return Promise.resolve(this.grant());
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.grant());
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(wake);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(aborted(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(wake);
    });
  }

  private grant(): Permit {
    this.inUse++;
    let done = false;
    return {
      release: (outcome) => {
        if (done) return;
        done = true;
        this.inUse--;
        this.adapt(outcome);
        while (this.inUse < this.current && this.waiters.length > 0) this.waiters.shift()?.();
      },
    };
  }

  private adapt(outcome: PermitOutcome) {
    const now = this.now();
    if (outcome === 'fault') {
      this.calmSince = now;
      if (now - this.lastChange >= (this.options.cooldownMs ?? 1_000) && this.current > 1) {
        this.set(Math.max(1, Math.floor(this.current / 2)), now);
      }
    } else if (outcome === 'ok' && this.current < this.max && now - this.calmSince >= (this.options.calmMs ?? 5_000)) {
      this.calmSince = now;
      this.set(this.current + 1, now);
    }
  }

  private set(level: number, now: number) {
    this.current = level;
    this.lastChange = now;
    this.options.onLevel?.(this.name, level);
  }
}

/**
 * The same limit held in PostgreSQL (several replicas): each call takes a leased slot below the shared
 * level; faults and calm periods move the shared level. A crashed replica's slots expire.
 */
export class LeaseLimiter implements ConcurrencyLimiter {
  private cached: number;
  private lastCalmCheck = 0;
  private readonly localWaiters = new Set<() => void>();
  private readonly held = new Set<number>();
  private renewTimer: NodeJS.Timeout | undefined;
  private ready: Promise<void> | undefined;

  constructor(
    readonly name: string,
    readonly max: number,
    private readonly backend: LeaseBackend,
    private readonly owner: string,
    private readonly options: AdaptiveOptions & { leaseMs?: number; pollMs?: number } = {},
  ) {
    this.cached = max;
  }

  level = () => this.cached;

  private now = () => (this.options.now ?? Date.now)();

  async acquire(signal?: AbortSignal): Promise<Permit> {
    this.ready ??= this.backend.ensure(this.name, this.max, this.now());
    await this.ready;
    for (;;) {
      if (signal?.aborted) throw aborted(signal);
      const slot = await this.backend.acquire(this.name, this.owner, this.leaseMs(), this.now());
      if (slot !== undefined) {
        this.held.add(slot);
        this.keepAlive();
        return this.permit(slot);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.localWaiters.delete(wake);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        const timer = setTimeout(wake, this.options.pollMs ?? 50);
        this.localWaiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }

  private permit(slot: number): Permit {
    let done = false;
    return {
      release: (outcome) => {
        if (done) return;
        done = true;
        void this.afterRelease(slot, outcome);
      },
    };
  }

  private leaseMs = () => this.options.leaseMs ?? 15_000;

  /** While calls run, their slots' leases are renewed; a crashed replica's slots expire after one lease. */
  private keepAlive() {
    if (this.renewTimer) return;
    this.renewTimer = setInterval(
      () => {
        if (this.held.size === 0) {
          clearInterval(this.renewTimer);
          this.renewTimer = undefined;
          return;
        }
        void this.backend
          .renew(this.name, this.owner, [...this.held], this.now() + this.leaseMs())
          .catch(() => undefined);
      },
      Math.max(50, Math.floor(this.leaseMs() / 3)),
    );
    this.renewTimer.unref();
  }

  private async afterRelease(slot: number, outcome: PermitOutcome) {
    this.held.delete(slot);
    try {
      await this.backend.release(this.name, slot, this.owner);
      const now = this.now();
      let level: number | undefined;
      if (outcome === 'fault') level = await this.backend.decrease(this.name, now, this.options.cooldownMs ?? 1_000);
      else if (outcome === 'ok' && now - this.lastCalmCheck >= 1_000) {
        this.lastCalmCheck = now;
        level = await this.backend.increase(this.name, now, this.options.calmMs ?? 5_000);
      }
      if (level !== undefined && level !== this.cached) {
        this.cached = level;
        this.options.onLevel?.(this.name, level);
      }
    } catch {
      // the lease expires by itself; the level is re-read on the next release
    } finally {
      for (const w of [...this.localWaiters]) w();
    }
  }
}
