import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenCases, mutants, referenceSamples, validVariants } from './cases.test-support.js';
import { compileSchemas, loadNetSuiteSchemas, validateDocument, validateEnvelope, type SchemaSet } from './index.js';
import { xmllintValidateEnvelopes, type OracleVerdict } from './xmllint-oracle.js';

/**
 * The compiled validator and libxml2 (xmllint-wasm) must agree on every document: all 74 reference
 * captures, the deliberately broken variants, the valid variants and 300 seeded random mutants of valid
 * envelopes — in ONE xmllint call (3–8 s).
 */

const docs = [
  ...referenceSamples(),
  ...brokenCases().map((c) => ({ name: `broken: ${c.name}`, xml: c.xml })),
  ...validVariants().map((c) => ({ name: `variant: ${c.name}`, xml: c.xml })),
  // One random edit each (value, removal, duplication, swap, attribute, rename), seeded: reproducible.
  ...mutants(300),
];

let schemas: SchemaSet;
let oracle: Map<string, OracleVerdict>;
beforeAll(async () => {
  schemas = await loadNetSuiteSchemas();
  oracle = await xmllintValidateEnvelopes(docs);
}, 60_000);

describe('compiled validator agrees with xmllint-wasm (libxml2)', () => {
  it('on every reference capture, broken variant, valid variant and mutant', () => {
    const disagreements = docs
      .map((d) => ({ name: d.name, ours: validateEnvelope(d.xml, schemas).valid, libxml2: oracle.get(d.name)?.valid }))
      .filter((v) => v.ours !== v.libxml2);
    expect(disagreements).toEqual([]);
    // The set is not trivially one-sided.
    const verdicts = docs.map((d) => oracle.get(d.name)?.valid);
    expect(verdicts.filter((v) => v === true).length).toBeGreaterThan(40);
    expect(verdicts.filter((v) => v === false).length).toBeGreaterThan(200);
  });

  it('points at the same element for content-model errors', () => {
    for (const c of brokenCases().filter((b) => /order|unknown element|enum|boolean/.test(b.name))) {
      const ours = validateEnvelope(c.xml, schemas).errors[0]?.message ?? '';
      const theirs = oracle.get(`broken: ${c.name}`)?.messages[0] ?? '';
      const element = /^Element '([^']+)'/.exec(ours)?.[1];
      expect(element, c.name).toBeDefined();
      expect(theirs, c.name).toContain(`Element '${element}'`);
    }
  });
});

/** Constructs the NetSuite set does not use (choice, nested groups, bounded maxOccurs), on a small schema. */
const MINI_XSD = `<?xml version="1.0"?>
<schema xmlns="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">
  <simpleType name="Colour"><restriction base="string"><enumeration value="red"/><enumeration value="blue"/></restriction></simpleType>
  <complexType name="Base" abstract="true"><sequence><element name="id" type="long"/></sequence><attribute name="v" type="boolean"/></complexType>
  <complexType name="Thing">
    <complexContent><extension base="t:Base">
      <sequence>
        <choice>
          <element name="colour" type="t:Colour"/>
          <sequence><element name="r" type="int"/><element name="g" type="int" minOccurs="0"/></sequence>
        </choice>
        <element name="tag" type="string" minOccurs="0" maxOccurs="3"/>
        <sequence minOccurs="0" maxOccurs="2"><element name="k" type="string"/><element name="val" type="double"/></sequence>
      </sequence>
    </extension></complexContent>
  </complexType>
  <complexType name="Holder"><sequence><element name="thing" type="t:Base" maxOccurs="unbounded"/></sequence></complexType>
  <element name="holder" type="t:Holder"/>
</schema>`;

const wrap = (inner: string) =>
  `<t:holder xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${inner}</t:holder>`;
const thing = (body: string, attrs = '') => `<t:thing xsi:type="t:Thing"${attrs}><t:id>1</t:id>${body}</t:thing>`;

const MINI_DOCS: { name: string; xml: string }[] = [
  { name: 'choice: first branch', xml: wrap(thing('<t:colour>red</t:colour>')) },
  { name: 'choice: second branch', xml: wrap(thing('<t:r>1</t:r><t:g>2</t:g>')) },
  { name: 'choice: second branch, optional tail missing', xml: wrap(thing('<t:r>1</t:r>')) },
  { name: 'choice: both branches', xml: wrap(thing('<t:colour>red</t:colour><t:r>1</t:r>')) },
  { name: 'choice: none', xml: wrap(thing('<t:tag>x</t:tag>')) },
  {
    name: 'maxOccurs 3 reached',
    xml: wrap(thing('<t:colour>blue</t:colour><t:tag>a</t:tag><t:tag>b</t:tag><t:tag>c</t:tag>')),
  },
  {
    name: 'maxOccurs 3 exceeded',
    xml: wrap(thing('<t:colour>blue</t:colour><t:tag>a</t:tag><t:tag>b</t:tag><t:tag>c</t:tag><t:tag>d</t:tag>')),
  },
  {
    name: 'repeated group twice',
    xml: wrap(thing('<t:colour>red</t:colour><t:k>a</t:k><t:val>1</t:val><t:k>b</t:k><t:val>2e3</t:val>')),
  },
  {
    name: 'repeated group three times',
    xml: wrap(
      thing(
        '<t:colour>red</t:colour><t:k>a</t:k><t:val>1</t:val><t:k>b</t:k><t:val>2</t:val><t:k>c</t:k><t:val>3</t:val>',
      ),
    ),
  },
  { name: 'repeated group incomplete', xml: wrap(thing('<t:colour>red</t:colour><t:k>a</t:k>')) },
  { name: 'abstract element type', xml: wrap('<t:thing><t:id>1</t:id></t:thing>') },
  { name: 'bad attribute boolean', xml: wrap(thing('<t:colour>red</t:colour>', ' v="yes"')) },
  { name: 'good attribute boolean', xml: wrap(thing('<t:colour>red</t:colour>', ' v="false"')) },
  { name: 'bad enum', xml: wrap(thing('<t:colour>green</t:colour>')) },
  { name: 'int out of range', xml: wrap(thing('<t:r>2147483648</t:r>')) },
  {
    name: 'long in range',
    xml: wrap('<t:thing xsi:type="t:Thing"><t:id>-9223372036854775808</t:id><t:r>1</t:r></t:thing>'),
  },
  {
    name: 'long out of range',
    xml: wrap('<t:thing xsi:type="t:Thing"><t:id>9223372036854775808</t:id><t:r>1</t:r></t:thing>'),
  },
  {
    name: 'double special values',
    xml: wrap(thing('<t:colour>red</t:colour><t:k>a</t:k><t:val>-INF</t:val><t:k>b</t:k><t:val>NaN</t:val>')),
  },
  { name: 'empty holder', xml: wrap('') },
];

describe('compiled validator on choices, nested groups and occurrence bounds (vs xmllint)', () => {
  it('agrees with libxml2 on every mini document', async () => {
    const mini = compileSchemas([{ fileName: 'mini.xsd', contents: MINI_XSD }]);
    const out = await validateXML({
      xml: MINI_DOCS.map((d, i) => ({ fileName: `m${i}.xml`, contents: d.xml })),
      schema: { fileName: 'mini.xsd', contents: MINI_XSD },
    });
    const failed = new Set(out.errors.map((e) => e.loc?.fileName));
    const rows = MINI_DOCS.map((d, i) => ({
      name: d.name,
      ours: validateDocument(d.xml, mini).valid,
      libxml2: !failed.has(`m${i}.xml`),
    }));
    expect(rows.filter((r) => r.ours !== r.libxml2)).toEqual([]);
    expect(rows.filter((r) => r.ours).length).toBeGreaterThan(5);
    expect(rows.filter((r) => !r.ours).length).toBeGreaterThan(5);
  });
});
