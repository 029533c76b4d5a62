import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Runs `sf project convert source` offline; returns its output on failure, undefined on success. */
export function convertSource(root: string): string | undefined {
  const out = mkdtempSync(join(tmpdir(), 'nsc-mdapi-'));
  const bin = resolve(root, 'node_modules', '.bin');
  try {
    const run = spawnSync(
      join(bin, 'sf'),
      ['project', 'convert', 'source', '--root-dir', 'force-app', '--output-dir', join(out, 'mdapi'), '--json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH ?? ''}`,
          SF_DISABLE_AUTOUPDATE: 'true',
          SF_AUTOUPDATE_DISABLE: 'true',
          SF_DISABLE_TELEMETRY: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
          SF_HIDE_RELEASE_NOTES: 'true',
          SFDX_HIDE_RELEASE_NOTES: 'true',
        },
        timeout: 120_000,
      },
    );
    if (run.status === 0) return undefined;
    return (run.stdout || '') + (run.stderr || '') || `sf exited with ${run.status}`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
