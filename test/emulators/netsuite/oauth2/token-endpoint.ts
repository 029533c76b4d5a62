import { Hono } from 'hono';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import type { CredentialStore } from '../credentials.js';
import { AccessTokens, ACCESS_TOKEN_SECONDS } from './access-tokens.js';

export const TOKEN_PATH = '/services/rest/auth/oauth2/v1/token';
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Algorithms NetSuite accepts for the client assertion (RS256 is not among them). */
export const ACCEPTED_ALGORITHMS = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
const SCOPES = ['restlets', 'rest_webservices', 'suite_analytics'];

export interface TokenEndpointDeps {
  credentials: CredentialStore;
  tokens: AccessTokens;
  now?: () => Date;
  /** Why the last request was refused (the wire answer is only the OAuth error code). */
  onReject?: (reason: string) => void;
}

type Refusal = { error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope'; reason: string; status?: 400 | 401 };

/**
 * OAuth 2.0 client credentials (M2M): `POST /services/rest/auth/oauth2/v1/token` with a JWT client
 * assertion signed by the key of the certificate mapped to the client. Header: typ JWT, alg in
 * ACCEPTED_ALGORITHMS, kid = certificate id. Claims: iss = client id, scope (comma list), aud = this
 * endpoint's URL, iat, exp less than 60 minutes after iat (Oracle "The Request Token Structure"). Answers a 60-minute Bearer token, no refresh.
 */
export function tokenEndpoint(deps: TokenEndpointDeps): Hono {
  const now = deps.now ?? (() => new Date());
  const app = new Hono();

  const mint = async (form: URLSearchParams, audience: string): Promise<Refusal | { clientId: string; scopes: string[] }> => {
    if (form.get('grant_type') !== 'client_credentials') return { error: 'unsupported_grant_type', reason: `grant_type ${form.get('grant_type')}` };
    if (form.get('client_assertion_type') !== JWT_BEARER) return { error: 'invalid_request', reason: 'client_assertion_type must be jwt-bearer' };
    const assertion = form.get('client_assertion');
    if (!assertion) return { error: 'invalid_request', reason: 'client_assertion missing' };
    let header;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      return { error: 'invalid_request', reason: 'client_assertion is not a JWT' };
    }
    if (header.typ !== undefined && header.typ !== 'JWT') return { error: 'invalid_request', reason: `typ ${header.typ}` };
    if (!header.alg || !(ACCEPTED_ALGORITHMS as readonly string[]).includes(header.alg)) {
      return { error: 'invalid_request', reason: `alg ${header.alg} is not accepted` };
    }
    const client = [...deps.credentials.oauth2Clients.values()].find((c) => c.certificateId === header.kid && !c.revoked);
    if (!client) return { error: 'invalid_client', reason: `no active certificate mapping ${String(header.kid)}`, status: 401 };
    let payload;
    try {
      const key = await importSPKI(client.publicKeyPem, header.alg);
      ({ payload } = await jwtVerify(assertion, key, {
        algorithms: [...ACCEPTED_ALGORITHMS],
        issuer: client.clientId,
        audience,
        currentDate: now(),
        clockTolerance: 60,
        requiredClaims: ['iss', 'scope', 'aud', 'iat', 'exp'],
      }));
    } catch (e) {
      return { error: 'invalid_grant', reason: `assertion rejected: ${(e as Error).message}` };
    }
    if (Number(payload.exp) - Number(payload.iat) >= ACCESS_TOKEN_SECONDS) return { error: 'invalid_grant', reason: 'exp must be less than 60 minutes after iat' };
    const raw = payload.scope;
    const scopes = (Array.isArray(raw) ? raw.map(String) : String(raw).split(/[,\s]+/)).filter(Boolean);
    if (scopes.length === 0 || scopes.some((s) => !SCOPES.includes(s))) return { error: 'invalid_scope', reason: `scope ${String(raw)}` };
    if (scopes.some((s) => !client.scopes.includes(s))) return { error: 'invalid_scope', reason: `client may not use scope ${String(raw)}` };
    return { clientId: client.clientId, scopes };
  };

  app.post(TOKEN_PATH, async (c) => {
    if (!/^application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? '')) {
      deps.onReject?.('content type must be application/x-www-form-urlencoded');
      return c.json({ error: 'invalid_request' }, 400);
    }
    const form = new URLSearchParams(await c.req.text());
    const url = new URL(c.req.url);
    const result = await mint(form, `${url.origin}${url.pathname}`);
    if ('error' in result) {
      deps.onReject?.(result.reason);
      return c.json({ error: result.error }, result.status ?? 400);
    }
    const { token, expiresIn } = deps.tokens.issue(result.clientId, result.scopes, now().getTime());
    return c.json({ access_token: token, expires_in: String(expiresIn), token_type: 'Bearer' });
  });
  return app;
}
