/**
 * Setup records the emulator does not store as full records but that references may point to
 * (subsidiaries, currencies, GL accounts, terms...). A reference to a key missing here fails with
 * INVALID_KEY_OR_REF, like a reference to a missing record. Seeds may extend these lists.
 */
export type SetupListName =
  'subsidiary' | 'currency' | 'account' | 'term' | 'department' | 'classification' | 'location';

export type SetupLists = Record<SetupListName, Record<string, string>>;

export function defaultSetupLists(): SetupLists {
  return {
    subsidiary: { '1': 'Parent Company', '2': 'Honeycomb Mfg.', '3': 'Honeycomb Holdings Inc.' },
    currency: { '1': 'USA', '2': 'British pound', '3': 'Canadian Dollar', '4': 'Euro' },
    account: {
      '1': 'Checking',
      '6': 'Accounts Receivable',
      '25': 'Accounts Payable',
      '54': 'Sales',
      '58': 'Cost of Goods Sold',
      '67': 'Office Expenses',
      '122': 'Undeposited Funds',
    },
    term: { '1': 'Net 15', '2': 'Net 30', '3': 'Net 60', '4': 'Due on receipt' },
    department: { '1': 'Sales', '2': 'Operations' },
    classification: { '1': 'Retail', '2': 'Wholesale' },
    location: { '1': 'Main Warehouse', '2': 'East Coast' },
  };
}

/** Days to the due date for each term (used to derive dueDate and overdue balances). */
export const TERM_DAYS: Record<string, number> = { '1': 15, '2': 30, '3': 60, '4': 0 };
