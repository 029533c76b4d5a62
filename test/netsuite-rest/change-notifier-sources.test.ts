import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../relay/src/app/create-app.js';
import { parseEnv } from '../../relay/src/config/env.js';
import { createRestNetSuitePort } from '../../relay/src/connectors/netsuite/rest/index.js';
import { createSoapNetSuitePort } from '../../relay/src/connectors/netsuite/soap/index.js';
import { createLogger } from '../../relay/src/logging/logger.js';
import type { InboxEntryInput, InboxPort } from '../../relay/src/pipeline/inbox-port.js';
import { webhookRoutes } from '../../relay/src/routes/webhooks.js';
import { startNetSuiteEmulator, type RunningNetSuiteEmulator } from '../emulators/netsuite/index.js';
import { restServicesOf } from '../emulators/netsuite/rest/services.js';
import { ensureCompiled } from '../emulators/netsuite/suitescript/compile.js';
import { listen } from './harness.js';

const entries: InboxEntryInput[] = [];
const inbox: InboxPort = {
  async append(list) {
    entries.push(...list);
    return { inserted: list.length, duplicates: 0 };
  },
};
let emu: RunningNetSuiteEmulator;
let relay: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  ensureCompiled();
  emu = await startNetSuiteEmulator({ env: {} });
  const logger = createLogger({ level: 'silent' });
  // The relay verifies with the secret the emulator prints as NS_WEBHOOK_SECRET.
  const app = createApp({
    config: { RELAY_API_TOKENS: [] },
    logger,
    metrics: new Registry(),
    public: [{ path: '/webhooks', routes: webhookRoutes({ secret: emu.env.NS_WEBHOOK_SECRET!, inbox, logger }) }],
  });
  relay = await listen(app);
  const services = restServicesOf(emu.account)!;
  services.scripts.parameters.customscript_nsc_change_notifier!.custscript_nsc_relay_url = `${relay.url}/webhooks/netsuite`;
  services.scripts.installUserEvents();
});
afterAll(async () => {
  await emu.close();
  await relay.close();
});

const received = (externalId: string) => entries.filter((e) => (e.payload as { externalId: string | null }).externalId === externalId);

describe('the change notifier runs whatever endpoint saved the record', () => {
  it('SOAP upsert → webhook', async () => {
    const s = emu.account.secrets;
    const port = createSoapNetSuitePort({
      credentials: { accountId: emu.env.NS_ACCOUNT_ID!, consumerKey: s.consumerKey, consumerSecret: s.consumerSecret, tokenId: s.tokenId, tokenSecret: s.tokenSecret },
      baseUrl: emu.url,
    });
    const [r] = await port.upsert([{ type: 'customer', externalId: 'SRC-SOAP', fields: { companyName: 'Via SOAP', subsidiary: { internalId: '1' } } }]);
    expect(r!.ok).toBe(true);
    await emu.account.state.idle();
    expect(received('SRC-SOAP').map((e) => (e.payload as { event: string }).event)).toEqual(['create']);
  });

  it('REST record API and the batch-upsert RESTlet → webhook', async () => {
    const port = createRestNetSuitePort(parseEnv({ ...emu.env, NS_TRANSPORT: 'rest', NS_AUTH: 'oauth2' }));
    const [viaRest] = await port.add([{ type: 'customer', externalId: 'SRC-REST', fields: { companyName: 'Via REST', subsidiary: { internalId: '1' } } }]);
    const [viaScript] = await port.upsert([{ type: 'customer', externalId: 'SRC-SCRIPT', fields: { companyName: 'Via RESTlet', subsidiary: { internalId: '1' } } }]);
    expect(viaRest!.ok && viaScript!.ok).toBe(true);
    await emu.account.state.idle();
    expect(received('SRC-REST')).toHaveLength(1);
    expect(received('SRC-SCRIPT')).toHaveLength(1);
    expect(received('SRC-SCRIPT')[0]!.payload).toMatchObject({ recordType: 'customer', event: 'create', fields: { companyname: 'Via RESTlet' } });
  });
});
