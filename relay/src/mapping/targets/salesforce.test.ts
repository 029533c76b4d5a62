import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { salesforceObjects } from './salesforce.js';

const OBJECTS = join(process.cwd(), 'force-app', 'main', 'default', 'objects');
const NOT_IN_PACKAGE = ['NetSuite_Vendor_Bill__c', 'Journal_Entry__c'];

describe('Salesforce field tables agree with the package data model', () => {
  it('every custom field the mappings write exists in force-app', () => {
    const missing: string[] = [];
    for (const [object, fields] of Object.entries(salesforceObjects)) {
      if (NOT_IN_PACKAGE.includes(object)) continue;
      for (const field of Object.keys(fields).filter((f) => f.endsWith('__c')))
        if (!existsSync(join(OBJECTS, object, 'fields', `${field}.field-meta.xml`))) missing.push(`${object}.${field}`);
    }
    expect(missing).toEqual([]);
  });
  it('says which objects the package still lacks', () => {
    const present = existsSync(OBJECTS) ? readdirSync(OBJECTS) : [];
    expect(NOT_IN_PACKAGE.filter((o) => present.includes(o))).toEqual([]);
  });
});
