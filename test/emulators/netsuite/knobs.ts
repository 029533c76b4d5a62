import { DEFAULT_KNOBS, knobsFromEnv, type GovernanceKnobs } from './governance.js';
import type { SoapLimits } from './soap/endpoint.js';
import type { AccountOptions } from './state/rules/context.js';

/** Every emulator knob: governance, SOAP limits, account features, auth clock skew, RNG seed. */
export interface EmulatorKnobs extends GovernanceKnobs, SoapLimits, AccountOptions {
  /** Allowed clock skew for TBA timestamps in seconds (NS_EMULATOR_CLOCK_SKEW_S, default 300). */
  maxSkewSeconds: number;
  /** Seed of the RNG behind latency jitter and fault injection (NS_EMULATOR_SEED). */
  rngSeed: string;
}

export const DEFAULT_EMULATOR_KNOBS: EmulatorKnobs = {
  ...DEFAULT_KNOBS,
  maxBodyBytes: 100 * 1024 * 1024,
  validateResponses: true,
  loginFaultCode: 'INVALID_LOGIN_CREDENTIALS',
  oneWorld: true,
  advancedShipping: false,
  salesOrderApproval: false,
  maxSkewSeconds: 300,
  rngSeed: 'netsuite-emulator',
};

function bool(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false`);
}

function int(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}`);
  return n;
}

/** NS_EMULATOR_* → knobs (unset variables are left out). A bad value throws naming the variable. */
export function emulatorKnobsFromEnv(env: Record<string, string | undefined>): Partial<EmulatorKnobs> {
  const out: Partial<EmulatorKnobs> = { ...knobsFromEnv(env) };
  const put = <K extends keyof EmulatorKnobs>(k: K, v: EmulatorKnobs[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  put('maxBodyBytes', int('NS_EMULATOR_MAX_BODY_BYTES', env.NS_EMULATOR_MAX_BODY_BYTES, 1024));
  put('validateResponses', bool('NS_EMULATOR_VALIDATE_RESPONSES', env.NS_EMULATOR_VALIDATE_RESPONSES));
  put('oneWorld', bool('NS_EMULATOR_ONEWORLD', env.NS_EMULATOR_ONEWORLD));
  put('advancedShipping', bool('NS_EMULATOR_ADVANCED_SHIPPING', env.NS_EMULATOR_ADVANCED_SHIPPING));
  put('salesOrderApproval', bool('NS_EMULATOR_SO_APPROVAL', env.NS_EMULATOR_SO_APPROVAL));
  put('maxSkewSeconds', int('NS_EMULATOR_CLOCK_SKEW_S', env.NS_EMULATOR_CLOCK_SKEW_S, 0));
  const code = env.NS_EMULATOR_LOGIN_FAULT_CODE;
  if (code) {
    if (code !== 'INVALID_LOGIN_CREDENTIALS' && code !== 'INVALID_LOGIN_ATTEMPT') {
      throw new Error('NS_EMULATOR_LOGIN_FAULT_CODE must be INVALID_LOGIN_CREDENTIALS or INVALID_LOGIN_ATTEMPT');
    }
    out.loginFaultCode = code;
  }
  if (env.NS_EMULATOR_SEED) out.rngSeed = env.NS_EMULATOR_SEED;
  return out;
}
