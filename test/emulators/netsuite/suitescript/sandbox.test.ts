import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AccountState } from '../state/account.js';
import { Execution, UsageMeter } from './execution.js';
import { ScriptHost, type ScriptOutcome } from './host.js';
import { recordModule } from './modules/record.js';
import { runtimeModule } from './modules/runtime.js';

const root = fileURLToPath(new URL('./fixtures/', import.meta.url));
const host = new ScriptHost(root);
const state = new AccountState();

function run(file: string, params: Record<string, unknown>, limit = 1000): Promise<ScriptOutcome> {
  const execution = new Execution(new UsageMeter(limit), { scriptId: 'customscript_probe', deploymentId: 'customdeploy_probe', executionContext: 'RESTLET', parameters: {} });
  return host.run({
    scriptFile: `SuiteScripts/${file}`,
    entry: 'get',
    args: [params],
    execution,
    modules: { 'N/record': recordModule(state), 'N/runtime': runtimeModule() },
    timeoutMs: 10_000,
  });
}
const errorOf = (o: ScriptOutcome) => (o.ok || o.missingEntry ? undefined : o.error);

describe('SuiteScript sandbox', () => {
  it('fails loudly on a module method the emulation lacks', async () => {
    expect(errorOf(await run('probe.js', { probe: 'unknownMethod' }))).toMatchObject({ suiteScript: true, name: 'SSS_NOT_YET_SUPPORTED', message: 'emulator: N/record.copy is not emulated' });
  });

  it('fails loudly on a module the emulation lacks', async () => {
    expect(errorOf(await run('uses_search.js', {}))).toMatchObject({ name: 'MODULE_DOES_NOT_EXIST', message: 'emulator: the module N/search is not emulated' });
  });

  it('refuses eval and new Function inside scripts (no code generation from strings)', async () => {
    expect(errorOf(await run('probe.js', { probe: 'eval' }))).toMatchObject({ suiteScript: false, name: 'EvalError' });
    expect(errorOf(await run('probe.js', { probe: 'newFunction' }))).toMatchObject({ suiteScript: false, name: 'EvalError' });
  });

  it('stops a script at its usage limit with SSS_USAGE_LIMIT_EXCEEDED', async () => {
    expect(errorOf(await run('probe.js', { probe: 'burn' }, 100))).toMatchObject({ suiteScript: true, name: 'SSS_USAGE_LIMIT_EXCEEDED' });
    expect(await run('probe.js', { probe: 'usage' }, 1000)).toEqual({ ok: true, value: 1000 });
  });

  it('gives every execution a fresh context, although sandbox workers are pooled', async () => {
    expect(await run('probe.js', { probe: 'setLeak' })).toEqual({ ok: true, value: 'set' });
    expect(await run('probe.js', { probe: 'readLeak' })).toEqual({ ok: true, value: 'undefined' });
  });

  it('hands dates to the script as Dates of its own realm', async () => {
    expect(await run('probe.js', { probe: 'date', when: new Date() })).toEqual({ ok: true, value: 'script-realm Date' });
  });
});
