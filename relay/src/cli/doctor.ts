import { configuredSystems, type Env } from '../config/env.js';
import { checkNetSuiteConfig, connectNetSuite } from '../app/netsuite.js';
import { createSalesforceConnectorFromEnv } from '../connectors/salesforce/index.js';
import type { CliContext } from './context.js';
import type { Output } from './output.js';

type Check = { label: string; run: () => Promise<string | 'skip'> };

/** `nsc doctor`: configuration, store, Salesforce login and NetSuite reachability, one line each. */
export async function doctor(ctx: CliContext, out: Output): Promise<number> {
  const env: Env = ctx.env;
  const systems = configuredSystems(env);
  const checks: Check[] = [
    {
      label: 'configuration',
      run: async () => {
        checkNetSuiteConfig(env);
        createSalesforceConnectorFromEnv(env);
        const parts = [
          `salesforce ${systems.salesforce ? 'configured' : 'not configured'}`,
          `netsuite ${systems.netsuite ? `${env.NS_TRANSPORT} + ${env.NS_AUTH}` : 'not configured'}`,
          `api tokens ${env.RELAY_API_TOKENS.length}`,
          `webhook secret ${env.NS_WEBHOOK_SECRET ? 'set' : 'not set'}`,
        ];
        return parts.join(', ');
      },
    },
    {
      label: 'store',
      run: async () => {
        const store = await ctx.store();
        const counts = await store.counts(Date.now());
        return `${store.kind} schema v${store.schemaVersion}; pending ${counts.inboxPending + counts.ready}, dead letters ${counts.dlqOpen}`;
      },
    },
    {
      label: 'salesforce login (JWT bearer)',
      run: async () => {
        const sf = createSalesforceConnectorFromEnv(env);
        if (!sf) return 'skip';
        const session = await sf.auth.session();
        return `instance ${session.instanceUrl}`;
      },
    },
    {
      label: 'netsuite',
      run: async () => {
        const ns = connectNetSuite(env, { logger: ctx.logger });
        if (!ns) return 'skip';
        const g = await ns.port.governance();
        return `${ns.transport}: account concurrency limit ${g.accountConcurrencyLimit}`;
      },
    },
  ];
  let failed = 0;
  for (const check of checks) {
    try {
      const detail = await check.run();
      if (detail === 'skip') out.skip(check.label, 'not configured');
      else out.ok(check.label, detail);
    } catch (err) {
      failed++;
      out.fail(check.label, (err as Error).message);
    }
  }
  out.line(failed ? `${failed} check(s) failed` : 'all checks passed');
  return failed ? 1 : 0;
}
