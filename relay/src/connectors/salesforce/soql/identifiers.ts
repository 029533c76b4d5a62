/**
 * API names in SOQL and REST paths. Only letters, digits and single underscores between words, with up
 * to two `__` separators (namespace prefix and suffix: `nsc__Field__c`, `Account__r`, `Log__e`).
 * Nothing else can reach a query or a URL path, so a name can never carry SOQL or a path segment.
 */
import { SalesforceError } from '../errors.js';

const WORD = '[A-Za-z](?:[A-Za-z0-9]|_(?!_))*';
const IDENTIFIER = new RegExp(`^${WORD}(?:__${WORD}){0,2}$`);
const MAX_LENGTH = 255;
/** SOQL walks at most five parent relationships. */
const MAX_PATH_SEGMENTS = 6;

export function isIdentifier(name: unknown): name is string {
  return typeof name === 'string' && name.length <= MAX_LENGTH && IDENTIFIER.test(name) && !name.endsWith('_');
}

/** An sObject, field or relationship name (one segment). */
export function assertIdentifier(name: unknown, what: string): string {
  if (!isIdentifier(name)) {
    throw new SalesforceError({
      code: 'SF_INVALID_INPUT',
      message: `${what} ${JSON.stringify(name)} is not a valid Salesforce API name`,
    });
  }
  return name;
}

/** A field reference, possibly through parent relationships: `Account.Owner.Name`. */
export function assertFieldPath(path: unknown, what = 'Field'): string {
  if (typeof path !== 'string') return assertIdentifier(path, what);
  const segments = path.split('.');
  if (segments.length > MAX_PATH_SEGMENTS) {
    throw new SalesforceError({
      code: 'SF_INVALID_INPUT',
      message: `${what} ${JSON.stringify(path)} walks more than five relationships`,
    });
  }
  for (const s of segments) {
    if (!isIdentifier(s)) {
      throw new SalesforceError({
        code: 'SF_INVALID_INPUT',
        message: `${what} ${JSON.stringify(path)} is not a valid Salesforce field path`,
      });
    }
  }
  return path;
}

/** A record id: 15 or 18 alphanumeric characters. */
export function assertRecordId(id: unknown, what = 'Record id'): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(id)) {
    throw new SalesforceError({
      code: 'SF_INVALID_INPUT',
      sfCode: 'MALFORMED_ID',
      message: `${what} ${JSON.stringify(id)} is not a 15- or 18-character Salesforce id`,
    });
  }
  return id;
}
