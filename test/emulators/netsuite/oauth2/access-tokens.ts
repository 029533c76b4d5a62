import { randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_SECONDS = 3600;

export interface IssuedToken {
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

export type BearerCheck = { ok: true; clientId: string } | { ok: false; reason: string };

/** Access tokens minted by the M2M token endpoint: 60 minutes, no refresh token. */
export class AccessTokens {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(clientId: string, scopes: string[], nowMs: number): { token: string; expiresIn: number } {
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, { clientId, scopes, expiresAt: nowMs + ACCESS_TOKEN_SECONDS * 1000 });
    for (const [t, v] of this.tokens) if (v.expiresAt <= nowMs) this.tokens.delete(t);
    return { token, expiresIn: ACCESS_TOKEN_SECONDS };
  }

  /** Checks `Authorization: Bearer <token>` for a scope (`restlets`, `rest_webservices`). */
  verify(token: string, scope: string, nowMs: number): BearerCheck {
    const t = this.tokens.get(token);
    if (!t) return { ok: false, reason: 'unknown access token' };
    if (t.expiresAt <= nowMs) return { ok: false, reason: 'access token expired' };
    if (!t.scopes.includes(scope)) return { ok: false, reason: `token lacks the ${scope} scope` };
    return { ok: true, clientId: t.clientId };
  }

  /** Revokes every token of a client (a revoked certificate mapping). */
  revokeClient(clientId: string): void {
    for (const [t, v] of this.tokens) if (v.clientId === clientId) this.tokens.delete(t);
  }
}
