import jsonata from 'jsonata';
import { MappingError } from './errors.js';
import { expressionFunctions } from './expression-functions.js';

/**
 * JSONata, bounded. No JavaScript is evaluated: JSONata is an interpreter over JSON. Every expression is
 * capped in source length and syntax-tree depth when compiled, and in wall time, stack depth and sequence
 * length when run (JSONata 2.2 guardrails). `$eval` (JSONata inside strings) is disabled so the caps hold.
 */
/** Wall-clock budget per evaluation: generous enough not to trip under CPU contention, small enough to stop a runaway. */
export const EXPRESSION_LIMITS = { maxLength: 4000, maxAstDepth: 40, timeoutMs: 1000, maxStack: 250, maxSequence: 10_000 };

export interface ExpressionContext {
  mapping: string;
  field: string;
}

export interface CompiledExpression {
  readonly source: string;
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}

interface AstNode {
  [k: string]: unknown;
}

function astDepth(node: unknown, depth = 0): number {
  if (depth > EXPRESSION_LIMITS.maxAstDepth) return depth;
  if (node === null || typeof node !== 'object') return depth;
  let max = depth;
  const children = Array.isArray(node) ? node : Object.values(node as AstNode);
  for (const c of children) if (c !== null && typeof c === 'object') max = Math.max(max, astDepth(c, depth + 1));
  return max;
}

/**
 * Regular expressions run in the JS engine, where JSONata's timeout cannot interrupt them, so patterns that can
 * backtrack catastrophically (a quantified group that itself contains a quantifier, e.g. `(a+)+`, `(\w*)*`) and
 * back-references are refused before anything runs.
 */
function unsafeRegex(node: unknown): string | undefined {
  if (node instanceof RegExp) {
    const src = node.source;
    if (/\([^()]*[+*][^()]*\)\s*([+*]|\{\d*,)/.test(src) || /\\[1-9]/.test(src)) return src;
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  for (const c of Array.isArray(node) ? node : Object.values(node as AstNode)) {
    const bad = unsafeRegex(c);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

const disabled = () => {
  throw new Error('$eval is disabled in mapping expressions');
};

function describe(err: unknown): string {
  if (err instanceof Error && !('code' in err)) return err.message;
  const e = err as { code?: string; message?: string; position?: number; token?: string };
  const where = e.position !== undefined ? ` at position ${e.position}` : '';
  return `${e.code ?? 'error'}: ${e.message ?? String(err)}${where}`;
}

export function compileExpression(source: string, ctx: ExpressionContext, limits = EXPRESSION_LIMITS): CompiledExpression {
  if (source.length > limits.maxLength)
    throw new MappingError(ctx.mapping, ctx.field, `expression is ${source.length} characters; the limit is ${limits.maxLength}`, 'MAPPING_EXPRESSION_TOO_LARGE');
  let expr: jsonata.Expression;
  try {
    expr = jsonata(source, { timeout: limits.timeoutMs, stack: limits.maxStack, sequence: limits.maxSequence });
  } catch (err) {
    throw new MappingError(ctx.mapping, ctx.field, `expression does not parse (${describe(err)})`, 'MAPPING_EXPRESSION_INVALID');
  }
  // The AST depth gate rejects pathological nesting before anything runs.
  if (astDepth(expr.ast()) > limits.maxAstDepth)
    throw new MappingError(ctx.mapping, ctx.field, `expression nests deeper than ${limits.maxAstDepth} levels`, 'MAPPING_EXPRESSION_TOO_LARGE');
  const badRegex = unsafeRegex(expr.ast());
  if (badRegex !== undefined)
    throw new MappingError(ctx.mapping, ctx.field, `regular expression /${badRegex}/ can backtrack without bound; rewrite it without nested quantifiers or back-references`, 'MAPPING_EXPRESSION_UNSAFE');
  return {
    source,
    async evaluate(input, bindings = {}) {
      try {
        return await expr.evaluate(input, { ...expressionFunctions, ...bindings, eval: disabled });
      } catch (err) {
        if (err instanceof MappingError) throw err;
        const e = err as { code?: string };
        const code = e.code === 'D1012' || e.code === 'D1011' ? 'MAPPING_EXPRESSION_TIMEOUT' : 'MAPPING_EXPRESSION_FAILED';
        throw new MappingError(ctx.mapping, ctx.field, `expression failed (${describe(err)})`, code);
      }
    },
  };
}

/** Compiled-expression cache keyed by mapping, field and source (definitions are immutable once loaded). */
export class ExpressionCache {
  private readonly cache = new Map<string, CompiledExpression>();
  get(source: string, ctx: ExpressionContext): CompiledExpression {
    const key = `${ctx.mapping}\u0000${ctx.field}\u0000${source}`;
    let c = this.cache.get(key);
    if (!c) {
      c = compileExpression(source, ctx);
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(key, c);
    }
    return c;
  }
}
