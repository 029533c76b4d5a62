/**
 * Emulator knobs: fault injection and limits, set in-process (`org.setKnobs`) or from `SF_EMULATOR_*`.
 */
import { z } from 'zod';

export interface SfKnobs {
  /** Added delay before each REST/OAuth answer, in ms. */
  latencyMs: number;
  /** Probability (0..1) that a REST call answers 503 SERVER_UNAVAILABLE. */
  faultRate: number;
  /** Probability (0..1) that a DML on one record fails with UNABLE_TO_LOCK_ROW. */
  rowLockFaultRate: number;
  /** Access-token lifetime in seconds (a real org's session timeout; default 2 h). */
  tokenLifetimeSec: number;
  /** Daily API request allocation (`DailyApiRequests.Max`). */
  dailyApiLimit: number;
  /** Default query batch size (rows per page before `nextRecordsUrl`). */
  queryBatchSize: number;
}

export const DEFAULT_KNOBS: SfKnobs = {
  latencyMs: 0,
  faultRate: 0,
  rowLockFaultRate: 0,
  tokenLifetimeSec: 7200,
  dailyApiLimit: 100_000,
  queryBatchSize: 2000,
};

const rate = z.coerce.number().min(0).max(1);
const count = z.coerce.number().int().min(0);

const envSchema = z.object({
  SF_EMULATOR_LATENCY_MS: count.optional(),
  SF_EMULATOR_FAULT_RATE: rate.optional(),
  SF_EMULATOR_ROW_LOCK_RATE: rate.optional(),
  SF_EMULATOR_TOKEN_LIFETIME_S: z.coerce.number().int().min(1).optional(),
  SF_EMULATOR_DAILY_API_LIMIT: z.coerce.number().int().min(1).optional(),
  SF_EMULATOR_QUERY_BATCH_SIZE: z.coerce.number().int().min(200).max(2000).optional(),
});

/** `SF_EMULATOR_CURRENCIES=USD,EUR` turns multi-currency on (first = corporate currency). */
export function currenciesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const raw = env.SF_EMULATOR_CURRENCIES;
  if (raw === undefined || raw.trim() === '') return undefined;
  const list = raw.split(',').map((c) => c.trim().toUpperCase());
  const bad = list.find((c) => !/^[A-Z]{3}$/.test(c));
  if (bad !== undefined) throw new Error(`Invalid SF_EMULATOR_CURRENCIES: '${bad}' is not an ISO 4217 code`);
  return list;
}

/** Knobs named in the environment; a bad value throws naming the variable. */
export function knobsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<SfKnobs> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${String(issue?.path[0])}: ${issue?.message ?? 'bad value'}`);
  }
  const v = parsed.data;
  const out: Partial<SfKnobs> = {};
  if (v.SF_EMULATOR_LATENCY_MS !== undefined) out.latencyMs = v.SF_EMULATOR_LATENCY_MS;
  if (v.SF_EMULATOR_FAULT_RATE !== undefined) out.faultRate = v.SF_EMULATOR_FAULT_RATE;
  if (v.SF_EMULATOR_ROW_LOCK_RATE !== undefined) out.rowLockFaultRate = v.SF_EMULATOR_ROW_LOCK_RATE;
  if (v.SF_EMULATOR_TOKEN_LIFETIME_S !== undefined) out.tokenLifetimeSec = v.SF_EMULATOR_TOKEN_LIFETIME_S;
  if (v.SF_EMULATOR_DAILY_API_LIMIT !== undefined) out.dailyApiLimit = v.SF_EMULATOR_DAILY_API_LIMIT;
  if (v.SF_EMULATOR_QUERY_BATCH_SIZE !== undefined) out.queryBatchSize = v.SF_EMULATOR_QUERY_BATCH_SIZE;
  return out;
}
