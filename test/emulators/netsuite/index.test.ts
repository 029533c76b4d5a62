import { stat, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAccount, startNetSuiteEmulator } from './index.js';
import { emulatorKnobsFromEnv } from './knobs.js';

const SEED = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'demo-seed.json');

describe('startNetSuiteEmulator', () => {
  it('serves on a free port and prints the relay variables; the M2M key file is 0600 and removed on close', async () => {
    const emu = await startNetSuiteEmulator({ env: {} });
    try {
      expect(Object.keys(emu.env).sort()).toEqual(
        [
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
        ].sort(),
      );
      expect(emu.env.NS_ACCOUNT_ID).toBe('1234567_SB1');
      expect(emu.env.NS_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emu.env.NS_CONSUMER_KEY).toMatch(/^[0-9a-f]{64}$/);
      const key = emu.env.NS_PRIVATE_KEY_FILE!;
      expect((await stat(key)).mode & 0o777).toBe(0o600);
      expect(await readFile(key, 'utf8')).toContain('BEGIN PRIVATE KEY');
      const other = await startNetSuiteEmulator({ env: {} });
      expect(other.env.NS_TOKEN_SECRET).not.toBe(emu.env.NS_TOKEN_SECRET);
      await other.close();
    } finally {
      await emu.close();
    }
    await expect(stat(emu.env.NS_PRIVATE_KEY_FILE!)).rejects.toThrow();
  });

  it('reads NS_EMULATOR_* knobs, explicit knobs win, bad values name the variable', async () => {
    const a = await createAccount({
      env: { NS_EMULATOR_CONCURRENCY: '7', NS_EMULATOR_LATENCY_MS: '5', NS_EMULATOR_ONEWORLD: 'false' },
      knobs: { latencyMs: 1 },
    });
    expect(a.governance.knobs).toMatchObject({ concurrency: 7, latencyMs: 1 });
    expect(a.state.options.oneWorld).toBe(false);
    expect(() => emulatorKnobsFromEnv({ NS_EMULATOR_MAX_BODY_BYTES: 'lots' })).toThrow(/NS_EMULATOR_MAX_BODY_BYTES/);
    expect(() => emulatorKnobsFromEnv({ NS_EMULATOR_LOGIN_FAULT_CODE: 'NOPE' })).toThrow(
      /NS_EMULATOR_LOGIN_FAULT_CODE/,
    );
  });

  it('seeds from fixtures/demo-seed.json with stable internalIds and derived balances', async () => {
    const a = await createAccount({ env: {}, seed: SEED, clock: () => new Date('2024-06-01T00:00:00Z') });
    const s = a.state;
    expect(s.list('customer').map((c) => c.internalId)).toEqual(['1201', '1202', '1203']);
    expect(s.get('salesOrder', { internalId: '2001' })).toMatchObject({ orderStatus: '_fullyBilled', total: 349.9 });
    expect(s.get('salesOrder', { internalId: '2002' })).toMatchObject({ orderStatus: '_partiallyFulfilled' });
    expect(s.get('salesOrder', { internalId: '2003' })).toMatchObject({ orderStatus: '_pendingApproval' });
    expect(s.get('invoice', { internalId: '2101' })).toMatchObject({
      total: 349.9,
      amountPaid: 200,
      amountRemaining: 149.9,
      status: 'Open',
    });
    expect(s.get('customer', { internalId: '1201' })).toMatchObject({ balance: 149.9, overdueBalance: 149.9 });
    expect(s.get('customer', { externalId: '001DEMO000000002AAA' })).toMatchObject({
      balance: 39.98,
      unbilledOrders: 59.98,
    });
    expect(s.get('vendorBill', { internalId: '2301' })).toMatchObject({ userTotal: 240.5 });
    // new records continue after the seeded ids
    const next = s.add('customer', { companyName: 'After Seed', subsidiary: { internalId: '1' } });
    expect(Number(next.internalId)).toBeGreaterThan(1501);
  });
});
