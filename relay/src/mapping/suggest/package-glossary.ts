/**
 * What fields of widely installed managed packages and SuiteApps mean in the other system's words. Their API names
 * carry a namespace (blng__, SBQQ__, npe03__, pse__ …) or a SuiteApp prefix, so each is unique and safe to key
 * by name alone. Applies to fields of the system named in the table's name.
 */
export const SALESFORCE_PACKAGE_GLOSSARY: Record<string, readonly string[]> = {};

export const NETSUITE_SUITEAPP_GLOSSARY: Record<string, readonly string[]> = {};
