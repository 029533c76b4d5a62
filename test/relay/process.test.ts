import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BASE_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('SF_') && !k.startsWith('NS_') && k !== 'DATABASE_URL'),
);

function startRelay(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'relay/src/main.ts'], {
    cwd: ROOT,
    env: { ...BASE_ENV, DATA_DIR: mkdtempSync(join(tmpdir(), 'nsc-proc-')), ...env },
  });
}

function collect(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += String(d)));
  child.stderr.on('data', (d) => (out.stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { out, exited };
}

async function waitFor(predicate: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('relay process', () => {
  it('exits 1 naming PORT when PORT is not a number', async () => {
    const { out, exited } = collect(startRelay({ PORT: 'abc' }));
    expect(await exited).toBe(1);
    expect(out.stderr).toContain('PORT');
    expect(out.stderr).not.toContain('abc');
  });

  it('exits 1 naming the variable without printing the secret it carries', async () => {
    const { out, exited } = collect(startRelay({ DATABASE_URL: 'mysql://root:Sup3rS3cret@h/db' }));
    expect(await exited).toBe(1);
    expect(out.stderr).toContain('DATABASE_URL');
    expect(out.stderr + out.stdout).not.toContain('Sup3rS3cret');
  });

  it('exits 1 naming each missing NetSuite variable when NetSuite is only partly configured', async () => {
    const { out, exited } = collect(
      startRelay({ NS_ACCOUNT_ID: '1234567', NS_CONSUMER_KEY: 'ck', NS_CONSUMER_SECRET: 'cs-Very-Secret-1' }),
    );
    expect(await exited).toBe(1);
    expect(out.stderr).toContain('NS_TOKEN_ID');
    expect(out.stderr).toContain('NS_TOKEN_SECRET');
    expect(out.stderr).not.toContain('cs-Very-Secret-1');
  });

  it('exits 1 naming NS_AUTH when OAuth 2.0 is asked for over SOAP', async () => {
    const { out, exited } = collect(
      startRelay({
        NS_ACCOUNT_ID: '1234567',
        NS_AUTH: 'oauth2',
        NS_TRANSPORT: 'soap',
        NS_CLIENT_ID: 'c',
        NS_CERTIFICATE_ID: 'k',
        NS_PRIVATE_KEY: 'pem',
      }),
    );
    expect(await exited).toBe(1);
    expect(out.stderr).toMatch(/NS_AUTH oauth2 needs NS_TRANSPORT=rest/);
  });

  it('exits 1 naming the Salesforce variable that is missing', async () => {
    const { out, exited } = collect(startRelay({ SF_LOGIN_URL: 'https://login.salesforce.com', SF_CLIENT_ID: 'abc' }));
    expect(await exited).toBe(1);
    expect(out.stderr).toMatch(/SF_USERNAME|SF_PRIVATE_KEY/);
  });

  it('serves /healthz, says nothing is configured, and stops cleanly on SIGTERM', async () => {
    const child = startRelay({ PORT: '0', RELAY_API_TOKENS: 'tok-abcdef-123' });
    const { out, exited } = collect(child);
    await waitFor(() => /listening on http:\/\/127\.0\.0\.1:(\d+)/.test(out.stdout), 20_000);
    const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out.stdout)![1];
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(out.stdout).toMatch(/nothing is configured|sandbox/);
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out.stdout).toContain('shutting down');
    expect(out.stdout).not.toContain('tok-abcdef-123');
  });
});
