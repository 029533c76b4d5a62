import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { envelope, faultOf, post } from './test-client.js';
import { readResults, startHarness, writeResults, xml, type Harness } from './test-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emu.close();
});
afterEach(() => {
  expect(h.emu.account.problems).toEqual([]);
});

const getBody = { 'platformMsgs:baseRef': xml.recordRef('employee', { internalId: '-5' }) };
const signed = (op = 'get', body: Record<string, unknown> = getBody, version = '2023_2') =>
  envelope(op, body, { keys: h.keys, version });

describe('malformed and foreign requests get real faults, never a crash', () => {
  it('malformed XML → SAXParseException fault', async () => {
    const r = await post(
      h.emu.url,
      'get',
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><oops></soapenv:Body>',
    );
    expect(r.status).toBe(500);
    expect(faultOf(r).faultstring).toMatch(/^org\.xml\.sax\.SAXParseException/);
    const garbage = await post(h.emu.url, 'get', '\u0000\u0001binary');
    expect(garbage.status).toBe(500);
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>${signed().replace('<?xml version="1.0"?>', '')}`;
    const dtd = await post(h.emu.url, 'get', bomb);
    expect(faultOf(dtd).faultstring).toBe('org.xml.sax.SAXParseException: DOCTYPE is disallowed.');
  });

  it('not a SOAP envelope → Client fault; a SOAP 1.2 envelope → VersionMismatch', async () => {
    expect(faultOf(await post(h.emu.url, 'get', '<hello/>')).faultcode).toBe('soapenv:Client');
    const soap12 = signed().replace(
      'http://schemas.xmlsoap.org/soap/envelope/',
      'http://www.w3.org/2003/05/soap-envelope',
    );
    expect(faultOf(await post(h.emu.url, 'get', soap12)).faultcode).toBe('soapenv:VersionMismatch');
  });

  it('operation in a wrong namespace → Client fault "No such operation"', async () => {
    const wrong = signed().replace(/xmlns:platformMsgs="[^"]+"/, 'xmlns:platformMsgs="urn:messages.example.com"');
    const r = await post(h.emu.url, 'get', wrong);
    expect(faultOf(r)).toMatchObject({ faultcode: 'soapenv:Client' });
    expect(faultOf(r).faultstring).toMatch(/No such operation 'get'/);
  });

  it('SOAPAction must match the body operation when given; without it the body decides', async () => {
    const mismatch = await post(h.emu.url, 'get', signed(), { soapAction: 'delete' });
    expect(faultOf(mismatch).faultstring).toMatch(/SOAPAction "delete" does not match the operation get/);
    const none = await post(h.emu.url, 'get', signed(), { soapAction: null });
    expect(readResults(none, 'get')[0]!.ok).toBe(true);
  });

  it('XSD violations (element order, unknown field, unknown xsi:type) → SAXException fault naming the element', async () => {
    const outOfOrder = {
      'platformMsgs:record': {
        '@_xsi:type': 'listRel:Customer',
        'listRel:email': 'a@b.c',
        'listRel:companyName': 'Order',
      },
    };
    const r1 = await h.call('add', outOfOrder);
    expect(r1.status).toBe(500);
    expect(faultOf(r1).faultstring).toMatch(/^org\.xml\.sax\.SAXException: .*companyName/);
    const unknownField = {
      'platformMsgs:record': { '@_xsi:type': 'listRel:Customer', 'listRel:companyName': 'X', 'listRel:fooBar': '1' },
    };
    expect(faultOf(await h.call('add', unknownField)).faultstring).toMatch(/fooBar/);
    const unknownType = { 'platformMsgs:record': { '@_xsi:type': 'listRel:NoSuchRecord', 'listRel:companyName': 'X' } };
    expect(faultOf(await h.call('add', unknownType)).faultstring).toMatch(/NoSuchRecord/);
    const badEnum = xml.recordRef('customerr', { internalId: '1' });
    expect(faultOf(await h.call('get', { 'platformMsgs:baseRef': badEnum })).faultstring).toMatch(/customerr/);
  });

  it('a valid record type the emulator does not store → per-record INVALID_RCRD_TYPE (HTTP 200)', async () => {
    const r = await h.call('add', {
      'platformMsgs:record': { '@_xsi:type': 'listRel:Partner', 'listRel:entityId': 'P1' },
    });
    expect(r.status).toBe(200);
    expect(writeResults(r, 'add')[0]).toMatchObject({ ok: false, code: 'INVALID_RCRD_TYPE' });
    const g = await h.call('get', { 'platformMsgs:baseRef': xml.recordRef('partner', { internalId: '1' }) });
    expect(readResults(g, 'get')[0]).toMatchObject({ ok: false, code: 'INVALID_RCRD_TYPE' });
  });

  it('over the size cap → ExceededRequestSizeFault; the endpoint keeps serving', async () => {
    h.emu.account.soapLimits.maxBodyBytes = 4096;
    try {
      const big = { 'platformMsgs:record': xml.customer({ companyName: 'x'.repeat(10_000) }) };
      const r = await h.call('add', big);
      expect(r.status).toBe(500);
      expect(faultOf(r)).toMatchObject({ element: 'exceededRequestSizeFault' });
    } finally {
      h.emu.account.soapLimits.maxBodyBytes = 100 * 1024 * 1024;
    }
    expect((await post(h.emu.url, 'get', signed())).status).toBe(200);
  });

  it('answers in the namespace version of the request (NetSuitePort_2024_1); a mismatched endpoint → InvalidVersionFault', async () => {
    const r = await post(h.emu.url, 'get', signed('get', getBody, '2024_1'), { version: '2024_1' });
    expect(r.status).toBe(200);
    expect(r.xml).toContain('xmlns="urn:messages_2024_1.platform.webservices.netsuite.com"');
    expect(r.xml).toContain('urn:core_2024_1.platform.webservices.netsuite.com');
    expect(r.xml).not.toContain('2023_2');
    const mismatch = await post(h.emu.url, 'get', signed('get', getBody, '2024_1'), { version: '2023_2' });
    expect(faultOf(mismatch)).toMatchObject({ element: 'invalidVersionFault', code: 'INVALID_WS_VERSION' });
  });

  it('getDataCenterUrls answers without a login, with the emulator as every domain', async () => {
    const r = await post(
      h.emu.url,
      'getDataCenterUrls',
      envelope('getDataCenterUrls', { 'platformMsgs:account': h.keys.account }),
    );
    const result = r.body.getDataCenterUrlsResponse.getDataCenterUrlsResult;
    expect(result.dataCenterUrls).toEqual({
      restDomain: h.emu.url,
      webservicesDomain: h.emu.url,
      systemDomain: h.emu.url,
    });
    const other = await post(
      h.emu.url,
      'getDataCenterUrls',
      envelope('getDataCenterUrls', { 'platformMsgs:account': '999_SB9' }),
    );
    expect(other.body.getDataCenterUrlsResponse.getDataCenterUrlsResult.status.statusDetail[0].code).toBe(
      'INVALID_ACCT',
    );
  });

  it('an operation the emulator does not implement → UnexpectedErrorFault; unknown paths → 404', async () => {
    const r = await h.call('getServerTime', {});
    expect(r.status).toBe(200);
    const unsupported = await h.call('getAll', { 'platformMsgs:record': { '@_recordType': 'currency' } });
    expect(faultOf(unsupported)).toMatchObject({ element: 'unexpectedErrorFault', code: 'UNEXPECTED_ERROR' });
    const notFound = await fetch(`${h.emu.url}/services/NetSuitePort_latest`, { method: 'POST', body: signed() });
    expect(notFound.status).toBe(404);
  });
});
