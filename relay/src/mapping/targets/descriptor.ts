/** What a target system accepts for one field: type, length, requiredness, picklist, reference. */
export interface FieldSpec {
  type: 'string' | 'textarea' | 'email' | 'phone' | 'url' | 'number' | 'currency' | 'boolean' | 'date' | 'datetime' | 'ref' | 'picklist' | 'list';
  maxLength?: number;
  required?: boolean;
  /** Allowed values; `restricted` means the target rejects anything else. */
  picklist?: { values: readonly string[]; restricted: boolean };
  /** Record type a reference points to (NetSuite RecordRef or Salesforce lookup). */
  reference?: string;
}
export type RecordSpec = Record<string, FieldSpec>;

/**
 * Compact spec strings: "type[:maxLength][!]" where "!" marks required, e.g. "string:83!", "ref>employee".
 */
export function spec(s: string, picklist?: { values: readonly string[]; restricted: boolean }): FieldSpec {
  const required = s.endsWith('!');
  const body = required ? s.slice(0, -1) : s;
  const [head = 'string', ref] = body.split('>');
  const [type, len] = head.split(':');
  return {
    type: type as FieldSpec['type'],
    ...(len ? { maxLength: Number(len) } : {}),
    ...(required ? { required } : {}),
    ...(ref ? { reference: ref } : {}),
    ...(picklist ? { picklist } : {}),
  };
}

export const specs = (o: Record<string, string>): RecordSpec =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, spec(v)]));
