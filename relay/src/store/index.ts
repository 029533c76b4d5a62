export type * from './types.js';
export { openStore, openSqliteStore, openPgStore, StoreLockedError } from './open-store.js';
export type { SqliteStoreOptions, PgStoreOptions } from './open-store.js';
export { DlqNotReplayableError } from './dlq-queries.js';
export { MIGRATIONS, LATEST_VERSION } from './migrations.js';
export { ACCEPTED_MAPPINGS_LIMIT } from './mapping-memory-queries.js';
export { HISTORY_POINTS_LIMIT } from './history-queries.js';
export { PARTY_CANDIDATES_LIMIT, blockingKeys } from './party-queries.js';
