import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { defaultXsdDir } from './compile.js';

/**
 * Documents shared by the validator's unit test and its xmllint cross-check: every reference capture,
 * plus deliberately broken variants of valid requests (one defect each).
 */

export const SAMPLES_DIR = join(dirname(dirname(defaultXsdDir())), 'soap-samples');

export function referenceSamples(): { name: string; xml: string }[] {
  const out: { name: string; xml: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (entry.endsWith('.xml')) out.push({ name: relative(SAMPLES_DIR, p), xml: readFileSync(p, 'utf8') });
    }
  };
  walk(SAMPLES_DIR);
  return out;
}

const sample = (name: string) => readFileSync(join(SAMPLES_DIR, name), 'utf8');

function mutate(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`mutation did not apply: ${String(from)}`);
  return out;
}

export interface BrokenCase {
  name: string;
  xml: string;
  /** A fragment the validator's first error message must contain. */
  expect: string;
}

export function brokenCases(): BrokenCase[] {
  const add = sample('synthesized-2023_2/add_customer_request_tba.xml');
  const so = sample('synthesized-2023_2/upsertList_salesorders_request.xml');
  return [
    {
      name: 'wrong element order',
      xml: mutate(
        add,
        /(<listRel:entityId>ACME-001<\/listRel:entityId>)(\s*<listRel:isPerson>false<\/listRel:isPerson>)/,
        '$2$1',
      ),
      expect: "entityId': This element is not expected",
    },
    {
      name: 'bad enum value (element)',
      xml: mutate(so, '_pendingFulfillment', '_shipped'),
      expect: "[facet 'enumeration'] The value '_shipped'",
    },
    {
      name: 'bad enum value (attribute)',
      xml: mutate(add, 'type="subsidiary"', 'type="Subsidiary"'),
      expect: "attribute 'type': [facet 'enumeration']",
    },
    {
      name: 'bad boolean',
      xml: mutate(add, '<listRel:isPerson>false</listRel:isPerson>', '<listRel:isPerson>no</listRel:isPerson>'),
      expect: "'no' is not a valid value of the atomic type 'xs:boolean'",
    },
    {
      name: 'bad long',
      xml: mutate(add, '<platformCore:timestamp>1508242306<', '<platformCore:timestamp>15082423O6<'),
      expect: "is not a valid value of the atomic type 'xs:long'",
    },
    {
      name: 'bad double',
      xml: mutate(so, '<tranSales:quantity>2.0</tranSales:quantity>', '<tranSales:quantity>2,0</tranSales:quantity>'),
      expect: "'2,0' is not a valid value of the atomic type 'xs:double'",
    },
    {
      name: 'bad dateTime',
      xml: mutate(so, '2024-03-01T00:00:00.000-08:00', '2024-13-01T00:00:00'),
      expect: "is not a valid value of the atomic type 'xs:dateTime'",
    },
    {
      name: 'unknown element',
      xml: mutate(add, '<listRel:email>', '<listRel:favouriteColour>teal</listRel:favouriteColour><listRel:email>'),
      expect: "favouriteColour': This element is not expected",
    },
    {
      name: 'missing required element',
      xml: mutate(add, /<platformCore:nonce>[^<]*<\/platformCore:nonce>/, ''),
      expect:
        "timestamp': This element is not expected. Expected is ( {urn:core_2023_2.platform.webservices.netsuite.com}nonce )",
    },
    {
      name: 'missing required element at the end',
      xml: mutate(add, /<platformCore:signature[^>]*>[^<]*<\/platformCore:signature>/, ''),
      expect: 'Missing child element(s)',
    },
    {
      name: 'missing required attribute',
      xml: mutate(add, ' algorithm="HMAC-SHA256"', ''),
      expect: "The attribute 'algorithm' is required but missing",
    },
    {
      name: 'unknown attribute',
      xml: mutate(add, '<listRel:subsidiary internalId="1"', '<listRel:subsidiary internalId="1" colour="red"'),
      expect: "The attribute 'colour' is not allowed",
    },
    {
      name: 'abstract type without xsi:type',
      xml: mutate(add, ' xsi:type="listRel:Customer"', ''),
      expect: 'The type definition is abstract',
    },
    {
      name: 'xsi:type not derived from the declared type',
      xml: mutate(add, 'xsi:type="listRel:Customer"', 'xsi:type="platformCore:TokenPassport"'),
      expect: 'is not validly derived',
    },
    {
      name: 'xsi:type unknown',
      xml: mutate(add, 'xsi:type="listRel:Customer"', 'xsi:type="listRel:Customr"'),
      expect: 'does not resolve to a type definition',
    },
    {
      name: 'text inside element-only content',
      xml: mutate(add, '<listRel:customFieldList>', '<listRel:customFieldList>stray'),
      expect: "Character content other than whitespace is not allowed because the content type is 'element-only'",
    },
    {
      name: 'unknown body element',
      xml: mutate(add, /platformMsgs:add>/g, 'platformMsgs:create>'),
      expect: 'No matching global',
    },
    {
      name: 'child element inside a simple-typed element',
      xml: mutate(
        add,
        '<listRel:companyName>Acme Corp</listRel:companyName>',
        '<listRel:companyName><listRel:x>Acme</listRel:x></listRel:companyName>',
      ),
      expect: 'Element content is not allowed',
    },
    {
      name: 'malformed XML',
      xml: mutate(add, '</listRel:email>', '</listRel:emial>'),
      expect: 'not well-formed',
    },
  ];
}

/** Valid variants that must pass: another namespace version, and a maximal-ish record. */
export function validVariants(): { name: string; xml: string }[] {
  const add = sample('synthesized-2023_2/add_customer_request_tba.xml');
  return [
    { name: 'namespace version 2024_1', xml: add.replace(/_2023_2\./g, '_2024_1.') },
    { name: 'namespace version 2019_2', xml: add.replace(/_2023_2\./g, '_2019_2.') },
    { name: 'boolean as 1', xml: add.replace('<listRel:isPerson>false<', '<listRel:isPerson>1<') },
    { name: 'surrounding whitespace in a long', xml: add.replace('>1508242306<', '> 1508242306\n<') },
  ];
}

/** Deterministic random mutants of valid captures (one edit each), to compare verdicts with libxml2. */
export function mutants(count: number, seed = 20232): { name: string; xml: string }[] {
  let state = seed >>> 0;
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const sources = referenceSamples().filter(
    (s) => s.name.startsWith('synthesized-2023_2/') && !s.name.includes('fault_invalid_login'),
  );
  const values = [
    'true',
    'false',
    'maybe',
    '1',
    '-7',
    '1.5',
    '1e3',
    'NaN',
    '2024-02-30T00:00:00Z',
    '2024-01-01T10:00:00Z',
    '_customer',
    '',
    'x y',
  ];
  const LEAF = /<([A-Za-z]+:[A-Za-z]+)((?:\s[^<>]*?)?)>([^<]*)<\/\1>/g;
  const out: { name: string; xml: string }[] = [];
  while (out.length < count) {
    const src = pick(sources);
    const leaves = [...src.xml.matchAll(LEAF)];
    const leaf = pick(leaves);
    const at = leaf.index ?? 0;
    const whole = leaf[0];
    const [, tag, attrs, text] = leaf as unknown as [string, string, string, string];
    const kind = pick(['text', 'remove', 'duplicate', 'swap', 'attr', 'rename'] as const);
    let replacement: string;
    if (kind === 'text') replacement = `<${tag}${attrs}>${pick(values)}</${tag}>`;
    else if (kind === 'remove') replacement = '';
    else if (kind === 'duplicate') replacement = whole + whole;
    else if (kind === 'attr')
      replacement = `<${tag}${attrs} ${pick(['internalId', 'bogus', 'type', 'operator'])}="${pick(values)}">${text}</${tag}>`;
    else if (kind === 'rename') {
      const other = pick(leaves)[1] as string;
      replacement = `<${other}${attrs}>${text}</${other}>`;
    } else {
      const next = src.xml.slice(at + whole.length).match(/^(\s*)(<([A-Za-z]+:[A-Za-z]+)(?:\s[^<>]*?)?>[^<]*<\/\3>)/);
      if (!next) continue;
      const xml = src.xml.slice(0, at) + next[2] + next[1] + whole + src.xml.slice(at + whole.length + next[0].length);
      out.push({ name: `mutant ${out.length}: swap ${tag} in ${src.name}`, xml });
      continue;
    }
    const xml = src.xml.slice(0, at) + replacement + src.xml.slice(at + whole.length);
    if (xml !== src.xml) out.push({ name: `mutant ${out.length}: ${kind} ${tag} in ${src.name}`, xml });
  }
  return out;
}
