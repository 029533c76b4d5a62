import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultXsdDir } from '../../../../../test/emulators/netsuite/xsd/compile.js';
import { isNetSuiteError } from '../errors.js';
import { inspectResponse } from './inspect.js';

/**
 * Every capture in the reference soap-samples/ parses in the connector. The reference README lists
 * five captures truncated upstream (no closing </soapenv:Envelope>): they must fail as NS_PROTOCOL,
 * never crash. Faults must come out as typed errors. Hand-edited captures (out-of-enum codes) parse;
 * their odd codes are classified as NS_ERROR.
 */

const SAMPLES = join(dirname(dirname(defaultXsdDir())), 'soap-samples');

const TRUNCATED = [
  'netsweet/add_list/add_list_customers.xml',
  'netsweet/add_list/add_list_one_customer.xml',
  'netsweet/async_add_list/async_add_list_response.xml',
  'netsweet/upsert_list/upsert_list_customers.xml',
  'netsweet/upsert_list/upsert_list_one_customer.xml',
];

const FAULTS: Record<string, { code: string; nsCode: string; faultName: string }> = {
  'netsweet/login/failure_concurrent_requests.xml': {
    code: 'NS_CONCURRENCY_LIMIT',
    nsCode: 'WS_CONCUR_SESSION_DISALLWD',
    faultName: 'ExceededRequestLimitFault',
  },
  'netsweet/login/failure_invalid_credentials.xml': {
    code: 'NS_LOGIN_FAILED',
    nsCode: 'INVALID_LOGIN_CREDENTIALS',
    faultName: 'InvalidCredentialsFault',
  },
  'synthesized-2023_2/fault_invalid_login_attempt.xml': {
    code: 'NS_LOGIN_FAILED',
    nsCode: 'INVALID_LOGIN_ATTEMPT',
    faultName: 'InvalidCredentialsFault',
  },
  'synthesized-2023_2/fault_ws_request_blocked.xml': {
    code: 'NS_CONCURRENCY_LIMIT',
    nsCode: 'WS_REQUEST_BLOCKED',
    faultName: 'ExceededConcurrentRequestLimitFault',
  },
};

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) =>
      statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : e.endsWith('.xml') ? [join(dir, e)] : [],
    );
}

const files = walk(SAMPLES).map((p) => ({ name: relative(SAMPLES, p), xml: readFileSync(p, 'utf8') }));

describe('every reference capture parses in the connector', () => {
  it('finds all 74 captures', () => {
    expect(files).toHaveLength(74);
    for (const t of [...TRUNCATED, ...Object.keys(FAULTS)]) expect(files.map((f) => f.name)).toContain(t);
  });

  it.each(files.map((f) => [f.name, f] as const))('%s', (name, f) => {
    if (TRUNCATED.includes(name)) {
      let caught: unknown;
      try {
        inspectResponse(f.xml);
      } catch (e) {
        caught = e;
      }
      expect(isNetSuiteError(caught) && caught.code).toBe('NS_PROTOCOL');
      return;
    }
    const fault = FAULTS[name];
    if (fault) {
      let caught: unknown;
      try {
        inspectResponse(f.xml);
      } catch (e) {
        caught = e;
      }
      expect(isNetSuiteError(caught)).toBe(true);
      expect(caught).toMatchObject(fault);
      return;
    }
    const summary = inspectResponse(f.xml);
    expect(summary.operation).toMatch(/^[a-zA-Z]+$/);
    const found =
      summary.writes.length +
      summary.reads.length +
      summary.searches.length +
      summary.records.length +
      summary.statuses.length;
    // getList_request/searchMoreWithId_request/search_customer_request carry references or criteria only.
    if (!/_request\.xml$/.test(name) || /add_customer|upsertList/.test(name)) expect(found).toBeGreaterThan(0);
  });
});

describe('what the captures say, read item by item', () => {
  const read = (name: string) => inspectResponse(files.find((f) => f.name === name)?.xml ?? '');

  it('addList with existing records: both items DUP_ENTITY although the list status says success', () => {
    const s = read('netsweet/add_list/add_list_with_existing_records.xml');
    expect(s.statuses[0]?.isSuccess).toBe(true);
    expect(s.writes.map((w) => (w.ok ? 'ok' : `${w.error.code}:${w.error.nsCode}:${w.error.retryable}`))).toEqual([
      'NS_DUPLICATE:DUP_ENTITY:false',
      'NS_DUPLICATE:DUP_ENTITY:false',
    ]);
    expect(s.writes[0]).toMatchObject({ externalId: 'ext1', type: 'customer' });
  });

  it('upsertList mixed: one id, one INVALID_KEY_OR_REF', () => {
    const s = read('synthesized-2023_2/upsertList_response_mixed.xml');
    expect(s.writes[0]).toMatchObject({ ok: true, internalId: '5678' });
    expect(s.writes[1]).toMatchObject({ ok: false, error: { code: 'NS_INVALID_REFERENCE', retryable: false } });
  });

  it('update RCRD_HAS_BEEN_CHANGED is retryable', () => {
    const w = read('synthesized-2023_2/update_response_rcrd_has_been_changed.xml').writes[0];
    expect(w?.ok === false && [w.error.code, w.error.retryable, w.error.message]).toEqual([
      'NS_RECORD_CHANGED',
      true,
      'Record has been changed',
    ]);
  });

  it('getList mixed: a sales order with typed fields and lines, then RCRD_DSNT_EXIST', () => {
    const s = read('synthesized-2023_2/getList_response_mixed.xml');
    const first = s.reads[0];
    expect(first?.ok).toBe(true);
    if (!first?.ok) return;
    expect(first.record.type).toBe('salesOrder');
    expect(first.record.internalId).toBeDefined();
    const lines = (first.record.fields.itemList as { item: { quantity?: unknown }[] } | undefined)?.item ?? [];
    for (const line of lines) if (line.quantity !== undefined) expect(typeof line.quantity).toBe('number');
    expect(s.reads[1]).toMatchObject({ ok: false, error: { code: 'NS_NOT_FOUND' } });
  });

  it('a customer record from 2011_2 decodes with custom fields, booleans and dates', () => {
    const r = read('netsweet/get/get_customer.xml').reads[0];
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.record.type).toBe('customer');
    const f = r.record.fields;
    if (f.isPerson !== undefined) expect(typeof f.isPerson).toBe('boolean');
    if (f.lastModifiedDate !== undefined) expect(f.lastModifiedDate).toBeInstanceOf(Date);
    expect(Object.keys(f).length).toBeGreaterThan(5);
  });

  it('multi-select custom fields come back as lists of references', () => {
    const r = read('netsweet/custom_fields/multi_select.xml').reads[0];
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    const multi = r.record.customFields.find((c) => c.kind === 'multiSelect');
    expect(Array.isArray(multi?.value)).toBe(true);
  });

  it('search paging metadata is read from searchMoreWithId', () => {
    const s = read('synthesized-2023_2/searchMoreWithId_response.xml').searches[0];
    expect(s).toMatchObject({ totalRecords: 120, pageIndex: 2 });
    expect(s?.searchId).toBeTruthy();
  });
});

describe('hostile or broken answers', () => {
  it.each([
    ['not XML at all', 'Service Unavailable'],
    ['deep nesting', `<a>${'<b>'.repeat(5000)}${'</b>'.repeat(5000)}</a>`],
    ['no body', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"/>'],
    ['two roots', '<a/><b/>'],
  ])('%s → NS_PROTOCOL', (_name, xml) => {
    let caught: unknown;
    try {
      inspectResponse(xml);
    } catch (e) {
      caught = e;
    }
    expect(isNetSuiteError(caught) && caught.code).toBe('NS_PROTOCOL');
  });
});
