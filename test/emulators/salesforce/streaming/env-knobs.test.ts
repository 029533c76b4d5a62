import { describe, expect, it } from 'vitest';
import { streamingSettingsFromEnv } from './env-knobs.js';

describe('streamingSettingsFromEnv', () => {
  it('reads the SF_EMULATOR_* streaming knobs', () => {
    expect(
      streamingSettingsFromEnv({
        SF_EMULATOR_CONNECT_TIMEOUT_MS: '500',
        SF_EMULATOR_SESSION_TIMEOUT_MS: '2000',
        SF_EMULATOR_MAX_CLIENTS: '20',
        SF_EMULATOR_STREAM_SILENT: 'true',
        SF_EMULATOR_RETENTION_MS: '3600000',
      }),
    ).toEqual({ knobs: { connectTimeoutMs: 500, sessionTimeoutMs: 2000, maxClients: 20, silent: true }, retentionMs: 3600000 });
    expect(streamingSettingsFromEnv({})).toEqual({ knobs: {} });
  });

  it('names the variable of a bad value', () => {
    expect(() => streamingSettingsFromEnv({ SF_EMULATOR_MAX_CLIENTS: 'many' })).toThrow(/SF_EMULATOR_MAX_CLIENTS/);
    expect(() => streamingSettingsFromEnv({ SF_EMULATOR_STREAM_SILENT: 'yes' })).toThrow(/SF_EMULATOR_STREAM_SILENT/);
  });
});
