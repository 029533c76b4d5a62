import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, destination: destination as unknown as import('pino').DestinationStream };
}

const SECRETS = {
  consumerSecret: 'cs_9f8e7d6c5b4a39281706',
  tokenSecret: 'ts_0a1b2c3d4e5f60718293',
  apiToken: 'relay-token-6b1f0c9e2d',
  webhookSecret: 'whsec_55aa55aa55aa',
  privateKey: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----',
};

describe('createLogger', () => {
  it('never writes a configured secret, whether in fields, messages or errors', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'trace', destination, secrets: Object.values(SECRETS) });

    log.info({ consumerSecret: SECRETS.consumerSecret, nested: { tokenSecret: SECRETS.tokenSecret } }, 'fields');
    log.info({ headers: { authorization: `Bearer ${SECRETS.apiToken}` } }, 'headers');
    log.warn(`the webhook secret is ${SECRETS.webhookSecret} (free text)`);
    log.error(
      { err: new Error(`login failed for token ${SECRETS.tokenSecret} with key ${SECRETS.privateKey}`) },
      'boom',
    );
    log.error({ config: { NS_CONSUMER_SECRET: SECRETS.consumerSecret } }, 'config dump');
    log.debug({ url: 'postgres://app:p4ssw0rd-xyz@db:5432/nsc' }, 'connecting');

    expect(lines.length).toBe(6);
    const all = lines.join('\n');
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(all, `${name} leaked`).not.toContain(value);
    }
    expect(all).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    expect(all).not.toContain('p4ssw0rd-xyz');
    expect(all).toContain('[REDACTED]');
    // The rest of the message survives redaction.
    expect(all).toContain('login failed for token');
  });

  it('redacts Authorization headers and signatures even when no secret is configured', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination });
    log.info({
      req: { headers: { authorization: 'OAuth 00Dxx0000001gPL!AQ4AQFake', 'x-nsc-signature': 't=1,v1=abcd' } },
    });
    log.info({ signature: 'abcdef0123456789' }, 'signed');
    const all = lines.join('\n');
    expect(all).not.toContain('00Dxx0000001gPL');
    expect(all).not.toContain('v1=abcd');
    expect(all).not.toContain('abcdef0123456789');
  });

  it('keeps ordinary fields intact', () => {
    const { lines, destination } = capture();
    createLogger({ destination, secrets: ['zzzzzz'] }).info({ recordId: '001xx000003DGb2AAG' }, 'synced');
    const entry = JSON.parse(lines[0]!) as { recordId: string; msg: string };
    expect(entry.recordId).toBe('001xx000003DGb2AAG');
    expect(entry.msg).toBe('synced');
  });
});
