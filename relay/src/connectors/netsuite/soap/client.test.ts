import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../logging/logger.js';
import { AdaptiveLimiter } from '../../../pipeline/limiter.js';
import { SoapNetSuiteClient } from './client.js';
import { CREDS, client, customer, okWrites } from './client.test-support.js';
import { fakeNetSuite, faultXml, recordsOf, writeListXml } from './fake-netsuite.test-support.js';
import { signTokenPassport } from './token-passport.js';
import { pipelineLimiter } from './transport.js';
import { child, textOf } from './xml-tree.js';

describe('SoapNetSuiteClient writes', () => {
  it('splits add to addList chunks of 200, answers one result per input in order, posts to the account domain', async () => {
    const { c, requests } = client(okWrites());
    const results = await c.add(Array.from({ length: 250 }, (_, i) => customer(i)));
    expect(requests.map((r) => [r.operation, recordsOf(r).length])).toEqual([
      ['addList', 200],
      ['addList', 50],
    ]);
    expect(requests[0]?.soapAction).toBe('"addList"');
    expect(requests[0]?.url).toBe('https://123456-sb1.suitetalk.api.netsuite.com/services/NetSuitePort_2023_2');
    expect(results).toHaveLength(250);
    const ids = results.map((r) => (r.ok ? r.internalId : 'x'));
    expect(new Set(ids).size).toBe(250);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('splits update and upsert at 100', async () => {
    const { c, requests } = client(okWrites());
    await c.upsert(Array.from({ length: 101 }, (_, i) => customer(i)));
    await c.update(Array.from({ length: 100 }, (_, i) => ({ ...customer(i), internalId: String(i + 1) })));
    expect(requests.map((r) => [r.operation, recordsOf(r).length])).toEqual([
      ['upsertList', 100],
      ['upsertList', 1],
      ['updateList', 100],
    ]);
  });

  it('reads each writeResponse and never trusts the list-level status', async () => {
    const { c } = client((req) => ({
      xml: writeListXml(
        req.operation,
        [
          { ok: false, code: 'DUP_ENTITY', message: 'This entity already exists.' },
          { ok: true, internalId: '7' },
        ],
        true,
      ),
    }));
    const [dup, ok] = await c.add([customer(1), customer(2)]);
    expect(dup).toMatchObject({ ok: false, error: { code: 'NS_DUPLICATE', nsCode: 'DUP_ENTITY', retryable: false } });
    expect(dup?.ok === false && dup.error.record).toEqual({
      type: 'customer',
      externalId: 'C-1',
      index: 0,
      internalId: undefined,
    });
    expect(ok).toEqual({ ok: true, internalId: '7' });

    const { c: c2 } = client((req) => ({ xml: writeListXml(req.operation, [{ ok: true, internalId: '8' }], false) }));
    expect(await c2.add([customer(3)])).toEqual([{ ok: true, internalId: '8' }]);
  });

  it('refuses bad input locally, naming the record and the field, and still sends the good records', async () => {
    const { c, requests } = client(okWrites());
    const results = await c.add([
      customer(1),
      customer(2, { favouriteColour: 'teal' }),
      customer(3, { isPerson: 'maybe' }),
      customer(4, { stage: '_shark' }),
      { type: 'customerr' as never, fields: {} },
      customer(5),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, false, true]);
    const messages = results.map((r) => (r.ok ? '' : r.error.message));
    expect(messages[1]).toBe(
      'customer externalId=C-2 (input #1): field customer.favouriteColour: unknown field for listRel:Customer',
    );
    expect(messages[2]).toContain("field customer.isPerson: expected true or false, got 'maybe'");
    expect(messages[3]).toContain("field customer.stage: '_shark' is not one of");
    expect(messages[4]).toContain("unknown record type 'customerr'");
    expect(results[1]).toMatchObject({
      ok: false,
      error: { code: 'NS_VALIDATION', retryable: false, record: { index: 1 } },
    });
    expect(requests).toHaveLength(1);
    expect(recordsOf(requests[0] as never).map((r) => r.attrs.externalId)).toEqual(['C-1', 'C-5']);
  });

  it('requires an externalId for upsert and an id for update', async () => {
    const { c, requests } = client(okWrites());
    const [u] = await c.upsert([{ type: 'customer', fields: { companyName: 'x' } }]);
    const [v] = await c.update([{ type: 'customer', fields: { companyName: 'x' } }]);
    expect(u?.ok === false && u.error.message).toContain('upsert needs an externalId');
    expect(v?.ok === false && v.error.message).toContain('update needs an internalId or an externalId');
    expect(requests).toHaveLength(0);
  });

  it('refuses a delete or getList key without an id locally, as a per-item failure at its index', async () => {
    const { c, requests } = client(okWrites());
    const [d] = await c.delete([{ type: 'customer' }]);
    const [g] = await c.getList([{ type: 'customer' }]);
    for (const r of [d, g]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'NS_VALIDATION', record: { index: 0 } } });
      expect(r?.ok === false && r.error.message).toContain('a reference needs an internalId or an externalId');
    }
    expect(requests).toHaveLength(0);
  });

  it('a fault fails every record of its chunk only, each bound to its record', async () => {
    const { c } = client(
      (req, n) =>
        n === 1
          ? { status: 500, xml: faultXml('exceededRecordCountFault', 'MAX_RCRDS_EXCEEDED', 'Too many records') }
          : {
              xml: writeListXml(
                req.operation,
                recordsOf(req).map((_, i) => ({ ok: true, internalId: String(i + 1) })),
              ),
            },
      { concurrency: 1 },
      { addList: 2 },
    );
    const results = await c.add([customer(1), customer(2), customer(3)]);
    expect(results.map((r) => (r.ok ? 'ok' : `${r.error.code}#${r.error.record?.index}`))).toEqual([
      'NS_LIMIT_EXCEEDED#0',
      'NS_LIMIT_EXCEEDED#1',
      'ok',
    ]);
    expect(results[0]).toMatchObject({
      ok: false,
      error: { faultName: 'ExceededRecordCountFault', httpStatus: 500, retryable: false },
    });
  });

  it('retries a request refused by the concurrency limit, then succeeds', async () => {
    const { c, requests } = client((req, n) =>
      n <= 2
        ? {
            status: 500,
            xml: faultXml(
              'exceededConcurrentRequestLimitFault',
              'WS_REQUEST_BLOCKED',
              'SuiteTalk concurrent request limit exceeded. Request blocked.',
            ),
          }
        : { xml: writeListXml(req.operation, [{ ok: true, internalId: '9' }]) },
    );
    expect(await c.add([customer(1)])).toEqual([{ ok: true, internalId: '9' }]);
    expect(requests).toHaveLength(3);
    // A fresh passport (nonce) per attempt: NetSuite rejects a replayed nonce.
    const nonces = requests.map((r) => r.xml.match(/<platformCore:nonce>([^<]+)</)?.[1]);
    expect(new Set(nonces).size).toBe(3);
  });

  it('gives up after the configured attempts with a retryable NS_CONCURRENCY_LIMIT per record', async () => {
    const { c, requests } = client(
      () => ({ status: 500, xml: faultXml('exceededConcurrentRequestLimitFault', 'WS_REQUEST_BLOCKED', 'blocked') }),
      { concurrencyRetries: 2 },
    );
    const [r] = await c.add([customer(1)]);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'NS_CONCURRENCY_LIMIT', nsCode: 'WS_REQUEST_BLOCKED', retryable: true },
    });
    expect(requests).toHaveLength(2);
  });

  it('times out with NS_TIMEOUT (retryable) and maps a bare 503 to NS_UNAVAILABLE', async () => {
    const { c } = client(() => new Promise(() => undefined), { timeoutMs: 30 });
    const [r] = await c.add([customer(1)]);
    expect(r).toMatchObject({ ok: false, error: { code: 'NS_TIMEOUT', retryable: true } });
    const { c: c2 } = client(() => ({ status: 503, xml: '<html>Service Unavailable</html>' }));
    await expect(c2.get({ type: 'customer', internalId: '1' })).rejects.toMatchObject({
      code: 'NS_UNAVAILABLE',
      retryable: true,
      httpStatus: 503,
    });
  });

  it('refuses a request larger than the size limit without sending it', async () => {
    const { c, requests } = client(okWrites(), { maxRequestBytes: 4096 });
    const [big, small] = await c
      .add([customer(1, { comments: 'x'.repeat(5000) })])
      .then(async (r) => [...r, ...(await c.add([customer(2)]))]);
    expect(big).toMatchObject({ ok: false, error: { code: 'NS_LIMIT_EXCEEDED', retryable: false } });
    expect(small).toMatchObject({ ok: true });
    expect(requests).toHaveLength(1);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const { c } = client(
      async (req) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return {
          xml: writeListXml(
            req.operation,
            recordsOf(req).map(() => ({ ok: true, internalId: '1' })),
          ),
        };
      },
      { concurrency: 2 },
      { addList: 1 },
    );
    const results = await c.add(Array.from({ length: 8 }, (_, i) => customer(i)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(2);
  });

  it("runs under the pipeline's account-wide limiter, stepping it down on WS_REQUEST_BLOCKED", async () => {
    const limiter = new AdaptiveLimiter('netsuite', 4);
    const fake = fakeNetSuite((req, n) =>
      n === 1
        ? { status: 500, xml: faultXml('exceededConcurrentRequestLimitFault', 'WS_REQUEST_BLOCKED', 'blocked') }
        : { xml: writeListXml(req.operation, [{ ok: true, internalId: '3' }]) },
    );
    const c = new SoapNetSuiteClient(
      { credentials: CREDS, fetch: fake.fetch, retryBaseDelayMs: 1 },
      { limiter: pipelineLimiter(limiter) },
    );
    expect(await c.add([customer(1)])).toEqual([{ ok: true, internalId: '3' }]);
    expect(limiter.level()).toBeLessThan(4);
    expect(limiter.active()).toBe(0);
  });

  it('signs each request with a passport NetSuite can verify, and logs no secret', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger({ level: 'debug', destination, secrets: [CREDS.consumerSecret, CREDS.tokenSecret] });
    const { c, requests } = client(okWrites(), { logger });
    await c.add([customer(1)]);
    const xml = requests[0]?.xml ?? '';
    const v = (tag: string) => xml.match(new RegExp(`<platformCore:${tag}[^>]*>([^<]+)<`))?.[1] ?? '';
    expect(v('account')).toBe('123456_SB1');
    expect(v('signature')).toBe(
      signTokenPassport({
        account: '123456_SB1',
        consumerKey: 'ck-1',
        tokenId: 'tid-1',
        nonce: v('nonce'),
        timestamp: v('timestamp'),
        consumerSecret: CREDS.consumerSecret,
        tokenSecret: CREDS.tokenSecret,
      }),
    );
    expect(Math.abs(Number(v('timestamp')) - Date.now() / 1000)).toBeLessThan(5);
    const log = lines.join('');
    expect(log).toContain('netsuite soap call');
    for (const secret of [CREDS.consumerSecret, CREDS.tokenSecret, v('signature')]) expect(log).not.toContain(secret);
  });

  it('escapes values through the builder (no XML injection)', async () => {
    const { c, requests } = client(okWrites());
    await c.add([customer(1, { companyName: '</listRel:companyName><listRel:isInactive>true</listRel:isInactive>' })]);
    const rec = recordsOf(requests[0] as never)[0];
    expect(textOf(child(rec, 'companyName'))).toBe(
      '</listRel:companyName><listRel:isInactive>true</listRel:isInactive>',
    );
    expect(child(rec, 'isInactive')).toBeUndefined();
  });
});
