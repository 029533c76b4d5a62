import { validateXML } from 'xmllint-wasm';
import { readSchemaFiles } from './compile.js';
import { SOAP_ENV_NS } from './model.js';

/**
 * The reference judge for tests: libxml2 (xmllint-wasm) over the same 2023_2 XSDs, wrapped in a
 * SOAP 1.1 envelope schema (Header children lax, Body children strict, Fault detail lax).
 * Each call recompiles all 47 schemas (3–4 s), so validate every document in ONE call.
 */

const VERSIONED = /(urn:[A-Za-z.]+)_\d+_\d+(\.[A-Za-z.]+\.webservices\.netsuite\.com)/g;

function envelopeSchema(imports: { ns: string; file: string }[]): string {
  const importXml = imports.map((i) => `  <xs:import namespace="${i.ns}" schemaLocation="${i.file}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${SOAP_ENV_NS}" elementFormDefault="qualified">
${importXml}
  <xs:element name="Envelope">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Header" minOccurs="0">
          <xs:complexType>
            <xs:sequence><xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="Body">
          <xs:complexType>
            <xs:sequence><xs:any namespace="##any" processContents="strict" minOccurs="1" maxOccurs="unbounded"/></xs:sequence>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:anyAttribute namespace="##other" processContents="lax"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="Fault">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="faultcode" type="xs:QName" form="unqualified"/>
        <xs:element name="faultstring" type="xs:string" form="unqualified"/>
        <xs:element name="faultactor" type="xs:anyURI" minOccurs="0" form="unqualified"/>
        <xs:element name="detail" minOccurs="0" form="unqualified">
          <xs:complexType>
            <xs:sequence><xs:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
}

export interface OracleVerdict {
  valid: boolean;
  messages: string[];
}

/** Validates SOAP envelopes with libxml2 in one call; namespace versions are rewritten to 2023_2 first. */
export async function xmllintValidateEnvelopes(
  docs: { name: string; xml: string }[],
): Promise<Map<string, OracleVerdict>> {
  const files = await readSchemaFiles();
  const imports = files.map((f) => ({
    ns: /targetNamespace="([^"]+)"/.exec(f.contents)?.[1] ?? '',
    file: f.fileName,
  }));
  const fileNames = docs.map((_, i) => `doc${i}.xml`);
  const out = await validateXML({
    xml: docs.map((d, i) => ({ fileName: fileNames[i] as string, contents: d.xml.replace(VERSIONED, '$1_2023_2$2') })),
    schema: { fileName: 'soap-envelope.xsd', contents: envelopeSchema(imports) },
    preload: files,
    maxMemoryPages: 65536,
    initialMemoryPages: 4096,
  });
  const verdicts = new Map<string, OracleVerdict>();
  docs.forEach((d) => verdicts.set(d.name, { valid: true, messages: [] }));
  for (const e of out.errors) {
    const idx = fileNames.indexOf(e.loc?.fileName ?? '');
    const doc = idx >= 0 ? docs[idx] : undefined;
    if (!doc) continue;
    const v = verdicts.get(doc.name) as OracleVerdict;
    v.valid = false;
    v.messages.push(e.message);
  }
  return verdicts;
}
