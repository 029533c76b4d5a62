/**
 * The connector's settings from the relay environment (SF_* variables in DESIGN.md).
 */
import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import type { Env } from '../../config/env.js';
import { SalesforceError } from './errors.js';
import { loadPrivateKey } from './jwt.js';

export interface SalesforceSettings {
  loginUrl: string;
  clientId: string;
  username: string;
  privateKey: KeyObject;
  apiVersion: string;
  namespace: string | undefined;
}

type SfEnv = Pick<
  Env,
  | 'SF_LOGIN_URL'
  | 'SF_CLIENT_ID'
  | 'SF_USERNAME'
  | 'SF_PRIVATE_KEY'
  | 'SF_PRIVATE_KEY_FILE'
  | 'SF_API_VERSION'
  | 'SF_NAMESPACE'
>;

/**
 * Undefined when Salesforce is not configured at all; throws (naming the variable, never its value)
 * when it is half configured or the key cannot be read.
 */
export function salesforceSettingsFromEnv(
  env: SfEnv,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): SalesforceSettings | undefined {
  const { SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME, SF_PRIVATE_KEY, SF_PRIVATE_KEY_FILE } = env;
  if (!SF_LOGIN_URL && !SF_CLIENT_ID && !SF_USERNAME && !SF_PRIVATE_KEY && !SF_PRIVATE_KEY_FILE) return undefined;
  const missing = (
    [
      ['SF_LOGIN_URL', SF_LOGIN_URL],
      ['SF_CLIENT_ID', SF_CLIENT_ID],
      ['SF_USERNAME', SF_USERNAME],
    ] as const
  )
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (!SF_PRIVATE_KEY && !SF_PRIVATE_KEY_FILE) missing.push('SF_PRIVATE_KEY or SF_PRIVATE_KEY_FILE' as never);
  if (missing.length > 0) {
    throw new SalesforceError({
      code: 'SF_INVALID_INPUT',
      message: `Salesforce is partly configured: set ${missing.join(', ')}`,
    });
  }
  let pem = SF_PRIVATE_KEY;
  if (!pem) {
    try {
      pem = readFile(SF_PRIVATE_KEY_FILE as string);
    } catch (cause) {
      throw new SalesforceError({ code: 'SF_INVALID_INPUT', message: 'SF_PRIVATE_KEY_FILE cannot be read', cause });
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = loadPrivateKey(pem);
  } catch (err) {
    const which = SF_PRIVATE_KEY ? 'SF_PRIVATE_KEY' : 'SF_PRIVATE_KEY_FILE';
    throw new SalesforceError({
      code: 'SF_INVALID_INPUT',
      message: `${which} does not hold a readable RSA private key (PEM)`,
      cause: err,
    });
  }
  return {
    loginUrl: SF_LOGIN_URL as string,
    clientId: SF_CLIENT_ID as string,
    username: SF_USERNAME as string,
    privateKey,
    apiVersion: env.SF_API_VERSION,
    namespace: env.SF_NAMESPACE,
  };
}
