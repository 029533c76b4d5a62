/**
 * Remembers signatures seen within the timestamp window so an exact replay of a signed request is
 * refused. Beyond the window the timestamp check refuses it, so entries expire after the window.
 * Per process; across replicas the inbox's dedupe key makes a replay a harmless duplicate.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 100_000,
  ) {}

  /** Claims a key; false when it was already claimed and has not expired. */
  claim(key: string): boolean {
    const now = this.now();
    this.prune(now);
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    this.seen.set(key, now + 2 * this.windowMs);
    return true;
  }

  /** Gives a key back (the request failed before it was stored, so a retry must be accepted). */
  release(key: string): void {
    this.seen.delete(key);
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(now: number): void {
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size <= this.maxEntries) break;
      this.seen.delete(key);
    }
  }
}
