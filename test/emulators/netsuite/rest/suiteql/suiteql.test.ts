import { beforeEach, describe, expect, it } from 'vitest';
import { AccountState } from '../../state/account.js';
import { SuiteQlError } from './ast.js';
import { runSuiteQl } from './engine.js';
import { parseSuiteQl } from './parser.js';

function seeded(): AccountState {
  const state = new AccountState({ clock: () => new Date('2026-11-26T12:00:00Z') });
  const sub = { internalId: '1' };
  state.add('inventoryItem', { itemId: 'WIDGET', displayName: 'Widget', subsidiaryList: { recordRef: [sub] } } as never);
  state.add('customer', { companyName: "O'Brien Ltd", externalId: 'SF-1', subsidiary: sub, email: 'a@x.com' });
  state.add('customer', { companyName: 'Acme', externalId: 'SF-2', subsidiary: sub, isInactive: true });
  state.add('customer', { companyName: 'Zeta', subsidiary: sub });
  return state;
}

describe('SuiteQL subset', () => {
  let state: AccountState;
  beforeEach(() => {
    state = seeded();
  });

  it('filters, orders and names columns like NetSuite', () => {
    const r = runSuiteQl("SELECT c.id, c.companyname AS name FROM customer c WHERE c.isinactive = 'F' ORDER BY c.companyname DESC", state);
    expect(r.columns).toEqual(['id', 'name']);
    expect(r.rows.map((x) => x.name)).toEqual(['Zeta', "O'Brien Ltd"]);
    expect(typeof r.rows[0]!.id).toBe('number');
  });

  it("reads quoted strings with '' escapes and binds ? parameters", () => {
    expect(runSuiteQl("SELECT externalid FROM customer WHERE companyname = 'O''Brien Ltd'", state).rows).toEqual([{ externalid: 'SF-1' }]);
    expect(runSuiteQl('SELECT companyname FROM customer WHERE externalid IN (?, ?) ORDER BY id', state, ['SF-2', 'SF-1']).rows).toEqual([
      { companyname: "O'Brien Ltd" },
      { companyname: 'Acme' },
    ]);
  });

  it('treats NULL with three-valued logic', () => {
    expect(runSuiteQl('SELECT companyname FROM customer WHERE externalid IS NULL', state).rows).toEqual([{ companyname: 'Zeta' }]);
    expect(runSuiteQl("SELECT companyname FROM customer WHERE externalid != 'SF-1'", state).rows).toEqual([{ companyname: 'Acme' }]);
    expect(runSuiteQl("SELECT companyname FROM customer WHERE NOT (externalid = 'SF-1')", state).rows).toEqual([{ companyname: 'Acme' }]);
  });

  it('formats and compares dates with TO_CHAR and TO_TIMESTAMP', () => {
    const r = runSuiteQl(
      "SELECT TO_CHAR(lastmodifieddate, 'YYYY-MM-DD\"T\"HH24:MI:SS') AS modified, lastmodifieddate FROM customer " +
        "WHERE lastmodifieddate >= TO_TIMESTAMP('2026-11-26 00:00:00', 'YYYY-MM-DD HH24:MI:SS') FETCH FIRST 1 ROWS ONLY",
      state,
    );
    expect(r.rows).toEqual([{ modified: '2026-11-26T12:00:00', lastmodifieddate: '11/26/2026' }]);
  });

  it('supports LIKE, BETWEEN and DISTINCT', () => {
    expect(runSuiteQl("SELECT companyname FROM customer WHERE UPPER(companyname) LIKE '%ACM_'", state).rows).toHaveLength(1);
    expect(runSuiteQl('SELECT companyname FROM customer WHERE id BETWEEN 0 AND 100000 ORDER BY id', state).rows).toHaveLength(3);
    expect(runSuiteQl('SELECT DISTINCT isinactive FROM customer ORDER BY isinactive', state).rows).toEqual([{ isinactive: 'F' }, { isinactive: 'T' }]);
  });

  it.each([
    ['SELECT nosuch FROM customer', /Field 'nosuch' for record 'customer' was not found/],
    ['SELECT id FROM nosuch', /Record 'nosuch' was not found/],
    ['SELECT id FROM customer c JOIN contact k ON k.company = c.id', /JOIN is not supported/],
    ['SELECT id FROM customer WHERE id IN (SELECT id FROM contact)', /Sub-queries are not supported/],
    ["SELECT id FROM customer WHERE companyname = 'unterminated", /Unterminated string/],
    ['SELECT id FROM customer WHERE', /Expected a column, a value or a function but found the end/],
    ['SELECT id, FROM customer', /Expected a column/],
    ['DELETE FROM customer', /Expected SELECT/],
    ["SELECT id FROM customer WHERE lastmodifieddate > '2026-01-01'", /date can only be compared with a date/],
    ['SELECT SUBSTR(companyname, 1) FROM customer', /SUBSTR is not supported/],
  ])('rejects %s', (sql, message) => {
    expect(() => runSuiteQl(sql, state)).toThrow(SuiteQlError);
    expect(() => runSuiteQl(sql, state)).toThrow(message);
  });

  it('counts parameters and refuses a mismatch', () => {
    expect(parseSuiteQl('SELECT id FROM customer WHERE id = ? OR externalid = ?').paramCount).toBe(2);
    expect(() => runSuiteQl('SELECT id FROM customer WHERE id = ?', state, [])).toThrow(/1 parameter\(s\) but 0/);
  });
});
