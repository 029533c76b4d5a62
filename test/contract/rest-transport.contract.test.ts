import { afterAll, beforeAll } from 'vitest';
import { createOAuth2TokenProvider } from '../../relay/src/connectors/netsuite/oauth2/token-provider.js';
import { RestWebServicesClient } from '../../relay/src/connectors/netsuite/rest/client.js';
import { RestNetSuitePort } from '../../relay/src/connectors/netsuite/rest/transport.js';
import { bearerAuthorizer, tbaAuthorizer, type Authorizer } from '../../relay/src/connectors/netsuite/restlet/authorizer.js';
import { RestletClient } from '../../relay/src/connectors/netsuite/restlet/client.js';
import { startNetSuiteEmulator, type RunningNetSuiteEmulator } from '../emulators/netsuite/index.js';
import { ensureCompiled } from '../emulators/netsuite/suitescript/compile.js';
import { netSuitePortContract } from './netsuite-port.contract.js';

let emu: RunningNetSuiteEmulator;
beforeAll(async () => {
  ensureCompiled();
  emu = await startNetSuiteEmulator({ env: {} });
});
afterAll(() => emu.close());

function port(kind: 'tba' | 'oauth2'): RestNetSuitePort {
  const s = emu.account.secrets;
  const authorizer: Authorizer =
    kind === 'tba'
      ? tbaAuthorizer({ accountId: emu.env.NS_ACCOUNT_ID!, consumerKey: s.consumerKey, consumerSecret: s.consumerSecret, tokenId: s.tokenId, tokenSecret: s.tokenSecret })
      : bearerAuthorizer(
          createOAuth2TokenProvider({ tokenUrl: `${emu.url}/services/rest/auth/oauth2/v1/token`, clientId: s.clientId, certificateId: s.certificateId, privateKeyPem: s.privateKeyPem }),
        );
  return new RestNetSuitePort({
    rest: new RestWebServicesClient({ baseUrl: emu.url, authorizer }),
    restlet: new RestletClient({ baseUrl: emu.url, authorizer }),
    concurrencyLimit: 5,
  });
}

let tba: RestNetSuitePort | undefined;
let oauth2: RestNetSuitePort | undefined;
netSuitePortContract('REST web services + RESTlets, TBA', () => ({ port: (tba ??= port('tba')) }));
netSuitePortContract('REST web services + RESTlets, OAuth 2.0', () => ({ port: (oauth2 ??= port('oauth2')) }));
