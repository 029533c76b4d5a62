import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { salesforceObjects } from './salesforce.js';

const OBJECTS = join(process.cwd(), 'force-app', 'main', 'default', 'objects');
const STANDARD = new Set(['Account', 'Contact', 'Opportunity', 'User', 'Lead', 'Case', 'Product2', 'PricebookEntry', 'Order']);

describe('Salesforce field tables agree with the package data model', () => {
  it('every custom field the mappings write exists in force-app', () => {
    const missing: string[] = [];
    for (const [object, fields] of Object.entries(salesforceObjects)) {
      for (const field of Object.keys(fields).filter((f) => f.endsWith('__c')))
        if (!existsSync(join(OBJECTS, object, 'fields', `${field}.field-meta.xml`))) missing.push(`${object}.${field}`);
    }
    expect(missing).toEqual([]);
  });
  it('every custom object the mappings write is in the package', () => {
    const missing = Object.keys(salesforceObjects).filter((o) => !STANDARD.has(o) && !existsSync(join(OBJECTS, o)));
    expect(missing).toEqual([]);
  });
});
