import type { RecordType } from '../state/types.js';

/** A deployed script as the emulated account knows it (mirrors netsuite/src/Objects/*.xml). */
export interface ScriptDeployment {
  scriptId: string;
  scriptInternalId: string;
  deploymentId: string;
  deploymentInternalId: string;
  kind: 'restlet' | 'userevent';
  /** Path under the File Cabinet root. */
  file: string;
  /** User Event: record types it is deployed on. */
  recordTypes?: readonly RecordType[];
  usageLimit: number;
}

export const DEPLOYMENTS: readonly ScriptDeployment[] = [
  {
    scriptId: 'customscript_nsc_financial_summary',
    scriptInternalId: '1101',
    deploymentId: 'customdeploy_nsc_financial_summary',
    deploymentInternalId: '1',
    kind: 'restlet',
    file: 'SuiteScripts/nsc/financial_summary.js',
    usageLimit: 5000,
  },
  {
    scriptId: 'customscript_nsc_batch_upsert',
    scriptInternalId: '1102',
    deploymentId: 'customdeploy_nsc_batch_upsert',
    deploymentInternalId: '1',
    kind: 'restlet',
    file: 'SuiteScripts/nsc/batch_upsert.js',
    usageLimit: 5000,
  },
  {
    scriptId: 'customscript_nsc_change_notifier',
    scriptInternalId: '1103',
    deploymentId: 'customdeploy_nsc_change_notifier',
    deploymentInternalId: '1',
    kind: 'userevent',
    file: 'SuiteScripts/nsc/change_notifier.js',
    // itemFulfillment is deployed in the SDF project but is not a stored record type of the emulator.
    recordTypes: ['customer', 'contact', 'salesOrder', 'invoice', 'customerPayment', 'inventoryItem', 'nonInventorySaleItem', 'serviceSaleItem'],
    usageLimit: 1000,
  },
];

/** Finds a RESTlet deployment by `script` and `deploy` URL values (internal ids or script ids). */
export function findRestlet(script: string | undefined, deploy: string | undefined): ScriptDeployment | undefined {
  if (!script || !deploy) return undefined;
  return DEPLOYMENTS.find(
    (d) =>
      d.kind === 'restlet' &&
      (d.scriptId === script.toLowerCase() || d.scriptInternalId === script) &&
      (d.deploymentId === deploy.toLowerCase() || d.deploymentInternalId === deploy),
  );
}
