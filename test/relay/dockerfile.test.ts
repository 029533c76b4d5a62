import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'relay', 'Dockerfile'), 'utf8');
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe('relay/Dockerfile', () => {
  it('is multi-stage and ships production dependencies only', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm prune --omit=dev|npm ci --omit=dev/);
    expect(runtimeStage).toContain('--from=prod-deps /app/node_modules');
    expect(runtimeStage).not.toMatch(/npm ci(?! --omit=dev)/);
  });

  it('runs as a non-root user, exposes 8787 and checks /healthz', () => {
    const user = /^USER\s+(\S+)/m.exec(runtimeStage)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtimeStage).toMatch(/^EXPOSE 8787$/m);
    expect(runtimeStage).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });

  it('starts an entry file that `npm run build` produces and that serves /healthz', async () => {
    const entry = JSON.parse(/^CMD\s+(\[.*\])$/m.exec(runtimeStage)![1]!) as string[];
    expect(entry[0]).toBe('node');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(existsSync(join(ROOT, entry[1]!))).toBe(true);

    const child = spawn(process.execPath, [entry[1]!], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'nsc-dist-')) },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    try {
      const until = Date.now() + 15_000;
      while (!/127\.0\.0\.1:(\d+)/.test(out) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const port = /127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      expect(port, out).toBeDefined();
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { version: string }).version).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
