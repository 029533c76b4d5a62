/**
 * One script execution on the host side: the objects the sandbox holds handles to, the usage meter,
 * the script's log. Module and record emulations register objects here and get handles back.
 */

/** An error the sandbox rethrows as a SuiteScriptError with this name (NetSuite's code). */
export class ScriptError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    /** The execution is over (usage limit, time limit): NetSuite kills the script. */
    readonly fatal = false,
  ) {
    super(message);
  }
}

export type Method = (...args: unknown[]) => unknown;

/** An emulated object the script can call (a module, a record, a result set...). */
export interface HostObject {
  label: string;
  methods: Record<string, Method>;
  /** Readable properties (re-sent after each call on the object). */
  props?: () => Record<string, unknown>;
}

export interface HandleDescriptor {
  $handle: string;
  label: string;
  methods: string[];
  props: Record<string, unknown>;
}

export interface LogEntry {
  level: 'debug' | 'audit' | 'error' | 'emergency';
  title: string;
  details: string;
}

/** Usage units per execution (SuiteScript governance): RESTlet 5,000, User Event 1,000. */
export class UsageMeter {
  private used = 0;
  constructor(readonly limit: number) {}

  spend(units: number, what: string): void {
    if (this.used + units > this.limit) {
      this.used = this.limit;
      throw new ScriptError('SSS_USAGE_LIMIT_EXCEEDED', `Script Execution Usage Limit Exceeded (${what} needs ${units} units).`, true);
    }
    this.used += units;
  }

  get remaining(): number {
    return this.limit - this.used;
  }
}

export class Execution {
  private readonly objects = new Map<string, HostObject>();
  private next = 0;
  readonly logs: LogEntry[] = [];
  killed: ScriptError | undefined;

  constructor(
    readonly usage: UsageMeter,
    readonly info: { scriptId: string; deploymentId: string; executionContext: string; parameters: Record<string, unknown> },
  ) {}

  register(obj: HostObject): HandleDescriptor {
    const id = `h${++this.next}`;
    this.objects.set(id, obj);
    return { $handle: id, label: obj.label, methods: Object.keys(obj.methods), props: obj.props?.() ?? {} };
  }

  object(id: string): HostObject {
    const obj = this.objects.get(id);
    if (!obj) throw new ScriptError('UNEXPECTED_ERROR', `emulator: unknown handle ${id}`);
    return obj;
  }

  /** The host object behind a `{ $ref }` the sandbox passed back as an argument. */
  resolveRef(value: unknown): unknown {
    if (value && typeof value === 'object' && '$ref' in value) return this.object(String((value as { $ref: string }).$ref));
    return value;
  }
}

/** Reads `options` objects the way SuiteScript methods take them. */
export function options(args: unknown[], method: string): Record<string, unknown> {
  const o = args[0];
  if (!o || typeof o !== 'object' || Array.isArray(o)) {
    throw new ScriptError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: options`);
  }
  return o as Record<string, unknown>;
}

export function required(o: Record<string, unknown>, key: string, method: string): unknown {
  const v = o[key];
  if (v === undefined || v === null || v === '') {
    throw new ScriptError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: ${key}`);
  }
  return v;
}
