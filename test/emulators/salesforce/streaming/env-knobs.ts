import { z } from 'zod';
import type { StreamingKnobs } from './bayeux-server.js';

const ms = z.coerce.number().int().min(1);
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  SF_EMULATOR_CONNECT_TIMEOUT_MS: ms.optional(),
  SF_EMULATOR_SESSION_TIMEOUT_MS: ms.optional(),
  SF_EMULATOR_MAX_CLIENTS: z.coerce.number().int().min(0).optional(),
  SF_EMULATOR_STREAM_SILENT: flag.optional(),
  SF_EMULATOR_RETENTION_MS: ms.optional(),
});

/**
 * Streaming knobs named in the environment (`SF_EMULATOR_CONNECT_TIMEOUT_MS`, `..._SESSION_TIMEOUT_MS`,
 * `..._MAX_CLIENTS`, `..._STREAM_SILENT`, `..._RETENTION_MS`). A bad value throws naming the variable.
 */
export function streamingSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): { knobs: StreamingKnobs; retentionMs?: number } {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${String(issue?.path[0])}: ${issue?.message ?? 'bad value'}`);
  }
  const v = parsed.data;
  const knobs: StreamingKnobs = {};
  if (v.SF_EMULATOR_CONNECT_TIMEOUT_MS !== undefined) knobs.connectTimeoutMs = v.SF_EMULATOR_CONNECT_TIMEOUT_MS;
  if (v.SF_EMULATOR_SESSION_TIMEOUT_MS !== undefined) knobs.sessionTimeoutMs = v.SF_EMULATOR_SESSION_TIMEOUT_MS;
  if (v.SF_EMULATOR_MAX_CLIENTS !== undefined) knobs.maxClients = v.SF_EMULATOR_MAX_CLIENTS;
  if (v.SF_EMULATOR_STREAM_SILENT !== undefined) knobs.silent = v.SF_EMULATOR_STREAM_SILENT;
  return { knobs, ...(v.SF_EMULATOR_RETENTION_MS !== undefined ? { retentionMs: v.SF_EMULATOR_RETENTION_MS } : {}) };
}
