/** Field type families across Salesforce describe types, NetSuite XSD types and SuiteQL types. */
export type TypeFamily = 'text' | 'longtext' | 'email' | 'phone' | 'url' | 'number' | 'money' | 'percent' | 'date' | 'datetime' | 'boolean' | 'reference' | 'id' | 'picklist' | 'unknown';

export function typeFamily(t: string): TypeFamily {
  const s = t.toLowerCase().replace(/^(xsd|tns|platformcore|xs):/, '');
  // Salesforce describe and Metadata API names, NetSuite XSD names, SuiteScript field types (N/ui/serverWidget).
  if (['string', 'text', 'char', 'varchar', 'encryptedstring', 'encryptedtext', 'combobox', 'autonumber', 'password'].includes(s)) return 'text';
  if (['textarea', 'longtext', 'longtextarea', 'richtext', 'richtextarea', 'clobtext', 'html', 'inlinehtml', 'help'].includes(s)) return 'longtext';
  if (s === 'email' || s === 'emailaddress' || s === 'mailto') return 'email';
  if (s === 'phone' || s === 'phonenumber') return 'phone';
  if (s === 'url' || s === 'link') return 'url';
  if (['double', 'int', 'integer', 'long', 'float', 'number', 'decimal', 'float8', 'posinteger', 'posfloat', 'rate'].includes(s)) return 'number';
  if (['currency', 'money', 'currency2', 'poscurrency'].includes(s)) return 'money';
  if (s === 'percent') return 'percent';
  if (s === 'date') return 'date';
  if (['datetime', 'datetimetz', 'timestamp', 'timestamptz', 'time', 'timeofday'].includes(s)) return 'datetime';
  if (['boolean', 'checkbox', 'bool'].includes(s)) return 'boolean';
  if (['reference', 'recordref', 'lookup', 'masterdetail', 'externallookup', 'hierarchy', 'listorrecordref', 'customrecordref'].includes(s)) return 'reference';
  if (s === 'id') return 'id';
  if (['picklist', 'multipicklist', 'multiselectpicklist', 'select', 'multiselect', 'radio', 'enum'].includes(s)) return 'picklist';
  return 'unknown';
}

const GROUP: Record<TypeFamily, string> = {
  text: 'text', longtext: 'text', email: 'text', phone: 'text', url: 'text', picklist: 'text',
  number: 'num', money: 'num', percent: 'num', date: 'time', datetime: 'time', boolean: 'bool', reference: 'ref', id: 'ref', unknown: '?',
};

/**
 * How well a value of type `a` fits a field of type `b`, in [0, 1]. 0 means the write would be rejected or
 * meaningless (a date into a checkbox). Text accepts most things, at a discount.
 */
export function typeCompatibility(a: TypeFamily, b: TypeFamily): number {
  if (a === b) return 1;
  if (a === 'unknown' || b === 'unknown') return 0.6;
  const ga = GROUP[a];
  const gb = GROUP[b];
  if (ga === gb) {
    if (ga === 'text') return a === 'longtext' || b === 'longtext' || a === 'picklist' || b === 'picklist' ? 0.85 : 0.6;
    return 0.9;
  }
  const pair = new Set([ga, gb]);
  if (pair.has('ref') && (pair.has('text'))) return 0.7; // ids and names of referenced records travel as text
  if (pair.has('text') && (pair.has('num') || pair.has('time'))) return 0.45;
  // A whole number can be a record's internal id; an amount or a percentage never is.
  if (pair.has('ref') && pair.has('num')) return a === 'money' || b === 'money' || a === 'percent' || b === 'percent' ? 0 : 0.3;
  if (pair.has('bool') && pair.has('text')) return 0.3;
  return 0;
}
