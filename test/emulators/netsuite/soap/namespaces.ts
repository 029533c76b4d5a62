import { canonicalNamespace, namespaceVersion } from '../xsd/index.js';

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const XSD = 'http://www.w3.org/2001/XMLSchema';

const V = '2023_2';
/** Canonical (2023_2) namespaces used by the emulator, by conventional prefix (PROTOCOL-NOTES §1.2). */
export const NS = {
  platformMsgs: `urn:messages_${V}.platform.webservices.netsuite.com`,
  platformCore: `urn:core_${V}.platform.webservices.netsuite.com`,
  platformCoreTyp: `urn:types.core_${V}.platform.webservices.netsuite.com`,
  platformCommon: `urn:common_${V}.platform.webservices.netsuite.com`,
  platformCommonTyp: `urn:types.common_${V}.platform.webservices.netsuite.com`,
  platformFaults: `urn:faults_${V}.platform.webservices.netsuite.com`,
  platformFaultTyp: `urn:types.faults_${V}.platform.webservices.netsuite.com`,
  listRel: `urn:relationships_${V}.lists.webservices.netsuite.com`,
  listRelTyp: `urn:types.relationships_${V}.lists.webservices.netsuite.com`,
  listAcct: `urn:accounting_${V}.lists.webservices.netsuite.com`,
  listAcctTyp: `urn:types.accounting_${V}.lists.webservices.netsuite.com`,
  listEmp: `urn:employees_${V}.lists.webservices.netsuite.com`,
  listEmpTyp: `urn:types.employees_${V}.lists.webservices.netsuite.com`,
  tranSales: `urn:sales_${V}.transactions.webservices.netsuite.com`,
  tranSalesTyp: `urn:types.sales_${V}.transactions.webservices.netsuite.com`,
  tranCust: `urn:customers_${V}.transactions.webservices.netsuite.com`,
  tranCustTyp: `urn:types.customers_${V}.transactions.webservices.netsuite.com`,
  tranPurch: `urn:purchases_${V}.transactions.webservices.netsuite.com`,
  tranPurchTyp: `urn:types.purchases_${V}.transactions.webservices.netsuite.com`,
  tranGeneral: `urn:general_${V}.transactions.webservices.netsuite.com`,
} as const;

const PREFIX_BY_NS = new Map<string, string>(Object.entries(NS).map(([p, ns]) => [ns, p]));

/** A conventional prefix for a canonical namespace (generated for ones outside the table). */
export function prefixFor(canonicalNs: string): string {
  const known = PREFIX_BY_NS.get(canonicalNs);
  if (known) return known;
  const m = /^urn:([A-Za-z.]+)_\d+_\d+\.([A-Za-z]+)\./.exec(canonicalNs);
  const generated = m ? `${m[2]}${(m[1] ?? 'x').replace(/\./g, '_')}` : `ns${PREFIX_BY_NS.size}`;
  PREFIX_BY_NS.set(canonicalNs, generated);
  return generated;
}

/** The namespace of `canonicalNs` in the endpoint version `version` (e.g. 2024_1). */
export function inVersion(canonicalNs: string, version: string): string {
  return canonicalNs.replace(`_${V}.`, `_${version}.`);
}

export { canonicalNamespace, namespaceVersion };
