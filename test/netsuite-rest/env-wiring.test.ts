import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../relay/src/config/env.js';
import { createRestletClient, createRestNetSuitePort, NetSuiteConfigError } from '../../relay/src/connectors/netsuite/rest/index.js';
import { createNetSuitePortFromEnv } from '../../relay/src/connectors/netsuite/rest/select-port.js';
import { getFinancialSummary } from '../../relay/src/connectors/netsuite/restlet/project-scripts.js';
import { startNetSuiteEmulator, type RunningNetSuiteEmulator } from '../emulators/netsuite/index.js';
import { ensureCompiled } from '../emulators/netsuite/suitescript/compile.js';

let emu: RunningNetSuiteEmulator;
beforeAll(async () => {
  ensureCompiled();
  emu = await startNetSuiteEmulator({ env: {} });
});
afterAll(() => emu.close());

describe('NS_TRANSPORT=rest wiring from the variables the emulator prints', () => {
  it.each(['tba', 'oauth2'] as const)('NS_AUTH=%s: the port writes and reads, the RESTlet answers the financial summary', async (auth) => {
    const env = parseEnv({ ...emu.env, NS_AUTH: auth, NS_TRANSPORT: 'rest' });
    const port = createRestNetSuitePort(env);
    const ext = `WIRE-${auth}`;
    const [r] = await port.upsert([{ type: 'customer', externalId: ext, fields: { companyName: `Wired ${auth}`, subsidiary: { internalId: '1' } } }]);
    expect(r!.ok).toBe(true);
    const summary = await getFinancialSummary(createRestletClient(env), { externalId: ext });
    expect(summary.customer.companyName).toBe(`Wired ${auth}`);
    expect(summary.openInvoices).toEqual([]);
  });

  it('names the missing variable, never a value', () => {
    const env = parseEnv({ ...emu.env, NS_AUTH: 'oauth2', NS_CLIENT_ID: '' });
    expect(() => createRestNetSuitePort(env)).toThrow(NetSuiteConfigError);
    expect(() => createRestNetSuitePort(env)).toThrow(/^NS_CLIENT_ID is required when NS_AUTH=oauth2$/);
  });
});

describe('createNetSuitePortFromEnv', () => {
  it.each([
    ['soap', 'tba'],
    ['rest', 'tba'],
    ['rest', 'oauth2'],
  ] as const)('NS_TRANSPORT=%s NS_AUTH=%s gives a working port', async (transport, auth) => {
    const port = createNetSuitePortFromEnv(parseEnv({ ...emu.env, NS_TRANSPORT: transport, NS_AUTH: auth }));
    const ext = `SEL-${transport}-${auth}`;
    const [r] = await port.upsert([{ type: 'customer', externalId: ext, fields: { companyName: ext, subsidiary: { internalId: '1' } } }]);
    expect(r!.ok).toBe(true);
    expect((await port.get({ type: 'customer', externalId: ext })).fields.companyName).toBe(ext);
  });

  it('refuses OAuth 2.0 with SOAP, naming NS_AUTH', () => {
    expect(() => createNetSuitePortFromEnv(parseEnv({ ...emu.env, NS_TRANSPORT: 'soap', NS_AUTH: 'oauth2' }))).toThrow(/^NS_AUTH oauth2 needs NS_TRANSPORT=rest/);
  });
});
