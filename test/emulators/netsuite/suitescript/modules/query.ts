import type { AccountState } from '../../state/account.js';
import { runSuiteQl } from '../../rest/suiteql/engine.js';
import { SuiteQlError } from '../../rest/suiteql/ast.js';
import { Execution, options, required, ScriptError, type HostObject } from '../execution.js';

export const SUITEQL_UNITS = 10;
/** runSuiteQL returns at most 5,000 rows; larger results need runSuiteQLPaged. */
export const SUITEQL_MAX_ROWS = 5000;

/** N/query: runSuiteQL over the emulator's SuiteQL subset. The query builder API fails loudly. */
export function queryModule(state: AccountState) {
  return (exec: Execution): HostObject => ({
    label: 'N/query',
    methods: {
      runSuiteQL: (...a) => {
        const o = options(a, 'query.runSuiteQL');
        const sql = String(required(o, 'query', 'query.runSuiteQL'));
        const params = o.params === undefined ? [] : o.params;
        if (!Array.isArray(params)) throw new ScriptError('SSS_INVALID_TYPE_ARG', 'query.runSuiteQL: params must be an array');
        exec.usage.spend(SUITEQL_UNITS, 'query.runSuiteQL');
        let result;
        try {
          result = runSuiteQl(sql, state, params);
        } catch (e) {
          if (e instanceof SuiteQlError) throw new ScriptError('SSS_SEARCH_ERROR_OCCURRED', `Search error occurred: ${e.message}`);
          throw e;
        }
        const rows = result.rows.slice(0, SUITEQL_MAX_ROWS);
        return exec.register({
          label: 'query.ResultSet',
          props: () => ({ types: [], columns: result.columns.map((c) => ({ label: c, fieldId: c })) }),
          methods: {
            asMappedResults: () => rows,
            // results: each Result has .values in column order.
            results: () => rows.map((r) => ({ values: result.columns.map((c) => r[c] ?? null) })),
          },
        });
      },
    },
  });
}
