import { Registry } from 'prom-client';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { createLogger } from '../logging/logger.js';
import type { InboxEntryInput, InboxPort } from '../pipeline/inbox-port.js';
import { signatureHeaderValue } from '../webhooks/signature.js';
import { webhookRoutes } from './webhooks.js';

const SECRET = 'whsec_test_0123456789';
const NOW = Date.UTC(2026, 10, 26, 21, 0, 0);
const nowSeconds = Math.floor(NOW / 1000);

/** An inbox double that dedupes on sourceKey, like the real store, and can be made to fail. */
class MemoryInbox implements InboxPort {
  entries: InboxEntryInput[] = [];
  failNext = false;
  async append(entries: readonly InboxEntryInput[]) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database is locked');
    }
    let inserted = 0;
    for (const e of entries) {
      if (this.entries.some((x) => x.source === e.source && x.sourceKey === e.sourceKey)) continue;
      this.entries.push(e);
      inserted++;
    }
    return { inserted, duplicates: entries.length - inserted };
  }
}

const change = (overrides: Record<string, unknown> = {}) => ({
  recordType: 'invoice',
  id: '812',
  externalId: 'SF-INV-1',
  event: 'create',
  lastModified: '2026-11-26T20:59:58.000Z',
  fields: { tranid: 'INV-812', total: 99.5 },
  ...overrides,
});

describe('POST /webhooks/netsuite', () => {
  let inbox: MemoryInbox;
  let clock: number;
  let logLines: string[];
  let app: ReturnType<typeof createApp>;

  beforeEach(() => {
    inbox = new MemoryInbox();
    clock = NOW;
    logLines = [];
    const logger = createLogger({ level: 'debug', secrets: [SECRET], destination: { write: (l: string) => logLines.push(l) } });
    app = createApp({
      config: { RELAY_API_TOKENS: ['t'] },
      logger,
      metrics: new Registry(),
      public: [{ path: '/webhooks', routes: webhookRoutes({ secret: SECRET, inbox, logger, now: () => clock }) }],
    });
  });

  const send = (body: string, headers: Record<string, string> = {}) =>
    app.request('/webhooks/netsuite', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-nsc-signature': signatureHeaderValue(SECRET, nowSeconds, body), ...headers },
    });

  it('stores a signed change and answers 202 only after the inbox has it', async () => {
    const body = JSON.stringify(change());
    const res = await send(body);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'stored' });
    expect(inbox.entries).toHaveLength(1);
    expect(inbox.entries[0]).toMatchObject({
      source: 'netsuite-webhook',
      sourceKey: 'invoice:812:create:2026-11-26T20:59:58.000Z',
      recordType: 'invoice',
      recordId: '812',
      payload: change(),
    });
    expect(logLines.join('\n')).not.toContain(SECRET);
  });

  it('refuses a wrong signature, a missing header and a malformed header with 401', async () => {
    const body = JSON.stringify(change());
    const wrong = await send(body, { 'x-nsc-signature': signatureHeaderValue('other-secret', nowSeconds, body) });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const tampered = await send(body.replace('99.5', '0.5'), { 'x-nsc-signature': signatureHeaderValue(SECRET, nowSeconds, body) });
    expect((await tampered.json()).error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const missing = await app.request('/webhooks/netsuite', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect((await missing.json()).error.code).toBe('WEBHOOK_SIGNATURE_MISSING');
    const malformed = await send(body, { 'x-nsc-signature': 'sha256=abc' });
    expect((await malformed.json()).error.code).toBe('WEBHOOK_SIGNATURE_MALFORMED');
    expect(inbox.entries).toHaveLength(0);
  });

  it('refuses timestamps outside the 5-minute window, either way', async () => {
    const body = JSON.stringify(change());
    for (const t of [nowSeconds - 301, nowSeconds + 301]) {
      const res = await send(body, { 'x-nsc-signature': signatureHeaderValue(SECRET, t, body) });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('WEBHOOK_TIMESTAMP_EXPIRED');
    }
    const edge = await send(body, { 'x-nsc-signature': signatureHeaderValue(SECRET, nowSeconds - 300, body) });
    expect(edge.status).toBe(202);
  });

  it('refuses an exact replay with 409, and treats a re-signed copy of a stored change as a duplicate', async () => {
    const body = JSON.stringify(change());
    expect((await send(body)).status).toBe(202);
    const replay = await send(body);
    expect(replay.status).toBe(409);
    expect((await replay.json()).error.code).toBe('WEBHOOK_REPLAYED');
    clock += 2000;
    const resigned = await send(body, { 'x-nsc-signature': signatureHeaderValue(SECRET, nowSeconds + 2, body) });
    expect(resigned.status).toBe(200);
    expect(await resigned.json()).toEqual({ status: 'duplicate' });
    expect(inbox.entries).toHaveLength(1);
  });

  it('answers 415 for a non-JSON content type', async () => {
    const res = await send(JSON.stringify(change()), { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 for an oversized body without reading it all', async () => {
    const body = JSON.stringify(change({ fields: { memo: 'x'.repeat(300 * 1024) } }));
    const res = await send(body);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 for signed malformed JSON and for a body that fails the schema, naming the field', async () => {
    const bad = await send('{"recordType":');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('MALFORMED_JSON');
    const invalid = await send(JSON.stringify(change({ id: 'abc', event: 'explode' })));
    expect(invalid.status).toBe(400);
    const err = (await invalid.json()).error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.map((d: { field: string }) => d.field).sort()).toEqual(['event', 'id']);
    const extra = await send(JSON.stringify({ ...change(), admin: true }));
    expect(extra.status).toBe(400);
    expect(inbox.entries).toHaveLength(0);
  });

  it('answers 500 when the inbox cannot store, and accepts the same delivery again afterwards', async () => {
    const body = JSON.stringify(change());
    inbox.failNext = true;
    const failed = await send(body);
    expect(failed.status).toBe(500);
    const retried = await send(body);
    expect(retried.status).toBe(202);
    expect(inbox.entries).toHaveLength(1);
  });

  it('requires a secret', () => {
    expect(() => webhookRoutes({ secret: '', inbox, logger: createLogger({ level: 'silent' }) })).toThrow(/NS_WEBHOOK_SECRET/);
  });
});
