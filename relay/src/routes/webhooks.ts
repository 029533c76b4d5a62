import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { zValidator } from '@hono/zod-validator';
import { AppError, ValidationError } from '../http/errors.js';
import type { Logger } from '../logging/logger.js';
import type { InboxPort } from '../pipeline/inbox-port.js';
import { changeKey, netSuiteChangeSchema } from '../webhooks/payload.js';
import { ReplayGuard } from '../webhooks/replay-guard.js';
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifySignature } from '../webhooks/signature.js';

export interface WebhookRoutesDeps {
  /** NS_WEBHOOK_SECRET: the HMAC key shared with the change-notifier script. */
  secret: string;
  inbox: InboxPort;
  logger: Logger;
  /** Clock (ms since epoch); injectable for tests. */
  now?: () => number;
  toleranceSeconds?: number;
  /** Largest accepted body in bytes (default 256 KiB; a change notification is a few KiB). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

type Vars = { Variables: { signature: string } };

/**
 * `POST /netsuite` (mount at `/webhooks`): the change notifications of the User Event script.
 * Checks, in order: JSON content type (415), size (413), HMAC signature and 5-minute window (401),
 * replay (409), JSON (400), schema (400); then appends to the inbox and only then answers 202.
 */
export function webhookRoutes(deps: WebhookRoutesDeps): Hono<Vars> {
  if (!deps.secret) throw new Error('webhookRoutes needs a secret (NS_WEBHOOK_SECRET)');
  const now = deps.now ?? Date.now;
  const tolerance = deps.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const maxBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const guard = new ReplayGuard(tolerance * 1000, now);
  const app = new Hono<Vars>();

  app.post(
    '/netsuite',
    async (c, next) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json(\s*;|$)/i.test(type)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json, not ${JSON.stringify(type)}.`, 415);
      }
      await next();
    },
    bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `The webhook body is larger than ${maxBytes} bytes.`, 413);
      },
    }),
    async (c, next) => {
      const rawBody = await c.req.text();
      const { signature } = verifySignature({
        secret: deps.secret,
        header: c.req.header(SIGNATURE_HEADER),
        rawBody,
        nowSeconds: Math.floor(now() / 1000),
        toleranceSeconds: tolerance,
      });
      if (!guard.claim(signature)) {
        throw new AppError('WEBHOOK_REPLAYED', 'This signed webhook was already received.', 409);
      }
      c.set('signature', signature);
      try {
        JSON.parse(rawBody);
      } catch (e) {
        guard.release(signature);
        throw new AppError('MALFORMED_JSON', `The webhook body is not valid JSON: ${(e as Error).message}`, 400);
      }
      await next();
      // Not stored (invalid body, inbox down): a corrected or retried delivery must not count as a replay.
      if (c.error || c.res.status >= 300) guard.release(signature);
    },
    zValidator('json', netSuiteChangeSchema, (result) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
        throw new ValidationError(`Invalid change notification: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`, details);
      }
    }),
    async (c) => {
      const change = c.req.valid('json');
      const signature = c.get('signature');
      const result = await deps.inbox.append([
        {
          source: 'netsuite-webhook',
          sourceKey: changeKey(change, signature),
          recordType: change.recordType,
          recordId: change.id,
          payload: change,
          receivedAt: new Date(now()),
        },
      ]);
      deps.logger.info(
        { recordType: change.recordType, recordId: change.id, event: change.event, duplicate: result.duplicates > 0 },
        'netsuite change received',
      );
      return c.json({ status: result.inserted > 0 ? 'stored' : 'duplicate' }, result.inserted > 0 ? 202 : 200);
    },
  );
  return app;
}
