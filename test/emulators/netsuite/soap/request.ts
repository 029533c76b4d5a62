import { canonicalNamespace, namespaceVersion, parseInstance, XmlSyntaxError, type XEl } from '../xsd/index.js';
import { SoapFault, faults } from './faults.js';
import { NS, SOAP_ENV } from './namespaces.js';
import type { TokenPassport } from './passport.js';
import { attr, child, type SearchPreferences, type SoapPreferences } from './operations/context.js';

const SOAP12_ENV = 'http://www.w3.org/2003/05/soap-envelope';

export interface SoapRequest {
  root: XEl;
  header?: XEl;
  operation: XEl;
  /** Version token of the request's messages namespace (e.g. 2023_2). */
  version: string;
}

/** Parses and checks the envelope shape; throws the SoapFault NetSuite's Axis stack would send. */
export function readEnvelope(xml: string): SoapRequest {
  let root: XEl;
  // Like NetSuite's Axis parser, no DTDs: this also rules out entity-expansion bombs.
  if (/<!DOCTYPE/i.test(xml))
    throw new SoapFault(undefined, undefined, 'org.xml.sax.SAXParseException: DOCTYPE is disallowed.');
  try {
    root = parseInstance(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError)
      throw new SoapFault(undefined, undefined, `org.xml.sax.SAXParseException: ${e.message}`);
    throw e;
  }
  if (root.local === 'Envelope' && root.ns === SOAP12_ENV) throw faults.versionMismatch();
  if (root.local !== 'Envelope' || root.ns !== SOAP_ENV) {
    throw faults.client(`The root element must be {${SOAP_ENV}}Envelope, found ${root.qname}.`);
  }
  const header = root.children.find((c) => c.ns === SOAP_ENV && c.local === 'Header');
  const body = root.children.find((c) => c.ns === SOAP_ENV && c.local === 'Body');
  const operation = body?.children[0];
  if (!operation) throw faults.client('The SOAP Body is empty.');
  const prefix = operation.qname.includes(':') ? operation.qname.slice(0, operation.qname.indexOf(':')) : '';
  const original = operation.scope.get(prefix) ?? '';
  const version = namespaceVersion(original);
  if (canonicalNamespace(original) !== NS.platformMsgs || !version) {
    throw faults.client(`No such operation '${operation.local}' in namespace '${original}'.`);
  }
  return { root, header, operation, version };
}

function headerEntry(header: XEl | undefined, local: string): XEl | undefined {
  return header?.children.find((c) => c.ns === NS.platformMsgs && c.local === local);
}

export function readPassport(header: XEl | undefined): TokenPassport | undefined {
  const el = headerEntry(header, 'tokenPassport');
  if (!el) return undefined;
  const text = (name: string) => child(el, name)?.text.trim() ?? '';
  const signature = child(el, 'signature');
  return {
    account: text('account'),
    consumerKey: text('consumerKey'),
    token: text('token'),
    nonce: text('nonce'),
    timestamp: text('timestamp'),
    signature: signature?.text ?? '',
    algorithm: signature ? (attr(signature, 'algorithm') ?? '') : '',
  };
}

const bool = (el: XEl | undefined, name: string): boolean | undefined => {
  const v = el && child(el, name)?.text.trim();
  return v === undefined ? undefined : v === 'true' || v === '1';
};

export function readPreferences(header: XEl | undefined): SoapPreferences {
  const el = headerEntry(header, 'preferences');
  return {
    ignoreReadOnlyFields: bool(el, 'ignoreReadOnlyFields') ?? false,
    warningAsError: bool(el, 'warningAsError') ?? false,
  };
}

export function readSearchPreferences(header: XEl | undefined): SearchPreferences {
  const el = headerEntry(header, 'searchPreferences');
  const size = el && child(el, 'pageSize')?.text.trim();
  return {
    bodyFieldsOnly: bool(el, 'bodyFieldsOnly') ?? true,
    returnSearchColumns: bool(el, 'returnSearchColumns') ?? true,
    pageSize: size ? Number(size) : undefined,
  };
}
