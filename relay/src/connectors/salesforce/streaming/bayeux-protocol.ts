import { z } from 'zod';

/** A Bayeux reply or delivered message as Salesforce sends it; extra fields pass through. */
export const bayeuxReplySchema = z.looseObject({
  channel: z.string().nullable().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  clientId: z.string().optional(),
  successful: z.boolean().optional(),
  error: z.string().optional(),
  subscription: z.string().optional(),
  advice: z
    .looseObject({
      reconnect: z.enum(['retry', 'handshake', 'none']).optional(),
      interval: z.number().optional(),
      timeout: z.number().optional(),
    })
    .optional(),
  ext: z.record(z.string(), z.unknown()).optional(),
  data: z.unknown().optional(),
});
export type BayeuxReply = z.infer<typeof bayeuxReplySchema>;
export type Advice = NonNullable<BayeuxReply['advice']>;

export const bayeuxBodySchema = z.array(bayeuxReplySchema);

/** `data` of a CDC or platform event message. */
export const eventDataSchema = z.looseObject({
  schema: z.string().optional(),
  payload: z.record(z.string(), z.unknown()),
  event: z.looseObject({ replayId: z.number().int(), EventUuid: z.string().optional() }),
});

export type BayeuxFailureKind =
  | 'auth' // 401::Authentication invalid, 403::Handshake denied (failureReason 401), HTTP 401
  | 'unknown-client' // 403::Unknown client, advice reconnect handshake
  | 'replay-invalid' // 400::The replayId {N} you provided was invalid...
  | 'client-limit' // 403::Organization concurrent user limit exceeded
  | 'busy' // 503::...
  | 'network' // fetch failed, timeout, non-JSON body, HTTP 5xx
  | 'login' // auth.session() failed (raised by the subscriber, not the wire)
  | 'rejected'; // any other Bayeux failure (unknown channel, bad request)

/** A failed Bayeux exchange, classified for the subscriber's recovery logic. */
export class BayeuxError extends Error {
  readonly isBayeuxError = true;
  constructor(
    readonly kind: BayeuxFailureKind,
    message: string,
    readonly bayeuxChannel?: string,
    readonly advice?: Advice,
  ) {
    super(message);
    this.name = 'BayeuxError';
  }
}

export const isBayeuxError = (e: unknown): e is BayeuxError =>
  typeof e === 'object' && e !== null && (e as { isBayeuxError?: unknown }).isBayeuxError === true;

/** Turns an unsuccessful reply into a classified error (error strings from PROTOCOL-NOTES §1.5). */
export function failureOf(reply: BayeuxReply): BayeuxError {
  const error = reply.error ?? 'unsuccessful reply without error text';
  const failureReason = (reply.ext?.sfdc as { failureReason?: unknown } | undefined)?.failureReason;
  const text = typeof failureReason === 'string' ? `${error} (${failureReason})` : error;
  const channel = reply.channel ?? undefined;
  if (/^401::/.test(error) || (typeof failureReason === 'string' && /^401::/.test(failureReason))) {
    return new BayeuxError('auth', text, channel, reply.advice);
  }
  if (/^403::Unknown client/i.test(error) || reply.advice?.reconnect === 'handshake') {
    return new BayeuxError('unknown-client', text, channel, reply.advice);
  }
  if (/^400::The replayId .* you provided was invalid/.test(error)) return new BayeuxError('replay-invalid', text, channel);
  if (/concurrent user limit/i.test(error)) return new BayeuxError('client-limit', text, channel);
  if (/^503::/.test(error)) return new BayeuxError('busy', text, channel);
  return new BayeuxError('rejected', text, channel, reply.advice);
}
