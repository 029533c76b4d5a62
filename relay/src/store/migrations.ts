import type { Db } from './db.js';

/**
 * Versioned schema migrations, one entry per version with the DDL for each dialect. Append new
 * versions; never edit an applied one. Times are epoch milliseconds (BIGINT) in both dialects.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

const tables = (id: string, text = 'TEXT', big = 'BIGINT') => `
CREATE TABLE inbox (
  id ${id},
  source ${text} NOT NULL,
  source_key ${text} NOT NULL,
  channel ${text},
  replay_id ${big},
  record_type ${text} NOT NULL,
  record_id ${text},
  payload ${text} NOT NULL,
  payload_bytes INTEGER NOT NULL,
  received_at ${big} NOT NULL,
  stored_at ${big} NOT NULL,
  status ${text} NOT NULL,
  reason ${text},
  UNIQUE (source, source_key)
);
CREATE INDEX inbox_pending ON inbox (id) WHERE status = 'pending';
CREATE TABLE checkpoints (
  channel ${text} PRIMARY KEY,
  replay_id ${big} NOT NULL,
  updated_at ${big} NOT NULL
);
CREATE TABLE work (
  id ${id},
  inbox_id ${big},
  flow ${text} NOT NULL,
  source ${text} NOT NULL,
  source_id ${text},
  target ${text} NOT NULL,
  operation ${text} NOT NULL,
  lane_key ${text} NOT NULL,
  idempotency_key ${text} NOT NULL,
  payload ${text} NOT NULL,
  supersedable INTEGER NOT NULL DEFAULT 0,
  status ${text} NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at ${big} NOT NULL,
  lease_owner ${text},
  lease_until ${big},
  created_at ${big} NOT NULL,
  updated_at ${big} NOT NULL,
  first_attempt_at ${big},
  last_error ${text},
  history ${text} NOT NULL,
  superseded_by ${big},
  target_id ${text}
);
CREATE INDEX work_ready ON work (id) WHERE status = 'ready';
CREATE INDEX work_claimed ON work (lease_until) WHERE status = 'claimed';
CREATE INDEX work_lane ON work (lane_key, id) WHERE status IN ('ready', 'claimed');
CREATE TABLE dlq (
  id ${id},
  stage ${text} NOT NULL,
  work_id ${big},
  inbox_id ${big},
  flow ${text},
  source ${text},
  record_type ${text},
  source_id ${text},
  target ${text},
  operation ${text},
  lane_key ${text},
  idempotency_key ${text},
  payload ${text} NOT NULL,
  reason ${text} NOT NULL,
  response ${text},
  attempts INTEGER NOT NULL,
  history ${text} NOT NULL,
  replayable INTEGER NOT NULL,
  status ${text} NOT NULL,
  created_at ${big} NOT NULL,
  replayed_at ${big},
  replay_ref ${big}
);
CREATE INDEX dlq_status ON dlq (status, id);
CREATE TABLE sync_log (
  id ${id},
  work_id ${big},
  inbox_id ${big},
  flow ${text},
  source ${text},
  source_id ${text},
  target ${text},
  target_id ${text},
  operation ${text},
  idempotency_key ${text},
  outcome ${text} NOT NULL,
  reason ${text},
  attempts INTEGER NOT NULL,
  duration_ms ${big},
  at ${big} NOT NULL
);
CREATE INDEX sync_log_at ON sync_log (at);
CREATE TABLE limiter_state (
  name ${text} PRIMARY KEY,
  level INTEGER NOT NULL,
  max INTEGER NOT NULL,
  calm_since ${big} NOT NULL,
  updated_at ${big} NOT NULL
);
CREATE TABLE limiter_leases (
  name ${text} NOT NULL,
  slot INTEGER NOT NULL,
  owner ${text} NOT NULL,
  expires_at ${big} NOT NULL,
  PRIMARY KEY (name, slot)
);
`;

/**
 * Version 2: what the mapping engine remembers. `accepted_mappings` counts each field pair admins accepted;
 * `order_history` keeps one row per (order, product) for anomaly statistics (a replayed order replaces its
 * rows); `customer_currencies` the currency each customer trades in; `parties` the known customers,
 * contacts, vendors and leads, with `party_keys` as their blocking index for duplicate candidates.
 */
const mappingTables = (id: string, real: string, text = 'TEXT', big = 'BIGINT') => `
CREATE TABLE accepted_mappings (
  source_system ${text} NOT NULL,
  source_object ${text} NOT NULL,
  source_field ${text} NOT NULL,
  target_system ${text} NOT NULL,
  target_object ${text} NOT NULL,
  target_field ${text} NOT NULL,
  count INTEGER NOT NULL,
  first_at ${big} NOT NULL,
  last_at ${big} NOT NULL,
  PRIMARY KEY (source_system, target_system, source_object, target_object, source_field, target_field)
);
CREATE TABLE order_history (
  order_id ${text} NOT NULL,
  line_key ${text} NOT NULL,
  customer_id ${text} NOT NULL,
  rep_id ${text},
  product_id ${text},
  currency ${text} NOT NULL,
  order_total ${real} NOT NULL,
  quantity ${real},
  unit_price ${real},
  discount_percent ${real},
  at ${big} NOT NULL,
  PRIMARY KEY (order_id, line_key)
);
CREATE INDEX order_history_customer ON order_history (customer_id, currency, at);
CREATE INDEX order_history_product ON order_history (product_id, currency, at);
CREATE INDEX order_history_rep ON order_history (rep_id, currency, at);
CREATE TABLE customer_currencies (
  customer_id ${text} PRIMARY KEY,
  currency ${text} NOT NULL,
  updated_at ${big} NOT NULL
);
CREATE TABLE parties (
  id ${id},
  kind ${text} NOT NULL,
  system ${text} NOT NULL,
  party_id ${text} NOT NULL,
  name ${text} NOT NULL,
  name_key ${text} NOT NULL,
  email ${text},
  email_domain ${text},
  website ${text},
  phone ${text},
  phone_e164 ${text},
  street ${text},
  city ${text},
  postal_code ${text},
  country ${text},
  updated_at ${big} NOT NULL,
  UNIQUE (kind, system, party_id)
);
CREATE TABLE party_keys (
  party ${big} NOT NULL,
  kind ${text} NOT NULL,
  block_key ${text} NOT NULL,
  weight INTEGER NOT NULL,
  PRIMARY KEY (kind, block_key, party)
);
CREATE INDEX party_keys_party ON party_keys (party)
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'inbox, checkpoints, work lanes, dead-letter queue, sync log, limiter',
    sqlite: tables('INTEGER PRIMARY KEY AUTOINCREMENT'),
    postgres: tables('BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
  {
    version: 2,
    name: 'mapping memory: accepted mappings, order history, customer currencies, parties and their blocking keys',
    sqlite: mappingTables('INTEGER PRIMARY KEY AUTOINCREMENT', 'REAL'),
    postgres: mappingTables('BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY', 'DOUBLE PRECISION'),
  },
];

/** The schema version a freshly migrated store has. */
export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

const LOCK_KEY = 7_316_001; // advisory lock id: one replica migrates at a time

/** Applies every migration newer than the stored version, each in its own transaction. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return db.tx(async (q) => {
    if (db.dialect === 'postgres') await q.all('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]);
    await q.run(
      'CREATE TABLE IF NOT EXISTS nsc_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const rows = await q.all<{ v: number | null }>('SELECT MAX(version) AS v FROM nsc_migrations');
    let current = Number(rows[0]?.v ?? 0);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      const ddl = db.dialect === 'postgres' ? m.postgres : m.sqlite;
      for (const stmt of ddl
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean))
        await q.run(stmt);
      await q.run('INSERT INTO nsc_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        Date.now(),
      ]);
      current = m.version;
    }
    return current;
  });
}
