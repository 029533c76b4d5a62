import type { Db } from './db.js';
import { listDlq, replayDlq } from './dlq-queries.js';
import { orderHistory } from './history-queries.js';
import { appendEntries, checkpointOf, lastReplayId, routeEntries } from './inbox-queries.js';
import { pgLeaseBackend } from './lease-queries.js';
import { queueCounts, syncSummary } from './log-queries.js';
import { acceptedMappings } from './mapping-memory-queries.js';
import { partyDirectory } from './party-queries.js';
import type { Store } from './types.js';
import { claimWork, completeWork, extendLeases, purgeBefore, reclaimAll, reclaimExpired } from './work-queries.js';

/** The store port over either SQL dialect; adapters differ only in their `Db` and in recovery. */
export function sqlStore(db: Db, schemaVersion: number, onClose: () => void = () => undefined): Store {
  const shared = db.dialect === 'postgres';
  return {
    kind: db.dialect,
    shared,
    schemaVersion,
    append: (entries, now) => appendEntries(db, entries, now),
    lastReplayId: (channel) => lastReplayId(db, channel),
    checkpoint: (channel) => checkpointOf(db, channel),
    route: (limit, decide, now) => routeEntries(db, limit, decide, now),
    claim: (options) => claimWork(db, options),
    extendLeases: (owner, ids, until) => extendLeases(db, owner, ids, until),
    complete: (owner, outcomes, now) => completeWork(db, owner, outcomes, now),
    reclaimExpired: (now) => reclaimExpired(db, now),
    recover: (now) => (shared ? reclaimExpired(db, now) : reclaimAll(db, now)),
    purge: (before) => purgeBefore(db, before),
    listDlq: (query) => listDlq(db, query),
    replayDlq: (id, now) => replayDlq(db, id, now),
    summary: (now, since) => syncSummary(db, now, since),
    counts: () => queueCounts(db),
    mappingMemory: acceptedMappings(db),
    orderHistory: orderHistory(db),
    parties: partyDirectory(db),
    leases: shared ? pgLeaseBackend(db) : undefined,
    ping: async () => {
      await db.all('SELECT 1 AS ok');
    },
    close: async () => {
      await db.close();
      onClose();
    },
  };
}
