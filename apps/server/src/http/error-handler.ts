// Turns anything thrown while handling a request into a response from the
// error registry. Invariants: every error body has a registry code; schema
// failures become `bad_request` with the problems in plain words; a database
// that is down, full or locked becomes 503 with Retry-After (clients keep
// their queue); unknown errors are logged with their stack and reach the
// client as a bare `internal_error`, never with internals.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { isDatabaseUnavailable } from '../db/failures.js';
import { ApiError, errorBody, type ErrorCode, type ErrorDetails } from '../errors.js';

export const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  details: ErrorDetails = {},
  retryAfterSeconds?: number,
): FastifyReply {
  const body = errorBody(code, details);
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}

/** "body.events[3].seq must be integer"; unknown fields are named. */
export function describeValidationIssue(part: string, issue: ValidationIssue): string {
  const path = (issue.instancePath ?? '')
    .split('/')
    .filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join('');
  const where = `${part}${path}`;
  if (issue.keyword === 'additionalProperties') {
    return `${where} has an unknown field "${String(issue.params?.additionalProperty)}"`;
  }
  if (issue.keyword === 'required') {
    return `${where}.${String(issue.params?.missingProperty)} is required`;
  }
  return `${where} ${issue.message ?? 'is not valid'}`;
}

function classify(error: FastifyError): { code: ErrorCode; details: ErrorDetails } | null {
  if (error.validation !== undefined) {
    const part = error.validationContext ?? 'body';
    const problems = error.validation.map((issue) => describeValidationIssue(part, issue));
    return { code: 'bad_request', details: { problems } };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'body_too_large', details: {} };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'wrong_content_type', details: {} };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'invalid_json', details: {} };
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { code: 'bad_request', details: {} };
  return null;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return sendError(reply, error.code, error.details, error.retryAfterSeconds);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendError(reply, 'database_unavailable', {}, RETRY_AFTER_UNAVAILABLE_SECONDS);
    }
    const known = classify(error);
    if (known !== null) return sendError(reply, known.code, known.details);
    request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, 'internal_error');
  });
}
