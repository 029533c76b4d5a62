/**
 * `npm run bench`: runs every benchmark section in scripts/bench/<section>.ts and prints figures.
 * `npm run bench -- --json` prints one JSON object `{ section: { figure: value } }`;
 * `--only pipeline,mapping` runs a subset; `--quick` runs smaller workloads.
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

export interface BenchSection {
  name: string;
  run(opts: { quick: boolean; log: (line: string) => void }): Promise<Record<string, number | string>>;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? new Set(args[onlyIdx + 1]?.split(',')) : undefined;
const log = (line: string) => process.stderr.write(`${line}\n`);

const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'main.ts' && !f.endsWith('.test.ts') && !f.startsWith('_'))
  .sort();

const results: Record<string, Record<string, number | string>> = {};
for (const file of files) {
  const mod = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as { default?: BenchSection };
  const section = mod.default;
  if (!section?.run) continue;
  if (only && !only.has(section.name)) continue;
  log(`bench: ${section.name} ...`);
  const started = Date.now();
  try {
    results[section.name] = await section.run({ quick, log });
  } catch (err) {
    results[section.name] = { error: (err as Error).message };
    process.exitCode = 1;
  }
  log(`bench: ${section.name} done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (!json) {
    console.log(`\n[${section.name}]`);
    for (const [k, v] of Object.entries(results[section.name]!)) console.log(`  ${k.padEnd(40)} ${v}`);
  }
}
if (json) console.log(JSON.stringify(results));
