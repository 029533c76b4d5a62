/** The in-process control tests use: seed records, turn knobs, expire tokens, drop sessions, read state. */
import type { TokenStore } from './auth/token-store.js';
import type { SfKnobs } from './knobs.js';
import type { Org } from './org.js';
import type { FieldValues } from './store/org-store.js';
import type { CometdServer, EventBus, StreamingKnobs } from './streaming/index.js';

export type SeedData = Record<string, FieldValues[]>;

export interface OrgHandle {
  readonly orgId: string;
  /** The integration user (the JWT `sub`), 18-char id. */
  readonly userId: string;
  /** Inserts records as a data load (CDC events carry an empty changeOrigin); returns 18-char ids. */
  seed(type: string, records: FieldValues[]): string[];
  seedAll(data: SeedData): Record<string, string[]>;
  /** Restores a deleted record (as from the Recycle Bin): CDC UNDELETE with every field. */
  undelete(id: string): void;
  /** Stored values of a record (undefined when absent), including deleted ones (`IsDeleted`). */
  record(id: string): FieldValues | undefined;
  /** Live records of an object. */
  records(type: string): FieldValues[];
  knobs(): SfKnobs;
  setKnobs(knobs: Partial<SfKnobs>): void;
  setStreamingKnobs(knobs: StreamingKnobs): void;
  /** Issues a session for the integration user without the JWT flow (for tests). */
  issueToken(): string;
  /** Forced expiry: every issued token now answers 401 INVALID_SESSION_ID (and CometD 401). */
  expireAllTokens(): number;
  /** Forced CometD session drop: the next connect gets `403::Unknown client`. */
  dropSessions(): number;
  apiUsage(): { used: number; max: number };
  resetApiUsage(): void;
  /** Problems met while loading force-app metadata (skipped fields, unknown members). */
  schemaProblems(): string[];
  /** Entities whose DML publishes change events. */
  cdcEntities(): string[];
  readonly bus: EventBus;
  readonly cometd: CometdServer;
}

export function createOrgHandle(deps: {
  org: Org;
  tokens: TokenStore;
  bus: EventBus;
  cometd: CometdServer;
  streamingKnobs: StreamingKnobs;
}): OrgHandle {
  const { org, tokens, bus, cometd } = deps;
  return {
    orgId: org.orgId,
    userId: org.userId,
    seed: (type, records) => org.seed(type, records),
    seedAll: (data) => Object.fromEntries(Object.entries(data).map(([type, recs]) => [type, org.seed(type, recs)])),
    undelete: (id) => {
      const rec = org.store.get(id);
      if (rec === undefined || !rec.deleted) throw new Error(`undelete: ${id} is not a deleted record`);
      org.transact(org.systemContext(), (tx) => org.dml.undelete(tx, rec));
    },
    record: (id) => {
      const rec = org.store.get(id);
      return rec === undefined ? undefined : { ...rec.values };
    },
    records: (type) => [...org.store.ofType(org.dml.object(type).name)].map((r) => ({ ...r.values })),
    knobs: () => ({ ...org.knobs }),
    setKnobs: (k) => {
      org.knobs = { ...org.knobs, ...k };
    },
    setStreamingKnobs: (k) => {
      Object.assign(deps.streamingKnobs, k);
    },
    issueToken: () => tokens.issue(org.userId, org.orgId, 'emulator-test').token,
    expireAllTokens: () => tokens.expireAll(),
    dropSessions: () => cometd.dropSessions(),
    apiUsage: () => ({ used: org.apiUsed, max: org.knobs.dailyApiLimit }),
    resetApiUsage: () => {
      org.apiUsed = 0;
    },
    schemaProblems: () => [...org.schema.problems],
    cdcEntities: () => [...org.schema.cdcEntities],
    bus,
    cometd,
  };
}
