import { XMLBuilder } from 'fast-xml-parser';
import { child, childrenNamed, parseXml, type Node } from './xml-tree.js';

/**
 * A scripted stand-in for NetSuite behind `fetch`, for unit tests of the client (the real emulator is
 * exercised over HTTP in test/netsuite-soap). It records every request envelope and answers with
 * XML built by XMLBuilder from what the test's handler returns.
 */

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});

const MSGS = 'urn:messages_2023_2.platform.webservices.netsuite.com';
const CORE = 'urn:core_2023_2.platform.webservices.netsuite.com';
const FAULTS = 'urn:faults_2023_2.platform.webservices.netsuite.com';

export interface Recorded {
  operation: string;
  soapAction: string | null;
  url: string;
  xml: string;
  body: Node;
}

export type Item =
  { ok: true; internalId: string; externalId?: string; type?: string } | { ok: false; code: string; message: string };

export function statusXml(ok: boolean, details: { code: string; message: string; type?: string }[] = []): object {
  return {
    '@_isSuccess': String(ok),
    'platformCore:statusDetail': details.map((d) => ({
      '@_type': d.type ?? 'ERROR',
      'platformCore:code': d.code,
      'platformCore:message': d.message,
    })),
  };
}

export function writeResponseXml(item: Item): object {
  return item.ok
    ? {
        'platformCore:status': statusXml(true),
        baseRef: {
          '@_xsi:type': 'platformCore:RecordRef',
          '@_internalId': item.internalId,
          ...(item.externalId ? { '@_externalId': item.externalId } : {}),
          '@_type': item.type ?? 'customer',
        },
      }
    : { 'platformCore:status': statusXml(false, [{ code: item.code, message: item.message }]) };
}

export function envelope(operationResponse: string, content: object): string {
  return builder.build({
    'soapenv:Envelope': {
      '@_xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xmlns:platformCore': CORE,
      '@_xmlns:listRel': 'urn:relationships_2023_2.lists.webservices.netsuite.com',
      '@_xmlns:tranSales': 'urn:sales_2023_2.transactions.webservices.netsuite.com',
      'soapenv:Body': { [operationResponse]: { '@_xmlns': MSGS, ...content } },
    },
  }) as string;
}

export function writeListXml(operation: string, items: Item[], listStatusOk = true): string {
  return envelope(`${operation}Response`, {
    writeResponseList: { 'platformCore:status': statusXml(listStatusOk), writeResponse: items.map(writeResponseXml) },
  });
}

export function faultXml(faultElement: string, code: string, message: string): string {
  return builder.build({
    'soapenv:Envelope': {
      '@_xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/',
      'soapenv:Body': {
        'soapenv:Fault': {
          faultcode: 'soapenv:Server.userException',
          faultstring: message,
          detail: {
            [`platformFaults:${faultElement}`]: {
              '@_xmlns:platformFaults': FAULTS,
              'platformFaults:code': code,
              'platformFaults:message': message,
            },
          },
        },
      },
    },
  }) as string;
}

export type Handler = (
  req: Recorded,
  n: number,
) => { status?: number; xml: string } | Promise<{ status?: number; xml: string }>;

export function fakeNetSuite(handler: Handler): { fetch: typeof fetch; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    const xml = String(init?.body ?? '');
    const root = parseXml(xml);
    const body = child(root, 'Body')?.children[0] as Node;
    const headers = new Headers(init?.headers);
    const rec: Recorded = { operation: body.local, soapAction: headers.get('SOAPAction'), url: String(url), xml, body };
    requests.push(rec);
    const signal = init?.signal;
    const aborted = new Promise<never>((_, reject) => {
      if (signal?.aborted) reject(new DOMException('aborted', 'AbortError'));
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    const out = await Promise.race([Promise.resolve(handler(rec, requests.length)), aborted]);
    return new Response(out.xml, { status: out.status ?? 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
  }) as typeof fetch;
  return { fetch: fetchFn, requests };
}

/** The `record` children of a list request. */
export const recordsOf = (req: Recorded): Node[] => childrenNamed(req.body, 'record');
export const refsOf = (req: Recorded): Node[] => childrenNamed(req.body, 'baseRef');
