import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const REQUIRED_KEYS = [
  'SF_LOGIN_URL',
  'SF_CLIENT_ID',
  'SF_USERNAME',
  'SF_PRIVATE_KEY_FILE',
  'NS_ACCOUNT_ID',
  'NS_BASE_URL',
  'NS_RESTLET_URL',
  'NS_CONSUMER_KEY',
  'NS_CONSUMER_SECRET',
  'NS_TOKEN_ID',
  'NS_TOKEN_SECRET',
  'NS_CLIENT_ID',
  'NS_CERTIFICATE_ID',
  'NS_PRIVATE_KEY_FILE',
  'NS_WEBHOOK_SECRET',
];

describe('npm run emulators', () => {
  it('prints one JSON line of relay variables, serves both emulators and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulators/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, SF_EMULATOR_PORT: '0', NS_EMULATOR_PORT: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const until = Date.now() + 30_000;
      while (!stdout.includes('\n') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const env = JSON.parse(stdout.split('\n')[0]!) as Record<string, string>;
      expect(Object.keys(env)).toEqual(expect.arrayContaining(REQUIRED_KEYS));
      expect(stderr).toContain('ready');

      const versions = await fetch(`${env.SF_LOGIN_URL}/services/data`);
      expect(versions.status).toBe(200);
      // An unsigned SOAP call is refused the way NetSuite refuses it: a SOAP fault, HTTP 500.
      const soap = await fetch(`${env.NS_BASE_URL}/services/NetSuitePort_2023_2`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: 'get' },
        body: '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>',
      });
      expect(soap.status).toBe(500);
      expect(await soap.text()).toContain('Fault');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
