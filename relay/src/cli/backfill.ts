import { createSalesforceConnectorFromEnv, gt } from '../connectors/salesforce/index.js';
import { createGapBackfill } from '../connectors/salesforce/streaming/index.js';
import { createInbox, type InboxPort } from '../pipeline/index.js';
import type { CliContext } from './context.js';
import type { Output } from './output.js';

export interface BackfillOptions {
  objects: string[];
  since: Date;
}

const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * `nsc backfill`: re-reads every record of the named Salesforce objects changed since a date and stores
 * each as a change in the durable inbox, exactly like a CometD gap backfill (same keys, so running it
 * twice adds nothing). The relay's pipeline then syncs them.
 */
export async function backfill(ctx: CliContext, out: Output, opts: BackfillOptions): Promise<number> {
  const bad = opts.objects.filter((o) => !OBJECT_NAME.test(o));
  if (bad.length) {
    out.fail('backfill', `not an object API name: ${bad.join(', ')}`);
    return 1;
  }
  if (Number.isNaN(opts.since.getTime())) {
    out.fail('backfill', '--since is not a date (use ISO 8601, e.g. 2026-11-01T00:00:00Z)');
    return 1;
  }
  const sf = createSalesforceConnectorFromEnv(ctx.env);
  if (!sf) {
    out.fail('backfill', 'Salesforce is not configured (SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME, SF_PRIVATE_KEY_FILE)');
    return 1;
  }
  const inbox = createInbox(await ctx.store());
  let total = 0;
  for (const object of opts.objects) {
    // Deleted records are re-read too (queryAll), so the count is a floor for the progress bar.
    const expected = await sf.salesforce.count(
      sf.salesforce.soql.count().from(object).where(gt('LastModifiedDate', opts.since)),
    );
    out.line(`${object}: ${expected} record(s) changed since ${opts.since.toISOString()}`);
    const bar = out.progress(object, Math.max(expected, 1));
    let stored = 0;
    let inserted = 0;
    const counting: InboxPort = {
      append: async (entries) => {
        const r = await inbox.append(entries);
        stored += entries.length;
        inserted += r.inserted;
        bar.update(stored);
        return r;
      },
    };
    const run = createGapBackfill({
      salesforce: sf.salesforce,
      soql: sf.salesforce.soql,
      inbox: counting,
      logger: ctx.logger,
      channelEntities: { [`backfill_${object}`]: [object] },
    });
    await run({ channel: `/data/backfill_${object}`, lastReplayId: null, since: opts.since });
    bar.stop();
    out.ok(object, `${inserted} stored, ${stored - inserted} already in the inbox`);
    total += inserted;
  }
  out.line(`backfill done: ${total} change(s) stored for the relay to sync`);
  return 0;
}
