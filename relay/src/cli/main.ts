/**
 * `npx nsc <command>`: the relay's command line.
 *   nsc doctor                         configuration, store, Salesforce and NetSuite checks
 *   nsc dlq list [--limit N]           the dead-letter queue with reasons
 *   nsc dlq replay <id...> | --all     queue dead letters again (progress bar)
 *   nsc mappings list|show <id>|validate <file>
 *   nsc backfill --objects Account,Contact --since 2026-11-01
 * Store commands open DATA_DIR / DATABASE_URL directly; with the embedded store while a relay runs,
 * use `--relay http://host:8787 --token T` (dlq) to go through the relay's API instead.
 */
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '../config/env.js';
import { StoreLockedError } from '../store/index.js';
import { createCliContext, type CliContext } from './context.js';
import { consoleOutput } from './output.js';
import { doctor } from './doctor.js';
import { dlqList, dlqReplay } from './dlq.js';
import { mappingsList, mappingsShow, mappingsValidate } from './mappings.js';
import { backfill } from './backfill.js';

// `nsc mappings list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const out = consoleOutput();
let ctx: CliContext | undefined;
const context = () => (ctx ??= createCliContext());

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidArgumentError('must be a whole number from 1 to 1000');
  return n;
};
const id = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${v} is not a dead-letter id`);
  return n;
};

async function run(fn: () => Promise<number> | number): Promise<void> {
  let code: number;
  try {
    code = await fn();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const p of err.problems) out.fail(`configuration: ${p.variable}`, p.message);
    } else if (err instanceof StoreLockedError) {
      out.fail('store', `${err.message}. Stop that relay, or use --relay URL --token T`);
    } else {
      out.fail('error', (err as Error).message);
    }
    code = 1;
  }
  await ctx?.close().catch(() => undefined);
  process.exitCode = code;
}

const program = new Command('nsc').description('NetSuite Connect relay command line').showHelpAfterError();

program
  .command('doctor')
  .description('check configuration, store, Salesforce and NetSuite')
  .action(() => run(() => doctor(context(), out)));

const dlq = program.command('dlq').description('the dead-letter queue');
const remote = (c: Command) =>
  c
    .option('--relay <url>', 'use a running relay API instead of opening the store', process.env.NSC_RELAY_URL)
    .option('--token <token>', 'bearer token for --relay (or NSC_RELAY_TOKEN)', process.env.NSC_RELAY_TOKEN);
remote(dlq.command('list').description('list dead letters, newest first'))
  .option('--limit <n>', 'how many', positiveInt, 50)
  .option('--status <status>', 'open or replayed')
  .option('--json', 'print one JSON page')
  .action((o) => run(() => dlqList(context(), out, o)));
remote(
  dlq
    .command('replay')
    .description('queue dead letters again')
    .argument('[ids...]', 'dead-letter ids', (v, prev: number[] = []) => [...prev, id(v)]),
)
  .option('--all', 'every open, replayable dead letter')
  .action((ids: number[] | undefined, o) =>
    run(async () => {
      if (!o.all && (!ids || ids.length === 0)) throw new Error('name the dead-letter ids to replay, or pass --all');
      return dlqReplay(context(), out, ids ?? [], { ...o, limit: 500 });
    }),
  );

const mappings = program.command('mappings').description('field mappings');
mappings
  .command('list')
  .description('the shipped mappings')
  .option('--json')
  .action((o) => run(() => mappingsList(out, o.json)));
mappings
  .command('show')
  .argument('<id>')
  .description('one mapping definition as JSON')
  .action((mid: string) => run(() => mappingsShow(out, mid)));
mappings
  .command('validate')
  .argument('<file>', 'JSON export { flows: [Sync_Flow__c], mappings: [{ flowKey, from, record }] }')
  .description('check admin overrides before they reach the relay')
  .action((file: string) => run(() => mappingsValidate(out, file)));

program
  .command('backfill')
  .description('store every Salesforce record changed since a date as a change for the relay to sync')
  .requiredOption('--objects <names>', 'comma-separated object API names', (v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .requiredOption('--since <date>', 'ISO 8601 date or date-time', (v) => new Date(v))
  .action((o) => run(() => backfill(context(), out, o)));

await program.parseAsync(process.argv);
