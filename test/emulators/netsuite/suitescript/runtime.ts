import type { AccountState } from '../state/account.js';
import type { RecordSavedEvent } from '../state/types.js';
import { scriptTypeOf } from './catalog.js';
import { FILE_CABINET, ensureCompiled } from './compile.js';
import { DEPLOYMENTS, type ScriptDeployment } from './deployments.js';
import { Execution, UsageMeter, type LogEntry } from './execution.js';
import { ScriptHost, type ModuleFactory, type ScriptOutcome } from './host.js';
import { httpsModule, type HttpsOptions } from './modules/https.js';
import { queryModule } from './modules/query.js';
import { EmulatedRecord, recordModule } from './modules/record.js';
import { runtimeModule } from './modules/runtime.js';

export interface SuiteScriptRuntimeOptions {
  state: AccountState;
  fileCabinetRoot?: string;
  https?: HttpsOptions;
  /** Script parameters per script id (deployment-level values, e.g. the relay URL and secret). */
  parameters?: Record<string, Record<string, unknown>>;
  timeoutMs?: number;
  /** Usage limit per script id instead of the script type's (tests make governance run out early). */
  usageLimits?: Record<string, number>;
  /** Called with each execution's log lines (default: kept in `lastLogs`). */
  onLog?: (deployment: ScriptDeployment, entries: LogEntry[]) => void;
}

export interface UserEventRun {
  deployment: ScriptDeployment;
  event: RecordSavedEvent;
  outcome: ScriptOutcome;
  logs: LogEntry[];
}

/** Runs the project's compiled SuiteScripts against the emulated account. */
export class SuiteScriptRuntime {
  readonly host: ScriptHost;
  readonly parameters: Record<string, Record<string, unknown>>;
  /** Completed User Event executions, newest last (tests inspect them). */
  readonly userEventRuns: UserEventRun[] = [];
  private readonly modules: Record<string, ModuleFactory>;

  constructor(private readonly opts: SuiteScriptRuntimeOptions) {
    this.host = new ScriptHost(opts.fileCabinetRoot ?? FILE_CABINET);
    this.parameters = opts.parameters ?? {};
    this.modules = {
      'N/record': recordModule(opts.state),
      'N/query': queryModule(opts.state),
      'N/runtime': runtimeModule(),
      'N/https': httpsModule(opts.https),
      'N/log': (exec) => {
        const write = (level: LogEntry['level']) => (...a: unknown[]) => {
          const o = (a[0] ?? {}) as { title?: unknown; details?: unknown };
          exec.logs.push({ level, title: String(o.title ?? ''), details: typeof o.details === 'string' ? o.details : JSON.stringify(o.details ?? '') });
          return undefined;
        };
        return { label: 'N/log', methods: { debug: write('debug'), audit: write('audit'), error: write('error'), emergency: write('emergency') } };
      },
    };
  }

  private compiled = false;

  /** Builds the scripts on first use (tsc, when the compiled files are missing or stale). */
  private ready(): void {
    if (this.compiled || this.opts.fileCabinetRoot) return;
    ensureCompiled();
    this.compiled = true;
  }

  private execution(d: ScriptDeployment, executionContext: string): Execution {
    this.ready();
    return new Execution(new UsageMeter(this.opts.usageLimits?.[d.scriptId] ?? d.usageLimit), {
      scriptId: d.scriptId,
      deploymentId: d.deploymentId,
      executionContext,
      parameters: { ...(this.parameters[d.scriptId] ?? {}) },
    });
  }

  /** Runs a RESTlet entry point (`get`, `post`, `put`, `delete`) with the request's input. */
  async runRestlet(d: ScriptDeployment, entry: string, input: unknown): Promise<{ outcome: ScriptOutcome; logs: LogEntry[] }> {
    const execution = this.execution(d, 'RESTLET');
    const outcome = await this.host.run({ scriptFile: d.file, entry, args: [input], execution, modules: this.modules, timeoutMs: this.opts.timeoutMs });
    this.opts.onLog?.(d, execution.logs);
    return { outcome, logs: execution.logs };
  }

  /** Registers the User Event deployments on the account: afterSubmit runs after every save. */
  installUserEvents(): void {
    for (const d of DEPLOYMENTS.filter((x) => x.kind === 'userevent')) {
      this.opts.state.onRecordSaved.push((event) => (d.recordTypes?.includes(event.type) && event.source !== 'seed' ? this.afterSubmit(d, event) : undefined));
    }
  }

  private async afterSubmit(d: ScriptDeployment, event: RecordSavedEvent): Promise<void> {
    const execution = this.execution(d, sourceContext(event.source));
    const snapshot = (r: typeof event.record) => execution.register(new EmulatedRecord(this.opts.state, execution, event.type, r, undefined, true).toHost());
    const newRecord = snapshot(event.record);
    const oldRecord = event.oldRecord ? snapshot(event.oldRecord) : event.operation === 'delete' ? newRecord : undefined;
    const context = {
      type: event.operation,
      newRecord,
      oldRecord,
      UserEventType: { CREATE: 'create', EDIT: 'edit', XEDIT: 'xedit', DELETE: 'delete', APPROVE: 'approve', CANCEL: 'cancel' },
    };
    const outcome = await this.host.run({ scriptFile: d.file, entry: 'afterSubmit', args: [context], execution, modules: this.modules, timeoutMs: this.opts.timeoutMs });
    this.opts.onLog?.(d, execution.logs);
    this.userEventRuns.push({ deployment: d, event, outcome, logs: execution.logs });
  }
}

function sourceContext(source: string): string {
  return ({ soap: 'WEBSERVICES', rest: 'RESTWEBSERVICES', restlet: 'RESTLET', suitescript: 'RESTLET' } as Record<string, string>)[source] ?? 'USERINTERFACE';
}

export { scriptTypeOf };
