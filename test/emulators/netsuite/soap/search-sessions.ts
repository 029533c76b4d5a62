import type { RecordType } from '../state/types.js';

export interface SearchSession {
  searchId: string;
  hits: { type: RecordType; internalId: string }[];
  pageSize: number;
  bodyFieldsOnly: boolean;
  tokenId: string;
  createdAt: number;
}

/**
 * Result sets kept for searchMoreWithId: the matching record ids are fixed when the search runs,
 * pages render the records as they are when the page is read. Sessions expire (default 15 min).
 */
export class SearchSessions {
  private readonly sessions = new Map<string, SearchSession>();
  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 15 * 60_000,
    private readonly max = 500,
  ) {}

  add(session: Omit<SearchSession, 'createdAt'>): SearchSession {
    this.prune();
    const full = { ...session, createdAt: this.now() };
    this.sessions.set(session.searchId, full);
    if (this.sessions.size > this.max) this.sessions.delete(this.sessions.keys().next().value as string);
    return full;
  }

  get(searchId: string): SearchSession | undefined {
    this.prune();
    return this.sessions.get(searchId);
  }

  private prune(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [id, s] of this.sessions) if (s.createdAt < cutoff) this.sessions.delete(id);
  }
}

export function totalPages(total: number, pageSize: number): number {
  return Math.ceil(total / pageSize);
}
