import { afterAll, beforeAll } from 'vitest';
import type { NetSuitePort } from '../../relay/src/connectors/netsuite/port.js';
import { createSoapNetSuitePort } from '../../relay/src/connectors/netsuite/soap/index.js';
import { startNetSuiteEmulator, type RunningNetSuiteEmulator } from '../emulators/netsuite/index.js';
import { netSuitePortContract } from './netsuite-port.contract.js';

let emu: RunningNetSuiteEmulator;
beforeAll(async () => {
  emu = await startNetSuiteEmulator({ env: {} });
});
afterAll(() => emu.close());

let port: NetSuitePort | undefined;
netSuitePortContract('SuiteTalk SOAP, TBA', () => {
  const s = emu.account.secrets;
  port ??= createSoapNetSuitePort({
    credentials: { accountId: emu.env.NS_ACCOUNT_ID!, consumerKey: s.consumerKey, consumerSecret: s.consumerSecret, tokenId: s.tokenId, tokenSecret: s.tokenSecret },
    baseUrl: emu.url,
  });
  return { port };
});
