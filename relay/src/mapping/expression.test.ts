import { describe, expect, it } from 'vitest';
import { compileExpression, EXPRESSION_LIMITS } from './expression.js';
import { isMappingError } from './errors.js';

const ctx = { mapping: 'account-customer', field: 'companyName' };

async function failure(p: () => unknown): Promise<Error & { code?: string }> {
  try {
    await p();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

describe('bounded JSONata expressions', () => {
  it('evaluates with the function library', async () => {
    const e = compileExpression('$titleCase(Name) & " / " & $e164(Phone)', ctx);
    expect(await e.evaluate({ Name: 'ACME widgets', Phone: '(415) 555-2671' })).toBe('Acme Widgets / +14155552671');
  });
  it('runs a conditional discount on decimal strings', async () => {
    const e = compileExpression('$cmp(Amount, "10000") > 0 ? $discount(Amount, 10) : $amount(Amount)', ctx);
    expect(await e.evaluate({ Amount: '12000' })).toBe('10800.00');
    expect(await e.evaluate({ Amount: '9000.5' })).toBe('9000.50');
  });
  it('names the mapping and the field when an expression does not parse', async () => {
    const err = await failure(() => compileExpression('Name &', ctx));
    expect(isMappingError(err)).toBe(true);
    expect(err.message).toMatch(/Mapping "account-customer", field "companyName": expression does not parse/);
  });
  it('stops an expression that runs too long or recurses without end', async () => {
    const loop = compileExpression('($f := function($n){ $f($n + 1) }; $f(0))', ctx);
    const err = await failure(() => loop.evaluate({}));
    expect(err.code).toBe('MAPPING_EXPRESSION_TIMEOUT');
    const busy = compileExpression('$count([1..9999].($x := $; [1..9999].($ * $x)))', ctx, { ...EXPRESSION_LIMITS, timeoutMs: 50 });
    const err2 = await failure(() => busy.evaluate({}));
    expect(['MAPPING_EXPRESSION_TIMEOUT', 'MAPPING_EXPRESSION_FAILED']).toContain(err2.code);
  });
  it('rejects oversize and over-nested expressions before running them', async () => {
    expect((await failure(() => compileExpression('"' + 'x'.repeat(5000) + '"', ctx))).code).toBe('MAPPING_EXPRESSION_TOO_LARGE');
    expect((await failure(() => compileExpression('('.repeat(60) + '1' + ')'.repeat(60), ctx))).code).toBe('MAPPING_EXPRESSION_TOO_LARGE');
  });
  it('refuses regular expressions that can backtrack without bound, and accepts ordinary ones', async () => {
    expect((await failure(() => compileExpression('$match(x, /(a+)+b/)', ctx))).code).toBe('MAPPING_EXPRESSION_UNSAFE');
    expect((await failure(() => compileExpression('$contains(x, /(\\w*)*$/)', ctx))).code).toBe('MAPPING_EXPRESSION_UNSAFE');
    expect((await failure(() => compileExpression('$replace(x, /(a)\\1/, "")', ctx))).code).toBe('MAPPING_EXPRESSION_UNSAFE');
    const ok = compileExpression('$replace(Phone, /[^0-9+]+/, "")', ctx);
    expect(await ok.evaluate({ Phone: '(415) 555-2671' })).toBe('4155552671');
  });
  it('disables $eval', async () => {
    const e = compileExpression('$eval("1+1")', ctx);
    expect((await failure(() => e.evaluate({}))).message).toMatch(/\$eval is disabled/);
  });
});
