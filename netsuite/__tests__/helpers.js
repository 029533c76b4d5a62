// Shared wiring of Oracle's N/ stubs for the script tests (jest.mock is called by each test file).
import error from 'N/error';
import query from 'N/query';
import runtime from 'N/runtime';
import Script from 'N/runtime/script';

/** error.create builds a real Error whose name is the SuiteScript error code, like NetSuite does. */
export function realErrors() {
  error.create.mockImplementation(({ name, message }) => Object.assign(new Error(message), { name }));
}

/** runtime.getCurrentScript() with parameters and a usage budget that `spend(n)` lowers. */
export function scriptWith({ parameters = {}, usage = 5000 } = {}) {
  let remaining = usage;
  runtime.getCurrentScript.mockReturnValue(Script);
  Script.getParameter.mockImplementation(({ name }) => parameters[name] ?? null);
  Script.getRemainingUsage.mockImplementation(() => remaining);
  return { spend: (n) => (remaining -= n), remaining: () => remaining };
}

/** query.runSuiteQL answers from `answer(sql, params)`, recording each statement. */
export function suiteqlWith(answer) {
  const calls = [];
  query.runSuiteQL.mockImplementation(({ query: sql, params }) => {
    calls.push({ sql, params });
    return { asMappedResults: () => answer(sql, params) };
  });
  return calls;
}
