import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { registerStreamMetrics, streamsReadinessCheck } from './stream-health.js';
import type { SubscriberState } from './types.js';

function state(channel: string, status: SubscriberState['status'], extra: Partial<SubscriberState> = {}): SubscriberState {
  return {
    channel,
    status,
    replayId: 5,
    checkpointAt: null,
    lastEventAt: null,
    lastError: null,
    counters: { events: 3, handshakes: 1, gaps: 1, authRenewals: 0, unknownClientRecoveries: 2, watchdogRestarts: 0, networkRetries: 0, loginFailures: 0, onEventFailures: 0 },
    ...extra,
  };
}

describe('stream health', () => {
  it('reports readiness from the subscribers', async () => {
    let states: SubscriberState[] = [];
    const check = streamsReadinessCheck({ states: () => states });
    expect(check.critical).toBe(false);
    expect(await check.check()).toEqual({ state: 'not_configured' });
    states = [state('/data/A', 'subscribed'), state('/event/B__e', 'subscribed')];
    expect(await check.check()).toEqual({ state: 'up' });
    states = [state('/data/A', 'subscribed'), state('/event/B__e', 'backoff', { lastError: '403::Unknown client' })];
    expect(await check.check()).toEqual({ state: 'degraded', detail: '/event/B__e: backoff (403::Unknown client)' });
    states = [state('/data/A', 'connecting')];
    expect((await check.check()).state).toBe('down');
  });

  it('exposes per-channel Prometheus metrics read at scrape time', async () => {
    const registry = new Registry();
    const states = [state('/data/A', 'subscribed', { lastEventAt: new Date(Date.now() - 2_000) }), state('/event/B__e', 'backoff')];
    registerStreamMetrics(registry, { states: () => states });
    registerStreamMetrics(registry, { states: () => states }); // idempotent
    const text = await registry.metrics();
    expect(text).toContain('nsc_salesforce_stream_subscribed{channel="/data/A"} 1');
    expect(text).toContain('nsc_salesforce_stream_subscribed{channel="/event/B__e"} 0');
    expect(text).toContain('nsc_salesforce_stream_events_total{channel="/data/A"} 3');
    expect(text).toContain('nsc_salesforce_stream_rehandshakes_total{channel="/event/B__e"} 2');
    expect(text).toMatch(/nsc_salesforce_stream_last_event_age_seconds\{channel="\/data\/A"\} (1\.9|2|2\.\d+)/);
    expect(text).not.toContain('nsc_salesforce_stream_last_event_age_seconds{channel="/event/B__e"}');
  });
});
