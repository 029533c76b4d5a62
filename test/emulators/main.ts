/**
 * `npm run emulators`: starts the Salesforce org emulator (SF_EMULATOR_PORT, default 4010) and the
 * NetSuite account emulator (NS_EMULATOR_PORT, default 4020) with demo data, prints ONE line of JSON
 * whose keys are the relay's environment variable names, and runs until SIGTERM/SIGINT.
 * Progress goes to stderr so stdout stays machine-readable:
 *   eval "$(npm run -s emulators | head -1 | node -e '...')"   # or export the keys by hand
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listenOptionsFromEnv, startSalesforceEmulator } from './salesforce/index.js';
import { startNetSuiteEmulator } from './netsuite/index.js';

const say = (line: string) => process.stderr.write(`emulators: ${line}\n`);

function nsPort(env: NodeJS.ProcessEnv): number {
  const raw = env.NS_EMULATOR_PORT ?? '4020';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid NS_EMULATOR_PORT: ${raw}`);
  return port;
}

try {
  say('starting the Salesforce org emulator ...');
  const sf = await startSalesforceEmulator({ ...listenOptionsFromEnv(process.env) });
  say(`Salesforce org emulator on ${sf.url}`);
  say('starting the NetSuite account emulator ...');
  const seed = join(import.meta.dirname, 'netsuite', 'fixtures', 'demo-seed.json');
  const ns = await startNetSuiteEmulator({
    port: nsPort(process.env),
    host: process.env.NS_EMULATOR_HOST ?? '127.0.0.1',
    ...(existsSync(seed) ? { seed } : {}),
  });
  say(`NetSuite account emulator on ${ns.url} (account ${ns.env.NS_ACCOUNT_ID})`);
  process.stdout.write(`${JSON.stringify({ ...sf.env, ...ns.env })}\n`);
  say('ready; export the JSON keys above to point a relay here. Ctrl-C or SIGTERM stops both.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    await Promise.allSettled([sf.close(), ns.close()]);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (err) {
  say(`failed to start: ${(err as Error).message}`);
  process.exit(1);
}
