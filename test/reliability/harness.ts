/**
 * Drives the reliability scenario: a fake target and a relay-like worker as child processes over real
 * HTTP; a stream of changes (several versions per record, some records permanently invalid) sent
 * at-least-once; the worker SIGKILLed at random moments and restarted; then everything is checked
 * against the target's write log and the worker's store.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../relay/src/store/db.js';
import { openPgDb } from '../../relay/src/store/pg-db.js';
import { openSqliteDb } from '../../relay/src/store/sqlite-db.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const here = new URL('.', import.meta.url).pathname;
const TOKEN = 'reliability-token';

export interface ScenarioOptions {
  records: number;
  maxVersions: number;
  invalidRecords: number;
  kills: number;
  chunk: number;
  paceMs: number;
  /** Random pause before each kill, ms (measured from the previous restart). */
  killGapMs: [number, number];
  settleTimeoutMs: number;
  faultRate?: number;
  /** The worker's store: the embedded one (default) or PostgreSQL at DATABASE_URL (own schema). */
  store?: 'sqlite' | 'postgres';
}

interface Child {
  proc: ChildProcess;
  url: string;
  stderr: string[];
  exit: Promise<number | string>;
}

async function spawnChild(script: string, env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(here, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  proc.stderr!.on('data', (d: Buffer) => {
    stderr.push(String(d));
    if (stderr.length > 50) stderr.shift();
  });
  const exit = new Promise<number | string>((resolve) =>
    proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout! });
    rl.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    void exit.then((code) => reject(new Error(`${script} exited (${code}) before it was ready: ${stderr.join('')}`)));
  });
  return { proc, url: `http://127.0.0.1:${port}`, stderr, exit };
}

export interface Change {
  key: string;
  version: number;
  value: string;
  invalid?: boolean;
}

export function makeChanges(o: ScenarioOptions): Change[] {
  const queues: Change[][] = [];
  for (let r = 0; r < o.records; r++) {
    const n = 1 + Math.floor(Math.random() * o.maxVersions);
    const key = `rec-${String(r).padStart(5, '0')}`;
    queues.push(Array.from({ length: n }, (_, i) => ({ key, version: i + 1, value: `${key}@${i + 1}` })));
  }
  for (let r = 0; r < o.invalidRecords; r++) {
    const key = `bad-${String(r).padStart(4, '0')}`;
    queues.push([{ key, version: 1, value: 'invalid', invalid: true }]);
  }
  const out: Change[] = [];
  const open = queues.filter((q) => q.length > 0);
  while (open.length > 0) {
    const i = Math.floor(Math.random() * open.length);
    out.push(open[i]!.shift()!);
    if (open[i]!.length === 0) open.splice(i, 1);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([a, b]: [number, number]) => a + Math.random() * (b - a);

export interface ScenarioReport {
  changes: Change[];
  kills: { atChunk: number; of: number }[];
  resends: number;
  finalExit: number | string;
  target: {
    records: Record<string, { id: string; version: number; value: string }>;
    writes: { key: string; version: number; effective: boolean }[];
    stats: Record<string, number>;
  };
  db: {
    inbox: number;
    unfinished: number;
    workByStatus: Record<string, number>;
    multiplyLogged: number;
    superseded: Set<string>;
    dlq: { stage: string; key: string; version: number; reason: string }[];
  };
  elapsedMs: number;
}

export async function runScenario(o: ScenarioOptions): Promise<ScenarioReport> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'nsc-reliability-'));
  const target = await spawnChild('fake-target.ts', { FAULT_RATE: String(o.faultRate ?? 0.25) });
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const pgSchema = `nsc_rel_${randomBytes(5).toString('hex')}`;
  const usePg = o.store === 'postgres';
  if (usePg && !databaseUrl) throw new Error('the PostgreSQL reliability run needs DATABASE_URL');
  const workerEnv = {
    DATA_DIR: dataDir,
    TARGET_URL: target.url,
    DATABASE_URL: usePg ? databaseUrl : '',
    PG_SCHEMA: pgSchema,
  };
  let worker = await spawnChild('worker.ts', workerEnv);
  try {
    const changes = makeChanges(o);
    const chunks: Change[][] = [];
    for (let i = 0; i < changes.length; i += o.chunk) chunks.push(changes.slice(i, i + o.chunk));
    let sent = 0;
    let resends = 0;
    let sending = true;

    const sender = (async () => {
      for (const chunk of chunks) {
        for (;;) {
          try {
            const res = await fetch(`${worker.url}/events`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ events: chunk }),
              signal: AbortSignal.timeout(5_000),
            });
            if (res.ok) break;
          } catch {
            // the worker is down: a real source redelivers until it gets an acknowledgement
          }
          resends++;
          await sleep(25);
        }
        sent++;
        await sleep(o.paceMs);
      }
      sending = false;
    })();

    const kills: { atChunk: number; of: number }[] = [];
    const killer = (async () => {
      for (let k = 0; k < o.kills; k++) {
        await sleep(between(o.killGapMs));
        kills.push({ atChunk: sent, of: chunks.length });
        worker.proc.kill('SIGKILL');
        await worker.exit;
        worker = await spawnChild('worker.ts', workerEnv);
      }
    })();
    await Promise.all([sender, killer]);
    void sending;

    const deadline = Date.now() + o.settleTimeoutMs;
    for (;;) {
      const res = await fetch(`${worker.url}/api/v1/sync/summary`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const s = (await res.json()) as { pending: { inbox: number; ready: number; inFlight: number } };
      if (s.pending.inbox + s.pending.ready + s.pending.inFlight === 0) break;
      if (Date.now() > deadline)
        throw new Error(`did not settle: ${JSON.stringify(s)}; worker: ${worker.stderr.join('')}`);
      await sleep(100);
    }
    worker.proc.kill('SIGTERM');
    const finalExit = await worker.exit;
    const state = (await (await fetch(`${target.url}/state`)).json()) as ScenarioReport['target'];
    const db = await inspect(
      usePg ? openPgDb(databaseUrl, { schema: pgSchema }) : openSqliteDb(join(dataDir, 'relay.db')),
    );
    return { changes, kills, resends, finalExit, target: state, db, elapsedMs: Date.now() - started };
  } finally {
    worker.proc.kill('SIGKILL');
    target.proc.kill('SIGTERM');
    await target.exit;
    rmSync(dataDir, { recursive: true, force: true });
    if (usePg) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
      await client.end();
    }
  }
}

async function inspect(db: Db): Promise<ScenarioReport['db']> {
  try {
    const one = async (sql: string) => Number((await db.all<{ n: number }>(sql))[0]?.n ?? 0);
    const statuses = await db.all<{ status: string; n: number }>(
      'SELECT status, COUNT(*) AS n FROM work GROUP BY status',
    );
    const superseded = new Set(
      (await db.all<{ payload: string }>(`SELECT payload FROM work WHERE status = 'superseded'`)).map((r) => {
        const p = JSON.parse(r.payload) as Change;
        return `${p.key}:${p.version}`;
      }),
    );
    const dlq = (
      await db.all<{ stage: string; payload: string; reason: string }>(
        `SELECT stage, payload, reason FROM dlq WHERE status = 'open'`,
      )
    ).map((r) => {
      const p = JSON.parse(r.payload) as Change;
      return { stage: r.stage, key: p.key, version: p.version, reason: r.reason };
    });
    return {
      inbox: await one('SELECT COUNT(*) AS n FROM inbox'),
      unfinished: await one(`SELECT COUNT(*) AS n FROM work WHERE status IN ('ready', 'claimed')`),
      workByStatus: Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)])),
      multiplyLogged: await one(
        `SELECT COUNT(*) AS n FROM (SELECT work_id FROM sync_log WHERE work_id IS NOT NULL GROUP BY work_id HAVING COUNT(*) > 1) x`,
      ),
      superseded,
      dlq,
    };
  } finally {
    await db.close();
  }
}

/** Every check of "exactly once in effect, none lost, none duplicated, order kept, DLQ = the invalid ones". */
export function violations(r: ScenarioReport): string[] {
  const out: string[] = [];
  const valid = r.changes.filter((c) => !c.invalid);
  const invalid = r.changes.filter((c) => c.invalid);
  if (r.db.inbox !== r.changes.length)
    out.push(`inbox holds ${r.db.inbox} entries for ${r.changes.length} distinct changes`);
  if (r.db.unfinished !== 0) out.push(`${r.db.unfinished} work items unfinished`);
  if (r.db.multiplyLogged !== 0) out.push(`${r.db.multiplyLogged} work items have more than one final outcome`);
  if (r.target.stats.regressions !== 0) out.push(`target saw ${r.target.stats.regressions} out-of-order writes`);

  const effective = new Map<string, number>();
  const perKey = new Map<string, number[]>();
  for (const w of r.target.writes) {
    if (!w.effective) continue;
    const id = `${w.key}:${w.version}`;
    effective.set(id, (effective.get(id) ?? 0) + 1);
    perKey.set(w.key, [...(perKey.get(w.key) ?? []), w.version]);
  }
  for (const [id, n] of effective) if (n > 1) out.push(`change ${id} took effect ${n} times`);
  for (const [key, versions] of perKey) {
    for (let i = 1; i < versions.length; i++) {
      if (versions[i]! <= versions[i - 1]!) out.push(`record ${key} applied out of order: ${versions.join(',')}`);
    }
  }
  const last = new Map<string, number>();
  for (const c of valid) last.set(c.key, Math.max(last.get(c.key) ?? 0, c.version));
  for (const [key, version] of last) {
    const got = r.target.records[key]?.version;
    if (got !== version) out.push(`record ${key} ends at version ${got}, expected ${version} (lost)`);
  }
  if (Object.keys(r.target.records).length !== last.size) {
    out.push(`target holds ${Object.keys(r.target.records).length} records, expected ${last.size}`);
  }
  for (const c of valid) {
    const id = `${c.key}:${c.version}`;
    if (!effective.has(id) && !r.db.superseded.has(id)) out.push(`change ${id} neither applied nor superseded (lost)`);
  }
  const dead = new Set(r.db.dlq.map((d) => `${d.key}:${d.version}`));
  const expected = new Set(invalid.map((c) => `${c.key}:${c.version}`));
  for (const id of expected) if (!dead.has(id)) out.push(`invalid change ${id} is not in the DLQ`);
  for (const d of r.db.dlq) {
    if (!expected.has(`${d.key}:${d.version}`))
      out.push(`DLQ holds ${d.key}:${d.version} (${d.stage}: ${d.reason}), which is valid`);
  }
  if (r.db.dlq.length !== expected.size) out.push(`DLQ holds ${r.db.dlq.length} entries, expected ${expected.size}`);
  return out;
}
