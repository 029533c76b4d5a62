/**
 * End to end over real HTTP: the full Salesforce emulator (JWT login, REST DML generating CDC) and the
 * relay's own JWT auth feeding the CometD subscriber. A change made through REST reaches `onEvent`
 * with a correct ChangeEventHeader, across a forced token expiry and a forced session drop.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceAuth, loadPrivateKey, type SalesforceAuth } from '../../relay/src/connectors/salesforce/index.js';
import { createSubscriber, type StreamEvent, type Subscriber } from '../../relay/src/connectors/salesforce/streaming/index.js';
import { createLogger } from '../../relay/src/logging/logger.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { waitFor } from './harness.js';

const CHANNEL = '/data/AccountChangeEvent';
let sf: SalesforceEmulator;
let auth: SalesforceAuth;
let sub: Subscriber;
const received: StreamEvent[] = [];

interface Header {
  entityName: string;
  changeType: string;
  recordIds: string[];
  changedFields: string[];
  commitTimestamp: number;
}

beforeAll(async () => {
  sf = await startSalesforceEmulator({ env: {}, streamingKnobs: { connectTimeoutMs: 200, sessionTimeoutMs: 2_000 } });
  auth = createSalesforceAuth({
    loginUrl: sf.env.SF_LOGIN_URL,
    clientId: sf.env.SF_CLIENT_ID,
    username: sf.env.SF_USERNAME,
    privateKey: loadPrivateKey(readFileSync(sf.env.SF_PRIVATE_KEY_FILE, 'utf8')),
  });
  sub = createSubscriber({
    auth,
    channel: CHANNEL,
    apiVersion: '62.0',
    checkpoint: { replayId: null },
    onEvent: async (e) => {
      received.push(e);
    },
    onGap: async () => {},
    logger: createLogger({ level: 'silent' }),
    backoff: { initialDelayMs: 10, maxDelayMs: 100 },
  });
  await sub.start();
  await waitFor(() => sub.state().status === 'subscribed');
});
afterAll(async () => {
  await sub?.stop();
  await sf?.close();
});

async function rest(method: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sf.url}/services/data/v62.0/${path}`, {
    method,
    headers: { Authorization: `Bearer ${sf.org.issueToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const header = (e: StreamEvent) => e.payload.ChangeEventHeader as Header;

describe('subscriber ⇄ Salesforce emulator (JWT + REST + CDC)', () => {
  let accountId: string;

  it('receives the CREATE change event of a REST insert', async () => {
    const created = await rest('POST', 'sobjects/Account', { Name: 'Streaming Test Co' });
    expect(created.status).toBe(201);
    accountId = (created.json as { id: string }).id;
    await waitFor(() => received.length >= 1);
    const h = header(received[0]!);
    expect(h).toMatchObject({ entityName: 'Account', changeType: 'CREATE', recordIds: [accountId] });
    expect(received[0]!.payload.Name).toBe('Streaming Test Co');
    expect(sub.state().replayId).toBe(received[0]!.replayId);
  });

  it('keeps streaming after every token is expired (re-login through the JWT flow)', async () => {
    const renewals = sub.state().counters.authRenewals;
    sf.org.expireAllTokens();
    const updated = await rest('PATCH', `sobjects/Account/${accountId}`, { Phone: '+1 415 555 0100' });
    expect(updated.status).toBe(204);
    await waitFor(() => received.length >= 2, 5_000);
    expect(header(received[1]!)).toMatchObject({ changeType: 'UPDATE', recordIds: [accountId] });
    expect(header(received[1]!).changedFields).toContain('Phone');
    expect(sub.state().counters.authRenewals).toBeGreaterThan(renewals);
  });

  it('keeps streaming after a forced CometD session drop, without loss or duplicates', async () => {
    sf.org.dropSessions();
    await rest('PATCH', `sobjects/Account/${accountId}`, { Website: 'https://example.com' });
    await waitFor(() => received.length >= 3, 5_000);
    const replayIds = received.map((e) => e.replayId);
    expect(new Set(replayIds).size).toBe(replayIds.length);
    expect([...replayIds].sort((a, b) => a - b)).toEqual(replayIds);
    expect(header(received[2]!).changedFields).toContain('Website');
  });
});
