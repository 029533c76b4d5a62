import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

describe('.forceignore', () => {
  it('keeps LWC Jest tests and fixtures out of the converted package, but keeps the components', () => {
    const out = mkdtempSync(join(tmpdir(), 'nsc-forceignore-'));
    try {
      const bin = join(ROOT, 'node_modules', '.bin');
      const run = spawnSync(
        join(bin, 'sf'),
        ['project', 'convert', 'source', '--root-dir', 'force-app', '--output-dir', join(out, 'md')],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: {
            ...process.env,
            PATH: `${bin}:${process.env.PATH}`,
            SF_DISABLE_AUTOUPDATE: 'true',
            SF_DISABLE_TELEMETRY: 'true',
          },
        },
      );
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const files = listFiles(join(out, 'md')).map((f) => f.slice(out.length));
      expect(files.some((f) => f.includes('/lwc/netsuiteAccountFinancials/netsuiteAccountFinancials.js'))).toBe(true);
      expect(files.filter((f) => f.includes('__tests__') || f.endsWith('.test.js'))).toEqual([]);
      expect(existsSync(join(out, 'md', 'package.xml'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
