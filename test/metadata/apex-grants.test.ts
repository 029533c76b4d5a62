import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

const DEFAULT = resolve(import.meta.dirname, '..', '..', 'force-app', 'main', 'default');
const parser = new XMLParser({
  isArray: (name) => ['classAccesses', 'externalCredentialPrincipalAccesses'].includes(name),
});

function permissionSet(name: string) {
  const xml = readFileSync(join(DEFAULT, 'permissionsets', `${name}.permissionset-meta.xml`), 'utf8');
  return (parser.parse(xml) as { PermissionSet: Record<string, unknown> }).PermissionSet as {
    classAccesses?: { apexClass: string; enabled: boolean }[];
    externalCredentialPrincipalAccesses?: { externalCredentialPrincipal: string; enabled: boolean }[];
  };
}

/** Classes the Lightning components call: every non-test class, since all of them serve the UI. */
const uiClasses = readdirSync(join(DEFAULT, 'classes'))
  .filter((f) => f.endsWith('.cls'))
  .map((f) => f.replace(/\.cls$/, ''))
  .filter((name) => !readFileSync(join(DEFAULT, 'classes', `${name}.cls`), 'utf8').includes('@IsTest'));

describe('Apex and credential grants', () => {
  it.each(['NetSuite_Connect_Admin', 'NetSuite_Connect_User'])(
    '%s grants every UI Apex class and the relay credential',
    (name) => {
      const ps = permissionSet(name);
      const granted = (ps.classAccesses ?? []).filter((c) => c.enabled).map((c) => c.apexClass);
      expect(granted.sort()).toEqual([...uiClasses].sort());
      expect(ps.externalCredentialPrincipalAccesses?.map((a) => a.externalCredentialPrincipal)).toEqual([
        'NetSuite_Connect_Relay-Relay',
      ]);
    },
  );

  it('gives the integration user no Apex and no callout credential', () => {
    const ps = permissionSet('NetSuite_Connect_Integration');
    expect(ps.classAccesses ?? []).toEqual([]);
    expect(ps.externalCredentialPrincipalAccesses ?? []).toEqual([]);
  });
});
