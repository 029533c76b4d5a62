import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { createLogger } from '../logging/logger.js';
import { createMetricsRegistry } from '../http/metrics.js';
import { mappingRoutes, type MappingRoutesDeps } from './mappings.js';
import { MappingRegistry } from '../mapping/registry.js';
import { InMemoryHistory } from '../mapping/anomaly/history.js';
import { InMemoryAcceptedMappings } from '../mapping/suggest/memory.js';
import { openSqliteStore } from '../store/open-store.js';

const TOKEN = 'map-t0ken';
function app(deps: MappingRoutesDeps = {}) {
  const silent = new Writable({ write: (_c, _e, cb) => cb() }) as unknown as import('pino').DestinationStream;
  return createApp({
    config: { RELAY_API_TOKENS: [TOKEN] },
    logger: createLogger({ destination: silent }),
    metrics: createMetricsRegistry({ defaultMetrics: false }),
    api: [{ path: '/mappings', routes: mappingRoutes(deps) }],
  });
}
const post = (a: ReturnType<typeof app>, path: string, body: unknown, token = TOKEN) =>
  a.request(`/api/v1/mappings${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const suggestBody = {
  source: { system: 'salesforce', object: 'Account', fields: [
    { name: 'Name', label: 'Account Name', type: 'string', samples: ['Acme'] },
    { name: 'BillingPostalCode', label: 'Billing Zip/Postal Code', type: 'string', samples: ['94105'] },
    { name: 'Rating', label: 'Rating', type: 'picklist' },
  ] },
  target: { system: 'netsuite', object: 'customer', fields: [
    { name: 'companyName', label: 'Company Name', type: 'string' },
    { name: 'zip', label: 'Zip', type: 'string' },
    { name: 'creditLimit', label: 'Credit Limit', type: 'double' },
  ] },
};

describe('POST /api/v1/mappings/suggest', () => {
  it('answers the fixed contract', async () => {
    const res = await post(app(), '/suggest', suggestBody);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { suggestions: { sourceField: string; targetField: string; confidence: number; reasons: string[] }[] };
    expect(body.suggestions.map((s) => [s.targetField, s.sourceField])).toEqual(expect.arrayContaining([['companyName', 'Name'], ['zip', 'BillingPostalCode']]));
    expect(body.suggestions).toHaveLength(2);
    for (const s of body.suggestions) expect(Object.keys(s).sort()).toEqual(['confidence', 'reasons', 'sourceField', 'targetField']);
  });
  it('requires a bearer token', async () => {
    expect((await post(app(), '/suggest', suggestBody, 'wrong')).status).toBe(401);
  });
  it('rejects a malformed body with the field named', async () => {
    const res = await post(app(), '/suggest', { source: { system: 'sap', object: 'X', fields: [] }, target: suggestBody.target });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details[0]!.path).toBe('source.system');
    expect((await post(app(), '/suggest', '{not json')).status).toBe(400);
  });
});

describe('POST /api/v1/mappings/accept', () => {
  type Suggestion = { sourceField: string; targetField: string; confidence: number; reasons: string[] };
  const suggest = async (a: ReturnType<typeof app>) => {
    const res = await post(a, '/suggest', suggestBody);
    const list = ((await res.json()) as { suggestions: Suggestion[] }).suggestions;
    return (target: string) => list.find((s) => s.targetField === target);
  };
  const accept = (pairs: [string, string][]) => ({
    source: { system: 'salesforce', object: 'Account' },
    target: { system: 'netsuite', object: 'customer' },
    mappings: pairs.map(([sourceField, targetField]) => ({ sourceField, targetField })),
  });

  it('remembers accepted pairs in the durable store, so suggest ranks them higher with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsc-map-accept-'));
    const store = await openSqliteStore({ dataDir: dir });
    try {
      const a = app({ memory: store.mappingMemory });
      const before = await suggest(a);
      expect(before('creditLimit')).toBeUndefined();
      const res = await post(a, '/accept', accept([['Rating', 'creditLimit'], ['Name', 'companyName'], ['Rating', 'creditLimit']]));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ recorded: 2 });
      expect((await (await post(a, '/accept', accept([['Name', 'companyName']]))).json())).toEqual({ recorded: 1 });
      const after = await suggest(a);
      expect(after('creditLimit')).toMatchObject({ sourceField: 'Rating' });
      expect(after('creditLimit')!.confidence).toBeGreaterThan(0.35);
      expect(after('creditLimit')!.reasons[0]).toMatch(/accepted by an admin for Account → customer before \(1×\)/);
      expect(after('companyName')!.reasons[0]).toMatch(/accepted by an admin for Account → customer before \(2×\)/);
      expect(after('companyName')!.confidence).toBeGreaterThanOrEqual(before('companyName')!.confidence);
      expect(await store.mappingMemory.accepted('salesforce', 'netsuite')).toContainEqual(expect.objectContaining({ sourceField: 'Name', targetField: 'companyName', count: 2 }));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('works with a memory that records one pair at a time', async () => {
    const memory = new InMemoryAcceptedMappings();
    const res = await post(app({ memory }), '/accept', accept([['Rating', 'creditLimit'], ['Name', 'companyName']]));
    expect(await res.json()).toEqual({ recorded: 2 });
    expect((await memory.accepted('salesforce', 'netsuite')).map((m) => `${m.sourceField}>${m.targetField}:${m.count}`).sort()).toEqual(['Name>companyName:1', 'Rating>creditLimit:1']);
  });
  it('answers 503 NOT_CONFIGURED when no memory is wired', async () => {
    const res = await post(app(), '/accept', accept([['Name', 'companyName']]));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_CONFIGURED');
  });
  it('validates the body, naming the field', async () => {
    const memory = new InMemoryAcceptedMappings();
    const bad = async (body: unknown) => {
      const res = await post(app({ memory }), '/accept', body);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    };
    expect(await bad(accept([]))).toEqual(['mappings']);
    expect(await bad(accept(Array.from({ length: 501 }, (_, i): [string, string] => [`F${i}`, 'x'])))).toEqual(['mappings']);
    expect(await bad({ ...accept([['Name', 'companyName']]), target: { system: 'sap', object: 'customer' } })).toEqual(['target.system']);
    expect(await bad(accept([['Name', ' ']]))).toEqual(['mappings.0.targetField']);
    expect(await memory.accepted('salesforce', 'netsuite')).toEqual([]);
  });
});

describe('POST /api/v1/mappings/preview', () => {
  const registry = new MappingRegistry({ crosswalk: { subsidiary: { default: '1' }, currency: { USD: '1' }, item: { '01t000000000001AAA': '77' } } });
  it('returns the target payload and every finding, writing nothing', async () => {
    const res = await post(app({ registry }), '/preview', {
      mapping: 'account-customer',
      from: 'salesforce',
      record: { Id: '001000000000001AAA', Name: 'x'.repeat(30) + ' ' + 'y'.repeat(60), Phone: '(415) 555-2671', Website: 'acme.com' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { payload: Record<string, unknown>; findings: { code: string; field: string }[]; action: string };
    expect(body.payload).toMatchObject({ externalId: '001000000000001AAA', phone: '+14155552671', subsidiary: { internalId: '1' } });
    expect(body.findings.map((f) => `${f.code}:${f.field}`)).toContain('VALUE_TRUNCATED:companyName');
    expect(body.action).toBe('hold');
  });
  it('adds anomaly findings for orders when history is wired', async () => {
    const history = new InMemoryHistory();
    for (let i = 0; i < 10; i++) history.add({ orderId: `o${i}`, customerId: '001000000000001AAA', productId: '01t000000000001AAA', currency: 'USD', orderTotal: 1000 + i * 10, quantity: 10, unitPrice: 100, at: '2026-01-01T00:00:00Z' });
    const res = await post(app({ registry, history }), '/preview', {
      mapping: 'opportunity-sales-order',
      from: 'salesforce',
      record: { Id: '006000000000001AAA', AccountId: '001000000000001AAA', IsWon: true, CloseDate: '2026-07-15', Amount: 50000, CurrencyIsoCode: 'USD',
        OpportunityLineItems: { records: [{ Product2Id: '01t000000000001AAA', Quantity: 500, UnitPrice: 100, TotalPrice: 50000 }] } },
    });
    const body = (await res.json()) as { findings: { code: string; message: string }[]; action: string };
    expect(body.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['ANOMALY_ORDER_TOTAL', 'ANOMALY_QUANTITY']));
    expect(body.action).toBe('hold');
  });
  it('answers a bad mapping with a clear error naming mapping and field, and keeps serving', async () => {
    const a = app({ registry });
    const bad = await post(a, '/preview', {
      definition: { id: 'try-1', label: 't', canonical: 'contact', salesforce: { object: 'Contact' }, netsuite: { record: 'contact' }, direction: 'both', fields: [{ canonical: 'lastName', salesforce: { field: 'LastName', read: '$clean(LastName' } }] },
      from: 'salesforce',
      record: { LastName: 'x' },
    });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string; message: string; details: { mapping: string; field: string } } };
    expect(body.error.code).toBe('MAPPING_EXPRESSION_INVALID');
    expect(body.error.details).toMatchObject({ mapping: 'try-1', field: 'lastName (salesforce read)' });
    const unknown = await post(a, '/preview', { mapping: 'no-such', from: 'salesforce', record: {} });
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/Mapping "no-such"/);
    expect((await post(a, '/preview', { mapping: 'invoice-netsuite-invoice', from: 'salesforce', record: {} })).status).toBe(422);
    expect((await post(a, '/suggest', suggestBody)).status).toBe(200);
  });
  it('flags a likely duplicate customer through the party directory', async () => {
    const parties = { candidates: async () => [{ id: '001000000000009AAA', name: 'Acme Corporation', website: 'https://www.acme.com', phone: '+1 415 555 2671' }] };
    const res = await post(app({ registry, parties }), '/preview', { mapping: 'account-customer', from: 'salesforce', record: { Id: '001000000000001AAA', Name: 'ACME Inc.', Website: 'acme.com', Phone: '(415) 555-2671' } });
    const body = (await res.json()) as { findings: { code: string; message: string; severity: string }[]; action: string };
    const dup = body.findings.find((f) => f.code === 'DUPLICATE_LIKELY')!;
    expect(dup.message).toMatch(/001000000000009AAA "Acme Corporation": same normalised name "acme", same domain acme.com, same phone \+14155552671/);
    expect(dup.severity).toBe('info');
    expect(body.action).toBe('flag');
  });
  it('validates the preview body', async () => {
    const res = await post(app({ registry }), '/preview', { mapping: 'account-customer', definition: {}, from: 'salesforce', record: {} });
    expect(res.status).toBe(400);
  });
});
