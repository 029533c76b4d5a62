/**
 * Access tokens issued by the JWT bearer flow: opaque `<orgId15>!<secret>` strings that expire after
 * the token-lifetime knob (or all at once on `expireAll`), after which every call answers 401.
 */
import { randomBytes } from 'node:crypto';

export interface Session {
  token: string;
  userId: string;
  orgId: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
}

export type TokenCheck = { ok: true; session: Session } | { ok: false; reason: 'expired' | 'invalid' };

export class TokenStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly now: () => number,
    private readonly lifetimeMs: () => number,
  ) {}

  issue(userId: string, orgId: string, clientId: string): Session {
    const secret = randomBytes(72).toString('base64').replace(/\+/g, '.').replace(/[/=]/g, '');
    const issuedAt = this.now();
    const session: Session = {
      token: `${orgId.slice(0, 15)}!${secret}`,
      userId,
      orgId,
      clientId,
      issuedAt,
      expiresAt: issuedAt + this.lifetimeMs(),
    };
    this.sessions.set(session.token, session);
    return session;
  }

  check(token: string | undefined): TokenCheck {
    const session = token === undefined ? undefined : this.sessions.get(token);
    if (session === undefined) return { ok: false, reason: 'invalid' };
    if (this.now() >= session.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, session };
  }

  /** Accepts `Bearer <token>` and `OAuth <token>` (jsforce and faye send the latter). */
  checkHeader(header: string | undefined): TokenCheck {
    const m = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header ?? '');
    return this.check(m?.[1]);
  }

  revoke(token: string): boolean {
    return this.sessions.delete(token);
  }

  /** Forced expiry: every token issued so far is now expired. */
  expireAll(): number {
    const now = this.now();
    for (const s of this.sessions.values()) s.expiresAt = Math.min(s.expiresAt, now);
    return this.sessions.size;
  }
}
