import { Counter, Gauge, type Registry } from 'prom-client';
import type { ReadinessCheck } from '../../../http/readiness.js';
import type { SubscriberState } from './types.js';

interface HasStates {
  states(): SubscriberState[];
}

/**
 * `/readyz` entry for the Salesforce streams: up when every channel is subscribed, degraded while some
 * recover (connecting/backoff), down when none is. Not critical by default: the API still answers
 * while the stream heals, and nothing is lost (it resumes from the checkpoint).
 */
export function streamsReadinessCheck(streams: HasStates, critical = false): ReadinessCheck {
  return {
    name: 'salesforce-streams',
    critical,
    async check() {
      const states = streams.states();
      if (states.length === 0) return { state: 'not_configured' };
      const down = states.filter((s) => s.status !== 'subscribed');
      if (down.length === 0) return { state: 'up' };
      const detail = down.map((s) => `${s.channel}: ${s.status}${s.lastError ? ` (${s.lastError})` : ''}`).join('; ');
      return { state: down.length === states.length ? 'down' : 'degraded', detail };
    },
  };
}

const COUNTERS: Array<[keyof SubscriberState['counters'], string, string]> = [
  ['events', 'nsc_salesforce_stream_events_total', 'Events stored from the Salesforce stream'],
  ['gaps', 'nsc_salesforce_stream_gaps_total', 'Replay gaps reported for backfill'],
  ['authRenewals', 'nsc_salesforce_stream_auth_renewals_total', 'Stream rebuilds after 401 Authentication invalid'],
  ['unknownClientRecoveries', 'nsc_salesforce_stream_rehandshakes_total', 'Stream rebuilds after 403 Unknown client'],
  ['watchdogRestarts', 'nsc_salesforce_stream_watchdog_restarts_total', 'Stream restarts by the silence watchdog'],
  ['networkRetries', 'nsc_salesforce_stream_retries_total', 'Stream retries after network faults and rejections'],
  ['loginFailures', 'nsc_salesforce_stream_login_failures_total', 'Failed logins while (re)building the stream'],
  ['onEventFailures', 'nsc_salesforce_stream_store_failures_total', 'Events whose storing failed (redelivered)'],
];

/** Prometheus metrics read from the subscribers' state at scrape time (labelled by channel). */
export function registerStreamMetrics(registry: Registry, streams: HasStates): void {
  if (registry.getSingleMetric('nsc_salesforce_stream_subscribed')) return;
  new Gauge({
    name: 'nsc_salesforce_stream_subscribed',
    help: '1 when the channel is subscribed and streaming, else 0',
    labelNames: ['channel'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const s of streams.states()) this.set({ channel: s.channel }, s.status === 'subscribed' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'nsc_salesforce_stream_last_event_age_seconds',
    help: 'Seconds since the last event was stored (absent before the first event)',
    labelNames: ['channel'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const s of streams.states()) {
        if (s.lastEventAt) this.set({ channel: s.channel }, (Date.now() - s.lastEventAt.getTime()) / 1000);
      }
    },
  });
  for (const [key, name, help] of COUNTERS) {
    new Counter({
      name,
      help,
      labelNames: ['channel'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of streams.states()) this.inc({ channel: s.channel }, s.counters[key]);
      },
    });
  }
}
