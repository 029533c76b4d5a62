import { describe, expect, it } from 'vitest';
import { SalesforceError } from './errors.js';
import { salesforceReadinessCheck } from './readiness.js';

describe('salesforce readiness', () => {
  it('reports not configured, up (host only) and down (code, never the token)', async () => {
    expect(await salesforceReadinessCheck(undefined).check()).toMatchObject({ state: 'not_configured' });
    const up = {
      session: async () => ({ accessToken: '00D!secret', instanceUrl: 'https://acme.my.salesforce.com' }),
      invalidate: () => undefined,
    };
    const upState = await salesforceReadinessCheck(up).check();
    expect(upState).toEqual({ state: 'up', detail: 'acme.my.salesforce.com' });
    const down = {
      session: async () => {
        throw new SalesforceError({ code: 'SF_AUTH_FAILED', message: 'login refused: invalid_grant' });
      },
      invalidate: () => undefined,
    };
    expect(await salesforceReadinessCheck(down).check()).toEqual({
      state: 'down',
      detail: 'SF_AUTH_FAILED: login refused: invalid_grant',
    });
  });
});
