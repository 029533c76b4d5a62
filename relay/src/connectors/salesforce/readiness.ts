/**
 * GET /readyz entry for Salesforce: up when a session can be had (cached, so usually no call), down with
 * the error code when the login is refused or Salesforce cannot be reached. Never reports the token.
 */
import type { ReadinessCheck } from '../../http/readiness.js';
import type { SalesforceAuth } from './auth.js';
import { isSalesforceError } from './errors.js';

export function salesforceReadinessCheck(
  auth: SalesforceAuth | undefined,
  opts: { critical?: boolean } = {},
): ReadinessCheck {
  return {
    name: 'salesforce',
    critical: opts.critical,
    async check() {
      if (!auth)
        return {
          state: 'not_configured',
          detail: 'SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and a private key are not set',
        };
      try {
        const s = await auth.session();
        return { state: 'up', detail: new URL(s.instanceUrl).host };
      } catch (err) {
        return { state: 'down', detail: isSalesforceError(err) ? `${err.code}: ${err.message}` : 'login failed' };
      }
    },
  };
}
