import { createPrivateKey } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { netSuiteErrorFrom, NetSuiteError } from '../errors.js';

/** Algorithms NetSuite accepts for the client assertion (PROTOCOL-NOTES addendum; RS256 is refused). */
export type AssertionAlgorithm = 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512';
export type OAuth2Scope = 'restlets' | 'rest_webservices' | 'suite_analytics';

export interface OAuth2TokenProviderOptions {
  /** `https://<account>.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token` (also the JWT aud). */
  tokenUrl: string;
  /** NS_CLIENT_ID: the integration record's client id (JWT iss). */
  clientId: string;
  /** NS_CERTIFICATE_ID: the certificate id of the M2M mapping (JWT kid). */
  certificateId: string;
  /** NS_PRIVATE_KEY: PKCS#8 PEM of the certificate's key (EC P-256/384/521 or RSA). */
  privateKeyPem: string;
  scopes?: OAuth2Scope[];
  /** Default: ES256/384/512 for EC keys by curve, PS256 for RSA. */
  algorithm?: AssertionAlgorithm;
  /** Re-mint this long before expiry (default 5 minutes). */
  refreshBeforeMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface TokenProvider {
  /** A valid access token, minting a new one when none is cached or it is about to expire. */
  getToken(): Promise<string>;
  /** Forget the cached token (after a 401 with it). */
  invalidate(): void;
}

function algorithmFor(pem: string): AssertionAlgorithm {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : 'ES256';
  }
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') return 'PS256';
  throw new Error(
    `NS_PRIVATE_KEY: unsupported key type ${key.asymmetricKeyType}; NetSuite accepts EC or RSA keys (PS*/ES*)`,
  );
}

/**
 * OAuth 2.0 client credentials (machine to machine) for NetSuite: signs a JWT assertion with the
 * certificate's private key, trades it for a 60-minute access token (there is no refresh token) and
 * re-mints before expiry. Concurrent callers share one in-flight mint.
 */
export function createOAuth2TokenProvider(opts: OAuth2TokenProviderOptions): TokenProvider {
  const now = opts.now ?? Date.now;
  const doFetch = opts.fetch ?? fetch;
  const algorithm = opts.algorithm ?? algorithmFor(opts.privateKeyPem);
  const scopes = opts.scopes ?? ['restlets', 'rest_webservices'];
  const refreshBefore = opts.refreshBeforeMs ?? 5 * 60_000;
  let keyPromise: ReturnType<typeof importPKCS8> | undefined;
  let cached: { token: string; expiresAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const mint = async (): Promise<string> => {
    keyPromise ??= importPKCS8(opts.privateKeyPem, algorithm);
    const iat = Math.floor(now() / 1000);
    const assertion = await new SignJWT({ scope: scopes.join(',') })
      .setProtectedHeader({ alg: algorithm, typ: 'JWT', kid: opts.certificateId })
      .setIssuer(opts.clientId)
      .setAudience(opts.tokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3000)
      .sign(await keyPromise);
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
    let res: Response;
    try {
      res = await doFetch(opts.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
    } catch (e) {
      throw new NetSuiteError({
        code: 'NS_UNAVAILABLE',
        message: `OAuth 2.0 token endpoint unreachable: ${(e as Error).message}`,
        cause: e,
      });
    }
    const text = await res.text();
    let json: { access_token?: unknown; expires_in?: unknown; error?: unknown } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      /* handled below */
    }
    if (!res.ok || typeof json.access_token !== 'string') {
      const error = typeof json.error === 'string' ? json.error : `HTTP ${res.status}`;
      throw netSuiteErrorFrom({
        nsCode: res.status === 400 || res.status === 401 ? 'INVALID_LOGIN' : undefined,
        message: `OAuth 2.0 token request refused: ${error}`,
        httpStatus: res.status,
      });
    }
    const expiresIn = Number(json.expires_in ?? 3600);
    cached = { token: json.access_token, expiresAt: now() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000 };
    return json.access_token;
  };

  return {
    async getToken() {
      if (cached && cached.expiresAt - refreshBefore > now()) return cached.token;
      inFlight ??= mint().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
