export { createSoapNetSuitePort, SoapNetSuiteClient, type SoapClientOptions } from './client.js';
export {
  accountDomainLabel,
  soapConfigFromEnv,
  soapEndpoint,
  type NetSuiteSoapEnv,
  type SoapConnectorConfig,
} from './config.js';
export { SOAP_LIMITS, type SoapLimits } from './requests.js';
export { inspectResponse, type ResponseSummary } from './inspect.js';
export { parseEnvelope, type SoapResponse } from './response.js';
export {
  createTokenPassport,
  generateNonce,
  normalizeAccountId,
  signTokenPassport,
  tokenPassportBaseString,
  type TbaCredentials,
  type TokenPassport,
} from './token-passport.js';
export { localLimiter, pipelineLimiter, type RequestLimiter } from './transport.js';
