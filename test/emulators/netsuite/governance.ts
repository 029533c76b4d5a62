/**
 * Account-wide governance shared by every NetSuite endpoint the emulator serves (SOAP, REST web
 * services, RESTlets): one concurrency limiter, a latency model and fault injection, all
 * deterministic from a seed and adjustable in-process by tests.
 */

export const FAULT_KINDS = ['timeout', '5xx', 'concurrency', 'lock'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface GovernanceKnobs {
  /** Account concurrency limit (NS_EMULATOR_CONCURRENCY, default 5; Standard service tier). */
  concurrency: number;
  /** Base latency per request in ms (NS_EMULATOR_LATENCY_MS, default 0). */
  latencyMs: number;
  /** Extra latency per record in the request (NS_EMULATOR_PER_RECORD_MS, default 0). */
  perRecordMs: number;
  /** Random extra latency, uniform in [0, jitterMs) (NS_EMULATOR_JITTER_MS, default 0). */
  jitterMs: number;
  /** Probability 0..1 that a request gets an injected fault (NS_EMULATOR_FAULT_RATE, default 0). */
  faultRate: number;
  /** Kinds drawn from when a fault is injected (NS_EMULATOR_FAULT_KINDS, comma list; default all). */
  faultKinds: FaultKind[];
  /** How long a `timeout` fault holds the request before answering 504 (NS_EMULATOR_TIMEOUT_MS, default 30000). */
  timeoutMs: number;
}

export const DEFAULT_KNOBS: GovernanceKnobs = {
  concurrency: 5,
  latencyMs: 0,
  perRecordMs: 0,
  jitterMs: 0,
  faultRate: 0,
  faultKinds: [...FAULT_KINDS],
  timeoutMs: 30_000,
};

/** Reads NS_EMULATOR_* variables; a bad value throws naming the variable. */
export function knobsFromEnv(env: Record<string, string | undefined>): Partial<GovernanceKnobs> {
  const out: Partial<GovernanceKnobs> = {};
  const number = (name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new Error(`${name} must be a number between ${min} and ${max}`);
    return n;
  };
  const set = <K extends keyof GovernanceKnobs>(key: K, value: GovernanceKnobs[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('concurrency', number('NS_EMULATOR_CONCURRENCY', 1, 1000));
  set('latencyMs', number('NS_EMULATOR_LATENCY_MS', 0));
  set('perRecordMs', number('NS_EMULATOR_PER_RECORD_MS', 0));
  set('jitterMs', number('NS_EMULATOR_JITTER_MS', 0));
  set('faultRate', number('NS_EMULATOR_FAULT_RATE', 0, 1));
  set('timeoutMs', number('NS_EMULATOR_TIMEOUT_MS', 0));
  const kinds = env.NS_EMULATOR_FAULT_KINDS;
  if (kinds) {
    const list = kinds
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    for (const k of list) {
      if (!(FAULT_KINDS as readonly string[]).includes(k)) {
        throw new Error(`NS_EMULATOR_FAULT_KINDS: unknown kind "${k}" (expected ${FAULT_KINDS.join(', ')})`);
      }
    }
    out.faultKinds = list as FaultKind[];
  }
  return out;
}

/** mulberry32 over a string hash: small, fast, deterministic. */
export function createRng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A held concurrency slot; release exactly once (extra calls are ignored). */
export interface Permit {
  readonly endpoint: string;
  release(): void;
}

export interface GovernanceStats {
  inFlight: number;
  peakInFlight: number;
  accepted: number;
  rejected: number;
  injected: Record<FaultKind, number>;
  byEndpoint: Record<string, number>;
}

export interface GovernanceOptions {
  knobs?: Partial<GovernanceKnobs>;
  seed?: string;
  /** Injectable sleep (tests can make latency virtual). */
  sleep?: (ms: number) => Promise<void>;
}

export class Governance {
  private current: GovernanceKnobs;
  private readonly initial: GovernanceKnobs;
  private rng: () => number;
  private readonly seed: string;
  private readonly forced: FaultKind[] = [];
  private readonly sleeper: (ms: number) => Promise<void>;
  private inFlightCount = 0;
  private readonly stat: GovernanceStats = {
    inFlight: 0,
    peakInFlight: 0,
    accepted: 0,
    rejected: 0,
    injected: { timeout: 0, '5xx': 0, concurrency: 0, lock: 0 },
    byEndpoint: {},
  };

  constructor(opts: GovernanceOptions = {}) {
    this.initial = { ...DEFAULT_KNOBS, ...opts.knobs };
    this.current = { ...this.initial, faultKinds: [...this.initial.faultKinds] };
    this.seed = opts.seed ?? 'netsuite-emulator';
    this.rng = createRng(this.seed);
    this.sleeper = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get knobs(): Readonly<GovernanceKnobs> {
    return this.current;
  }

  /** Changes knobs in-process (a test's per-case setting). */
  set(knobs: Partial<GovernanceKnobs>): void {
    this.current = { ...this.current, ...knobs };
  }

  /** Back to the start-up knobs, the seeded RNG restarted, forced faults cleared. */
  reset(): void {
    this.current = { ...this.initial, faultKinds: [...this.initial.faultKinds] };
    this.rng = createRng(this.seed);
    this.forced.length = 0;
  }

  /** Forces the next requests (one per entry, any endpoint) to get these faults, regardless of faultRate. */
  injectNext(...kinds: FaultKind[]): void {
    this.forced.push(...kinds);
  }

  /** Takes a slot of the account-wide limit, or undefined when the account is at its limit. */
  tryAcquire(endpoint: string): Permit | undefined {
    if (this.inFlightCount >= this.current.concurrency) {
      this.stat.rejected += 1;
      return undefined;
    }
    this.inFlightCount += 1;
    this.stat.accepted += 1;
    this.stat.byEndpoint[endpoint] = (this.stat.byEndpoint[endpoint] ?? 0) + 1;
    this.stat.peakInFlight = Math.max(this.stat.peakInFlight, this.inFlightCount);
    let released = false;
    return {
      endpoint,
      release: () => {
        if (released) return;
        released = true;
        this.inFlightCount -= 1;
      },
    };
  }

  /** The fault to inject into this request, if any (forced ones first, then the seeded draw). */
  drawFault(): FaultKind | undefined {
    const forced = this.forced.shift();
    const kind = forced ?? this.randomFault();
    if (kind) this.stat.injected[kind] += 1;
    return kind;
  }

  private randomFault(): FaultKind | undefined {
    const { faultRate, faultKinds } = this.current;
    if (faultRate <= 0 || faultKinds.length === 0) return undefined;
    if (this.rng() >= faultRate) return undefined;
    return faultKinds[Math.floor(this.rng() * faultKinds.length)] ?? faultKinds[0];
  }

  /** A number in [0,1) from the seeded RNG (for endpoints needing deterministic choices). */
  random(): number {
    return this.rng();
  }

  /** Latency of a request touching `records` records. */
  latencyFor(records: number): number {
    const { latencyMs, perRecordMs, jitterMs } = this.current;
    const jitter = jitterMs > 0 ? Math.floor(this.rng() * jitterMs) : 0;
    return latencyMs + perRecordMs * Math.max(0, records) + jitter;
  }

  async delay(records: number): Promise<void> {
    const ms = this.latencyFor(records);
    if (ms > 0) await this.sleeper(ms);
  }

  /** Holds a request for the `timeout` fault. */
  async hold(): Promise<void> {
    if (this.current.timeoutMs > 0) await this.sleeper(this.current.timeoutMs);
  }

  stats(): GovernanceStats {
    return {
      ...this.stat,
      inFlight: this.inFlightCount,
      injected: { ...this.stat.injected },
      byEndpoint: { ...this.stat.byEndpoint },
    };
  }
}
