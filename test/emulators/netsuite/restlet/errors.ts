/** RESTlet error bodies: `{"error":{"code","message"}}` (reference/netsuite/restlet-samples). */
export const restletError = (code: string, message: string) => ({ error: { code, message } });

export const RESTLET_ERRORS = {
  invalidLogin: () => restletError('INVALID_LOGIN_ATTEMPT', 'Invalid login attempt.'),
  invalidScriptlet: () => restletError('SSS_INVALID_SCRIPTLET_ID', 'That Suitelet is invalid, disabled, or no longer exists.'),
  requestLimit: () => restletError('SSS_REQUEST_LIMIT_EXCEEDED', 'Request limit exceeded'),
};
