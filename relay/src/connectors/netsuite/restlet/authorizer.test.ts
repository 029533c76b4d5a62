import { describe, expect, it } from 'vitest';
import { realmOf, tbaAuthorizer } from './authorizer.js';

// Oracle's published example credentials; expected headers computed with oauthlib
// (reference/netsuite/auth/tba-test-vectors.json, copied into test/emulators/netsuite/restlet/fixtures).
const creds = {
  consumerKey: 'ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4',
  consumerSecret: 'd26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5',
  tokenId: '2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc',
  tokenSecret: 'c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295',
};
const fixed = { nonce: 'fjaLirsIcCGVZWzBX0pg', timestamp: 1508242306 };
const signatureOf = (header: string) => /oauth_signature="([^"]+)"/.exec(header)![1];

describe('tbaAuthorizer', () => {
  it('signs query parameters with HMAC-SHA256 like the reference vectors (POST, numeric ids)', async () => {
    const auth = tbaAuthorizer({ ...creds, accountId: '123456' }, fixed);
    const header = await auth.authorize(
      'POST',
      'https://123456.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=6&deploy=1&customParam=someValue&testParam=someOtherValue',
    );
    expect(header).toMatch(/^OAuth realm="123456", /);
    expect(header).toContain('oauth_signature_method="HMAC-SHA256"');
    expect(signatureOf(header)).toBe('%2BKK4SKNgz4ZiILGLwOMtfYlgcXSy1eis8ldE9X90azQ%3D');
  });

  it('uses the sandbox realm in upper case and signs script ids (GET)', async () => {
    const auth = tbaAuthorizer({ ...creds, accountId: '123456-sb1' }, fixed);
    const header = await auth.authorize(
      'GET',
      'https://123456-sb1.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=customscript_x&deploy=customdeploy_x&id=42',
    );
    expect(header).toMatch(/^OAuth realm="123456_SB1", /);
    expect(signatureOf(header)).toBe('M%2FEtAHrC5KzBCp8nHH%2FcmRkneyjDa%2B%2FzYh%2FCRsgBFAQ%3D');
  });

  it('signs REST web services URLs without a query', async () => {
    const header = await tbaAuthorizer({ ...creds, accountId: '123456' }, fixed).authorize(
      'GET',
      'https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/employee/40',
    );
    expect(signatureOf(header)).toBe('B5OIWznZ2YP0OB7VrJrGkYsTh%2B8H%2B5T9Hag%2Bo92q0zY%3D');
  });

  it('derives the realm from any account id spelling', () => {
    expect(realmOf('1234567_sb1')).toBe('1234567_SB1');
    expect(realmOf('1234567-sb1')).toBe('1234567_SB1');
  });
});
