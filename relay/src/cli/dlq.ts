import type { DlqEntry } from '../store/index.js';
import type { CliContext } from './context.js';
import type { Output } from './output.js';
import { relayApi } from './relay-api.js';

export interface DlqOptions {
  relay?: string;
  token?: string;
  limit: number;
  status?: 'open' | 'replayed';
  json?: boolean;
}

type Page = { items: DlqEntry[]; nextCursor: number | null };

async function listPage(ctx: CliContext, opts: DlqOptions, cursor?: number): Promise<Page> {
  if (opts.relay) {
    const query = new URLSearchParams({ limit: String(opts.limit), ...(opts.status ? { status: opts.status } : {}) });
    if (cursor !== undefined) query.set('cursor', String(cursor));
    return (await relayApi(opts.relay, opts.token)('GET', `dlq?${query}`)) as Page;
  }
  const store = await ctx.store();
  return store.listDlq({
    limit: opts.limit,
    ...(cursor !== undefined ? { before: cursor } : {}),
    ...(opts.status ? { status: opts.status } : {}),
  });
}

/** `nsc dlq list`: the dead-letter queue, newest first, with each entry's reason. */
export async function dlqList(ctx: CliContext, out: Output, opts: DlqOptions): Promise<number> {
  const page = await listPage(ctx, opts);
  if (opts.json) {
    out.line(JSON.stringify(page));
    return 0;
  }
  if (page.items.length === 0) {
    out.line('the dead-letter queue is empty');
    return 0;
  }
  for (const e of page.items) {
    const what = [e.flow ?? '(no flow)', e.recordType, e.sourceId].filter(Boolean).join(' ');
    out.line(`#${e.id} ${e.status.padEnd(8)} ${e.createdAt} ${what} (${e.attempts} attempts): ${e.reason}`);
  }
  if (page.nextCursor !== null) out.line(`… more: nsc dlq list --limit ${opts.limit} (older than #${page.nextCursor})`);
  return 0;
}

/** `nsc dlq replay <id...>` or `--all`: queues entries again; returns the number that failed. */
export async function dlqReplay(
  ctx: CliContext,
  out: Output,
  ids: number[],
  opts: DlqOptions & { all?: boolean },
): Promise<number> {
  let targets = ids;
  if (opts.all) {
    targets = [];
    let cursor: number | undefined;
    do {
      const page = await listPage(ctx, { ...opts, status: 'open', limit: 500 }, cursor);
      targets.push(...page.items.filter((e) => e.replayable).map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
  if (targets.length === 0) {
    out.line('nothing to replay');
    return 0;
  }
  const bar = out.progress('replaying', targets.length);
  const failures: string[] = [];
  let done = 0;
  for (const id of targets) {
    try {
      if (opts.relay) await relayApi(opts.relay, opts.token)('POST', `dlq/${id}/replay`);
      else await (await ctx.store()).replayDlq(id, Date.now());
    } catch (err) {
      failures.push(`#${id}: ${(err as Error).message}`);
    }
    bar.update(++done);
  }
  bar.stop();
  out.line(`${targets.length - failures.length} replayed, ${failures.length} failed`);
  for (const f of failures) out.fail(f);
  return failures.length;
}
