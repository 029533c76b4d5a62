import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../relay/src/logging/logger.js';
import { createPipeline } from '../../relay/src/pipeline/index.js';
import { openStore } from '../../relay/src/store/index.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { startNetSuiteEmulator } from '../emulators/netsuite/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BASE_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('SF_') && !k.startsWith('NS_') && k !== 'DATABASE_URL'),
);

/** Runs the CLI asynchronously, so in-process emulators keep answering while it runs. */
function nsc(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'nsc.mjs'), ...args], {
    cwd: ROOT,
    env: { ...BASE_ENV, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('nsc', () => {
  it('doctor checks configuration and the store, and skips systems that are not configured', async () => {
    const r = await nsc(['doctor'], { DATA_DIR: mkdtempSync(join(tmpdir(), 'nsc-cli-')) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✓ store: sqlite schema v\d+/);
    expect(r.stdout).toContain('– netsuite: not configured');
  });

  it('doctor fails naming the missing NetSuite variables, never printing a secret', async () => {
    const r = await nsc(['doctor'], {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'nsc-cli-')),
      NS_ACCOUNT_ID: '1234567',
      NS_CONSUMER_KEY: 'ck',
      NS_CONSUMER_SECRET: 'Secret-Value-123',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('NS_TOKEN_ID');
    expect(r.stdout + r.stderr).not.toContain('Secret-Value-123');
  });

  it('mappings validate names the mapping and field of a bad override, and accepts a good one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsc-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ flows: [{ Id: 'a00', Flow_Key__c: 'account-customer', Definition__c: '{oops' }] }),
    );
    const r = await nsc(['mappings', 'validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/account-customer.*Definition__c/);

    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ flows: [{ Id: 'a01', Flow_Key__c: 'account-customer', Active__c: true }] }));
    const ok = await nsc(['mappings', 'validate', good]);
    expect(ok.code, ok.stdout).toBe(0);
  });

  it('mappings list shows the shipped mappings', async () => {
    const r = await nsc(['mappings', 'list', '--json']);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['account-customer', 'order-sales-order']));
  });

  it('dlq list shows a dead letter with its reason and dlq replay --all queues it again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nsc-cli-'));
    const store = await openStore({ DATA_DIR: dataDir });
    const pipeline = createPipeline({ store, flows: [], operations: [], logger: createLogger({ level: 'silent' }) });
    await pipeline.start();
    await pipeline.inbox.append([
      {
        source: 'manual',
        sourceKey: 'cli-test-1',
        recordType: 'Account',
        recordId: '001000000000001AAA',
        payload: { Name: 'Acme' },
      },
    ]);
    const until = Date.now() + 20_000;
    while ((await store.listDlq({ limit: 10 })).items.length === 0 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    await pipeline.stop(2_000);
    await store.close();

    const list = await nsc(['dlq', 'list'], { DATA_DIR: dataDir });
    expect(list.code, list.stdout + list.stderr).toBe(0);
    expect(list.stdout).toMatch(/#\d+ open .*Account 001000000000001AAA .*: .+/);

    const replay = await nsc(['dlq', 'replay', '--all'], { DATA_DIR: dataDir });
    expect(replay.code, replay.stdout + replay.stderr).toBe(0);
    expect(replay.stdout).toContain('1 replayed, 0 failed');
    expect(replay.stderr).toMatch(/replaying: 1\/1/);
    expect((await nsc(['dlq', 'list', '--status', 'open'], { DATA_DIR: dataDir })).stdout).toContain('empty');
  }, 60_000);

  describe('backfill against the Salesforce emulator', () => {
    let sf: SalesforceEmulator;
    beforeAll(async () => {
      sf = await startSalesforceEmulator({ port: 0 });
      sf.org.seed('Account', [{ Name: 'Backfill One' }, { Name: 'Backfill Two' }, { Name: 'Backfill Three' }]);
    });
    afterAll(() => sf.close());

    it('stores every changed record once, and a second run adds nothing', async () => {
      const env = { ...sf.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'nsc-cli-')) };
      const first = await nsc(['backfill', '--objects', 'Account', '--since', '2000-01-01T00:00:00Z'], env);
      expect(first.code, first.stdout + first.stderr).toBe(0);
      expect(first.stdout).toMatch(/✓ Account: 3 stored, 0 already in the inbox/);
      const second = await nsc(['backfill', '--objects', 'Account', '--since', '2000-01-01T00:00:00Z'], env);
      expect(second.stdout).toMatch(/✓ Account: 0 stored, 3 already in the inbox/);
    });

    it('doctor logs in to Salesforce and reaches NetSuite over SOAP and REST', async () => {
      const ns = await startNetSuiteEmulator({ port: 0 });
      try {
        const env = { ...sf.env, ...ns.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'nsc-cli-')) };
        const soap = await nsc(['doctor'], env);
        expect(soap.code, soap.stdout + soap.stderr).toBe(0);
        expect(soap.stdout).toMatch(/✓ salesforce login \(JWT bearer\): instance http:\/\/127\.0\.0\.1:\d+/);
        expect(soap.stdout).toMatch(/✓ netsuite: soap: account concurrency limit \d+/);
        const rest = await nsc(['doctor'], { ...env, NS_TRANSPORT: 'rest', NS_AUTH: 'oauth2' });
        expect(rest.code, rest.stdout + rest.stderr).toBe(0);
        expect(rest.stdout).toMatch(/✓ netsuite: rest/);
        expect(soap.stdout + rest.stdout).not.toContain(ns.env.NS_TOKEN_SECRET!);
      } finally {
        await ns.close();
      }
    });

    it('refuses an object name that is not an API name', async () => {
      const r = await nsc(['backfill', '--objects', "Account'--", '--since', '2026-01-01'], {
        ...sf.env,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'nsc-cli-')),
      });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('not an object API name');
    });
  });
});
