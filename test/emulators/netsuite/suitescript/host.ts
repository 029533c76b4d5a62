import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { Execution, ScriptError, type HostObject } from './execution.js';

const WORKER_FILE = fileURLToPath(new URL('./sandbox/worker.mjs', import.meta.url));

export type ModuleFactory = (exec: Execution) => HostObject;

export type ScriptOutcome =
  | { ok: true; value: unknown }
  | { ok: false; missingEntry: true }
  | { ok: false; missingEntry?: false; error: { suiteScript: boolean; name: string; message: string; json?: string } };

interface RpcCall {
  id: number;
  target: string;
  method: string;
  args: unknown[];
}

export interface RunOptions {
  /** Path of the compiled file under the File Cabinet root, e.g. `SuiteScripts/nsc/financial_summary.js`. */
  scriptFile: string;
  entry: string;
  args: unknown[];
  execution: Execution;
  /** N/ modules this execution may use; any other fails loudly. */
  modules: Record<string, ModuleFactory>;
  /** Wall-clock limit; the worker is terminated past it (SSS_TIME_LIMIT_EXCEEDED). */
  timeoutMs?: number;
}

/**
 * Idle sandbox workers kept for the next execution (starting a worker costs tens of milliseconds).
 * Every execution still gets a fresh vm context; a worker that timed out or failed is discarded.
 */
class WorkerPool {
  private readonly idle: Worker[] = [];
  constructor(private readonly max: number) {}

  acquire(): Worker {
    const w = this.idle.pop() ?? new Worker(WORKER_FILE);
    w.unref();
    return w;
  }

  release(w: Worker): void {
    if (this.idle.length < this.max) this.idle.push(w);
    else void w.terminate();
  }

  discard(w: Worker): void {
    void w.terminate();
  }
}

/**
 * Runs one entry point of a compiled SuiteScript in a worker-thread sandbox (sandbox/worker.mjs) and
 * answers its synchronous N/ module calls from the main thread.
 */
export class ScriptHost {
  private readonly pool: WorkerPool;
  constructor(
    readonly fileCabinetRoot: string,
    poolSize = 4,
  ) {
    this.pool = new WorkerPool(poolSize);
  }

  run(opts: RunOptions): Promise<ScriptOutcome> {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const flag = new Int32Array(signal);
    const worker = this.pool.acquire();
    worker.postMessage(
      { rootDir: path.resolve(this.fileCabinetRoot), scriptFile: opts.scriptFile, entry: opts.entry, args: opts.args, rpcPort: port2, signal },
      [port2],
    );
    const exec = opts.execution;
    const moduleCache = new Map<string, unknown>();

    const answer = (call: RpcCall, reply: Record<string, unknown>) => {
      port1.postMessage({ id: call.id, ...reply });
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    };

    const dispatch = async (call: RpcCall): Promise<unknown> => {
      if (exec.killed) throw exec.killed;
      if (call.target === 'module') {
        if (call.method === 'describe') {
          const name = String(call.args[0]);
          if (!moduleCache.has(name)) {
            const factory = opts.modules[name];
            if (!factory) throw new ScriptError('MODULE_DOES_NOT_EXIST', `emulator: the module ${name} is not emulated`);
            moduleCache.set(name, exec.register(factory(exec)));
          }
          return moduleCache.get(name);
        }
        if (call.method === 'log') {
          const [level, o] = call.args as [string, { title?: unknown; details?: unknown } | undefined];
          exec.logs.push({
            level: level as 'debug',
            title: String(o?.title ?? ''),
            details: typeof o?.details === 'string' ? o.details : JSON.stringify(o?.details ?? ''),
          });
          return undefined;
        }
      }
      const obj = exec.object(call.target);
      const method = obj.methods[call.method];
      if (!method) throw new ScriptError('SSS_NOT_YET_SUPPORTED', `emulator: ${obj.label}.${call.method} is not emulated`);
      return method(...call.args.map((a) => exec.resolveRef(a)));
    };

    port1.on('message', (call: RpcCall) => {
      dispatch(call).then(
        (value) => {
          const target = call.target === 'module' ? undefined : exec.object(call.target);
          answer(call, { ok: true, value, props: target?.props?.() });
        },
        (err: unknown) => {
          if (err instanceof ScriptError && err.fatal) exec.killed = err;
          const e = err instanceof ScriptError ? err : new ScriptError('UNEXPECTED_ERROR', err instanceof Error ? err.message : String(err));
          answer(call, { ok: false, error: { name: e.name, message: e.message, fatal: e.fatal } });
        },
      );
    });

    return new Promise<ScriptOutcome>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: ScriptOutcome | Error, reusable = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        port1.close();
        // Only our own listeners: removeAllListeners would also drop the Worker's internal ones.
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (reusable) this.pool.release(worker);
        else this.pool.discard(worker);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const timer = setTimeout(
        () =>
          finish({
            ok: false,
            error: { suiteScript: true, name: 'SSS_TIME_LIMIT_EXCEEDED', message: 'Script Execution Time Limit Exceeded.' },
          }),
        opts.timeoutMs ?? 60_000,
      );
      const onMessage = (msg: { done?: boolean; ok?: boolean; value?: unknown; missingEntry?: boolean; error?: never }) => {
        if (!msg.done) return;
        if (msg.missingEntry) finish({ ok: false, missingEntry: true }, true);
        else if (msg.ok) finish({ ok: true, value: msg.value }, true);
        else finish({ ok: false, error: exec.killed ? { suiteScript: true, name: exec.killed.name, message: exec.killed.message } : msg.error! }, true);
      };
      const onError = (err: Error) => finish(err);
      const onExit = (code: number) => finish(new Error(`SuiteScript sandbox exited with code ${code} before answering`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }
}
