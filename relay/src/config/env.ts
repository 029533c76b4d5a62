import { z } from 'zod';

/**
 * The relay's whole configuration, read once from the environment at start.
 * Every variable is listed in README.md ("Configuration") and in ../shared/DESIGN.md.
 */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.string().url().optional());
const port = (fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'must be a whole number from 0 to 65535' })
      .int('must be a whole number from 0 to 65535')
      .min(0, 'must be a whole number from 0 to 65535')
      .max(65535, 'must be a whole number from 0 to 65535')
      .default(fallback),
  );
const positiveInt = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));

export const envSchema = z.object({
  PORT: port(8787),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./.data')),
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'must be a postgres:// or postgresql:// URL',
  ),
  RELAY_API_TOKENS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((v) =>
        v
          ? v
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean)
          : [],
      ),
  ),

  SF_LOGIN_URL: optionalUrl,
  SF_CLIENT_ID: optionalString,
  SF_USERNAME: optionalString,
  SF_PRIVATE_KEY: optionalString,
  SF_PRIVATE_KEY_FILE: optionalString,
  SF_API_VERSION: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{2}\.0$/, 'must look like 62.0')
      .default('62.0'),
  ),
  SF_NAMESPACE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]*$/)
      .optional(),
  ),

  NS_ACCOUNT_ID: optionalString,
  NS_CONSUMER_KEY: optionalString,
  NS_CONSUMER_SECRET: optionalString,
  NS_TOKEN_ID: optionalString,
  NS_TOKEN_SECRET: optionalString,
  NS_CLIENT_ID: optionalString,
  NS_CERTIFICATE_ID: optionalString,
  NS_PRIVATE_KEY: optionalString,
  NS_PRIVATE_KEY_FILE: optionalString,
  NS_AUTH: z.preprocess(emptyToUndefined, z.enum(['tba', 'oauth2']).default('tba')),
  NS_TRANSPORT: z.preprocess(emptyToUndefined, z.enum(['soap', 'rest']).default('soap')),
  NS_BASE_URL: optionalUrl,
  NS_RESTLET_URL: optionalUrl,
  NS_CONCURRENCY: positiveInt(5),
  NS_WEBHOOK_SECRET: optionalString,

  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
});

export type Env = z.infer<typeof envSchema>;

/** Variables whose values are secrets: never logged, never echoed in an error. */
export const SECRET_VARIABLES = [
  'SF_PRIVATE_KEY',
  'NS_CONSUMER_SECRET',
  'NS_TOKEN_SECRET',
  'NS_PRIVATE_KEY',
  'NS_WEBHOOK_SECRET',
  'RELAY_API_TOKENS',
  'DATABASE_URL',
] as const;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: { variable: string; message: string }[]) {
    super('Invalid configuration: ' + problems.map((p) => `${p.variable} ${p.message}`).join('; '));
    this.name = 'ConfigError';
  }
}

/** Parses the environment. Throws ConfigError naming each bad variable, never its value. */
export function parseEnv(source: NodeJS.ProcessEnv | Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? 'environment'),
      message: issue.message,
    })),
  );
}

/** NetSuite credential variables each auth mode needs (besides NS_ACCOUNT_ID). */
const NETSUITE_CREDENTIALS = {
  tba: ['NS_CONSUMER_KEY', 'NS_CONSUMER_SECRET', 'NS_TOKEN_ID', 'NS_TOKEN_SECRET'],
  oauth2: ['NS_CLIENT_ID', 'NS_CERTIFICATE_ID'],
} as const;

/**
 * The NetSuite variables still missing when NetSuite is partly configured (some NS_* credential set),
 * so that a forgotten variable stops the relay instead of silently leaving NetSuite off.
 */
export function missingNetSuiteVariables(env: Env): string[] {
  const all = [
    'NS_ACCOUNT_ID',
    ...NETSUITE_CREDENTIALS.tba,
    ...NETSUITE_CREDENTIALS.oauth2,
    'NS_PRIVATE_KEY',
    'NS_PRIVATE_KEY_FILE',
  ] as const;
  if (!all.some((k) => env[k])) return [];
  const needed: string[] = ['NS_ACCOUNT_ID', ...NETSUITE_CREDENTIALS[env.NS_AUTH]];
  const missing = needed.filter((k) => !env[k as keyof Env]);
  if (env.NS_AUTH === 'oauth2' && !env.NS_PRIVATE_KEY && !env.NS_PRIVATE_KEY_FILE)
    missing.push('NS_PRIVATE_KEY or NS_PRIVATE_KEY_FILE');
  return missing;
}

/** Which external systems are configured; with neither, the relay serves health and the mapping API only. */
export function configuredSystems(env: Env): { salesforce: boolean; netsuite: boolean } {
  const salesforce = Boolean(
    env.SF_LOGIN_URL && env.SF_CLIENT_ID && env.SF_USERNAME && (env.SF_PRIVATE_KEY || env.SF_PRIVATE_KEY_FILE),
  );
  const anyNetSuite = Boolean(env.NS_ACCOUNT_ID || env.NS_CONSUMER_KEY || env.NS_CLIENT_ID);
  const netsuite = anyNetSuite && missingNetSuiteVariables(env).length === 0;
  return { salesforce, netsuite };
}
