import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The SDF project folder (netsuite/) of this repository. */
export const NETSUITE_PROJECT = fileURLToPath(new URL('../../../../netsuite/', import.meta.url));
/** File Cabinet root the compiled scripts live under (`/SuiteScripts/nsc/...`). */
export const FILE_CABINET = path.join(NETSUITE_PROJECT, 'src', 'FileCabinet');

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Compiles netsuite/src/TypeScripts to AMD (tsc -p netsuite/tsconfig.json) when the compiled files
 * are missing or older than the sources. The compiled output is a build product, not committed.
 */
export function ensureCompiled(project = NETSUITE_PROJECT): void {
  const out = path.join(project, 'src', 'FileCabinet', 'SuiteScripts', 'nsc');
  const src = path.join(project, 'src', 'TypeScripts');
  if (existsSync(out) && newest(out) >= newest(src)) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(project, 'tsconfig.json')], { stdio: 'pipe' });
}
