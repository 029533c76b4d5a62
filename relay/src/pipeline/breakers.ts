import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { classify } from './failures.js';

export interface BreakerOptions {
  /** Consecutive whole-call transient failures that open the circuit (default 5). */
  threshold: number;
  /** How long an open circuit waits before one probe call (default 30 s). */
  halfOpenAfterMs: number;
}

/**
 * One cockatiel circuit breaker per target system. Only whole-call transient failures (connection
 * refused, timeouts, 5xx) count; concurrency faults are the limiter's business, per-item errors the
 * items'. While open, the pipeline claims nothing for that target, then lets a probe through.
 */
export class Breakers {
  private readonly policies = new Map<string, CircuitBreakerPolicy>();
  private readonly openedAt = new Map<string, number>();

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number = Date.now,
    private readonly onState: (target: string, state: 'closed' | 'open' | 'half-open') => void = () => undefined,
  ) {}

  policy(target: string): CircuitBreakerPolicy {
    let p = this.policies.get(target);
    if (!p) {
      p = circuitBreaker(
        handleWhen((err) => {
          const c = classify(err);
          return c.retryable && !c.concurrency;
        }),
        { halfOpenAfter: this.options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.options.threshold) },
      );
      p.onBreak(() => {
        this.openedAt.set(target, this.now());
        this.onState(target, 'open');
      });
      p.onHalfOpen(() => this.onState(target, 'half-open'));
      p.onReset(() => {
        this.openedAt.delete(target);
        this.onState(target, 'closed');
      });
      this.policies.set(target, p);
    }
    return p;
  }

  /** Whether work for `target` may be claimed now (closed, half-open, or open and due for a probe). */
  allows(target: string): boolean {
    const p = this.policies.get(target);
    if (!p || p.state !== CircuitState.Open) return true;
    return this.now() - (this.openedAt.get(target) ?? 0) >= this.options.halfOpenAfterMs;
  }

  /** When a blocked target may be probed again. */
  probeAt(target: string): number {
    return (this.openedAt.get(target) ?? this.now()) + this.options.halfOpenAfterMs;
  }

  state(target: string): 'closed' | 'open' | 'half-open' {
    const s = this.policies.get(target)?.state;
    return s === CircuitState.Open || s === CircuitState.Isolated
      ? 'open'
      : s === CircuitState.HalfOpen
        ? 'half-open'
        : 'closed';
  }
}
