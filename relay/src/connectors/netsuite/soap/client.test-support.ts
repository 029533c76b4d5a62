import { SoapNetSuiteClient } from './client.js';
import type { SoapConnectorConfig } from './config.js';
import {
  fakeNetSuite,
  recordsOf,
  refsOf,
  writeListXml,
  type Handler,
  type Item,
} from './fake-netsuite.test-support.js';
import type { NsRecord } from '../port.js';

/** Shared by the client unit tests: credentials, a client over the scripted fake, sample customers. */
export const CREDS = {
  accountId: '123456_SB1',
  consumerKey: 'ck-1',
  consumerSecret: 'cs-SECRET-1',
  tokenId: 'tid-1',
  tokenSecret: 'ts-SECRET-1',
};

export function client(handler: Handler, extra: Partial<SoapConnectorConfig> = {}, limits = {}) {
  const fake = fakeNetSuite(handler);
  const c = new SoapNetSuiteClient(
    { credentials: CREDS, fetch: fake.fetch, retryBaseDelayMs: 1, ...extra },
    { limits },
  );
  return { c, requests: fake.requests };
}

export const customer = (i: number, fields: Record<string, unknown> = {}): NsRecord => ({
  type: 'customer',
  externalId: `C-${i}`,
  fields: { companyName: `Company ${i}`, ...fields },
});

/** Answers every write list with success, internalId = 1000 + position in the whole run. */
export function okWrites(): Handler {
  let next = 1000;
  return (req) => {
    const n = (req.operation === 'deleteList' ? refsOf(req) : recordsOf(req)).length;
    const items: Item[] = Array.from({ length: n }, () => ({ ok: true, internalId: String(next++) }));
    return { xml: writeListXml(req.operation, items) };
  };
}
