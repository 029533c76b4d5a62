import { describe, expect, it } from 'vitest';
import { runScenario, violations } from './harness.js';

/**
 * Short crash-safety run (part of `npm test`): a few hundred changes, the worker SIGKILLed twice.
 * The long version (`pipeline-crash.long.test.ts`) runs with `npm run test:reliability`.
 */
describe('pipeline reliability (short)', () => {
  it('applies every change exactly once in effect across SIGKILLs, in order, with the invalid ones dead-lettered', async () => {
    const report = await runScenario({
      records: 120,
      maxVersions: 4,
      invalidRecords: 8,
      kills: 2,
      chunk: 6,
      paceMs: 25,
      killGapMs: [600, 1_400],
      settleTimeoutMs: 20_000,
    });
    expect(report.kills).toHaveLength(2);
    expect(report.changes.length).toBeGreaterThan(200);
    expect((report.target.stats.faults ?? 0) + (report.target.stats.lostAcks ?? 0)).toBeGreaterThan(0);
    expect(violations(report)).toEqual([]);
    expect(report.finalExit).toBe(0);
    console.info(
      `reliability (short): ${report.changes.length} changes, kills at chunks ${report.kills.map((k) => `${k.atChunk}/${k.of}`).join(', ')}, ` +
        `${report.resends} redeliveries, target ${JSON.stringify(report.target.stats)}, work ${JSON.stringify(report.db.workByStatus)}, ${report.elapsedMs} ms`,
    );
  }, 60_000);
});
