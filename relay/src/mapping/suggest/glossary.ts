/** The two field glossaries (what standard fields mean in the other system's words), one file each. */
export { NETSUITE_GLOSSARY } from './netsuite-glossary.js';
export { SALESFORCE_GLOSSARY } from './salesforce-glossary.js';
