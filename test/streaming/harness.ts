import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import {
  EventBus,
  createCometdServer,
  type AuthResult,
  type CometdServer,
  type StreamingKnobs,
} from '../emulators/salesforce/streaming/index.js';

export const API_VERSION = '62.0';

/** Tokens the fake org accepts; flip `expired` to simulate a token that stopped working. */
export class FakeTokens {
  private readonly tokens = new Map<string, { userId: string; orgId: string; expired: boolean }>();
  private counter = 0;

  issue(userId = '005xx000001SwiUAAS', orgId = '00Dxx0000001gPLEAY'): string {
    const token = `${orgId.slice(0, 15)}!FAKE${++this.counter}${Math.random().toString(36).slice(2)}`;
    this.tokens.set(token, { userId, orgId, expired: false });
    return token;
  }

  expire(token: string): void {
    const t = this.tokens.get(token);
    if (t) t.expired = true;
  }

  expireAll(): void {
    for (const t of this.tokens.values()) t.expired = true;
  }

  authenticate = (header: string | undefined): AuthResult => {
    const m = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header ?? '');
    const t = m ? this.tokens.get(m[1]!) : undefined;
    if (!t) return { ok: false, reason: 'invalid' };
    if (t.expired) return { ok: false, reason: 'expired' };
    return { ok: true, userId: t.userId, orgId: t.orgId };
  };
}

export interface Harness {
  baseUrl: string;
  endpoint: string;
  bus: EventBus;
  cometd: CometdServer;
  tokens: FakeTokens;
  knobs: StreamingKnobs;
  clock: { offsetMs: number };
  close(): Promise<void>;
}

/** A tiny Hono server on 127.0.0.1:0 mounting the emulator's CometD routes with a fake token check. */
export async function startHarness(
  options: { knobs?: StreamingKnobs; channels?: string[]; retentionMs?: number } = {},
): Promise<Harness> {
  const clock = { offsetMs: 0 };
  const now = () => Date.now() + clock.offsetMs;
  const bus = new EventBus({
    retentionMs: options.retentionMs ?? 72 * 3600_000,
    now,
    channels: options.channels ?? ['/event/Order_Event__e', '/data/AccountChangeEvent', '/data/ChangeEvents'],
  });
  const tokens = new FakeTokens();
  const knobs: StreamingKnobs = { ...options.knobs };
  const cometd = createCometdServer({ bus, authenticate: tokens.authenticate, knobs, now });
  const app = new Hono();
  app.route('/cometd', cometd.routes);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    endpoint: `${baseUrl}/cometd/${API_VERSION}`,
    bus,
    cometd,
    tokens,
    knobs,
    clock,
    close: async () => {
      cometd.close();
      await new Promise<void>((resolve) => {
        const s = server as { closeAllConnections?: () => void; close: (cb: () => void) => void };
        s.closeAllConnections?.();
        s.close(() => resolve());
      });
    },
  };
}

/** Posts one Bayeux batch and returns the HTTP status, the parsed reply and the response headers. */
export async function post(
  endpoint: string,
  messages: unknown,
  init: { token?: string; scheme?: 'Bearer' | 'OAuth'; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Array<Record<string, unknown>>; headers: Headers }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...init.headers };
  if (init.token) headers.Authorization = `${init.scheme ?? 'OAuth'} ${init.token}`;
  const res = await fetch(endpoint, { method: 'POST', headers, body: init.raw ?? JSON.stringify(messages) });
  const text = await res.text();
  let body: Array<Record<string, unknown>> = [];
  try {
    body = JSON.parse(text) as Array<Record<string, unknown>>;
  } catch {
    body = [];
  }
  return { status: res.status, body, headers: res.headers };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5_000, stepMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await sleep(stepMs);
  }
}
