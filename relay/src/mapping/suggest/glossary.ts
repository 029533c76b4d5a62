/** The field glossaries (what standard and package fields mean in the other system's words), one file each. */
import { NETSUITE_GLOSSARY as NETSUITE_STANDARD } from './netsuite-glossary.js';
import { SALESFORCE_GLOSSARY as SALESFORCE_STANDARD } from './salesforce-glossary.js';
import { NETSUITE_SUITEAPP_GLOSSARY, SALESFORCE_PACKAGE_GLOSSARY } from './package-glossary.js';

export const NETSUITE_GLOSSARY: Record<string, readonly string[]> = { ...NETSUITE_SUITEAPP_GLOSSARY, ...NETSUITE_STANDARD };
export const SALESFORCE_GLOSSARY: Record<string, readonly string[]> = { ...SALESFORCE_PACKAGE_GLOSSARY, ...SALESFORCE_STANDARD };
