import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../logging/logger.js';

/** A domain error with a stable code; the error funnel turns it into the JSON error body. */
export class AppError extends Error {
  readonly isAppError = true;
  constructor(
    readonly code: string,
    message: string,
    readonly status: ContentfulStatusCode = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError =>
  typeof e === 'object' && e !== null && (e as { isAppError?: unknown }).isAppError === true;

export class NotFoundError extends AppError {
  constructor(message = 'Not found', details?: unknown) {
    super('NOT_FOUND', message, 404, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'A valid bearer token is required', details?: unknown) {
    super('UNAUTHORIZED', message, 401, details);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super('VALIDATION_FAILED', message, 400, details);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** The one error funnel: domain errors keep their code; anything unknown is a logged, generic 500. */
export function makeErrorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (isAppError(err)) return c.json(errorBody(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      return c.json(errorBody(status === 401 ? 'UNAUTHORIZED' : 'HTTP_ERROR', err.message || 'Request failed'), status);
    }
    logger.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('INTERNAL', 'Internal error'), 500);
  };
}

export const notFoundHandler = (c: Context) =>
  c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), 404);
