/**
 * NetSuite REST path: SuiteQL engine speed over a seeded account, RESTlet latency through the
 * SuiteScript sandbox (worker + vm per execution), REST record reads, webhook signature checks.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { RestWebServicesClient } from '../../relay/src/connectors/netsuite/rest/client.js';
import { RestNetSuitePort } from '../../relay/src/connectors/netsuite/rest/transport.js';
import { tbaAuthorizer } from '../../relay/src/connectors/netsuite/restlet/authorizer.js';
import { RestletClient } from '../../relay/src/connectors/netsuite/restlet/client.js';
import { getFinancialSummary } from '../../relay/src/connectors/netsuite/restlet/project-scripts.js';
import { signatureHeaderValue, verifySignature } from '../../relay/src/webhooks/signature.js';
import { CredentialStore, generateSecrets } from '../../test/emulators/netsuite/credentials.js';
import { Governance } from '../../test/emulators/netsuite/governance.js';
import { runSuiteQl } from '../../test/emulators/netsuite/rest/suiteql/engine.js';
import { restServices } from '../../test/emulators/netsuite/rest/services.js';
import { AccountState } from '../../test/emulators/netsuite/state/account.js';
import { ensureCompiled } from '../../test/emulators/netsuite/suitescript/compile.js';
import type { BenchSection } from './main.js';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const round = (n: number) => Math.round(n * 100) / 100;

const section: BenchSection = {
  name: 'netsuite-rest',
  async run({ quick }) {
    ensureCompiled();
    const customers = quick ? 200 : 2000;
    const calls = quick ? 10 : 40;
    const state = new AccountState({ accountId: '1234567_SB1' });
    for (let i = 0; i < customers; i++) state.add('customer', { companyName: `Bench ${i}`, externalId: `B-${i}`, subsidiary: { internalId: '1' } });

    let t = performance.now();
    const queries = quick ? 20 : 100;
    for (let i = 0; i < queries; i++) runSuiteQl("SELECT id, companyname FROM customer WHERE externalid LIKE 'B-1%' ORDER BY companyname DESC", state);
    const suiteqlMs = (performance.now() - t) / queries;

    const secrets = generateSecrets();
    const services = restServices({ state, credentials: CredentialStore.fromSecrets('1234567_SB1', secrets), governance: new Governance({ knobs: { concurrency: 50 } }), userEvents: false });
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: services.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const authorizer = tbaAuthorizer({ accountId: '1234567_SB1', consumerKey: secrets.consumerKey, consumerSecret: secrets.consumerSecret, tokenId: secrets.tokenId, tokenSecret: secrets.tokenSecret });
    const restlet = new RestletClient({ baseUrl: url, authorizer });
    const port = new RestNetSuitePort({ rest: new RestWebServicesClient({ baseUrl: url, authorizer }), restlet });
    try {
      const restletMs: number[] = [];
      const getMs: number[] = [];
      for (let i = 0; i < calls; i++) {
        t = performance.now();
        await getFinancialSummary(restlet, { externalId: `B-${i}` });
        restletMs.push(performance.now() - t);
        t = performance.now();
        await port.get({ type: 'customer', externalId: `B-${i}` });
        getMs.push(performance.now() - t);
      }
      t = performance.now();
      const batch = Array.from({ length: 100 }, (_, i) => ({ type: 'customer' as const, externalId: `UP-${i}`, fields: { companyName: `Upsert ${i}`, subsidiary: { internalId: '1' } } }));
      await port.upsert(batch);
      const upsert100Ms = performance.now() - t;

      const body = JSON.stringify({ recordType: 'invoice', id: '1', externalId: null, event: 'edit', lastModified: null, fields: { memo: 'x'.repeat(2000) } });
      const now = Math.floor(Date.now() / 1000);
      const header = signatureHeaderValue('secret', now, body);
      const n = quick ? 2000 : 20000;
      t = performance.now();
      for (let i = 0; i < n; i++) verifySignature({ secret: 'secret', header, rawBody: body, nowSeconds: now });
      const verifyPerSec = Math.round(n / ((performance.now() - t) / 1000));

      return {
        accountCustomers: customers,
        suiteqlQueryMs: round(suiteqlMs),
        restletFinancialSummaryP50Ms: round(percentile(restletMs, 0.5)),
        restletFinancialSummaryP95Ms: round(percentile(restletMs, 0.95)),
        restRecordGetP50Ms: round(percentile(getMs, 0.5)),
        batchUpsert100ViaRestletMs: round(upsert100Ms),
        webhookVerificationsPerSec: verifyPerSec,
      };
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  },
};

export default section;
