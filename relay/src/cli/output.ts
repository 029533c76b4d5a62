import { SingleBar, Presets } from 'cli-progress';

/** What the CLI prints: plain lines on stdout, progress bars on stderr when it is a terminal. */
export interface Output {
  line(text: string): void;
  ok(label: string, detail?: string): void;
  fail(label: string, detail?: string): void;
  skip(label: string, detail?: string): void;
  progress(label: string, total: number): { update(done: number): void; stop(): void };
}

export function consoleOutput(
  stream: NodeJS.WriteStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
): Output {
  const say = (mark: string, label: string, detail?: string) =>
    stream.write(`${mark} ${label}${detail ? `: ${detail}` : ''}\n`);
  return {
    line: (text) => stream.write(`${text}\n`),
    ok: (label, detail) => say('✓', label, detail),
    fail: (label, detail) => say('✗', label, detail),
    skip: (label, detail) => say('–', label, detail),
    progress: (label, total) => {
      if (!err.isTTY) {
        // Not a terminal (CI, pipes): one line at start and at the end instead of a redrawn bar.
        err.write(`${label}: 0/${total}\n`);
        let last = 0;
        return {
          update: (done) => void (last = done),
          stop: () => void err.write(`${label}: ${last}/${total}\n`),
        };
      }
      const bar = new SingleBar(
        { format: `${label} [{bar}] {value}/{total} {percentage}% eta {eta}s`, stream: err },
        Presets.shades_classic,
      );
      bar.start(total, 0);
      return { update: (done) => bar.update(done), stop: () => bar.stop() };
    },
  };
}
