/**
 * Streams → durable inbox (the real embedded store): every event lands in the inbox before its
 * replay id counts, and a restarted relay resumes from the stored checkpoint without loss or duplicates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceStreams, defaultChannels, type StreamGap } from '../../relay/src/connectors/salesforce/streaming/index.js';
import { createLogger } from '../../relay/src/logging/logger.js';
import { createInbox } from '../../relay/src/pipeline/inbox.js';
import type { InboxEntryInput } from '../../relay/src/pipeline/inbox-port.js';
import { sqliteAdapter } from '../../relay/src/store/testing.js';
import type { Store } from '../../relay/src/store/types.js';
import { startHarness, waitFor, type Harness } from './harness.js';

const CDC = '/data/NetSuite_Connect__chn';
const PE = '/event/NetSuite_Sync_Request__e';
const adapter = sqliteAdapter();
let h: Harness;
let store: Store;

beforeAll(async () => {
  h = await startHarness({ channels: [CDC, PE], knobs: { connectTimeoutMs: 200, sessionTimeoutMs: 2_000 } });
  await adapter.setup();
  store = await adapter.open();
});
afterAll(async () => {
  await store?.close();
  await adapter.teardown();
  await h.close();
});

function streams(appended: InboxEntryInput[], gaps: StreamGap[] = [], checkpointAt?: (channel: string) => Promise<Date | undefined>) {
  const inbox = createInbox(store);
  const recording = {
    lastReplayId: (channel: string) => inbox.lastReplayId(channel),
    append: async (entries: readonly InboxEntryInput[]) => {
      const result = await inbox.append(entries);
      appended.push(...entries);
      return result;
    },
  };
  let token: string | null = null;
  return createSalesforceStreams({
    auth: {
      session: async () => ({ accessToken: (token ??= h.tokens.issue()), instanceUrl: h.baseUrl }),
      invalidate: () => {
        token = null;
      },
    },
    apiVersion: '62.0',
    inbox: recording,
    ...(checkpointAt ? { checkpointAt } : {}),
    onGap: async (g) => {
      gaps.push(g);
    },
    logger: createLogger({ level: 'silent' }),
    subscriber: { backoff: { initialDelayMs: 10, maxDelayMs: 100 } },
  });
}

function accountChange(name: string, recordIds = ['001xx000003DGb2AAG']): number {
  return h.bus.publish([CDC], { ChangeEventHeader: { entityName: 'Account', changeType: 'UPDATE', recordIds, changedFields: ['Name'] }, Name: name }).replayId;
}

describe('createSalesforceStreams → inbox', () => {
  it('subscribes to the package channels by default (namespaced when SF_NAMESPACE is set)', () => {
    expect(defaultChannels()).toEqual([CDC, PE]);
    expect(defaultChannels('nsc')).toEqual(['/data/nsc__NetSuite_Connect__chn', '/event/nsc__NetSuite_Sync_Request__e']);
  });

  it('appends events to the inbox, and a restart resumes from the stored checkpoint', async () => {
    const first: InboxEntryInput[] = [];
    const s1 = streams(first);
    await s1.start();
    await waitFor(() => s1.states().every((s) => s.status === 'subscribed'));
    const a = accountChange('a');
    const b = accountChange('b', ['001A', '001B']);
    const e = h.bus.publish([PE], { CreatedDate: new Date().toISOString(), CreatedById: '005xx', Record_Id__c: '001A' }).replayId;
    await waitFor(() => first.length === 4);
    expect(await store.lastReplayId(CDC)).toBe(b);
    expect(await store.lastReplayId(PE)).toBe(e);
    expect(first.map((x) => x.sourceKey)).toEqual(expect.arrayContaining([`${CDC}:${a}`, `${CDC}:${b}:001A`, `${CDC}:${b}:001B`, `${PE}:${e}`]));
    await s1.stop();

    // While the relay is down, more changes happen; the new process resumes after the stored ids.
    const c = accountChange('c');
    const second: InboxEntryInput[] = [];
    const gaps: StreamGap[] = [];
    const s2 = streams(second, gaps);
    await s2.start();
    await waitFor(() => second.length === 1);
    expect(second.map((x) => x.replayId)).toEqual([c]);
    expect(gaps).toEqual([]);
    expect(s2.states().map((s) => [s.channel, s.replayId])).toEqual([
      [CDC, c],
      [PE, e],
    ]);
    await s2.stop();
  });

  it('reports a gap with the stored checkpoint time when the stored replay id is no longer retained', async () => {
    const stale = 9_000_000;
    await createInbox(store).append([
      { source: 'salesforce-cdc', sourceKey: `${CDC}:${stale}`, channel: CDC, replayId: stale, recordType: 'Account', recordId: '001Z', payload: {} },
    ]);
    const lastStored = new Date('2026-11-20T08:00:00Z');
    const gaps: StreamGap[] = [];
    const s = streams([], gaps, async (channel) => (channel === CDC ? lastStored : undefined));
    await s.start();
    await waitFor(() => gaps.length === 1);
    expect(gaps[0]).toEqual({ channel: CDC, lastReplayId: stale, since: lastStored });
    await waitFor(() => s.states().every((st) => st.status === 'subscribed'));
    await s.stop();
  });
});
