#!/usr/bin/env node
/**
 * `npm test`: every suite, in order, each for real. A runner that executes no test is a failure.
 * Stages: type check, lint, vitest (relay, emulators, scripts, test/), LWC Jest, SuiteScript Jest,
 * Salesforce metadata checks. Prints each stage's result and a closing "N passed, N failed" line.
 * `npm test -- --only vitest,lwc` runs a subset.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const tmp = mkdtempSync(join(tmpdir(), 'nsc-test-'));
const env = {
  ...process.env,
  PATH: `${BIN}:${process.env.PATH ?? ''}`,
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR,
};

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const jestCounts = (file) => {
  const r = readJson(file);
  return r
    ? {
        passed: r.numPassedTests,
        failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
        skipped: r.numPendingTests,
      }
    : undefined;
};

const stages = [
  { name: 'build', cmd: ['node', '--import', 'tsx', 'scripts/build-suitescripts.ts'] },
  { name: 'typecheck', cmd: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: ['eslint', '.', '--max-warnings=0'] },
  {
    name: 'vitest',
    cmd: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(tmp, 'vitest.json')}`],
    counts: () => jestCounts(join(tmp, 'vitest.json')),
  },
  {
    name: 'lwc',
    cmd: ['sfdx-lwc-jest', '--', '--json', `--outputFile=${join(tmp, 'lwc.json')}`],
    counts: () => jestCounts(join(tmp, 'lwc.json')),
  },
  {
    name: 'suitescript',
    requires: 'netsuite/jest.config.cjs',
    cmd: [
      'npm',
      'run',
      '--silent',
      'test:suitescript',
      '--',
      '--json',
      `--outputFile=${join(tmp, 'suitescript.json')}`,
    ],
    counts: () => jestCounts(join(tmp, 'suitescript.json')),
  },
  {
    name: 'metadata',
    cmd: ['node', '--import', 'tsx', 'scripts/metadata/check.ts'],
    counts: (output) => {
      const m = /metadata: (\d+) passed, (\d+) failed/.exec(output);
      return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: 0 } : undefined;
    },
  },
];

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]?.split(',')) : undefined;

const results = [];
for (const stage of stages) {
  if (only && !only.has(stage.name)) continue;
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
  const started = Date.now();
  let ok;
  let counts;
  let note = '';
  if (stage.requires && !existsSync(join(ROOT, stage.requires))) {
    ok = false;
    note = `${stage.requires} is missing: this runner has no tests`;
  } else {
    const run = spawnSync(stage.cmd[0], stage.cmd.slice(1), {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    process.stdout.write(run.stdout ?? '');
    process.stderr.write(run.stderr ?? '');
    ok = run.status === 0;
    if (run.error) note = run.error.message;
    if (stage.counts) {
      counts = stage.counts((run.stdout ?? '') + (run.stderr ?? ''));
      if (!counts || counts.passed + counts.failed === 0) {
        ok = false;
        note = 'the runner executed no test';
      }
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name: stage.name, ok, counts, seconds, note });
}

rmSync(tmp, { recursive: true, force: true });
console.log('\n=== summary');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  const c = r.counts
    ? ` ${r.counts.passed} passed, ${r.counts.failed} failed${r.counts.skipped ? `, ${r.counts.skipped} skipped` : ''}`
    : '';
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(12)}${c} (${r.seconds}s)${r.note ? ` — ${r.note}` : ''}`);
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
    skipped += r.counts.skipped ?? 0;
  }
  if (!r.ok && (!r.counts || r.counts.failed === 0)) failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
