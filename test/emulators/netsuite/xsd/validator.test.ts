import { beforeAll, describe, expect, it } from 'vitest';
import { brokenCases, referenceSamples, validVariants } from './cases.test-support.js';
import {
  loadNetSuiteSchemas,
  parseInstance,
  validateDocument,
  validateEnvelope,
  XmlSyntaxError,
  type SchemaSet,
} from './index.js';

/**
 * Captures the reference README lists as hand-edited (out-of-enum codes, `InventoryItem`), old-shaped
 * (flat addressbook, transactionBillAddress, customLabel, login), or truncated: they must be rejected.
 * Everything else (including old `_2_5`/`_2017_2` namespaces, mapped to 2023_2) must validate.
 */
const KNOWN_INVALID = new Set([
  'netsweet/add/add_invoice_multiple_errors.xml',
  'netsweet/add_list/add_list_customers.xml',
  'netsweet/add_list/add_list_one_customer.xml',
  'netsweet/async_add_list/async_add_list_response.xml',
  'netsweet/attach/attach_file_to_invoice_error.xml',
  'netsweet/attach/attach_file_to_sales_order_error.xml',
  'netsweet/delete/delete_customer_multiple_errors.xml',
  'netsweet/delete_list/delete_list_customers_with_errors.xml',
  'netsweet/get/get_customer.xml',
  'netsweet/get/get_invoice.xml',
  'netsweet/initialize/initialize_invoice_from_customer.xml',
  'netsweet/login.xml',
  'netsweet/login/success.xml',
  'netsweet/search/saved_search_item.xml',
  'netsweet/search/saved_search_joined_custom_customer.xml',
  'netsweet/update/update_customer_multiple_errors.xml',
  'netsweet/update_list/update_list_with_errors.xml',
  'netsweet/upsert/upsert_invoice_multiple_errors.xml',
  'netsweet/upsert_list/upsert_list_customers.xml',
  'netsweet/upsert_list/upsert_list_one_customer.xml',
  'synthesized-2023_2/fault_invalid_login_attempt.xml',
]);

let schemas: SchemaSet;
beforeAll(async () => {
  schemas = await loadNetSuiteSchemas();
});

describe('compiled NetSuite XSD validator', () => {
  it('compiles the 2023_2 set: types, global elements, namespaces', () => {
    expect(schemas.types.size).toBeGreaterThan(1700);
    expect(schemas.elements.has('{urn:messages_2023_2.platform.webservices.netsuite.com}tokenPassport')).toBe(true);
    expect(schemas.namespaces.has('urn:relationships_2023_2.lists.webservices.netsuite.com')).toBe(true);
  });

  it('accepts every synthesized 2023_2 request and response (except the deliberate out-of-enum fault)', () => {
    const synth = referenceSamples().filter((s) => s.name.startsWith('synthesized-2023_2/'));
    expect(synth.length).toBe(12);
    for (const s of synth) {
      expect({ name: s.name, valid: validateEnvelope(s.xml, schemas).valid }).toEqual({
        name: s.name,
        valid: !KNOWN_INVALID.has(s.name),
      });
    }
  });

  it('judges every reference capture as the README describes it', () => {
    const verdicts = referenceSamples().map((s) => ({ name: s.name, valid: validateEnvelope(s.xml, schemas).valid }));
    expect(verdicts.length).toBe(74);
    expect(
      verdicts
        .filter((v) => !v.valid)
        .map((v) => v.name)
        .sort(),
    ).toEqual([...KNOWN_INVALID].sort());
  });

  it.each(brokenCases().map((c) => [c.name, c] as const))('rejects: %s', (_name, c) => {
    const r = validateEnvelope(c.xml, schemas);
    expect(r.valid).toBe(false);
    expect(r.errors[0]?.message).toContain(c.expect);
    expect(r.errors[0]?.path).toMatch(/^\//);
  });

  it.each(validVariants().map((c) => [c.name, c] as const))('accepts: %s', (_name, c) => {
    expect(validateEnvelope(c.xml, schemas)).toEqual({ valid: true, errors: [] });
  });

  it('names the failing element by path', () => {
    const bad = brokenCases().find((c) => c.name === 'bad boolean');
    const r = validateEnvelope(bad?.xml ?? '', schemas);
    expect(r.errors[0]?.path).toBe(
      '/soapenv:Envelope/soapenv:Body/platformMsgs:add/platformMsgs:record/listRel:isPerson',
    );
  });

  it('rejects a non-envelope root and an envelope without a body', () => {
    expect(validateEnvelope('<a/>', schemas).errors[0]?.message).toContain('Root element must be');
    const noBody = '<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Header/></e:Envelope>';
    expect(validateEnvelope(noBody, schemas).errors[0]?.message).toContain('Expected is ( Body )');
  });

  it('rejects hostile nesting as invalid instead of throwing', () => {
    const deep =
      '<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body>' +
      '<m:add xmlns:m="urn:messages_2023_2.platform.webservices.netsuite.com">' +
      '<m:record>'.repeat(5000) +
      '</m:record>'.repeat(5000) +
      '</m:add></e:Body></e:Envelope>';
    const r = validateEnvelope(deep, schemas);
    expect(r.valid).toBe(false);
    expect(r.errors[0]?.message).toContain('Maximum nested tags exceeded');
    expect(() => parseInstance(deep)).toThrow(XmlSyntaxError);
  });

  it('validates a standalone global element document', () => {
    const doc = '<m:getServerTime xmlns:m="urn:messages_2025_2.platform.webservices.netsuite.com"/>';
    expect(validateDocument(doc, schemas).valid).toBe(true);
    const bad = '<m:get xmlns:m="urn:messages_2023_2.platform.webservices.netsuite.com"/>';
    expect(validateDocument(bad, schemas).errors[0]?.message).toContain('Missing child element(s)');
  });

  it('validates a typical request in well under a few milliseconds', () => {
    const so = referenceSamples().find((s) => s.name.endsWith('upsertList_salesorders_request.xml'));
    const xml = so?.xml ?? '';
    validateEnvelope(xml, schemas);
    const t = performance.now();
    for (let i = 0; i < 50; i++) validateEnvelope(xml, schemas);
    // Generous bound for a shared 2-core machine; the figure itself belongs in a benchmark.
    expect((performance.now() - t) / 50).toBeLessThan(20);
  });
});
