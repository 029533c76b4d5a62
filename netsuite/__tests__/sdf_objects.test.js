/* global describe, it, expect */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const src = path.join(__dirname, '..', 'src');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const read = (rel) => parser.parse(fs.readFileSync(path.join(src, rel), 'utf8'));
const asList = (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The compiled file a script object points at, with its JSDoc tags. */
function scriptFile(object) {
  const ref = /^\[\/(SuiteScripts\/.+)\]$/.exec(object.scriptfile);
  expect(ref).not.toBeNull();
  const file = path.join(src, 'FileCabinet', ref[1]);
  expect(fs.existsSync(file)).toBe(true);
  const text = fs.readFileSync(file, 'utf8');
  const header = text.slice(0, text.indexOf('define('));
  return { module: ref[1].replace(/\.js$/, ''), header };
}

describe('SDF project', () => {
  it('deploys the compiled scripts and every object', () => {
    const deploy = read('deploy.xml').deploy;
    expect(deploy.files.path).toBe('~/FileCabinet/SuiteScripts/nsc/*');
    expect(deploy.objects.path).toBe('~/Objects/*');
    expect(read('manifest.xml').manifest['@projecttype']).toBe('ACCOUNTCUSTOMIZATION');
  });

  it.each([
    ['customscript_nsc_financial_summary', 'customdeploy_nsc_financial_summary', 'get'],
    ['customscript_nsc_batch_upsert', 'customdeploy_nsc_batch_upsert', 'post'],
  ])('RESTlet %s is deployed to the integration role and exports %s', (scriptId, deployId, entry) => {
    const restlet = read(`Objects/${scriptId}.xml`).restlet;
    expect(restlet['@scriptid']).toBe(scriptId);
    const deployment = restlet.scriptdeployments.scriptdeployment;
    expect(deployment['@scriptid']).toBe(deployId);
    expect(deployment.status).toBe('RELEASED');
    expect(deployment.audslctrole).toBe('[scriptid=customrole_nsc_integration]');
    const { module, header } = scriptFile(restlet);
    expect(header).toMatch(/@NApiVersion 2\.1/);
    expect(header).toMatch(/@NScriptType Restlet/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the AMD module through the SuiteCloud mapping
    expect(typeof require(module)[entry]).toBe('function');
  });

  it('deploys the change notifier on every record type the relay follows', () => {
    const ue = read('Objects/customscript_nsc_change_notifier.xml').usereventscript;
    const { module, header } = scriptFile(ue);
    expect(header).toMatch(/@NScriptType UserEventScript/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the AMD module through the SuiteCloud mapping
    expect(typeof require(module).afterSubmit).toBe('function');
    const types = asList(ue.scriptdeployments.scriptdeployment).map((d) => d.recordtype);
    expect(types).toEqual(
      expect.arrayContaining(['CUSTOMER', 'CONTACT', 'SALESORDER', 'ITEMFULFILLMENT', 'INVOICE', 'CUSTOMERPAYMENT', 'INVENTORYITEM']),
    );
    const params = asList(ue.scriptcustomfields.scriptcustomfield).map((f) => f['@scriptid']);
    expect(params).toEqual(['custscript_nsc_relay_url', 'custscript_nsc_webhook_secret']);
  });

  it('gives the integration role the permissions the relay uses', () => {
    const role = read('Objects/customrole_nsc_integration.xml').role;
    const perms = Object.fromEntries(asList(role.permissions.permission).map((p) => [p.permkey, p.permlevel]));
    for (const key of ['ADMI_LOGIN_OAUTH2', 'ADMI_RESTWEBSERVICES', 'LIST_CUSTJOB', 'TRAN_SALESORD', 'TRAN_CUSTINVC', 'TRAN_CUSTPYMT']) {
      expect(perms[key]).toBeDefined();
    }
  });
});
