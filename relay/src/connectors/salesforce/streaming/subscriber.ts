import { ExponentialBackoff, type IBackoff } from 'cockatiel';
import { BayeuxError, isBayeuxError } from './bayeux-protocol.js';
import { BayeuxSession } from './bayeux-session.js';
import type { StreamEvent, Subscriber, SubscriberOptions, SubscriberState, SubscriberStatus } from './types.js';

const DEFAULT_WATCHDOG_MS = 15 * 60_000;

/** Why the current session was torn down on purpose (not an error from Salesforce). */
class Restart extends Error {
  constructor(readonly reason: 'watchdog' | 'on-event-failed' | 'stop') {
    super(`stream restart: ${reason}`);
  }
}

/**
 * A durable CometD subscriber for one Salesforce channel. It resumes from the pipeline's checkpoint,
 * hands events to `onEvent` in order and advances the checkpoint only after it resolves, and recovers
 * from everything the field reports describe: expired tokens (401), forgotten sessions (403 Unknown
 * client), replay ids past retention (reported as a gap, then resumed from new events), silent
 * streams (watchdog) and network faults (exponential backoff with jitter). It never stops on its own.
 */
export function createSubscriber(opts: SubscriberOptions): Subscriber {
  const now = opts.now ?? Date.now;
  const log = opts.logger.child({ component: 'salesforce-stream', channel: opts.channel });
  const watchdogMs = opts.watchdogMs ?? DEFAULT_WATCHDOG_MS;
  const backoffFactory = new ExponentialBackoff({
    initialDelay: opts.backoff?.initialDelayMs ?? 500,
    maxDelay: opts.backoff?.maxDelayMs ?? 60_000,
  });

  const state: SubscriberState = {
    channel: opts.channel,
    status: 'idle',
    replayId: opts.checkpoint.replayId,
    checkpointAt: opts.checkpoint.at ?? null,
    lastEventAt: null,
    lastError: null,
    counters: {
      events: 0,
      handshakes: 0,
      gaps: 0,
      authRenewals: 0,
      unknownClientRecoveries: 0,
      watchdogRestarts: 0,
      networkRetries: 0,
      loginFailures: 0,
      onEventFailures: 0,
    },
  };
  /**
   * Set while the stream runs from -1 without a replay id: the time from which changes may be missing
   * if it has to start over at the tip (a checkpoint with a time but no replay id starts like that).
   */
  let liveSince: Date | null = opts.checkpoint.replayId === null ? (opts.checkpoint.at ?? null) : null;
  let stopping: AbortController | null = null;
  let sessionAbort: AbortController | null = null;
  let loop: Promise<void> | null = null;
  let watchdog: NodeJS.Timeout | null = null;
  let lastActivity = now();
  let backoff: IBackoff<unknown> | undefined;
  let immediateRetryUsed = false;

  const setStatus = (status: SubscriberStatus, detail?: Record<string, unknown>) => {
    if (state.status === status) return;
    log.info({ from: state.status, to: status, replayId: state.replayId, ...detail }, 'salesforce stream state');
    state.status = status;
  };

  async function runSession(stop: AbortSignal): Promise<never> {
    setStatus('connecting');
    const abort = new AbortController();
    sessionAbort = abort;
    const onStop = () => abort.abort(stop.reason);
    stop.addEventListener('abort', onStop, { once: true });
    try {
      return await runSessionWith(abort.signal); // a session only ends by throwing
    } finally {
      stop.removeEventListener('abort', onStop);
    }
  }

  async function runSessionWith(signal: AbortSignal): Promise<never> {
    let login: { accessToken: string; instanceUrl: string };
    try {
      login = await opts.auth.session();
    } catch (err) {
      throw new BayeuxError('login', `Salesforce login failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    const { accessToken, instanceUrl } = login;
    const session = new BayeuxSession({
      endpoint: `${instanceUrl.replace(/\/+$/, '')}/cometd/${opts.apiVersion}`,
      accessToken,
      requestTimeoutMs: opts.requestTimeoutMs ?? 30_000,
      fetch: opts.fetch ?? fetch,
    });
    try {
      await session.handshake(signal);
      state.counters.handshakes++;
      await subscribeFromCheckpoint(session, signal);
      lastActivity = now();
      setStatus('subscribed', { replayId: state.replayId });
      for (;;) {
        const result = await session.connect(opts.channel, signal);
        for (const problem of result.unreadable) log.error({ problem }, 'unreadable event message on the stream; skipped');
        for (const event of result.events) await deliver(event, signal);
        if (result.failure) throw result.failure;
        backoff = undefined; // a healthy round trip ends a failure streak
        immediateRetryUsed = false;
        const interval = result.advice?.interval ?? 0;
        if (interval > 0) await sleep(interval, signal);
      }
    } catch (err) {
      if (isBayeuxError(err) && err.kind === 'auth') {
        opts.auth.invalidate(accessToken); // after the token is dead; never logged
      } else {
        void session.disconnect(); // free the server-side client; a dead one expires on its own
      }
      throw err;
    }
  }

  async function subscribeFromCheckpoint(session: BayeuxSession, signal: AbortSignal): Promise<void> {
    const replay = state.replayId ?? opts.replayWithoutCheckpoint ?? -1;
    try {
      await session.subscribe(opts.channel, replay, signal);
      if (state.replayId === null && replay === -1) {
        // At the tip without a replay id: anything published since we were last live is missing.
        const tip = new Date(now());
        if (liveSince) await reportGap(null, liveSince);
        liveSince = tip; // only once the gap is handed over: a failed onGap is reported again, same window
      }
    } catch (err) {
      if (!isBayeuxError(err) || err.kind !== 'replay-invalid') throw err;
      log.warn({ replayId: state.replayId, error: err.message }, 'salesforce rejected the stored replay id; resuming from new events and reporting a gap');
      // Subscribe at the tip first, then report: the backfill covers everything before the tip.
      await session.subscribe(opts.channel, -1, signal);
      const tip = new Date(now());
      await reportGap(state.replayId, state.checkpointAt ?? liveSince);
      state.replayId = null;
      liveSince = tip;
    }
  }

  async function reportGap(lastReplayId: number | null, since: Date | null): Promise<void> {
    state.counters.gaps++;
    log.warn({ lastReplayId, since: since?.toISOString() ?? null }, 'salesforce stream gap: backfill by query needed');
    await opts.onGap({ channel: opts.channel, lastReplayId, since });
  }

  async function deliver(event: StreamEvent, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw signal.reason;
    if (state.replayId !== null && event.replayId <= state.replayId) return; // already stored
    try {
      await opts.onEvent(event);
    } catch (err) {
      state.counters.onEventFailures++;
      log.error({ err, replayId: event.replayId }, 'onEvent failed; the checkpoint stays and the stream replays from it');
      throw new Restart('on-event-failed');
    }
    state.replayId = event.replayId;
    state.checkpointAt = eventTime(event) ?? new Date(now());
    state.lastEventAt = new Date(now());
    state.counters.events++;
    liveSince = null;
    lastActivity = now();
  }

  /** How long to wait before the next session after `err`, and which counter it feeds. */
  function recover(err: unknown): number {
    const message = err instanceof Error ? err.message : String(err);
    state.lastError = message;
    if (err instanceof Restart) {
      if (err.reason === 'watchdog') {
        state.counters.watchdogRestarts++;
        log.warn({ watchdogMs }, 'salesforce stream silent too long; restarting it from the checkpoint');
        return 0;
      }
      return nextDelay();
    }
    const kind = isBayeuxError(err) ? err.kind : 'network';
    if (kind === 'auth') state.counters.authRenewals++;
    else if (kind === 'unknown-client') state.counters.unknownClientRecoveries++;
    else if (kind === 'login') state.counters.loginFailures++;
    else state.counters.networkRetries++;
    const level = kind === 'rejected' || kind === 'login' ? 'error' : 'warn';
    log[level]({ kind, error: message }, 'salesforce stream interrupted; rebuilding the client');
    // Token expiry and a forgotten session are routine: rebuild at once, but back off if it repeats.
    if ((kind === 'auth' || kind === 'unknown-client') && !immediateRetryUsed) {
      immediateRetryUsed = true;
      return 0;
    }
    return nextDelay();
  }

  function nextDelay(): number {
    backoff = backoff ? backoff.next(undefined) : backoffFactory.next();
    return backoff.duration;
  }

  function startWatchdog(): void {
    const period = Math.max(10, Math.min(watchdogMs / 4, 30_000));
    watchdog = setInterval(() => {
      if (state.status !== 'subscribed' || now() - lastActivity <= watchdogMs) return;
      lastActivity = now();
      sessionAbort?.abort(new Restart('watchdog'));
    }, period);
    watchdog.unref();
  }

  async function run(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      try {
        await runSession(stop);
      } catch (err) {
        if (stop.aborted) break;
        const delay = recover(err);
        if (delay > 0) {
          setStatus('backoff', { delayMs: Math.round(delay) });
          await sleep(delay, stop).catch(() => undefined);
        }
      }
    }
  }

  return {
    async start() {
      if (loop) return;
      stopping = new AbortController();
      lastActivity = now();
      startWatchdog();
      log.info({ replayId: state.replayId, apiVersion: opts.apiVersion }, 'salesforce stream starting');
      loop = run(stopping.signal);
    },
    async stop() {
      if (!loop || !stopping) return;
      stopping.abort(new Restart('stop'));
      if (watchdog) clearInterval(watchdog);
      await loop;
      loop = null;
      setStatus('stopped');
    },
    state: () => structuredClone(state),
  };
}

/** The event's own time: CDC commitTimestamp, else the platform event's CreatedDate. */
function eventTime(event: StreamEvent): Date | null {
  const header = event.payload.ChangeEventHeader as { commitTimestamp?: unknown } | undefined;
  if (typeof header?.commitTimestamp === 'number') return new Date(header.commitTimestamp);
  const created = event.payload.CreatedDate;
  if (typeof created === 'string' && !Number.isNaN(Date.parse(created))) return new Date(created);
  return null;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
