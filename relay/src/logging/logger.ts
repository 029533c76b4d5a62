import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths pino censors in every log line, wherever a secret could travel. */
export const REDACT_PATHS = [
  'password',
  'secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'clientSecret',
  'consumerSecret',
  'tokenSecret',
  'privateKey',
  'signature',
  'authorization',
  'Authorization',
  '*.password',
  '*.secret',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.clientSecret',
  '*.consumerSecret',
  '*.tokenSecret',
  '*.privateKey',
  '*.signature',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers["x-nsc-signature"]',
  'req.headers.authorization',
  'req.headers["x-nsc-signature"]',
  'req.headers.cookie',
  'config.SF_PRIVATE_KEY',
  'config.NS_CONSUMER_SECRET',
  'config.NS_TOKEN_SECRET',
  'config.NS_PRIVATE_KEY',
  'config.NS_WEBHOOK_SECRET',
  'config.RELAY_API_TOKENS',
  'config.DATABASE_URL',
];

export interface LoggerOptions {
  level?: string;
  /** Literal secret values to scrub from any message or error text (keys, tokens, passwords). */
  secrets?: (string | undefined)[];
  destination?: DestinationStream;
}

const MIN_SECRET_LENGTH = 4;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a scrubber that replaces every configured secret value (and the credentials in a URL)
 * inside a finished log line. Path redaction catches known keys; this catches secrets that end up
 * inside free text such as an error message or a stack.
 */
export function makeScrubber(secrets: (string | undefined)[]): (line: string) => string {
  const values = [...new Set(secrets.filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH))];
  // Multi-line secrets (PEM keys) also appear JSON-escaped inside a log line.
  const variants = values.flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]);
  const pattern = variants.length
    ? new RegExp(
        variants
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      )
    : null;
  return (line) => {
    let out = pattern ? line.replace(pattern, '[REDACTED]') : line;
    out = out.replace(/(\w+:\/\/[^:/\s"]+:)[^@/\s"]+@/g, '$1[REDACTED]@');
    out = out.replace(/(Bearer|OAuth)\s+[A-Za-z0-9._~+/=!-]{8,}/g, '$1 [REDACTED]');
    return out;
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const scrub = makeScrubber(options.secrets ?? []);
  const target: DestinationStream = options.destination ?? pino.destination({ dest: 1, sync: true });
  const scrubbing: DestinationStream = { write: (line: string) => target.write(scrub(line)) };
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'nsc-relay' },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    scrubbing,
  );
}
