import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultXsdDir } from '../../../../../test/emulators/netsuite/xsd/compile.js';
import { parseEnv } from '../../../config/env.js';
import { accountDomainLabel, soapConfigFromEnv, soapEndpoint } from './config.js';
import {
  createTokenPassport,
  generateNonce,
  normalizeAccountId,
  signTokenPassport,
  tokenPassportBaseString,
} from './token-passport.js';

interface Vectors {
  inputs: {
    consumerKey: string;
    consumerSecret: string;
    tokenId: string;
    tokenSecret: string;
    nonce: string;
    timestamp: string;
  };
  soapTokenPassport: { account: string; baseString: string; signature: string; algorithm: string }[];
}

/** The reference folder is found beside the XSDs (`NS_XSD_DIR` or `<ancestor>/shared/reference/netsuite`). */
const vectors = JSON.parse(
  readFileSync(join(dirname(dirname(defaultXsdDir())), 'auth', 'tba-test-vectors.json'), 'utf8'),
) as Vectors;

describe('tokenPassport signing (auth/tba-test-vectors.json)', () => {
  it.each(vectors.soapTokenPassport.map((v) => [v.account, v] as const))('account %s', (_account, v) => {
    const i = vectors.inputs;
    const input = {
      account: v.account,
      consumerKey: i.consumerKey,
      tokenId: i.tokenId,
      nonce: i.nonce,
      timestamp: i.timestamp,
    };
    expect(tokenPassportBaseString(input)).toBe(v.baseString);
    expect(signTokenPassport({ ...input, consumerSecret: i.consumerSecret, tokenSecret: i.tokenSecret })).toBe(
      v.signature,
    );
  });

  it('builds a passport with the normalised account, the clock and the nonce', () => {
    const i = vectors.inputs;
    const v = vectors.soapTokenPassport.find((x) => x.account === '123456_SB1');
    const p = createTokenPassport(
      {
        accountId: '123456-sb1',
        consumerKey: i.consumerKey,
        consumerSecret: i.consumerSecret,
        tokenId: i.tokenId,
        tokenSecret: i.tokenSecret,
      },
      { now: () => Number(i.timestamp) * 1000 + 999, nonce: () => i.nonce },
    );
    expect(p).toEqual({
      account: '123456_SB1',
      consumerKey: i.consumerKey,
      token: i.tokenId,
      nonce: i.nonce,
      timestamp: Number(i.timestamp),
      signature: v?.signature,
      algorithm: 'HMAC-SHA256',
    });
  });

  it('a different secret gives a different signature', () => {
    const i = vectors.inputs;
    const base = {
      account: '123456',
      consumerKey: i.consumerKey,
      tokenId: i.tokenId,
      nonce: i.nonce,
      timestamp: i.timestamp,
    };
    expect(signTokenPassport({ ...base, consumerSecret: i.consumerSecret, tokenSecret: 'x' })).not.toBe(
      vectors.soapTokenPassport[0]?.signature,
    );
  });

  it('nonces are alphanumeric, of the asked length, and do not repeat', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const nonce = generateNonce();
      expect(nonce).toMatch(/^[A-Za-z0-9]{20}$/);
      seen.add(nonce);
    }
    expect(seen.size).toBe(200);
    expect(generateNonce(64)).toHaveLength(64);
    expect(() => generateNonce(5)).toThrow(RangeError);
  });

  it('normalises account ids the way NetSuite signs them', () => {
    expect(normalizeAccountId('123456_sb1')).toBe('123456_SB1');
    expect(normalizeAccountId(' 123456-sb2 ')).toBe('123456_SB2');
    expect(normalizeAccountId('TSTDRV123')).toBe('TSTDRV123');
  });
});

describe('SOAP endpoint', () => {
  it('uses the account-specific domain (lowercase, dashes)', () => {
    expect(accountDomainLabel('123456_SB1')).toBe('123456-sb1');
    expect(soapEndpoint('123456_SB1')).toBe(
      'https://123456-sb1.suitetalk.api.netsuite.com/services/NetSuitePort_2023_2',
    );
    expect(soapEndpoint('123456', '2024_2')).toBe(
      'https://123456.suitetalk.api.netsuite.com/services/NetSuitePort_2024_2',
    );
  });

  it('honours NS_BASE_URL, as a host or as a full service URL', () => {
    expect(soapEndpoint('123456', '2023_2', 'http://127.0.0.1:4020/')).toBe(
      'http://127.0.0.1:4020/services/NetSuitePort_2023_2',
    );
    expect(soapEndpoint('123456', '2023_2', 'http://127.0.0.1:4020/services/NetSuitePort_2023_2')).toBe(
      'http://127.0.0.1:4020/services/NetSuitePort_2023_2',
    );
  });

  it("accepts the relay's parsed environment as is", () => {
    const env = parseEnv({
      NS_ACCOUNT_ID: '123456_SB1',
      NS_CONSUMER_KEY: 'ck',
      NS_CONSUMER_SECRET: 'cs',
      NS_TOKEN_ID: 'ti',
      NS_TOKEN_SECRET: 'ts',
    });
    const c = soapConfigFromEnv(env);
    expect(c).toMatchObject({ concurrency: 5, credentials: { accountId: '123456_SB1' } });
    expect(c.baseUrl).toBeUndefined();
  });

  it('builds its config from the environment and names what is missing (never the values)', () => {
    expect(() => soapConfigFromEnv({ NS_ACCOUNT_ID: '1', NS_CONSUMER_SECRET: 's3cr3t' })).toThrow(
      'NetSuite SOAP (TBA) needs NS_CONSUMER_KEY, NS_TOKEN_ID, NS_TOKEN_SECRET',
    );
    const c = soapConfigFromEnv({
      NS_ACCOUNT_ID: '1',
      NS_CONSUMER_KEY: 'ck',
      NS_CONSUMER_SECRET: 'cs',
      NS_TOKEN_ID: 'ti',
      NS_TOKEN_SECRET: 'ts',
      NS_BASE_URL: 'http://127.0.0.1:9',
      NS_CONCURRENCY: 3,
    });
    expect(c).toMatchObject({
      baseUrl: 'http://127.0.0.1:9',
      concurrency: 3,
      credentials: { accountId: '1', tokenSecret: 'ts' },
    });
  });
});
