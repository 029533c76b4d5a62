/**
 * SuiteTalk namespaces and the conventional prefixes NetSuite's own samples use. `{v}` is the endpoint
 * version (`2023_2`); every namespace of a request carries the same version.
 */

export const DEFAULT_SOAP_VERSION = '2023_2';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Namespace template (with `{v}`) → prefix. */
export const PREFIX_BY_NAMESPACE: Readonly<Record<string, string>> = {
  'urn:accounting_{v}.lists.webservices.netsuite.com': 'listAcct',
  'urn:types.accounting_{v}.lists.webservices.netsuite.com': 'listAcctTyp',
  'urn:bank_{v}.transactions.webservices.netsuite.com': 'tranBank',
  'urn:types.bank_{v}.transactions.webservices.netsuite.com': 'tranBankTyp',
  'urn:common_{v}.platform.webservices.netsuite.com': 'platformCommon',
  'urn:types.common_{v}.platform.webservices.netsuite.com': 'platformCommonTyp',
  'urn:communication_{v}.general.webservices.netsuite.com': 'generalComm',
  'urn:types.communication_{v}.general.webservices.netsuite.com': 'generalCommTyp',
  'urn:core_{v}.platform.webservices.netsuite.com': 'platformCore',
  'urn:types.core_{v}.platform.webservices.netsuite.com': 'platformCoreTyp',
  'urn:customers_{v}.transactions.webservices.netsuite.com': 'tranCust',
  'urn:types.customers_{v}.transactions.webservices.netsuite.com': 'tranCustTyp',
  'urn:customization_{v}.setup.webservices.netsuite.com': 'setupCustom',
  'urn:types.customization_{v}.setup.webservices.netsuite.com': 'setupCustomTyp',
  'urn:demandplanning_{v}.transactions.webservices.netsuite.com': 'tranDemandPlan',
  'urn:types.demandplanning_{v}.transactions.webservices.netsuite.com': 'tranDemandPlanTyp',
  'urn:employees_{v}.lists.webservices.netsuite.com': 'listEmp',
  'urn:types.employees_{v}.lists.webservices.netsuite.com': 'listEmpTyp',
  'urn:employees_{v}.transactions.webservices.netsuite.com': 'tranEmp',
  'urn:types.employees_{v}.transactions.webservices.netsuite.com': 'tranEmpTyp',
  'urn:faults_{v}.platform.webservices.netsuite.com': 'platformFaults',
  'urn:types.faults_{v}.platform.webservices.netsuite.com': 'platformFaultsTyp',
  'urn:filecabinet_{v}.documents.webservices.netsuite.com': 'docFileCab',
  'urn:types.filecabinet_{v}.documents.webservices.netsuite.com': 'docFileCabTyp',
  'urn:financial_{v}.transactions.webservices.netsuite.com': 'tranFin',
  'urn:types.financial_{v}.transactions.webservices.netsuite.com': 'tranFinTyp',
  'urn:general_{v}.transactions.webservices.netsuite.com': 'tranGeneral',
  'urn:types.general_{v}.transactions.webservices.netsuite.com': 'tranGeneralTyp',
  'urn:inventory_{v}.transactions.webservices.netsuite.com': 'tranInvt',
  'urn:types.inventory_{v}.transactions.webservices.netsuite.com': 'tranInvtTyp',
  'urn:marketing_{v}.lists.webservices.netsuite.com': 'listMkt',
  'urn:types.marketing_{v}.lists.webservices.netsuite.com': 'listMktTyp',
  'urn:messages_{v}.platform.webservices.netsuite.com': 'platformMsgs',
  'urn:types.messages_{v}.platform.webservices.netsuite.com': 'platformMsgsTyp',
  'urn:purchases_{v}.transactions.webservices.netsuite.com': 'tranPurch',
  'urn:types.purchases_{v}.transactions.webservices.netsuite.com': 'tranPurchTyp',
  'urn:relationships_{v}.lists.webservices.netsuite.com': 'listRel',
  'urn:types.relationships_{v}.lists.webservices.netsuite.com': 'listRelTyp',
  'urn:sales_{v}.transactions.webservices.netsuite.com': 'tranSales',
  'urn:types.sales_{v}.transactions.webservices.netsuite.com': 'tranSalesTyp',
  'urn:scheduling_{v}.activities.webservices.netsuite.com': 'actSched',
  'urn:types.scheduling_{v}.activities.webservices.netsuite.com': 'actSchedTyp',
  'urn:supplychain_{v}.lists.webservices.netsuite.com': 'listSupplyChain',
  'urn:types.supplychain_{v}.lists.webservices.netsuite.com': 'listSupplyChainTyp',
  'urn:support_{v}.lists.webservices.netsuite.com': 'listSupport',
  'urn:types.support_{v}.lists.webservices.netsuite.com': 'listSupportTyp',
  'urn:website_{v}.lists.webservices.netsuite.com': 'listSite',
  'urn:types.website_{v}.lists.webservices.netsuite.com': 'listSiteTyp',
};

const NAMESPACE_BY_PREFIX = new Map(Object.entries(PREFIX_BY_NAMESPACE).map(([ns, p]) => [p, ns]));

/** The namespace of a prefix for a version, e.g. `ns('platformCore', '2023_2')`. */
export function namespaceOf(prefix: string, version: string): string {
  const template = NAMESPACE_BY_PREFIX.get(prefix);
  if (!template) throw new Error(`Unknown SuiteTalk namespace prefix ${prefix}`);
  return template.replace('{v}', version);
}

const VERSIONED = /^(urn:[A-Za-z.]+)_(\d+_\d+)(\.[A-Za-z.]+\.webservices\.netsuite\.com)$/;

/** The prefix of a namespace of any version (`urn:core_2019_1.platform...` → `platformCore`). */
export function prefixOf(namespace: string): string | undefined {
  const m = VERSIONED.exec(namespace);
  return m ? PREFIX_BY_NAMESPACE[`${m[1]}_{v}${m[3]}`] : undefined;
}

/** The version token of a namespace (`2019_1`), or undefined when it is not a SuiteTalk namespace. */
export function versionOf(namespace: string): string | undefined {
  return VERSIONED.exec(namespace)?.[2];
}

/** `xmlns:*` attributes declaring every prefix in `prefixes` for `version`. */
export function namespaceDeclarations(prefixes: Iterable<string>, version: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of prefixes) out[`@_xmlns:${p}`] = namespaceOf(p, version);
  return out;
}
