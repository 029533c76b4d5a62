import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCKING_SEVERITY, runPmd } from './apex-pmd.js';
import { checkApexSyntax, findApexFiles } from './apex-syntax.js';
import { checkMetadataXml } from './metadata-schema.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'apex');

describe('Apex syntax check', () => {
  it('fails on a deliberately broken class, naming the file and line', async () => {
    const problems = await checkApexSyntax([join(FIXTURES, 'broken', 'BrokenClass.cls')]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: expect.stringContaining('BrokenClass.cls'), line: 4 });
  });

  it('catches an incomplete SOQL WHERE that the ANTLR grammar alone accepts', async () => {
    const problems = await checkApexSyntax([join(FIXTURES, 'broken', 'BrokenSoql.cls')]);
    expect(problems.map((p) => p.source)).toContain('prettier-plugin-apex');
  });

  it('passes the package Apex', async () => {
    const files = findApexFiles(join(ROOT, 'force-app'));
    expect(files.length).toBeGreaterThan(0);
    expect(await checkApexSyntax(files)).toEqual([]);
  });
});

describe('Code Analyzer PMD', () => {
  it('reports SOQL injection as a blocking violation', async () => {
    const violations = await runPmd(join(FIXTURES, 'insecure'));
    const blocking = violations.filter((v) => (v.severity ?? 5) <= BLOCKING_SEVERITY);
    expect(blocking.map((v) => v.rule)).toContain('ApexSOQLInjection');
  }, 60_000);
});

describe('metadata XML check', () => {
  it('flags an element the Metadata API does not define and malformed XML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsc-meta-'));
    const bogus = join(dir, 'Bogus__c.field-meta.xml');
    writeFileSync(
      bogus,
      `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Bogus__c</fullName>
    <label>Bogus</label>
    <type>Text</type>
    <length>10</length>
    <bogusElement>true</bogusElement>
</CustomField>`,
    );
    const broken = join(dir, 'Broken__c.field-meta.xml');
    writeFileSync(broken, '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><label>x</CustomField>');
    const problems = checkMetadataXml([bogus, broken]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('<bogusElement> is not an element of CustomField'),
      expect.stringContaining('malformed XML'),
    ]);
  });
});
