import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
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

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Compiles netsuite/src/TypeScripts to AMD (tsc -p netsuite/tsconfig.json) when the compiled files
 * are missing or older than the sources. The compiled output is a build product, not committed.
 * Test workers run in parallel: one compiles (holding a lock file) into a temporary folder that is
 * then renamed into place; the others wait for it.
 */
export function ensureCompiled(project = NETSUITE_PROJECT): void {
  const out = path.join(project, 'src', 'FileCabinet', 'SuiteScripts', 'nsc');
  const src = path.join(project, 'src', 'TypeScripts');
  const fresh = () => existsSync(out) && newest(out) >= newest(src);
  const lock = `${out}.lock`;
  // A fresh clone has no SuiteScripts folder yet (compiled output is not committed).
  mkdirSync(path.dirname(out), { recursive: true });
  for (let waited = 0; !fresh(); waited += 100) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (!held) continue; // released between our attempt and the look: try again at once
      if (waited > 120_000 || Date.now() - held.mtimeMs > 120_000) rmSync(lock, { force: true });
      sleep(100);
      continue;
    }
    try {
      if (fresh()) return;
      const tmp = `${out}.tmp-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      execFileSync(process.execPath, [tsc, '-p', path.join(project, 'tsconfig.json'), '--outDir', tmp], { stdio: 'pipe' });
      rmSync(out, { recursive: true, force: true });
      renameSync(tmp, out);
      return;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}
