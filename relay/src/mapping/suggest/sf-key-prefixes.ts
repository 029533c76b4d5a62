/**
 * Salesforce record ids begin with a three-character key prefix naming the object (Salesforce Object Reference,
 * "Standard Field Record ID Prefix Decoder"). A reference field's sample ids therefore say which object it points to,
 * whatever the admin named the field ("Hospital" holding 001… ids is an Account). Each prefix maps to what that
 * object is called on the NetSuite side.
 */
export const KEY_PREFIX_MEANINGS: Record<string, { object: string; means: readonly string[] }> = {
  '001': { object: 'Account', means: ['customer'] },
  '003': { object: 'Contact', means: ['contact'] },
  '005': { object: 'User', means: ['owner'] },
  '006': { object: 'Opportunity', means: ['opportunity'] },
  '00Q': { object: 'Lead', means: ['lead'] },
  '01t': { object: 'Product2', means: ['item'] },
  '01s': { object: 'Pricebook2', means: ['price level'] },
  '500': { object: 'Case', means: ['support case'] },
  '701': { object: 'Campaign', means: ['campaign'] },
  '800': { object: 'Contract', means: ['contract'] },
  '801': { object: 'Order', means: ['sales order'] },
  '0Q0': { object: 'Quote', means: ['estimate'] },
  '02i': { object: 'Asset', means: ['asset'] },
  '131': { object: 'Location', means: ['location'] },
  '0Hn': { object: 'ServiceResource', means: ['employee'] },
};

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The object most of the samples point to, when they are Salesforce ids with a known prefix. */
export function referencedObject(samples: readonly string[] | undefined): { object: string; means: readonly string[] } | undefined {
  const ids = (samples ?? []).map((s) => s.trim()).filter((s) => SALESFORCE_ID.test(s));
  if (!ids.length || ids.length < (samples ?? []).filter((s) => s.trim()).length / 2) return undefined;
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id.slice(0, 3), (counts.get(id.slice(0, 3)) ?? 0) + 1);
  const [prefix] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return KEY_PREFIX_MEANINGS[prefix];
}
