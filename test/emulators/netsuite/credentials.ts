import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * Credentials of the emulated account: TBA integration records (consumer key/secret), access tokens
 * (token id/secret, revocable), the OAuth 2.0 M2M client with its certificate, the webhook secret,
 * and the nonce cache that makes a (token, timestamp, nonce) usable once. Shared by SOAP, REST and
 * RESTlet endpoints.
 */

export interface TbaToken {
  tokenId: string;
  tokenSecret: string;
  consumerKey: string;
  revoked: boolean;
}

export interface OAuth2Client {
  clientId: string;
  certificateId: string;
  /** PEM of the public key NetSuite holds for the certificate mapping. */
  publicKeyPem: string;
  scopes: string[];
  revoked: boolean;
}

export interface GeneratedSecrets {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  clientId: string;
  certificateId: string;
  privateKeyPem: string;
  publicKeyPem: string;
  webhookSecret: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Fresh random secrets (64-hex like NetSuite's) and an EC P-256 key pair for the M2M certificate (ES256). */
export function generateSecrets(): GeneratedSecrets {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    consumerKey: hex(32),
    consumerSecret: hex(32),
    tokenId: hex(32),
    tokenSecret: hex(32),
    clientId: hex(32),
    certificateId: randomBytes(21).toString('base64url'),
    privateKeyPem: privateKey,
    publicKeyPem: publicKey,
    webhookSecret: hex(32),
  };
}

export class NonceCache {
  private readonly seen = new Map<string, number>();
  constructor(private readonly windowSeconds: number) {}

  /** Records the nonce; false when this (token, timestamp, nonce) was already used. */
  use(tokenId: string, timestamp: number, nonce: string, nowSeconds: number): boolean {
    this.prune(nowSeconds);
    const key = `${tokenId}\u0000${timestamp}\u0000${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, timestamp);
    return true;
  }

  private prune(nowSeconds: number): void {
    if (this.seen.size < 10_000) return;
    for (const [key, ts] of this.seen) if (ts < nowSeconds - 2 * this.windowSeconds) this.seen.delete(key);
  }
}

export class CredentialStore {
  readonly integrations = new Map<string, { consumerSecret: string; enabled: boolean }>();
  readonly tokens = new Map<string, TbaToken>();
  readonly oauth2Clients = new Map<string, OAuth2Client>();
  readonly nonces: NonceCache;
  webhookSecret = '';

  constructor(
    readonly accountId: string,
    /** Allowed |server time − timestamp| in seconds (NetSuite wants NTP-synchronised clocks). */
    readonly maxSkewSeconds = 300,
  ) {
    this.nonces = new NonceCache(maxSkewSeconds);
  }

  static fromSecrets(accountId: string, s: GeneratedSecrets, maxSkewSeconds?: number): CredentialStore {
    const store = new CredentialStore(accountId, maxSkewSeconds);
    store.addIntegration(s.consumerKey, s.consumerSecret);
    store.addToken(s.tokenId, s.tokenSecret, s.consumerKey);
    store.oauth2Clients.set(s.clientId, {
      clientId: s.clientId,
      certificateId: s.certificateId,
      publicKeyPem: s.publicKeyPem,
      scopes: ['restlets', 'rest_webservices'],
      revoked: false,
    });
    store.webhookSecret = s.webhookSecret;
    return store;
  }

  addIntegration(consumerKey: string, consumerSecret: string): void {
    this.integrations.set(consumerKey, { consumerSecret, enabled: true });
  }

  addToken(tokenId: string, tokenSecret: string, consumerKey: string): void {
    this.tokens.set(tokenId, { tokenId, tokenSecret, consumerKey, revoked: false });
  }

  revokeToken(tokenId: string): void {
    const t = this.tokens.get(tokenId);
    if (t) t.revoked = true;
  }

  /** Secrets for a (consumerKey, tokenId) pair when both exist, match and are active. */
  tbaSecrets(consumerKey: string, tokenId: string): { consumerSecret: string; tokenSecret: string } | undefined {
    const integration = this.integrations.get(consumerKey);
    const token = this.tokens.get(tokenId);
    if (!integration?.enabled || !token || token.revoked || token.consumerKey !== consumerKey) return undefined;
    return { consumerSecret: integration.consumerSecret, tokenSecret: token.tokenSecret };
  }
}
