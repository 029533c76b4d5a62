/**
 * The whole gap path against the full org emulator: the relay was away longer than the replay
 * retention, Salesforce rejects the stored replay id, the subscriber reports the gap, and the backfill
 * re-reads what changed since the checkpoint through the REST connector (SOQL queryAll) into the inbox
 * as GAP_* change events — while new changes stream normally.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceAuth, createSalesforcePort, loadPrivateKey } from '../../relay/src/connectors/salesforce/index.js';
import { createGapBackfill, createSubscriber, type StreamEvent, type StreamGap } from '../../relay/src/connectors/salesforce/streaming/index.js';
import { createLogger } from '../../relay/src/logging/logger.js';
import type { InboxEntryInput } from '../../relay/src/pipeline/inbox-port.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { waitFor } from './harness.js';

const CHANNEL = '/data/AccountChangeEvent';
const clock = { offsetMs: 0 };
const now = () => Date.now() + clock.offsetMs;
let sf: SalesforceEmulator;

beforeAll(async () => {
  sf = await startSalesforceEmulator({ env: {}, now, streamingKnobs: { connectTimeoutMs: 200, sessionTimeoutMs: 5_000 } });
});
afterAll(async () => sf?.close());

async function rest(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sf.url}/services/data/v62.0/${path}`, {
    method,
    headers: { Authorization: `Bearer ${sf.org.issueToken()}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

describe('gap → backfill against the org emulator', () => {
  it('reports the expired checkpoint and backfills the changes since it as GAP events', async () => {
    const first = (await rest('POST', 'sobjects/Account', { Name: 'Before the outage' })) as { id: string };
    const [checkpointEvent] = sf.org.bus.retained(CHANNEL).slice(-1);
    const header = checkpointEvent!.data.payload.ChangeEventHeader as { commitTimestamp: number };
    const at = new Date(header.commitTimestamp);

    clock.offsetMs += 1_000;
    const during = (await rest('POST', 'sobjects/Account', { Name: 'During the outage' })) as { id: string };
    await rest('PATCH', `sobjects/Account/${first.id}`, { Phone: '+1 415 555 0199' });
    const doomed = (await rest('POST', 'sobjects/Account', { Name: 'Deleted in the outage' })) as { id: string };
    await rest('DELETE', `sobjects/Account/${doomed.id}`);

    clock.offsetMs += 73 * 3600_000; // the relay was away past the 72 h retention

    const auth = createSalesforceAuth({
      loginUrl: sf.env.SF_LOGIN_URL,
      clientId: sf.env.SF_CLIENT_ID,
      username: sf.env.SF_USERNAME,
      privateKey: loadPrivateKey(readFileSync(sf.env.SF_PRIVATE_KEY_FILE, 'utf8')),
      now,
    });
    const port = createSalesforcePort({ auth, apiVersion: '62.0', now });
    const inbox: InboxEntryInput[] = [];
    const gaps: StreamGap[] = [];
    const received: StreamEvent[] = [];
    const logger = createLogger({ level: 'silent' });
    const backfill = createGapBackfill({
      salesforce: port,
      soql: port.soql,
      inbox: { append: async (e) => (inbox.push(...e), { inserted: e.length, duplicates: 0 }) },
      logger,
      now,
    });
    const sub = createSubscriber({
      auth,
      channel: CHANNEL,
      apiVersion: '62.0',
      checkpoint: { replayId: checkpointEvent!.replayId, at },
      onEvent: async (e) => {
        received.push(e);
      },
      onGap: async (g) => {
        gaps.push(g);
        await backfill(g);
      },
      logger,
      now,
      backoff: { initialDelayMs: 10, maxDelayMs: 100 },
    });
    try {
      await sub.start();
      await waitFor(() => sub.state().status === 'subscribed', 5_000);
      expect(gaps).toEqual([{ channel: CHANNEL, lastReplayId: checkpointEvent!.replayId, since: at }]);
      const byRecord = new Map(
        inbox.map((e) => [e.recordId, (e.payload as { ChangeEventHeader: { changeType: string } }).ChangeEventHeader.changeType]),
      );
      expect(byRecord.get(during.id)).toBe('GAP_UPDATE');
      expect(byRecord.get(first.id)).toBe('GAP_UPDATE'); // updated after the checkpoint
      expect(byRecord.get(doomed.id)).toBe('GAP_DELETE');

      const after = (await rest('POST', 'sobjects/Account', { Name: 'After the outage' })) as { id: string };
      await waitFor(() => received.length === 1, 5_000);
      expect((received[0]!.payload.ChangeEventHeader as { recordIds: string[] }).recordIds).toEqual([after.id]);
    } finally {
      await sub.stop();
    }
  });
});
