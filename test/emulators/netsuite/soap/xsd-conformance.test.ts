import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_TYPES } from '../state/types.js';
import { validateEnvelope } from '../xsd/index.js';
import { xmllintValidateEnvelopes } from '../xsd/xmllint-oracle.js';
import { envelope, post, type SoapResult } from './test-client.js';
import { startHarness, xml, type Harness } from './test-harness.js';

/**
 * Every kind of response the emulator sends (success and failure of every operation, every fault)
 * is validated by libxml2 (xmllint-wasm) against the real 2023_2 XSDs in ONE call, and by the
 * compiled validator the emulator uses at run time; both must agree.
 */

const SEED = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'demo-seed.json');
let h: Harness;
const docs: { name: string; xml: string; status: number }[] = [];

async function keep(name: string, r: Promise<SoapResult> | SoapResult) {
  const res = await r;
  docs.push({ name, xml: res.xml, status: res.status });
  return res;
}

const ref = (type: string, internalId: string) => ({ 'platformMsgs:baseRef': xml.recordRef(type, { internalId }) });
const SEEDED: Record<string, string> = {
  customer: '1201',
  contact: '1301',
  employee: '1401',
  vendor: '1501',
  inventoryItem: '601',
  nonInventorySaleItem: '602',
  serviceSaleItem: '603',
  salesOrder: '2001',
  invoice: '2101',
  customerPayment: '2201',
  vendorBill: '2301',
  journalEntry: '2401',
};

beforeAll(async () => {
  h = await startHarness({ seed: SEED });
  const c = h.call;
  // writes: success and failure
  await keep(
    'add ok',
    c('add', { 'platformMsgs:record': xml.customer({ companyName: 'XSD Co', externalId: 'XSD-1' }) }),
  );
  await keep('add DUP_ENTITY', c('add', { 'platformMsgs:record': xml.customer({ companyName: 'XSD Co' }) }));
  await keep(
    'addList mixed',
    c('addList', {
      'platformMsgs:record': [xml.customer({ companyName: 'XSD L1' }), xml.customer({ companyName: 'XSD L1' })],
    }),
  );
  await keep(
    'update ok',
    c('update', {
      'platformMsgs:record': xml.customer({ internalId: '1202', companyName: 'Globex 2', subsidiary: null }),
    }),
  );
  await keep(
    'update missing',
    c('update', { 'platformMsgs:record': xml.customer({ internalId: '99999', companyName: 'X', subsidiary: null }) }),
  );
  await keep(
    'updateList mixed',
    c('updateList', {
      'platformMsgs:record': [
        xml.customer({ internalId: '1202', companyName: 'Globex 3', subsidiary: null }),
        xml.customer({ internalId: '5', companyName: 'Y', subsidiary: null }),
      ],
    }),
  );
  await keep(
    'upsert ok',
    c('upsert', { 'platformMsgs:record': xml.customer({ companyName: 'XSD Up', externalId: 'XSD-UP' }) }),
  );
  await keep(
    'upsert EXTERNALID_REQD',
    c('upsert', { 'platformMsgs:record': xml.customer({ companyName: 'XSD NoExt' }) }),
  );
  await keep(
    'upsertList mixed',
    c('upsertList', {
      'platformMsgs:record': [
        xml.customer({ companyName: 'XSD Up2', externalId: 'XSD-UP2' }),
        xml.customer({ companyName: 'Z' }),
      ],
    }),
  );
  await keep('delete ok', c('delete', ref('customer', '1203')));
  await keep('delete CANT_DELETE', c('delete', ref('salesOrder', '2001')));
  await keep(
    'deleteList mixed',
    c('deleteList', {
      'platformMsgs:baseRef': [
        xml.recordRef('contact', { internalId: '1301' }),
        xml.recordRef('contact', { internalId: '1' }),
      ],
    }),
  );
  await keep(
    'add INVALID_RCRD_TYPE',
    c('add', { 'platformMsgs:record': { '@_xsi:type': 'listRel:Partner', 'listRel:entityId': 'P' } }),
  );
  // reads of every record type
  for (const type of RECORD_TYPES) {
    if (type === 'customer' || type === 'contact') continue;
    await keep(`get ${type}`, c('get', ref(type, SEEDED[type]!)));
  }
  await keep('get customer with custom fields', c('get', ref('customer', '1201')));
  await keep('get RCRD_DSNT_EXIST', c('get', ref('customer', '424242')));
  await keep(
    'getList mixed',
    c('getList', {
      'platformMsgs:baseRef': [
        xml.recordRef('invoice', { internalId: '2102' }),
        xml.recordRef('invoice', { internalId: '1' }),
      ],
    }),
  );
  // search
  const prefs = {
    headers: {
      'platformMsgs:searchPreferences': { 'platformMsgs:bodyFieldsOnly': 'false', 'platformMsgs:pageSize': '5' },
    },
  };
  const search = await keep(
    'search transactions (full)',
    c('search', { 'platformMsgs:searchRecord': { '@_xsi:type': 'tranSales:TransactionSearch' } }, prefs),
  );
  const searchId = search.body.searchResponse.searchResult.searchId as string;
  await keep(
    'searchMoreWithId ok',
    c('searchMoreWithId', { 'platformMsgs:searchId': searchId, 'platformMsgs:pageIndex': '2' }),
  );
  await keep(
    'search items (body only)',
    c('search', { 'platformMsgs:searchRecord': { '@_xsi:type': 'listAcct:ItemSearch' } }),
  );
  await keep(
    'search empty',
    c('search', {
      'platformMsgs:searchRecord': {
        '@_xsi:type': 'listRel:VendorSearch',
        'listRel:basic': { 'platformCommon:email': { '@_operator': 'is', 'platformCore:searchValue': 'none@x' } },
      },
    }),
  );
  await keep(
    'search bad page size',
    c(
      'search',
      { 'platformMsgs:searchRecord': { '@_xsi:type': 'listRel:CustomerSearch' } },
      { headers: { 'platformMsgs:searchPreferences': { 'platformMsgs:pageSize': '2000' } } },
    ),
  );
  // initialize and governance
  const init = (type: string, refType: string, id: string) =>
    c('initialize', {
      'platformMsgs:initializeRecord': {
        'platformCore:type': type,
        'platformCore:reference': { '@_type': refType, '@_internalId': id },
      },
    });
  await keep('initialize invoice from order', init('invoice', 'salesOrder', '2002'));
  await keep('initialize payment from invoice', init('customerPayment', 'invoice', '2101'));
  await keep('initialize INVALID_INITIALIZE_REF', init('invoice', 'salesOrder', '2001'));
  await keep('getAccountGovernanceInfo', c('getAccountGovernanceInfo', {}));
  await keep('getIntegrationGovernanceInfo', c('getIntegrationGovernanceInfo', {}));
  await keep('getServerTime', c('getServerTime', {}));
  await keep(
    'getDataCenterUrls ok',
    post(h.emu.url, 'getDataCenterUrls', envelope('getDataCenterUrls', { 'platformMsgs:account': h.keys.account })),
  );
  await keep(
    'getDataCenterUrls INVALID_ACCT',
    post(h.emu.url, 'getDataCenterUrls', envelope('getDataCenterUrls', { 'platformMsgs:account': 'nope' })),
  );
  await keep(
    '2024_1 get',
    post(h.emu.url, 'get', envelope('get', ref('invoice', '2101'), { keys: h.keys, version: '2024_1' }), {
      version: '2024_1',
    }),
  );
  // faults
  await keep('fault invalid login', c('get', ref('customer', '1201'), { passport: { signature: 'AAAA' } }));
  await keep('fault login required', c('get', ref('customer', '1201'), { passport: null }));
  h.emu.account.governance.injectNext('concurrency');
  await keep('fault concurrency', c('get', ref('customer', '1201')));
  await keep(
    'fault record count',
    c('getList', {
      'platformMsgs:baseRef': Array.from({ length: 1001 }, () => xml.recordRef('customer', { internalId: '1' })),
    }),
  );
  h.emu.account.soapLimits.maxBodyBytes = 2048;
  await keep(
    'fault request size',
    c('add', { 'platformMsgs:record': xml.customer({ companyName: 'x'.repeat(5000) }) }),
  );
  h.emu.account.soapLimits.maxBodyBytes = 100 * 1024 * 1024;
  await keep('fault unsupported op', c('getAll', { 'platformMsgs:record': { '@_recordType': 'currency' } }));
  await keep(
    'fault page index',
    c('searchMoreWithId', { 'platformMsgs:searchId': searchId, 'platformMsgs:pageIndex': '99' }),
  );
  await keep(
    'fault search expired',
    c('searchMoreWithId', { 'platformMsgs:searchId': 'nope', 'platformMsgs:pageIndex': '1' }),
  );
  await keep(
    'fault version',
    post(h.emu.url, 'get', envelope('get', ref('customer', '1201'), { keys: h.keys, version: '2024_1' })),
  );
  await keep(
    'fault sax',
    c('add', { 'platformMsgs:record': { '@_xsi:type': 'listRel:Customer', 'listRel:fooBar': 'x' } }),
  );
  await keep('fault sax parse', post(h.emu.url, 'get', '<broken'));
  await keep('fault client', post(h.emu.url, 'get', '<hello/>'));
  await keep(
    'fault version mismatch',
    post(h.emu.url, 'get', '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>'),
  );
}, 120_000);

afterAll(async () => {
  await h.emu.close();
});

describe('every response kind is XSD-valid', () => {
  it('covers successes (200) and faults (500), with no self-check problems', () => {
    expect(docs.length).toBeGreaterThanOrEqual(45);
    expect(docs.filter((d) => d.status === 200).length).toBeGreaterThanOrEqual(30);
    expect(docs.filter((d) => d.status === 500).length).toBeGreaterThanOrEqual(13);
    expect(h.emu.account.problems).toEqual([]);
  });

  it('the compiled validator and libxml2 (xmllint-wasm, real XSDs) both accept every one; both reject a broken one', async () => {
    const broken = docs
      .find((d) => d.name === 'get invoice')!
      .xml.replace(
        /(<tranSales:entity[\s\S]*?<\/tranSales:entity>)([\s\S]*?)(<tranSales:tranDate>[^<]*<\/tranSales:tranDate>)/,
        '$3$2$1',
      );
    expect(broken).not.toBe(docs.find((d) => d.name === 'get invoice')!.xml);
    const all = [...docs.map((d) => ({ name: d.name, xml: d.xml })), { name: 'BROKEN', xml: broken }];
    for (const d of docs)
      expect({ name: d.name, errors: validateEnvelope(d.xml, h.emu.account.schemas).errors }).toEqual({
        name: d.name,
        errors: [],
      });
    expect(validateEnvelope(broken, h.emu.account.schemas).valid).toBe(false);
    const verdicts = await xmllintValidateEnvelopes(all);
    const invalid = [...verdicts]
      .filter(([, v]) => !v.valid)
      .map(([name, v]) => `${name}: ${v.messages.slice(0, 2).join(' | ')}`);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatch(/^BROKEN/);
  }, 120_000);
});
