import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { randomBytes } from 'node:crypto';
import { passportSignature } from './passport.js';

/**
 * A deliberately small SOAP client for the emulator's own tests: envelopes are built with
 * XMLBuilder (values escaped), signed with a fresh tokenPassport, posted with fetch.
 */

export interface TbaKeys {
  account: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) =>
    ['writeResponse', 'readResponse', 'record', 'statusDetail', 'customField', 'item', 'apply'].includes(name),
});

export const nsFor = (version: string) => ({
  '@_xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/',
  '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  '@_xmlns:platformMsgs': `urn:messages_${version}.platform.webservices.netsuite.com`,
  '@_xmlns:platformCore': `urn:core_${version}.platform.webservices.netsuite.com`,
  '@_xmlns:platformCommon': `urn:common_${version}.platform.webservices.netsuite.com`,
  '@_xmlns:listRel': `urn:relationships_${version}.lists.webservices.netsuite.com`,
  '@_xmlns:listAcct': `urn:accounting_${version}.lists.webservices.netsuite.com`,
  '@_xmlns:listEmp': `urn:employees_${version}.lists.webservices.netsuite.com`,
  '@_xmlns:tranSales': `urn:sales_${version}.transactions.webservices.netsuite.com`,
  '@_xmlns:tranCust': `urn:customers_${version}.transactions.webservices.netsuite.com`,
  '@_xmlns:tranPurch': `urn:purchases_${version}.transactions.webservices.netsuite.com`,
  '@_xmlns:tranGeneral': `urn:general_${version}.transactions.webservices.netsuite.com`,
});

export interface PassportOptions {
  nonce?: string;
  timestamp?: string;
  algorithm?: string;
  account?: string;
  signature?: string;
  now?: Date;
}

export function passport(keys: TbaKeys, o: PassportOptions = {}): Record<string, unknown> {
  const nonce = o.nonce ?? randomBytes(15).toString('hex').slice(0, 20);
  const timestamp = o.timestamp ?? String(Math.floor((o.now ?? new Date()).getTime() / 1000));
  const account = o.account ?? keys.account;
  const signature =
    o.signature ??
    passportSignature(
      { account, consumerKey: keys.consumerKey, tokenId: keys.tokenId, nonce, timestamp },
      keys.consumerSecret,
      keys.tokenSecret,
    );
  return {
    'platformCore:account': account,
    'platformCore:consumerKey': keys.consumerKey,
    'platformCore:token': keys.tokenId,
    'platformCore:nonce': nonce,
    'platformCore:timestamp': timestamp,
    'platformCore:signature': { '@_algorithm': o.algorithm ?? 'HMAC-SHA256', '#text': signature },
  };
}

export interface EnvelopeOptions {
  keys?: TbaKeys;
  passport?: PassportOptions | null;
  version?: string;
  /** Extra header entries after tokenPassport (platformMsgs:preferences, platformMsgs:searchPreferences). */
  headers?: Record<string, unknown>;
}

export function envelope(op: string, body: Record<string, unknown>, o: EnvelopeOptions = {}): string {
  const version = o.version ?? '2023_2';
  const header: Record<string, unknown> = {};
  if (o.passport !== null && o.keys) header['platformMsgs:tokenPassport'] = passport(o.keys, o.passport ?? {});
  Object.assign(header, o.headers ?? {});
  return builder.build({
    'soapenv:Envelope': {
      ...nsFor(version),
      'soapenv:Header': header,
      'soapenv:Body': { [`platformMsgs:${op}`]: body },
    },
  }) as string;
}

export interface SoapResult {
  status: number;
  xml: string;
  /** Parsed body child (response element or Fault), namespace prefixes removed. */
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function post(
  url: string,
  op: string,
  xml: string,
  o: { version?: string; soapAction?: string | null } = {},
): Promise<SoapResult> {
  const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8' };
  if (o.soapAction !== null) headers.SOAPAction = `"${o.soapAction ?? op}"`;
  const res = await fetch(`${url}/services/NetSuitePort_${o.version ?? '2023_2'}`, {
    method: 'POST',
    headers,
    body: xml,
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    const doc = parser.parse(text) as { Envelope?: { Body?: Record<string, unknown> } };
    body = doc.Envelope?.Body ?? {};
  } catch {
    body = {};
  }
  return { status: res.status, xml: text, body };
}

/** Shorthand: sign, post, return the result. */
export function soapCall(
  url: string,
  keys: TbaKeys,
  op: string,
  body: Record<string, unknown>,
  o: EnvelopeOptions & { soapAction?: string | null } = {},
): Promise<SoapResult> {
  return post(url, op, envelope(op, body, { ...o, keys }), { version: o.version, soapAction: o.soapAction });
}

export function faultOf(r: SoapResult): { faultcode: string; faultstring: string; code?: string; element?: string } {
  const f = r.body.Fault as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!f) throw new Error(`not a fault: ${r.xml.slice(0, 400)}`);
  const detail = (f.detail ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const element = Object.keys(detail).find((k) => k.endsWith('Fault'));
  return {
    faultcode: f.faultcode,
    faultstring: f.faultstring,
    code: element ? detail[element].code : undefined,
    element,
  };
}
