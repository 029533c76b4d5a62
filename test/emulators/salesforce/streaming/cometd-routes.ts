import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { BayeuxErrors, MAX_REQUEST_BYTES } from './bayeux-errors.js';
import { BayeuxServer, type Authenticate, type BayeuxReply, type StreamingKnobs } from './bayeux-server.js';
import type { EventBus } from './event-bus.js';

export interface CometdOptions {
  bus: EventBus;
  /** Checks the `Authorization` header (`Bearer <token>` or `OAuth <token>`) of every POST. */
  authenticate: Authenticate;
  /** Live, mutable knobs (read on every request). */
  knobs?: StreamingKnobs;
  /** Clock for session expiry (defaults to Date.now). Hold times use real timers. */
  now?: () => number;
}

export interface CometdServer {
  /** Mount at `/cometd`: serves `POST /cometd/NN.0`. */
  routes: Hono;
  /** Forgets every client now (their next call gets `403::Unknown client`); returns how many. */
  dropSessions(): number;
  /** Live clients, for introspection in tests. */
  clients(): { clientId: string; userId: string; orgId: string; subscriptions: Record<string, number> }[];
  /** Stops listening to the bus (held connects are answered). */
  close(): void;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const MIN_API_VERSION = 37;

/** Salesforce's CometD endpoint: Bayeux 1.0 over long-polling only, with the replay extension. */
export function createCometdServer(opts: CometdOptions): CometdServer {
  const server = new BayeuxServer(opts.bus, opts.authenticate, opts.knobs ?? {}, opts.now ?? Date.now);
  const stopDropListener = opts.bus.onSessionDrop(() => server.registry.dropAll());
  const routes = new Hono();

  const handle = async (c: Context, version: string | undefined) => {
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > MAX_REQUEST_BYTES) return c.text('Maximum Request Size Exceeded', 413);
    const text = await c.req.text();
    if (Buffer.byteLength(text) > MAX_REQUEST_BYTES) return c.text('Maximum Request Size Exceeded', 413);
    let body: unknown;
    try {
      body = parseBody(text, c.req.header('content-type'));
    } catch {
      return reply(c, [{ channel: null, error: BayeuxErrors.invalidJson, successful: false }], 400);
    }
    if (!Array.isArray(body)) {
      return reply(c, [{ channel: null, error: BayeuxErrors.bareObject, successful: false }], 400);
    }
    const replies = await server.handleBatch(body, {
      versionError: versionError(version),
      authorization: c.req.header('authorization'),
      signal: c.req.raw.signal,
    });
    if (replies.some((r) => r.channel === '/meta/handshake' && r.successful === true) && !hasBrowserCookie(c)) {
      const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
      // Salesforce marks it Secure; over plain http that would make clients (faye, tough-cookie) drop it.
      c.header('Set-Cookie', `BAYEUX_BROWSER=${randomBytes(12).toString('base64url')}; Path=/cometd/; HttpOnly${secure ? '; Secure' : ''}`);
    }
    return reply(c, replies, 200);
  };

  routes.post('/', (c) => handle(c, undefined));
  routes.post('/:version', (c) => handle(c, c.req.param('version')));
  // Salesforce serves long-polling only: a WebSocket upgrade is refused (never 101).
  routes.get('/*', (c) =>
    c.req.header('upgrade')?.toLowerCase() === 'websocket'
      ? c.text('WebSocket transport is not supported; use long-polling', 400)
      : c.text('Method Not Allowed', 405),
  );

  return {
    routes,
    dropSessions: () => server.registry.dropAll(),
    clients: () =>
      server.registry.all().map((cl) => ({
        clientId: cl.id,
        userId: cl.userId,
        orgId: cl.orgId,
        subscriptions: Object.fromEntries(cl.subscriptions),
      })),
    close: () => {
      stopDropListener();
      server.registry.dropAll();
    },
  };
}

/** The contract form: just the Hono app to mount at `/cometd`. */
export function cometdRoutes(opts: CometdOptions): Hono {
  return createCometdServer(opts).routes;
}

function reply(c: Context, messages: BayeuxReply[], status: 200 | 400) {
  return c.body(JSON.stringify(messages), status, { 'Content-Type': JSON_TYPE });
}

/** JSON, or url-encoded `message=<json>` as the Bayeux spec (and Salesforce docs) allow. */
function parseBody(text: string, contentType: string | undefined): unknown {
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const message = new URLSearchParams(text).get('message');
    if (message === null) throw new SyntaxError('no message parameter');
    return JSON.parse(message);
  }
  return JSON.parse(text);
}

function versionError(version: string | undefined): string | undefined {
  if (version === undefined || !/^\d+\.0$/.test(version)) return BayeuxErrors.versionMandatory;
  return Number(version) < MIN_API_VERSION ? BayeuxErrors.versionUnsupported : undefined;
}

function hasBrowserCookie(c: Context): boolean {
  return /(?:^|;\s*)BAYEUX_BROWSER=/.test(c.req.header('cookie') ?? '');
}
