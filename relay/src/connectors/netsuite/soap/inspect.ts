import {
  decodeRecord,
  parseEnvelope,
  parseReadResponse,
  parseSearchResult,
  parseStatus,
  parseWriteResponse,
  type ParsedRead,
  type ParsedRecord,
  type ParsedSearch,
  type ParsedWrite,
  type Status,
} from './response.js';
import type { Node } from './xml-tree.js';

/**
 * Reads any SuiteTalk response, whatever the operation (also those the port does not use: getAll,
 * getDeleted, attach, async*): every writeResponse, readResponse, searchResult, record and status found.
 * Used to prove the parser copes with every real capture; throws NetSuiteError for faults.
 */
export interface ResponseSummary {
  operation: string;
  version?: string;
  writes: ParsedWrite[];
  reads: ParsedRead[];
  searches: ParsedSearch[];
  records: ParsedRecord[];
  statuses: Status[];
}

export function inspectResponse(xml: string): ResponseSummary {
  const res = parseEnvelope(xml);
  const summary: ResponseSummary = {
    operation: res.operation,
    ...(res.version ? { version: res.version } : {}),
    writes: [],
    reads: [],
    searches: [],
    records: [],
    statuses: [],
  };
  const walk = (n: Node): void => {
    switch (n.local) {
      case 'writeResponse':
        summary.writes.push(parseWriteResponse(n));
        return;
      case 'readResponse':
        summary.reads.push(parseReadResponse(n));
        return;
      case 'searchResult':
        summary.searches.push(parseSearchResult(n));
        return;
      case 'record':
        summary.records.push(decodeRecord(n));
        return;
      case 'status':
        summary.statuses.push(parseStatus(n));
        return;
      default:
        n.children.forEach(walk);
    }
  };
  walk(res.body);
  return summary;
}
