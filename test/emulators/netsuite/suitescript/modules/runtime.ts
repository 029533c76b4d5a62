import { Execution, options, type HostObject } from '../execution.js';

const CONTEXT_TYPES = {
  RESTLET: 'RESTLET',
  USER_EVENT: 'USEREVENT',
  USER_INTERFACE: 'USERINTERFACE',
  WEBSERVICES: 'WEBSERVICES',
  REST_WEBSERVICES: 'RESTWEBSERVICES',
  SCHEDULED: 'SCHEDULED',
  SUITELET: 'SUITELET',
};

/** N/runtime: the current script (parameters, remaining usage), execution context and user. */
export function runtimeModule() {
  return (exec: Execution): HostObject => ({
    label: 'N/runtime',
    props: () => ({ executionContext: exec.info.executionContext, ContextType: CONTEXT_TYPES, accountId: undefined, version: '2025.2' }),
    methods: {
      getCurrentScript: () =>
        exec.register({
          label: 'runtime.Script',
          props: () => ({ id: exec.info.scriptId, deploymentId: exec.info.deploymentId, logLevel: 'DEBUG' }),
          methods: {
            getParameter: (...a) => {
              const name = String(options(a, 'getParameter').name ?? '');
              return exec.info.parameters[name] ?? null;
            },
            getRemainingUsage: () => exec.usage.remaining,
          },
        }),
      getCurrentUser: () =>
        exec.register({
          label: 'runtime.User',
          props: () => ({ id: -5, name: 'Admin User', role: 3, roleId: 'administrator', email: 'admin@example.com' }),
          methods: {},
        }),
    },
  });
}
