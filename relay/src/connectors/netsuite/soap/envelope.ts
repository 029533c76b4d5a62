import { XMLBuilder } from 'fast-xml-parser';
import type { XmlObject } from './codec.js';
import { namespaceOf, SOAP_ENV_NS, XSI_NS } from './namespaces.js';
import type { TokenPassport } from './token-passport.js';

/**
 * SOAP 1.1 request envelopes, built with fast-xml-parser's XMLBuilder (every value escaped by the
 * builder; nothing is concatenated into XML by hand).
 */

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  suppressEmptyNode: true,
  // Without this, XMLBuilder writes an attribute whose value is "true" as a bare name (invalid XML).
  suppressBooleanAttributes: false,
  processEntities: true,
});

export interface Preferences {
  warningAsError?: boolean;
  ignoreReadOnlyFields?: boolean;
}

export interface SearchPreferences {
  bodyFieldsOnly: boolean;
  returnSearchColumns: boolean;
  pageSize?: number;
}

export interface EnvelopeInput {
  operation: string;
  version: string;
  passport: TokenPassport;
  /** Content of `<platformMsgs:{operation}>`. */
  body: XmlObject;
  /** Namespace prefixes the body uses (declared on the envelope). */
  prefixes: Iterable<string>;
  preferences?: Preferences;
  searchPreferences?: SearchPreferences;
}

function passportXml(p: TokenPassport): XmlObject {
  return {
    'platformCore:account': p.account,
    'platformCore:consumerKey': p.consumerKey,
    'platformCore:token': p.token,
    'platformCore:nonce': p.nonce,
    'platformCore:timestamp': String(p.timestamp),
    'platformCore:signature': { '@_algorithm': p.algorithm, '#text': p.signature },
  };
}

function preferencesXml(p: Preferences): XmlObject {
  // XSD order: warningAsError, disableMandatoryCustomFieldValidation, disableSystemNotesForCustomFields,
  // ignoreReadOnlyFields, runServerSuiteScriptAndTriggerWorkflows.
  const out: XmlObject = {};
  if (p.warningAsError !== undefined) out['platformMsgs:warningAsError'] = String(p.warningAsError);
  if (p.ignoreReadOnlyFields !== undefined) out['platformMsgs:ignoreReadOnlyFields'] = String(p.ignoreReadOnlyFields);
  return out;
}

function searchPreferencesXml(p: SearchPreferences): XmlObject {
  const out: XmlObject = {
    'platformMsgs:bodyFieldsOnly': String(p.bodyFieldsOnly),
    'platformMsgs:returnSearchColumns': String(p.returnSearchColumns),
  };
  if (p.pageSize !== undefined) out['platformMsgs:pageSize'] = String(p.pageSize);
  return out;
}

export function buildEnvelope(input: EnvelopeInput): string {
  const declarations: XmlObject = { '@_xmlns:soapenv': SOAP_ENV_NS, '@_xmlns:xsi': XSI_NS };
  const prefixes = new Set(['platformMsgs', 'platformCore', ...input.prefixes]);
  prefixes.delete('xsi');
  for (const p of [...prefixes].sort()) declarations[`@_xmlns:${p}`] = namespaceOf(p, input.version);
  const header: XmlObject = { 'platformMsgs:tokenPassport': passportXml(input.passport) };
  if (input.preferences) header['platformMsgs:preferences'] = preferencesXml(input.preferences);
  if (input.searchPreferences) header['platformMsgs:searchPreferences'] = searchPreferencesXml(input.searchPreferences);
  const doc = {
    'soapenv:Envelope': {
      ...declarations,
      'soapenv:Header': header,
      'soapenv:Body': { [`platformMsgs:${input.operation}`]: input.body },
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build(doc) as string}`;
}
