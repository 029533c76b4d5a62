import type { Logger } from '../logging/logger.js';

type Hook = { name: string; run: () => Promise<void> | void };

/**
 * Graceful shutdown: on SIGTERM/SIGINT stop intake first, then let each registered part finish or
 * hand back its in-flight work, in reverse order of registration, all within `timeoutMs`.
 */
export class Lifecycle {
  private readonly hooks: Hook[] = [];
  private draining = false;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs = 10_000,
  ) {}

  isDraining = (): boolean => this.draining;

  onShutdown(name: string, run: Hook['run']): void {
    this.hooks.push({ name, run });
  }

  /** Runs every hook once; resolves true when all finished within the timeout. */
  async shutdown(reason: string): Promise<boolean> {
    if (!this.stopping) {
      this.draining = true;
      this.logger.info({ reason }, 'shutting down: intake stopped, draining in-flight work');
      this.stopping = (async () => {
        for (const hook of [...this.hooks].reverse()) {
          try {
            await hook.run();
            this.logger.info({ part: hook.name }, 'stopped');
          } catch (err) {
            this.logger.error({ err, part: hook.name }, 'error while stopping');
          }
        }
      })();
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
      timer.unref();
    });
    const finished = await Promise.race([this.stopping.then(() => true as const), timedOut]);
    clearTimeout(timer);
    if (!finished) this.logger.warn({ timeoutMs: this.timeoutMs }, 'shutdown timed out; exiting with work handed back');
    return finished;
  }

  /** Wires SIGTERM and SIGINT to shutdown, then exits (0 when clean, 1 on timeout). */
  installSignalHandlers(exit: (code: number) => void = (code) => process.exit(code)): void {
    const handler = (signal: NodeJS.Signals) => {
      void this.shutdown(signal).then((clean) => exit(clean ? 0 : 1));
    };
    process.once('SIGTERM', handler);
    process.once('SIGINT', handler);
  }
}
