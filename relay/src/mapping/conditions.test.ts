import { describe, expect, it } from 'vitest';
import { compileConditions } from './conditions.js';
import { compileExpression } from './expression.js';

const check = async (cond: unknown, rec: unknown) => compileExpression(compileConditions(cond, 'f'), { mapping: 'f', field: 'c' }).evaluate(rec);

describe('Conditions__c', () => {
  it('compiles every operator', async () => {
    const r = { Type: 'Customer', Amount: '12000', Tags: 'vip,eu', Active: true, Empty: '' };
    expect(await check({ field: 'Type', op: 'eq', value: 'Customer' }, r)).toBe(true);
    expect(await check({ field: 'Type', op: 'ne', value: 'Customer' }, r)).toBe(false);
    expect(await check({ field: 'Amount', op: 'gt', value: 10000 }, r)).toBe(true);
    expect(await check({ field: 'Amount', op: 'lte', value: 10000 }, r)).toBe(false);
    expect(await check({ field: 'Type', op: 'in', value: ['Customer', 'Partner'] }, r)).toBe(true);
    expect(await check({ field: 'Type', op: 'notIn', value: ['Partner'] }, r)).toBe(true);
    expect(await check({ field: 'Tags', op: 'contains', value: 'vip' }, r)).toBe(true);
    expect(await check({ field: 'Type', op: 'startsWith', value: 'Cust' }, r)).toBe(true);
    expect(await check({ field: 'Missing', op: 'blank' }, r)).toBe(true);
    expect(await check({ field: 'Empty', op: 'notBlank' }, r)).toBe(false);
    expect(await check({ field: 'Active', op: 'eq', value: true }, r)).toBe(true);
    expect(await check({ any: [{ field: 'Type', op: 'eq', value: 'x' }, { not: { field: 'Type', op: 'eq', value: 'y' } }] }, r)).toBe(true);
  });
  it('cannot be used to inject expression syntax through values', async () => {
    expect(await check({ field: 'Type', op: 'eq', value: '" or true or "' }, { Type: 'Customer' })).toBe(false);
  });
  it('rejects bad shapes naming the path', () => {
    expect(() => compileConditions({ all: [{ field: 'Type', op: 'like', value: 'x' }] }, 'flow-1')).toThrow(/Mapping "flow-1", field "Conditions__c.all.0.op"/);
    expect(() => compileConditions({ all: [] }, 'flow-1')).toThrow(/flow-1/);
  });
});
