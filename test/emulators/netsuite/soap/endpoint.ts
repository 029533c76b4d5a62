import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { CredentialStore } from '../credentials.js';
import type { Governance, Permit } from '../governance.js';
import type { AccountState } from '../state/account.js';
import { validateEnvelope } from '../xsd/index.js';
import type { SchemaSet } from '../xsd/model.js';
import { faults, isSoapFault, SoapFault } from './faults.js';
import type { Operation, OperationContext } from './operations/context.js';
import { readOperations } from './operations/read.js';
import { searchOperations } from './operations/search.js';
import { writeOperations } from './operations/write.js';
import { verifyPassport } from './passport.js';
import { readEnvelope, readPassport, readPreferences, readSearchPreferences } from './request.js';
import type { SearchSessions } from './search-sessions.js';
import { newNsId, renderFault, renderResponse } from './writer.js';

export const OPERATIONS: Record<string, Operation> = { ...writeOperations, ...readOperations, ...searchOperations };

export interface SoapLimits {
  /** Request size cap in bytes (NetSuite: 100 MB) → ExceededRequestSizeFault. */
  maxBodyBytes: number;
  /** Check every response against the XSDs before sending (a failure becomes UnexpectedErrorFault and is recorded). */
  validateResponses: boolean;
  /** Fault code for login failures: INVALID_LOGIN_CREDENTIALS (XSD enum, default) or INVALID_LOGIN_ATTEMPT (reported). */
  loginFaultCode: string;
}

export interface SoapEndpointDeps {
  schemas: SchemaSet;
  account: AccountState;
  governance: Governance;
  credentials: CredentialStore;
  searches: SearchSessions;
  clock: () => Date;
  limits: SoapLimits;
  /** Problems the emulator found in itself (invalid responses, internal errors); tests assert it stays empty. */
  problems: string[];
  /** Why logins failed, newest last (never sent to clients). */
  loginFailures: string[];
}

/** Operations NetSuite answers without credentials (called before choosing the domain). */
const ANONYMOUS = new Set(['getDataCenterUrls']);

const XML = { 'Content-Type': 'text/xml; charset=utf-8' };

function send(c: Context, deps: SoapEndpointDeps, body: string, status: 200 | 500): Response {
  if (deps.limits.validateResponses) {
    const check = validateEnvelope(body, deps.schemas);
    if (!check.valid) {
      deps.problems.push(`invalid response: ${JSON.stringify(check.errors.slice(0, 3))}`);
      return c.body(renderFault(faults.unexpected(), '2023_2'), 500, XML);
    }
  }
  return c.body(body, status, XML);
}

function fault(c: Context, deps: SoapEndpointDeps, f: SoapFault, version: string): Response {
  if (f.httpStatus !== 500) return c.body(renderFault(f, version), f.httpStatus as 500, XML);
  return send(c, deps, renderFault(f, version), 500);
}

/** Runs one SOAP request through NetSuite's gates, in order. */
async function handle(c: Context, deps: SoapEndpointDeps, pathVersion: string): Promise<Response> {
  const xml = await c.req.text();
  const req = readEnvelope(xml);
  if (req.version !== pathVersion) {
    throw faults.invalidVersion(
      `The namespace version ${req.version} does not match the endpoint NetSuitePort_${pathVersion}.`,
    );
  }
  const opName = req.operation.local;
  const soapAction = (c.req.header('SOAPAction') ?? '').trim().replace(/^"|"$/g, '');
  if (soapAction !== '' && soapAction !== opName) {
    throw faults.client(`The SOAPAction "${soapAction}" does not match the operation ${opName} in the body.`);
  }
  const check = validateEnvelope(xml, deps.schemas);
  if (!check.valid) throw faults.sax(check.errors[0]?.message ?? 'invalid request');
  const passport = readPassport(req.header);
  let tokenId = '';
  if (passport || !ANONYMOUS.has(opName)) {
    if (!passport) throw faults.loginRequired();
    const login = verifyPassport(passport, deps.credentials, deps.clock());
    if (!login.ok) {
      deps.loginFailures.push(login.reason);
      throw faults.invalidLogin(deps.limits.loginFaultCode);
    }
    tokenId = login.tokenId;
  }
  const operation = OPERATIONS[opName];
  if (!operation) throw faults.unsupportedOperation(opName);

  const permit: Permit | undefined = deps.governance.tryAcquire('soap');
  if (!permit) throw faults.concurrency();
  try {
    const injected = deps.governance.drawFault();
    if (injected === 'concurrency') throw faults.concurrency();
    if (injected === 'timeout') {
      await deps.governance.hold();
      return c.text('Gateway Timeout', 504);
    }
    if (injected === '5xx') {
      if (deps.governance.random() < 0.5) throw faults.unexpected();
      return c.html('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>', 503);
    }
    const ctx: OperationContext = {
      schemas: deps.schemas,
      account: deps.account,
      governance: deps.governance,
      searches: deps.searches,
      version: req.version,
      tokenId,
      baseUrl: new URL(c.req.url).origin,
      preferences: readPreferences(req.header),
      searchPreferences: readSearchPreferences(req.header),
      lockInjected: injected === 'lock',
    };
    const body = await operation(ctx, req.operation);
    const nsId = newNsId(deps.account.accountId, deps.clock());
    return send(
      c,
      deps,
      renderResponse({ schemas: deps.schemas, version: req.version, operation: opName, body, nsId }),
      200,
    );
  } finally {
    permit.release();
  }
}

/** Hono routes for `POST /services/NetSuitePort_YYYY_N`. */
export function soapRoutes(deps: SoapEndpointDeps): Hono {
  const app = new Hono();
  app.post('/services/:port', async (c, next) => {
    const m = /^NetSuitePort_(\d{4}_\d)$/.exec(c.req.param('port'));
    if (!m) return c.text('Not Found', 404);
    const version = m[1]!;
    const limit = bodyLimit({
      maxSize: deps.limits.maxBodyBytes,
      onError: (cc) => fault(cc, deps, faults.requestSize(deps.limits.maxBodyBytes), version),
    });
    let response: Response | undefined;
    await limit(c, async () => {
      try {
        response = await handle(c, deps, version);
      } catch (e) {
        if (isSoapFault(e)) {
          response = fault(c, deps, e, version);
          return;
        }
        deps.problems.push(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        response = fault(c, deps, faults.unexpected(), version);
      }
    });
    void next;
    return response ?? fault(c, deps, faults.requestSize(deps.limits.maxBodyBytes), version);
  });
  return app;
}
