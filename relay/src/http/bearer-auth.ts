import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { UnauthorizedError } from './errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time check of `Authorization: Bearer <token>` against the accepted tokens. */
export function bearerAuth(tokens: readonly string[]): MiddlewareHandler {
  const accepted = tokens.map(digest);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1] || accepted.length === 0) throw new UnauthorizedError();
    const given = digest(match[1]);
    let ok = false;
    for (const a of accepted) ok = timingSafeEqual(a, given) || ok;
    if (!ok) throw new UnauthorizedError('The bearer token is not accepted');
    await next();
  };
}
