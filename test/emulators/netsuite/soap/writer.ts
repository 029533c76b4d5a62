import { XMLBuilder } from 'fast-xml-parser';
import { randomBytes } from 'node:crypto';
import type { SchemaSet } from '../xsd/model.js';
import { NsScope, toXml, type Json } from './codec.js';
import type { SoapFault } from './faults.js';
import { inVersion, NS, prefixFor, SOAP_ENV, XSD, XSI } from './namespaces.js';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  format: false,
});

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';

/** `WEBSERVICES_<acct>_<digits>_<hex>`, the documentInfo nsId shape seen in captures. */
export function newNsId(accountId: string, now: Date): string {
  const digits = `${now.getTime()}${Math.floor(Math.random() * 1e9)}`.padEnd(28, '0').slice(0, 28);
  return `WEBSERVICES_${accountId}_${digits}_${randomBytes(6).toString('hex')}`;
}

function envelopeAttrs(): Json {
  return { '@_xmlns:soapenv': SOAP_ENV, '@_xmlns:xsd': XSD, '@_xmlns:xsi': XSI };
}

/**
 * A success envelope: documentInfo header and `<opResponse xmlns="urn:messages_<ver>...">`, the body
 * rendered from JSON through the XSD type of the response element (so it follows the schema order).
 */
export function renderResponse(opts: {
  schemas: SchemaSet;
  version: string;
  operation: string;
  body: Json;
  nsId: string;
}): string {
  const { schemas, version } = opts;
  const responseType = `{${NS.platformMsgs}}${opts.operation.charAt(0).toUpperCase()}${opts.operation.slice(1)}Response`;
  const scope = new NsScope();
  const content = toXml(schemas, responseType, opts.body, scope, NS.platformMsgs) as Json;
  const declarations: Json = { '@_xmlns': inVersion(NS.platformMsgs, version) };
  for (const ns of scope.used) declarations[`@_xmlns:${prefixFor(ns)}`] = inVersion(ns, version);
  const messagesNs = inVersion(NS.platformMsgs, version);
  const doc = {
    'soapenv:Envelope': {
      ...envelopeAttrs(),
      'soapenv:Header': {
        'platformMsgs:documentInfo': { '@_xmlns:platformMsgs': messagesNs, 'platformMsgs:nsId': opts.nsId },
      },
      'soapenv:Body': { [`${opts.operation}Response`]: { ...declarations, ...content } },
    },
  };
  return XML_DECL + builder.build(doc);
}

/** A SOAP 1.1 fault envelope as NetSuite (Axis) sends it. */
export function renderFault(fault: SoapFault, version: string): string {
  const detail: Json = {};
  if (fault.faultElement) {
    detail[`platformFaults:${fault.faultElement}`] = {
      '@_xmlns:platformFaults': inVersion(NS.platformFaults, version),
      'platformFaults:code': fault.code,
      'platformFaults:message': fault.message,
    };
  }
  detail['ns1:hostname'] = {
    '@_xmlns:ns1': 'http://xml.apache.org/axis/',
    '#text': 'partners-java00000.bos.netledger.com',
  };
  const doc = {
    'soapenv:Envelope': {
      ...envelopeAttrs(),
      'soapenv:Body': {
        'soapenv:Fault': { faultcode: fault.faultcode, faultstring: fault.message, detail },
      },
    },
  };
  return XML_DECL + builder.build(doc);
}
