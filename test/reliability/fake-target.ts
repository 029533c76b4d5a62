/**
 * A fake target system for the reliability suite, run as its own child process. `POST /upsert`
 * applies a batch of upserts idempotently by key (the externalId): a key is created once, a resend of
 * the version it already holds changes nothing. It injects faults: whole-request 503s (some *after*
 * applying: the answer is lost), 429 concurrency faults with Retry-After, per-item record locks, and a
 * permanent validation error for items marked invalid. `GET /state` returns every record and every
 * applied write in order, so the test can check exactly-once-in-effect and order per record.
 *
 * Env: FAULT_RATE (503 before applying, default 0.25), LOST_ACK_RATE (503 after applying, 0.05),
 * LOCK_RATE (per item, 0.05), CONCURRENCY_RATE (429, 0.03), MAX_CONCURRENT (429 above it, 4), SEED.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

interface Item {
  key: string;
  version: number;
  value: string;
  invalid?: boolean;
}

const rate = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const FAULT = rate('FAULT_RATE', 0.25);
const LOST_ACK = rate('LOST_ACK_RATE', 0.05);
const LOCK = rate('LOCK_RATE', 0.05);
const CONCURRENCY = rate('CONCURRENCY_RATE', 0.03);
const MAX_CONCURRENT = rate('MAX_CONCURRENT', 4);

const records = new Map<string, { id: string; version: number; value: string }>();
const writes: { key: string; version: number; effective: boolean }[] = [];
const stats = {
  requests: 0,
  faults: 0,
  lostAcks: 0,
  locks: 0,
  concurrency: 0,
  creates: 0,
  invalid: 0,
  regressions: 0,
  idempotentResends: 0,
};
let active = 0;
let nextId = 1000;

function apply(item: Item) {
  const current = records.get(item.key);
  if (!current) {
    const id = String(nextId++);
    records.set(item.key, { id, version: item.version, value: item.value });
    stats.creates++;
    writes.push({ key: item.key, version: item.version, effective: true });
    return id;
  }
  if (current.version === item.version) {
    stats.idempotentResends++;
    writes.push({ key: item.key, version: item.version, effective: false });
    return current.id;
  }
  if (item.version < current.version) stats.regressions++;
  current.version = item.version;
  current.value = item.value;
  writes.push({ key: item.key, version: item.version, effective: true });
  return current.id;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer((req, res) => {
  void (async () => {
    if (req.method === 'GET' && req.url === '/state') {
      return send(res, 200, { records: Object.fromEntries(records), writes, stats });
    }
    if (req.method !== 'POST' || req.url !== '/upsert') return send(res, 404, { error: 'not found' });
    stats.requests++;
    const body = JSON.parse(await readBody(req)) as { items: Item[] };
    active++;
    try {
      await new Promise((r) => setTimeout(r, 1 + Math.random() * 3));
      if (active > MAX_CONCURRENT || Math.random() < CONCURRENCY) {
        stats.concurrency++;
        return send(
          res,
          429,
          { code: 'NS_CONCURRENCY_LIMIT', message: 'concurrent request limit exceeded' },
          { 'retry-after': '0' },
        );
      }
      if (Math.random() < FAULT) {
        stats.faults++;
        return send(res, 503, { code: 'NS_UNAVAILABLE', message: 'service unavailable' });
      }
      const results = body.items.map((item) => {
        if (item.invalid) {
          stats.invalid++;
          return {
            key: item.key,
            ok: false,
            code: 'NS_VALIDATION',
            retryable: false,
            message: `field value of ${item.key} is invalid`,
          };
        }
        if (Math.random() < LOCK) {
          stats.locks++;
          return {
            key: item.key,
            ok: false,
            code: 'NS_RECORD_LOCKED',
            retryable: true,
            message: `record ${item.key} is locked`,
          };
        }
        return { key: item.key, ok: true, id: apply(item) };
      });
      if (Math.random() < LOST_ACK) {
        stats.lostAcks++;
        return send(res, 503, { code: 'NS_UNAVAILABLE', message: 'connection reset after processing' });
      }
      return send(res, 200, { results });
    } finally {
      active--;
    }
  })().catch((err: unknown) => send(res, 500, { error: String(err) }));
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
