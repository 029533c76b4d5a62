import { serve } from '@hono/node-server';
import { ConfigError, parseEnv } from './config/env.js';
import { startRelay } from './app/start.js';

/** Entry point: read config once, then serve. All wiring lives in app/start.ts. */
let config;
try {
  config = parseEnv(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    for (const p of err.problems) process.stderr.write(`nsc-relay: configuration error: ${p.variable} ${p.message}\n`);
    process.exit(1);
  }
  throw err;
}

await startRelay(config, { serve });
