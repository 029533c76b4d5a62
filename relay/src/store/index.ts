export type * from './types.js';
export { openStore, openSqliteStore, openPgStore, StoreLockedError } from './open-store.js';
export type { SqliteStoreOptions, PgStoreOptions } from './open-store.js';
export { DlqNotReplayableError } from './dlq-queries.js';
export { MIGRATIONS } from './migrations.js';
