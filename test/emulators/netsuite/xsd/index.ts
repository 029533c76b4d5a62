export { compileSchemas, defaultXsdDir, loadNetSuiteSchemas, readSchemaFiles } from './compile.js';
export { validateDocument, validateEnvelope, type ValidationResult } from './envelope.js';
export { parseInstance, XmlSyntaxError, type XEl } from './instance.js';
export type { SchemaSet } from './model.js';
export { canonicalNamespace, isNetSuiteNamespace, namespaceVersion, SCHEMA_VERSION } from './namespaces.js';
export type { ValidationIssue } from './validate.js';
