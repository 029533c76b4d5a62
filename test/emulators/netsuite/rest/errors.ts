/** REST web services error bodies (reference/netsuite/restlet-samples/rest_webservices_error_*.json). */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
const SECTIONS: Record<number, string> = { 400: '#sec10.4.1', 401: '', 404: '#sec10.4.5', 405: '#sec10.4.6', 409: '#sec10.4.10', 415: '#sec10.4.16', 429: '', 500: '#sec10.5.1', 503: '#sec10.5.4' };

export interface RestErrorBody {
  type: string;
  title: string;
  status: number;
  'o:errorDetails': { detail: string; 'o:errorCode': string; 'o:errorPath'?: string }[];
}

export function restError(status: number, code: string, detail: string, path?: string): RestErrorBody {
  return {
    type: `https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html${SECTIONS[status] ?? ''}`,
    title: TITLES[status] ?? 'Error',
    status,
    'o:errorDetails': [path ? { detail, 'o:errorCode': code, 'o:errorPath': path } : { detail, 'o:errorCode': code }],
  };
}

export const REST_ERRORS = {
  invalidLogin: () =>
    restError(
      401,
      'INVALID_LOGIN',
      'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.',
    ),
  concurrency: () => restError(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.'),
  notFound: () => restError(404, 'NONEXISTENT_ID', 'The record instance does not exist. Provide a valid record instance ID.'),
  unknownType: (type: string) => restError(404, 'INVALID_RCRD_TYPE', `Record type '${type}' does not exist.`),
};
