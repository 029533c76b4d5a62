import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../relay/src/app/create-app.js';
import { createLogger } from '../../relay/src/logging/logger.js';
import type { InboxEntryInput, InboxPort } from '../../relay/src/pipeline/inbox-port.js';
import { webhookRoutes } from '../../relay/src/routes/webhooks.js';
import { listen, seedCustomer, startEmulator, type EmulatorHarness } from './harness.js';

class MemoryInbox implements InboxPort {
  entries: InboxEntryInput[] = [];
  async append(entries: readonly InboxEntryInput[]) {
    const fresh = entries.filter((e) => !this.entries.some((x) => x.sourceKey === e.sourceKey));
    this.entries.push(...fresh);
    return { inserted: fresh.length, duplicates: entries.length - fresh.length };
  }
}

const SECRET = 'whsec_e2e_5f3a9c';
let relay: { url: string; close: () => Promise<void> };
let inbox: MemoryInbox;
let emu: EmulatorHarness;
const PARAMS = 'customscript_nsc_change_notifier';

beforeAll(async () => {
  inbox = new MemoryInbox();
  const logger = createLogger({ level: 'silent' });
  const app = createApp({
    config: { RELAY_API_TOKENS: [] },
    logger,
    metrics: new Registry(),
    public: [{ path: '/webhooks', routes: webhookRoutes({ secret: SECRET, inbox, logger }) }],
  });
  relay = await listen(app);
  emu = await startEmulator({
    scripts: { parameters: { [PARAMS]: { custscript_nsc_relay_url: `${relay.url}/webhooks/netsuite`, custscript_nsc_webhook_secret: SECRET } } },
  });
});
afterAll(async () => {
  await emu.close();
  await relay.close();
});

describe('change notifier User Event → relay webhook (real HTTP both ways)', () => {
  it('delivers a saved invoice to the relay, signed and verified, into the inbox', async () => {
    const { customer, overdue } = seedCustomer(emu.state);
    await emu.state.idle();
    const stored = inbox.entries.find((e) => e.recordType === 'invoice' && e.recordId === overdue.internalId);
    expect(stored).toBeDefined();
    expect(stored!.source).toBe('netsuite-webhook');
    expect(stored!.payload).toMatchObject({
      recordType: 'invoice',
      id: overdue.internalId,
      event: 'create',
      externalId: null,
      fields: { tranid: overdue.tranId, entity: customer.internalId, total: 100, amountremaining: 100, status: 'Open' },
    });
    expect((stored!.payload as { lastModified: string }).lastModified).toBe(overdue.lastModifiedDate);
    const run = emu.scripts.userEventRuns.find((r) => r.event.internalId === overdue.internalId)!;
    expect(run.outcome.ok).toBe(true);
    expect(run.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('reports edits and deletes too', async () => {
    const c = emu.state.add('customer', { companyName: 'Edit Me', subsidiary: { internalId: '1' }, externalId: 'SF-EDIT' });
    emu.state.update('customer', { internalId: c.internalId, phone: '555-0100' });
    emu.state.delete('customer', { internalId: c.internalId });
    await emu.state.idle();
    // Each afterSubmit is its own execution posting on its own: like NetSuite, arrival order is not guaranteed.
    const events = inbox.entries.filter((e) => e.recordId === c.internalId).map((e) => (e.payload as { event: string }).event);
    expect(events.sort()).toEqual(['create', 'delete', 'edit']);
    const edit = inbox.entries.find((e) => e.recordId === c.internalId && (e.payload as { event: string }).event === 'edit')!;
    expect(edit.payload).toMatchObject({ externalId: 'SF-EDIT', fields: { phone: '555-0100', companyname: 'Edit Me' } });
  });

  it('never blocks the save: a wrong secret is refused by the relay and logged by the script', async () => {
    emu.scripts.parameters[PARAMS]!.custscript_nsc_webhook_secret = 'not-the-secret';
    try {
      const before = inbox.entries.length;
      const c = emu.state.add('customer', { companyName: 'Wrong Secret Co', subsidiary: { internalId: '1' } });
      await emu.state.idle();
      expect(emu.state.find('customer', { internalId: c.internalId })).toBeDefined();
      expect(inbox.entries.length).toBe(before);
      const run = emu.scripts.userEventRuns.find((r) => r.event.internalId === c.internalId)!;
      expect(run.outcome.ok).toBe(true);
      expect(run.logs).toContainEqual({ level: 'error', title: 'relay refused change', details: `customer ${c.internalId} create: HTTP 401` });
    } finally {
      emu.scripts.parameters[PARAMS]!.custscript_nsc_webhook_secret = SECRET;
    }
  });

  it('never blocks the save: an unreachable relay is logged and the record stays saved', async () => {
    emu.scripts.parameters[PARAMS]!.custscript_nsc_relay_url = 'http://127.0.0.1:9/webhooks/netsuite';
    try {
      const c = emu.state.add('customer', { companyName: 'Offline Relay Co', subsidiary: { internalId: '1' } });
      await emu.state.idle();
      expect(emu.state.find('customer', { internalId: c.internalId })).toBeDefined();
      const run = emu.scripts.userEventRuns.find((r) => r.event.internalId === c.internalId)!;
      expect(run.logs).toContainEqual(expect.objectContaining({ level: 'error', title: 'relay unreachable', details: expect.stringContaining('SSS_CONNECTION_CLOSED') }));
    } finally {
      emu.scripts.parameters[PARAMS]!.custscript_nsc_relay_url = `${relay.url}/webhooks/netsuite`;
    }
  });

  it('refuses a non-loopback http:// URL like N/https refuses non-https', async () => {
    emu.scripts.parameters[PARAMS]!.custscript_nsc_relay_url = 'http://relay.example.com/webhooks/netsuite';
    try {
      const c = emu.state.add('customer', { companyName: 'Plain HTTP Co', subsidiary: { internalId: '1' } });
      await emu.state.idle();
      const run = emu.scripts.userEventRuns.find((r) => r.event.internalId === c.internalId)!;
      expect(run.logs).toContainEqual(expect.objectContaining({ title: 'relay unreachable', details: expect.stringContaining('SSS_INVALID_URL') }));
    } finally {
      emu.scripts.parameters[PARAMS]!.custscript_nsc_relay_url = `${relay.url}/webhooks/netsuite`;
    }
  });
});
