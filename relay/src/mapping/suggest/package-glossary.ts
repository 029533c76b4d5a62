/**
 * What fields of widely installed managed packages and SuiteApps mean in the other system's words. Their API names
 * carry a namespace (blng__, SBQQ__, npe03__, pse__ …) or a SuiteApp prefix, so each is unique and safe to key
 * by name alone. Applies to fields of the system named in the table's name. The tables live in
 * package-glossary-salesforce*.ts and package-glossary-netsuite.ts.
 */
export { SALESFORCE_PACKAGE_GLOSSARY } from './package-glossary-salesforce.js';
export { NETSUITE_SUITEAPP_GLOSSARY } from './package-glossary-netsuite.js';
