import { parseEnv, type Env } from '../config/env.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { openStore, type Store } from '../store/index.js';
import { secretValues } from '../app/start.js';

/** Config, a quiet logger (warnings only, secrets scrubbed) and the store, opened on demand. */
export interface CliContext {
  env: Env;
  logger: Logger;
  store(): Promise<Store>;
  close(): Promise<void>;
}

export function createCliContext(source: NodeJS.ProcessEnv = process.env): CliContext {
  const env = parseEnv(source);
  const logger = createLogger({
    level: process.env.LOG_LEVEL ?? 'warn',
    secrets: secretValues(env),
    destination: process.stderr,
  });
  let opened: Promise<Store> | undefined;
  return {
    env,
    logger,
    store: () => (opened ??= openStore(env)),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
