import { describe, expect, it } from 'vitest';
import { ConfigError, configuredSystems, parseEnv } from './env.js';

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(8787);
    expect(env.DATA_DIR).toBe('./.data');
    expect(env.NS_AUTH).toBe('tba');
    expect(env.NS_TRANSPORT).toBe('soap');
    expect(env.NS_CONCURRENCY).toBe(5);
    expect(env.SF_API_VERSION).toBe('62.0');
    expect(env.RELAY_API_TOKENS).toEqual([]);
  });

  it('names the variable that is wrong, never its value', () => {
    try {
      parseEnv({ PORT: 'abc', NS_TRANSPORT: 'carrier-pigeon', NS_CONSUMER_SECRET: 's3cr3t-value' });
      expect.unreachable('parseEnv accepted a bad PORT');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const e = err as ConfigError;
      expect(e.problems.map((p) => p.variable).sort()).toEqual(['NS_TRANSPORT', 'PORT']);
      expect(e.message).toContain('PORT');
      expect(e.message).not.toContain('abc');
    }
  });

  it('never echoes a secret that failed validation', () => {
    const secretUrl = 'mysql://admin:hunter2@db/x';
    try {
      parseEnv({ DATABASE_URL: secretUrl });
      expect.unreachable('parseEnv accepted a non-postgres DATABASE_URL');
    } catch (err) {
      expect((err as Error).message).toContain('DATABASE_URL');
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('rejects ports outside 0..65535 and fractional ports', () => {
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: '80.5' })).toThrow(/PORT/);
    expect(parseEnv({ PORT: '0' }).PORT).toBe(0);
  });

  it('splits RELAY_API_TOKENS on commas', () => {
    expect(parseEnv({ RELAY_API_TOKENS: ' a1 , b2,,' }).RELAY_API_TOKENS).toEqual(['a1', 'b2']);
  });
});

describe('configuredSystems', () => {
  it('reports nothing configured for an empty environment', () => {
    expect(configuredSystems(parseEnv({}))).toEqual({ salesforce: false, netsuite: false });
  });

  it('needs the full credential set for each system and auth mode', () => {
    const sf = {
      SF_LOGIN_URL: 'https://login.salesforce.com',
      SF_CLIENT_ID: 'c',
      SF_USERNAME: 'u',
      SF_PRIVATE_KEY_FILE: '/k',
    };
    const tba = {
      NS_ACCOUNT_ID: '123',
      NS_CONSUMER_KEY: 'a',
      NS_CONSUMER_SECRET: 'b',
      NS_TOKEN_ID: 'c',
      NS_TOKEN_SECRET: 'd',
    };
    expect(configuredSystems(parseEnv({ ...sf, ...tba }))).toEqual({ salesforce: true, netsuite: true });
    expect(configuredSystems(parseEnv({ ...tba, NS_AUTH: 'oauth2' })).netsuite).toBe(false);
    expect(
      configuredSystems(
        parseEnv({
          NS_ACCOUNT_ID: '1',
          NS_AUTH: 'oauth2',
          NS_CLIENT_ID: 'x',
          NS_CERTIFICATE_ID: 'y',
          NS_PRIVATE_KEY: 'z',
        }),
      ).netsuite,
    ).toBe(true);
  });
});
