import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../config/env.js';
import { salesforceSettingsFromEnv } from './config.js';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const base = { SF_LOGIN_URL: 'https://login.salesforce.com', SF_CLIENT_ID: 'cid', SF_USERNAME: 'u@x' };

describe('Salesforce settings from the environment', () => {
  it('is undefined when nothing is set', () => {
    expect(salesforceSettingsFromEnv(parseEnv({}))).toBeUndefined();
  });

  it('reads the key inline or from a file, with API version and namespace', () => {
    const inline = salesforceSettingsFromEnv(parseEnv({ ...base, SF_PRIVATE_KEY: pem, SF_NAMESPACE: 'nsc' }));
    expect(inline).toMatchObject({
      loginUrl: base.SF_LOGIN_URL,
      clientId: 'cid',
      username: 'u@x',
      apiVersion: '62.0',
      namespace: 'nsc',
    });
    expect(inline?.privateKey.asymmetricKeyType).toBe('rsa');
    const fromFile = salesforceSettingsFromEnv(
      parseEnv({ ...base, SF_PRIVATE_KEY_FILE: '/keys/sf.pem', SF_API_VERSION: '63.0' }),
      (p) => {
        expect(p).toBe('/keys/sf.pem');
        return pem;
      },
    );
    expect(fromFile?.apiVersion).toBe('63.0');
  });

  it('names the missing or bad variable, never the key', () => {
    expect(() => salesforceSettingsFromEnv(parseEnv({ SF_LOGIN_URL: base.SF_LOGIN_URL }))).toThrow(
      /SF_CLIENT_ID, SF_USERNAME, SF_PRIVATE_KEY or SF_PRIVATE_KEY_FILE/,
    );
    expect(() =>
      salesforceSettingsFromEnv(parseEnv({ ...base, SF_PRIVATE_KEY_FILE: '/nope' }), () => {
        throw new Error('ENOENT');
      }),
    ).toThrow(/SF_PRIVATE_KEY_FILE cannot be read/);
    let message = '';
    try {
      salesforceSettingsFromEnv(parseEnv({ ...base, SF_PRIVATE_KEY: 'not-a-key-SECRET' }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/SF_PRIVATE_KEY does not hold a readable RSA private key/);
    expect(message).not.toContain('SECRET');
  });
});
