import { serve } from '@hono/node-server';
import { ConfigError, parseEnv, type Env } from './config/env.js';
import { makeScrubber } from './logging/logger.js';
import { secretValues, startRelay } from './app/start.js';

/** Entry point: read config once, then serve. All wiring lives in app/start.ts. */
function fail(err: unknown, config?: Env): never {
  if (err instanceof ConfigError) {
    for (const p of err.problems) process.stderr.write(`nsc-relay: configuration error: ${p.variable} ${p.message}\n`);
  } else {
    // Start-up errors name the variable or the system; scrub secrets all the same, and print no stack.
    const scrub = makeScrubber(config ? secretValues(config) : []);
    process.stderr.write(`nsc-relay: cannot start: ${scrub((err as Error)?.message ?? String(err))}\n`);
  }
  process.exit(1);
}

let config: Env;
try {
  config = parseEnv(process.env);
} catch (err) {
  fail(err);
}

try {
  await startRelay(config, { serve });
} catch (err) {
  fail(err, config);
}
